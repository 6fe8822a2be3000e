import DateResolution
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// `DateResolver` reads the compiled-in `date-grammar` and `cjk-dates` lexicons of a language
/// when the language is first met (`LanguageTables`), and a user's file at start: the answers
/// are the same either way.
@Suite struct CompiledInLexiconTests {
  /// The repository's `Lexicons/` given as text, as the binary carries them: every language of
  /// the grammar and the CJK scanner is then read on first use.
  static let compiledIn: DateResolver? = {
    let root = TestPaths.repoRoot.appendingPathComponent("Lexicons")
    var embedded: [(path: String, text: String)] = []
    let fm = FileManager.default
    for language in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
      let folder = root.appendingPathComponent(language)
      for file in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      where file.hasSuffix(".tsv") {
        let url = folder.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
        embedded.append((path: "\(language)/\(file)", text: text))
      }
    }
    guard let lexicons = try? DirectoryLexiconProvider(embedded: embedded, roots: [], files: [])
    else { return nil }
    return try? DateResolver(lexicons: lexicons)
  }()

  /// Every row of every case table: the same mentions, findings and `mayReadYear(in:)` from
  /// the lexicons read on first use as from the ones read at start (`SharedResolver`, a
  /// folder). The rows run in parallel, so languages are first met by several threads at once.
  @Test(arguments: try DateCase.tables.flatMap(DateCase.load))
  func answersAsReadAtStart(_ c: DateCase) throws {
    let atStart = try #require(SharedResolver.resolver)
    let onUse = try #require(Self.compiledIn)
    for dct in [c.dct, nil] {
      let expected = atStart.resolve(c.text, dct: dct, language: c.lang)
      let got = onUse.resolve(c.text, dct: dct, language: c.lang)
      #expect(got.mentions == expected.mentions, "\(c.label) (dct \(dct ?? "none"))")
      #expect(got.findings == expected.findings, "\(c.label) (dct \(dct ?? "none"))")
    }
    #expect(onUse.mayReadYear(in: c.text) == atStart.mayReadYear(in: c.text), "\(c.label)")
  }

  /// A malformed grammar line in a folder of the user's is reported when the resolver starts,
  /// as before; the compiled-in data, which the test above reads whole, is read on first use.
  @Test func aUsersMalformedGrammarLineFailsAtStart() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("normalize-date-grammar-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("de/date-grammar.tsv")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("number\tzwei\tzwei\n".utf8).write(to: file)
    #expect(throws: DateResolutionError.self) {
      try DateResolver(lexicons: DirectoryLexiconProvider(roots: [folder]))
    }
    let grammar = "number\tzwei\t2\npast-prefix\tvor\nunit\tjahr(|e|en)\tyears\n"
    let shipped = try DirectoryLexiconProvider(
      embedded: [(path: "de/date-grammar.tsv", text: grammar)], roots: [], files: [])
    let onUse = try DateResolver(lexicons: shipped)
    let atStart = try DateResolver(
      lexicons: InMemoryLexiconProvider(["date-grammar": ["de": grammar]]))
    let text = "Die Brücke wurde vor zwei Jahren eröffnet."
    let expected = atStart.resolve(text, dct: "2025-03-18", language: "de").mentions
    #expect(!expected.isEmpty)
    #expect(onUse.resolve(text, dct: "2025-03-18", language: "de").mentions == expected)
  }

  /// A grammar phrase whose value has a year puts its first word into `mayReadYear(in:)` for
  /// any text, read on first use or at start; a decade ("date 199") and a shift do not.
  @Test func yearPhrasesAreKnownBeforeTheirLanguageIsMet() throws {
    let grammar = """
      phrase\tjahrtausendwende\tdate 2000
      phrase\tneunziger jahre\tdate 199
      phrase\tvorgestern\tday-2
      """
    let shipped = try DirectoryLexiconProvider(
      embedded: [(path: "de/date-grammar.tsv", text: grammar)], roots: [], files: [])
    let onUse = try DateResolver(lexicons: shipped)
    let atStart = try DateResolver(
      lexicons: InMemoryLexiconProvider(["date-grammar": ["de": grammar]]))
    for text in ["seit der jahrtausendwende", "die neunziger jahre", "vorgestern"] {
      #expect(onUse.mayReadYear(in: text) == atStart.mayReadYear(in: text), "\(text)")
    }
    #expect(onUse.mayReadYear(in: "seit der jahrtausendwende"))
    #expect(!onUse.mayReadYear(in: "vorgestern"))
  }
}
