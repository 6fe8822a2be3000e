import NormalizeCore

/// Words that mark a neighbouring capitalised span as a person's name, from every
/// `Lexicons/<lang>/name-cues.tsv`: titles before it ("Foreign Minister Cho Tae-yul",
/// "Mr. Lee", "lawmaker Yoo"), titles after it (Korean "유용원 의원") and verbs after it
/// ("Zelensky said").
struct NameCues: Sendable {
  static let kind = "name-cues"

  private(set) var titles: Set<String> = []
  private(set) var verbs: Set<String> = []
  /// Titles written after the name (Korean: 유용원 의원, 장세율 씨).
  private(set) var titlesAfter: Set<String> = []
  /// Words that make a capitalised span an organisation or a thing ("Co", "Agreement").
  private(set) var notPerson: Set<String> = []
  /// A quick filter in front of the sets: which (first byte, byte length) pairs any cue has,
  /// so most words of running text are rejected without hashing them.
  private var shapes = [Bool](repeating: false, count: 256 * 32)

  private static func shape(_ word: String) -> Int? {
    guard let first = word.utf8.first else { return nil }
    let length = word.utf8.count
    guard length < 32 else { return nil }
    let lowered = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
    return Int(lowered) * 32 + length
  }

  init(lexicons: any LexiconProvider) throws {
    for entry in try lexicons.allEntries(kind: Self.kind) {
      guard entry.fields.count == 2 else {
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "expected word<TAB>role, found \(entry.fields.count) fields")
      }
      let word = entry.fields[0].lowercased()
      if let shape = Self.shape(word) { shapes[shape] = true }
      switch entry.fields[1] {
      case "title": titles.insert(word)
      case "verb": verbs.insert(word)
      case "title-after": titlesAfter.insert(word)
      case "not-person": notPerson.insert(word)
      default:
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "role \"\(entry.fields[1])\" is not title, title-after, verb or not-person")
      }
    }
  }

  func isTitle(_ word: String) -> Bool { member(word, of: titles) }
  func isVerb(_ word: String) -> Bool { member(word, of: verbs) }
  func isCue(_ word: String) -> Bool { member(word, of: titles) || member(word, of: verbs) }
  func isNotPerson(_ word: String) -> Bool { member(word, of: notPerson) }

  /// Set membership of the word or its lower-case form, behind the shape filter. (Non-ASCII
  /// first letters change their byte under lower-casing, so they skip the filter.)
  private func member(_ word: String, of set: Set<String>) -> Bool {
    if let first = word.utf8.first, first < 0x80, let shape = Self.shape(word), !shapes[shape] { return false }
    return set.contains(word) || (Self.hasUpper(word) && set.contains(word.lowercased()))
  }

  /// Whether lower-casing could change the word (cues are stored lower-case).
  private static func hasUpper(_ word: String) -> Bool {
    word.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
  }

  /// Whether `word` is a title that follows a name, alone or with a particle (의원은, 씨가).
  func startsWithTitleAfter(_ word: String) -> Bool {
    if titlesAfter.contains(word) { return true }
    var prefix = ""
    for character in word.prefix(6) {
      prefix.append(character)
      if titlesAfter.contains(prefix), word.count - prefix.count <= 2 { return true }
    }
    return false
  }
}
