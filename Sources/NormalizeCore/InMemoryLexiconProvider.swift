/// Lexicons given as strings, for tests and for embedding small tables.
///
/// ```swift
/// let lexicons = InMemoryLexiconProvider(["stopwords": ["it": "il\nla\ndi"]])
/// lexicons.languages(forKind: "stopwords")  // ["it"]
/// ```
public struct InMemoryLexiconProvider: LexiconProvider {
  private let tables: [String: [String: String]]

  /// - Parameter tables: `[kind: [language: file contents]]`.
  public init(_ tables: [String: [String: String]]) { self.tables = tables }

  /// The languages with a table of `kind`, sorted.
  public func languages(forKind kind: String) -> [String] {
    (tables[kind].map { Array($0.keys) } ?? []).sorted()
  }

  /// Parses the table of `kind` in `language` (named `<language>/<kind>.tsv` in errors); empty when
  /// there is none.
  public func entries(kind: String, language: String) throws -> [LexiconEntry] {
    guard let contents = tables[kind]?[language] else { return [] }
    return try LexiconParser.parse(contents, path: "\(language)/\(kind).tsv", language: language)
  }
}
