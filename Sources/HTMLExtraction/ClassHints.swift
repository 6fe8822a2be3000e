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

  /// One word and how it must appear.
  struct Hint: Sendable {
    var effect: Effect
    var word: [UInt8]
    var wholeToken: Bool
  }

  let hints: [Hint]
  /// Indexes into `hints` by the first byte of their word.
  let byFirstByte: [[Int]]

  /// The lexicon kind read.
  public static let kind = "html-hints"

  /// Reads every language's `html-hints.tsv`.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line that is not effect, match, word.
  public init(lexicons: any LexiconProvider) throws {
    var hints: [Hint] = []
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
      hints.append(
        Hint(
          effect: effect, word: Array(entry.fields[2].lowercased().utf8),
          wholeToken: entry.fields[1] == "token"))
    }
    self.hints = hints
    var index = Array(repeating: [Int](), count: 256)
    for (position, hint) in hints.enumerated() {
      if let first = hint.word.first { index[Int(first)].append(position) }
    }
    byFirstByte = index
  }

  /// The effects whose words appear in `classAndID` (ASCII-lowercased bytes of the class and
  /// id attributes).
  public func effects(classAndID bytes: [UInt8]) -> Effects {
    var found = Effects()
    guard !bytes.isEmpty else { return found }
    bytes.withUnsafeBufferPointer { buffer in
      for start in 0..<buffer.count {
        for position in byFirstByte[Int(buffer[start])] {
          let hint = hints[position]
          guard !found.contains(hint.effect), Self.matches(hint, at: start, in: buffer) else {
            continue
          }
          found.insert(hint.effect.bit)
        }
      }
    }
    return found
  }

  private static func matches(_ hint: Hint, at start: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let word = hint.word
    guard start + word.count <= bytes.count else { return false }
    for offset in 1..<max(1, word.count) where bytes[start + offset] != word[offset] {
      return false
    }
    guard hint.wholeToken else { return true }
    let before = start == 0 || !isLetterOrDigit(bytes[start - 1])
    let after = start + word.count == bytes.count || !isLetterOrDigit(bytes[start + word.count])
    return before && after
  }

  static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
  }

  static func find(_ word: [UInt8], in bytes: [UInt8], wholeToken: Bool) -> Bool {
    guard let first = word.first, word.count <= bytes.count else { return false }
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
