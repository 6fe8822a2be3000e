/// A temporal expression found by the grammar: a token span and what it means.
struct Candidate: Sendable {
  /// Token indexes, end exclusive.
  var start: Int
  var end: Int
  var meaning: Meaning
  /// TIMEX3 type: DATE, TIME, DURATION, SET.
  var type: String
  var mod: String?

  init(_ start: Int, _ end: Int, _ meaning: Meaning, type: String = "DATE", mod: String? = nil) {
    self.start = start
    self.end = end
    self.meaning = meaning
    self.type = type
    self.mod = mod
  }

  /// The same candidate widened to start at `start` (a determiner or modifier before it).
  func widened(to start: Int, mod: String? = nil) -> Candidate {
    var copy = self
    copy.start = start
    if let mod { copy.mod = mod }
    return copy
  }
}
