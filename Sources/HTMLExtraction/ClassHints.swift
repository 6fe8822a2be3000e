import NormalizeCore

/// What an element's `class` and `id` say about it (`Lexicons/<lang>/html-hints.tsv`): comment
/// sections, related-article blocks, menus and share bars, the article body, captions.
///
/// ```swift
/// let hints = try ClassHints(lexicons: InMemoryLexiconProvider(["html-hints": ["all": "comments\tpart\tcomment"]]))
/// hints.effects(classAndID: "article-comments").contains(.comments)   // true
/// hints.effects(classAndID: "kommentar-liste")                        // with de/html-hints.tsv: [.comments]
/// ```
public struct ClassHints: Sendable {
  /// What a matching word says.
  public enum Effect: String, Sendable, CaseIterable {
    case comments, related, unlikely, likely, positive, negative, caption
  }

  /// One word and how it must appear.
  struct Hint: Sendable {
    var effect: Effect
    var word: [UInt8]
    var wholeToken: Bool
  }

  let hints: [Hint]

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
          message: "expected effect<TAB>part|token<TAB>word with effect one of \(Effect.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      hints.append(Hint(effect: effect, word: Array(entry.fields[2].lowercased().utf8), wholeToken: entry.fields[1] == "token"))
    }
    self.hints = hints
  }

  /// The effects whose words appear in `classAndID` (already lowercased).
  public func effects(classAndID: String) -> Set<Effect> {
    var found = Set<Effect>()
    guard !classAndID.isEmpty else { return found }
    let bytes = Array(classAndID.utf8)
    for hint in hints where !found.contains(hint.effect) {
      if Self.find(hint.word, in: bytes, wholeToken: hint.wholeToken) { found.insert(hint.effect) }
    }
    return found
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
          let after = index + word.count == bytes.count || !isLetterOrDigit(bytes[index + word.count])
          if before && after { return true }
        }
      }
      index += 1
    }
    return false
  }
}
