import NormalizeCore

/// What an element's `class` and `id` say about it (`Lexicons/<lang>/html-hints.tsv`): comment
/// sections, related-article blocks, menus and share bars, the article body, captions.
///
/// ```swift
/// let hints = try ClassHints(lexicons: InMemoryLexiconProvider(["html-hints": ["all": "comments\tpart\tcomment"]]))
/// hints.effects(classAndID: Array("article-comments".utf8)).contains(.comments)   // true
/// hints.effects(classAndID: Array("kommentar-liste".utf8))   // with de/html-hints.tsv: .comments
/// ```
public struct ClassHints: Sendable {
  /// What a matching word says.
  public enum Effect: String, Sendable, CaseIterable {
    case comments, related, unlikely, likely, positive, negative, caption

    var bit: Effects { Effects(rawValue: 1 << UInt8(Effect.allCases.firstIndex(of: self) ?? 0)) }
  }

  /// A set of effects, as bits (one per element of a page: no hashing, no allocation).
  public struct Effects: OptionSet, Sendable, Equatable {
    /// The effects as bits, one per `Effect` in declaration order.
    public let rawValue: UInt8
    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whether the set holds `effect` (`.comments` for class "kommentare" with de/html-hints.tsv).
    public func contains(_ effect: Effect) -> Bool { rawValue & effect.bit.rawValue != 0 }
  }

  /// The hint words, laid end to end (lowercased UTF-8), in lexicon order.
  let words: [UInt8]
  /// Per hint: where its word starts in `words`; one more entry closes the last word.
  let wordStarts: [Int32]
  /// Per hint: the bit of its effect.
  let effectBits: [UInt8]
  /// Per hint: whether its word must be a whole token ("token") or may be part of one ("part").
  let wholeTokens: [Bool]
  /// The hints of two bytes or more by the first two bytes of their word: those starting with
  /// bytes `a b` are `hintsByPair[pairStarts[a << 8 | b]..<pairStarts[(a << 8 | b) + 1]]`. Flat
  /// arrays, so that matching a page's thousands of class names retains and releases nothing,
  /// and a start whose two bytes begin no hint is passed over at once.
  let pairStarts: [Int32]
  let hintsByPair: [Int32]
  /// The hints of one byte (any length below two), by that byte, as `pairStarts` (rarely any).
  let singleStarts: [Int32]
  let singleHints: [Int32]

  /// The lexicon kind read.
  public static let kind = "html-hints"

  /// Reads every language's `html-hints.tsv`.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line that is not effect, match, word.
  public init(lexicons: any LexiconProvider) throws {
    var words: [UInt8] = []
    var wordStarts: [Int32] = []
    var effectBits: [UInt8] = []
    var wholeTokens: [Bool] = []
    for entry in try lexicons.allEntries(kind: Self.kind) {
      guard entry.fields.count == 3, let effect = Effect(rawValue: entry.fields[0]),
        entry.fields[1] == "part" || entry.fields[1] == "token"
      else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message:
            "expected effect<TAB>part|token<TAB>word with effect one of \(Effect.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      wordStarts.append(Int32(words.count))
      words += Array(entry.fields[2].lowercased().utf8)
      effectBits.append(effect.bit.rawValue)
      wholeTokens.append(entry.fields[1] == "token")
    }
    wordStarts.append(Int32(words.count))
    // Counted, then placed (65,536 lists would cost more than the table).
    func table(size: Int, key: (Int) -> Int?) -> (starts: [Int32], hints: [Int32]) {
      var starts = [Int32](repeating: 0, count: size + 1)
      for hint in effectBits.indices { if let key = key(hint) { starts[key + 1] += 1 } }
      for index in 0..<size { starts[index + 1] += starts[index] }
      var next = starts
      var hints = [Int32](repeating: 0, count: Int(starts[size]))
      for hint in effectBits.indices {
        guard let key = key(hint) else { continue }
        hints[Int(next[key])] = Int32(hint)
        next[key] += 1
      }
      return (starts, hints)
    }
    func length(_ hint: Int) -> Int { Int(wordStarts[hint + 1] - wordStarts[hint]) }
    self.words = words
    self.wordStarts = wordStarts
    self.effectBits = effectBits
    self.wholeTokens = wholeTokens
    (pairStarts, hintsByPair) = table(size: 256 * 256) { hint in
      let start = Int(wordStarts[hint])
      return length(hint) < 2 ? nil : Int(words[start]) << 8 | Int(words[start + 1])
    }
    (singleStarts, singleHints) = table(size: 256) { hint in
      length(hint) == 1 ? Int(words[Int(wordStarts[hint])]) : nil
    }
  }

  /// The effects whose words appear in `classAndID` (ASCII-lowercased bytes of the class and
  /// id attributes).
  public func effects(classAndID bytes: [UInt8]) -> Effects {
    guard !bytes.isEmpty else { return Effects() }
    // A hint's bit is set once found; the order hints are tried in does not change the set.
    return bytes.withUnsafeBufferPointer { buffer in
      words.withUnsafeBufferPointer { words in
        wordStarts.withUnsafeBufferPointer { wordStarts in
          effectBits.withUnsafeBufferPointer { effectBits in
            wholeTokens.withUnsafeBufferPointer { wholeTokens in
              pairStarts.withUnsafeBufferPointer { pairStarts in
                hintsByPair.withUnsafeBufferPointer { hintsByPair in
                  var found: UInt8 = 0
                  func tryHints(_ hints: UnsafeBufferPointer<Int32>, at start: Int) {
                    for hint in hints {
                      let hint = Int(hint)
                      let bit = effectBits[hint]
                      guard found & bit == 0 else { continue }
                      let word = UnsafeBufferPointer(
                        rebasing: words[Int(wordStarts[hint])..<Int(wordStarts[hint + 1])])
                      if Self.matches(word, wholeToken: wholeTokens[hint], at: start, in: buffer) {
                        found |= bit
                      }
                    }
                  }
                  for start in 0..<buffer.count {
                    let first = Int(buffer[start])
                    if !singleHints.isEmpty, singleStarts[first] < singleStarts[first + 1] {
                      singleHints.withUnsafeBufferPointer { singles in
                        tryHints(
                          UnsafeBufferPointer(
                            rebasing: singles[
                              Int(singleStarts[first])..<Int(singleStarts[first + 1])]),
                          at: start)
                      }
                    }
                    guard start + 1 < buffer.count else { continue }
                    let pair = first << 8 | Int(buffer[start + 1])
                    let slots = Int(pairStarts[pair])..<Int(pairStarts[pair + 1])
                    guard !slots.isEmpty else { continue }
                    tryHints(UnsafeBufferPointer(rebasing: hintsByPair[slots]), at: start)
                  }
                  return Effects(rawValue: found)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Whether `word` (whose first byte is known to match) is at `start` in `bytes`, as a whole
  /// token when `wholeToken`.
  private static func matches(
    _ word: UnsafeBufferPointer<UInt8>, wholeToken: Bool, at start: Int,
    in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard start + word.count <= bytes.count else { return false }
    for offset in 1..<max(1, word.count) where bytes[start + offset] != word[offset] {
      return false
    }
    guard wholeToken else { return true }
    let before = start == 0 || !isLetterOrDigit(bytes[start - 1])
    let after = start + word.count == bytes.count || !isLetterOrDigit(bytes[start + word.count])
    return before && after
  }

  static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
  }

  static func find(_ word: [UInt8], in bytes: [UInt8], wholeToken: Bool) -> Bool {
    guard let first = word.first, word.count <= bytes.count else { return false }
    // On the buffers in place: no bounds check per byte compared (this runs for every
    // element's class and id against every hint word).
    return word.withUnsafeBufferPointer { word in
      bytes.withUnsafeBufferPointer { bytes in
        var index = 0
        let last = bytes.count - word.count
        while index <= last {
          if bytes[index] == first {
            var matches = true
            for offset in 1..<word.count where bytes[index + offset] != word[offset] {
              matches = false
              break
            }
            if matches {
              if !wholeToken { return true }
              let before = index == 0 || !isLetterOrDigit(bytes[index - 1])
              let after =
                index + word.count == bytes.count || !isLetterOrDigit(bytes[index + word.count])
              if before && after { return true }
            }
          }
          index += 1
        }
        return false
      }
    }
  }

}
