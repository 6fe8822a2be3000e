import NormalizeCore

/// The tables of one lexicon kind, one per language, each built when its language is first
/// asked for: a process reading English news never parses the German, Greek or Korean date
/// words (`Lexicons/de/date-grammar.tsv`, `Lexicons/ko/cjk-dates.tsv`). A language whose file
/// is not only the data compiled into the binary (`LexiconProvider.isCompiledIn`) is built at
/// `init`, so that a malformed line of the user's is reported when the service starts.
///
/// ```swift
/// let cjk = try LanguageTables(lexicons: lexicons, kind: CJKVocabulary.kind) {
///   try CJKVocabulary.parse($0)
/// }
/// cjk["ko"]  // built now from Lexicons/ko/cjk-dates.tsv ("지난해", "작년"), then kept
/// cjk["en"]  // nil: there is no en/cjk-dates.tsv
/// ```
///
/// Thread-safe: two jobs asking for one language at once get the same table (`BuildOnceMap`).
final class LanguageTables<Value: Sendable>: Sendable {
  /// The languages with a file of the kind, sorted (`LexiconProvider.languages(forKind:)`).
  let languages: [String]
  private let languageSet: Set<String>
  /// Tables of the languages with a file of the user's, built at `init`.
  private let builtAtStart: [String: Value]
  /// Tables of compiled-in languages, built on first use (nil: the data failed to build, which
  /// the tests rule out by building every language).
  private let builtOnUse = BuildOnceMap<String, Value?>()
  private let lexicons: any LexiconProvider
  private let kind: String
  private let build: @Sendable ([LexiconEntry]) throws -> Value

  /// - Throws: the error of `build` or of the provider for a language with a user's file.
  init(
    lexicons: any LexiconProvider, kind: String,
    build: @escaping @Sendable ([LexiconEntry]) throws -> Value
  ) throws {
    languages = lexicons.languages(forKind: kind)
    languageSet = Set(languages)
    var builtAtStart: [String: Value] = [:]
    for language in languages where !lexicons.isCompiledIn(kind: kind, language: language) {
      builtAtStart[language] = try build(try lexicons.entries(kind: kind, language: language))
    }
    self.builtAtStart = builtAtStart
    self.lexicons = lexicons
    self.kind = kind
    self.build = build
  }

  /// Whether `language` has a file of the kind (its table may not be built yet).
  func contains(_ language: String) -> Bool { languageSet.contains(language) }

  /// The entries of `language`'s file (cached by the provider); empty when there is none.
  func entries(_ language: String) -> [LexiconEntry] {
    guard languageSet.contains(language) else { return [] }
    return (try? lexicons.entries(kind: kind, language: language)) ?? []
  }

  /// The table of `language`, built on the first call; nil when it has no file.
  subscript(language: String) -> Value? {
    if let table = builtAtStart[language] { return table }
    guard languageSet.contains(language) else { return nil }
    return builtOnUse.value(language) {
      try? build(try lexicons.entries(kind: kind, language: language))
    }
  }
}
