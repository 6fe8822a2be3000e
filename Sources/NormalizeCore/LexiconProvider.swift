/// Supplies lexicon tables to the library. Services take a provider in `init` and never look
/// for files themselves (icu4x's provider pattern).
///
/// A lexicon file is `Lexicons/<language>/<kind>.tsv`: UTF-8 in NFC, one entry per line,
/// fields separated by TAB, `#` comments and blank lines ignored.
///
/// ```swift
/// let lexicons = InMemoryLexiconProvider(["boilerplate": ["it": "related-block\t^ultime notizie$"]])
/// try lexicons.entries(kind: "boilerplate", language: "it").first?.fields  // ["related-block", "^ultime notizie$"]
/// ```
public protocol LexiconProvider: Sendable {
  /// Languages (folder names such as "en", "ko", "all") that have a file of this kind.
  func languages(forKind kind: String) -> [String]

  /// The parsed entries of `<language>/<kind>.tsv`, in file order; empty when there is no such file.
  ///
  /// - Throws: `LexiconError` naming the file and line of the first malformed line.
  func entries(kind: String, language: String) throws -> [LexiconEntry]

  /// Whether `<language>/<kind>.tsv` is only the data compiled into the binary, which the tests
  /// read whole: a service may then build its tables from it on first need instead of at
  /// start-up, as reading it cannot fail (`DateResolver` builds the German date grammar for the
  /// first German text). False when a file of the user's adds to it: its errors are reported
  /// when the service starts.
  func isCompiledIn(kind: String, language: String) -> Bool
}

extension LexiconProvider {
  /// False: a provider's data is read when a service starts unless it says otherwise.
  public func isCompiledIn(kind: String, language: String) -> Bool { false }

  /// The entries of `kind` in every language, languages in sorted order.
  public func allEntries(kind: String) throws -> [LexiconEntry] {
    try languages(forKind: kind).sorted().flatMap { try entries(kind: kind, language: $0) }
  }
}

/// One line of a lexicon file.
public struct LexiconEntry: Sendable, Equatable {
  /// The TAB-separated fields, each trimmed of surrounding spaces.
  public var fields: [String]
  /// The file, relative to the lexicon root ("it/boilerplate.tsv").
  public var path: String
  /// 1-based line number.
  public var line: Int
  /// The folder (language) the file is in.
  public var language: String

  /// Creates an entry.
  public init(fields: [String], path: String, line: Int, language: String) {
    self.fields = fields
    self.path = path
    self.line = line
    self.language = language
  }

  /// Where the entry is, as `path:line`.
  public var location: String { "\(path):\(line)" }
}
