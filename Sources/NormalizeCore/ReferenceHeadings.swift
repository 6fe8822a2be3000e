/// The headings articles put over a list of sources, per language (`reference-headings.tsv`):
/// "References", "Bibliografia", "Literaturverzeichnis", "Список литературы", "참고문헌", "参考文献".
/// The one home of these words: TextCleaning's structure analysis drops such a line (as
/// `reference-heading`) and keeps the lines under it as the reference section, and Citations'
/// `ReferenceLocator` finds a reference list under one.
///
/// ```swift
/// let headings = try ReferenceHeadings(lexicons: provider)
/// headings.headings(language: "de")      // ["literatur", "literaturverzeichnis", …]
/// headings.all.contains("参考文献")       // true
/// ```
public struct ReferenceHeadings: Sendable {
  /// The lexicon kind: `Lexicons/<lang>/reference-headings.tsv`.
  public static let kind = "reference-headings"

  /// Each language's headings, lower case, in file order, with the entry each came from.
  private let byLanguage: [String: [LexiconEntry]]

  /// Every language's headings, lower case.
  public let all: Set<String>

  /// Loads and checks every `reference-headings` file: one heading per line, lower case, each
  /// once per language.
  ///
  /// - Throws: `LexiconError.invalidEntry` with file and line for a line with more than one
  ///   field, a heading with an upper-case letter, or a heading listed twice.
  public init(lexicons: any LexiconProvider) throws {
    var byLanguage: [String: [LexiconEntry]] = [:]
    for language in lexicons.languages(forKind: Self.kind) {
      byLanguage[language] = try Self.entries(lexicons: lexicons, language: language)
    }
    self.byLanguage = byLanguage
    all = Set(byLanguage.values.joined().map { $0.fields[0] })
  }

  /// The headings of `language` (lower case, in file order); empty when it has no file.
  public func headings(language: String) -> [String] {
    (byLanguage[language] ?? []).map { $0.fields[0] }
  }

  /// The checked entries of one language's file (each with exactly one field).
  ///
  /// - Throws: `LexiconError.invalidEntry` as ``init(lexicons:)`` does.
  public static func entries(lexicons: any LexiconProvider, language: String) throws
    -> [LexiconEntry]
  {
    var seen = Set<String>()
    var entries: [LexiconEntry] = []
    for entry in try lexicons.entries(kind: kind, language: language) {
      guard entry.fields.count == 1, let heading = entry.fields.first else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message: "expected one heading per line, found \(entry.fields.count) fields")
      }
      guard heading == heading.lowercased() else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message: "write the heading in lower case (\"\(heading.lowercased())\")")
      }
      guard seen.insert(heading).inserted else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line, message: "\"\(heading)\" is listed twice")
      }
      entries.append(entry)
    }
    return entries
  }
}
