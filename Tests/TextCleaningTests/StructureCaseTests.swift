import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import TextCleaning

/// Paths and the shared analyzer for the structure tests.
enum StructureFixtures {
  /// The repository root (this file is Tests/TextCleaningTests/StructureCaseTests.swift).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// `../shared` beside the repository (seeds, acceptance expectations, eval data).
  static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// An analyzer over the shipped `Lexicons/` (or over the folder in `STRUCTURE_LEXICONS`, to time or
  /// score another version of the lexicons with the harness in `StructureEvalTests`).
  static func analyzer() throws -> ArticleStructureAnalyzer {
    let folder =
      ProcessInfo.processInfo.environment["STRUCTURE_LEXICONS"].map { URL(fileURLWithPath: $0) }
      ?? repositoryRoot.appendingPathComponent("Lexicons")
    let lexicons = try DirectoryLexiconProvider(roots: [folder])
    return try ArticleStructureAnalyzer(lexicons: lexicons)
  }

  static let sharedAnalyzer: Result<ArticleStructureAnalyzer, any Error> = Result { try analyzer() }
}

/// One row of `Cases/structure*.json` (schema: Cases/README.md).
struct StructureCase: Decodable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable {
    var title: String?
    var noTitle: Bool?
    var standfirst: String?
    var noStandfirst: Bool?
    var breadcrumb: String?
    var removedContains: [String]?
    var bodyContains: [String]?
    var bodyNotContains: [String]?
    var tags: [String]?
    var credits: [String]?
    var sourceLine: String?
    var references: [String]?
    var kinds: [Block]?
    /// The layout's language (the input's, else the one guess).
    var language: String?
  }
  /// A body block expected with its kind ("table", "list-item", "heading", "body").
  struct Block: Decodable, Sendable {
    var text: String
    var kind: String
  }
  var label: String
  var comment: String?
  var input: String
  var knownTitle: String?
  /// The input's language (BCP 47), passed as `knownLanguage:`.
  var language: String?
  var expected: Expected
  var expect: String

  var testDescription: String { label }

  /// The rows of `Cases/<name>`; a table that cannot be read or has no cases throws.
  static func load(_ name: String) throws -> [StructureCase] {
    try CaseTable.load(name, in: CaseTable.folder(besides: #filePath))
  }

  /// The failures of `layout` against the expectations, as messages.
  func failures(of layout: ArticleLayout) -> [String] {
    var problems: [String] = []
    let body = layout.text
    if let title = expected.title, layout.title != title {
      problems.append("title \(layout.title ?? "nil") != \(title)")
    }
    if let language = expected.language, layout.language != language {
      problems.append("language \(layout.language ?? "nil") != \(language)")
    }
    if expected.noTitle == true, let title = layout.title {
      problems.append("unexpected title \(title)")
    }
    if let standfirst = expected.standfirst, layout.standfirst != standfirst {
      problems.append("standfirst \(layout.standfirst ?? "nil") != \(standfirst)")
    }
    if expected.noStandfirst == true, let standfirst = layout.standfirst {
      problems.append("unexpected standfirst \(standfirst)")
    }
    if let breadcrumb = expected.breadcrumb, layout.metadata.breadcrumb != breadcrumb {
      problems.append("breadcrumb \(layout.metadata.breadcrumb ?? "nil") != \(breadcrumb)")
    }
    for line in expected.removedContains ?? []
    where !layout.removed.contains(where: { $0.text == line }) {
      problems.append("not removed: \(line)")
    }
    for fragment in expected.bodyContains ?? [] where !body.contains(fragment) {
      problems.append("body lacks: \(fragment)")
    }
    for fragment in expected.bodyNotContains ?? [] where body.contains(fragment) {
      problems.append("body has: \(fragment)")
    }
    if let tags = expected.tags, layout.metadata.tags != tags {
      problems.append("tags \(layout.metadata.tags)")
    }
    if let credits = expected.credits, layout.metadata.credits != credits {
      problems.append("credits \(layout.metadata.credits)")
    }
    if let source = expected.sourceLine, layout.metadata.sourceLine != source {
      problems.append("source line \(layout.metadata.sourceLine ?? "nil")")
    }
    if let references = expected.references, layout.referenceSection != references {
      problems.append("references \(layout.referenceSection)")
    }
    for block in expected.kinds ?? []
    where !layout.blocks.contains(where: { $0.text == block.text && $0.kind.rawValue == block.kind }
    ) {
      problems.append("no \(block.kind) block: \(block.text)")
    }
    return problems
  }
}

@Suite("Structure case tables")
struct StructureCaseTests {
  static func cases() throws -> [StructureCase] { try StructureCase.load("structure.json") }

  @Test("every case is well formed")
  func wellFormed() throws {
    let cases = try Self.cases()
    let problems = CaseRunner.problems(in: cases)
    #expect(problems.isEmpty, "\(problems)")
    for row in cases {
      #expect(!row.input.isEmpty, "\(row.label): empty input")
    }
  }

  @Test(arguments: try cases())
  func structureCase(_ row: StructureCase) throws {
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    let layout = analyzer.analyze(
      row.input, knownTitle: row.knownTitle, knownLanguage: row.language)
    let problems = row.failures(of: layout)
    CaseRunner.run(row) { #expect(problems.isEmpty, "\(problems)") }
  }

  @Test("a second pass over the body leaves it unchanged", arguments: try cases())
  func secondPass(_ row: StructureCase) throws {
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    let body = analyzer.analyze(row.input, knownTitle: row.knownTitle).text
    let again = analyzer.analyze(body, knownTitle: nil)
    #expect(again.text == body)
    #expect(again.title == nil, "second pass took a title: \(again.title ?? "")")
  }

  @Test("an indented wire body under an unindented headline is unwrapped")
  func unwrapIndentedBody() {
    // Cleaned text: indentation capped at four spaces, as NormalizeWhitespace leaves it.
    let text = """
      TIMBER PRICES FIRM ON NORDIC DEMAND
        OSLO, April 7 - Timber prices firmed this week as Nordic
        mills bought ahead of the spring building season, traders
        said.
          Sawn pine rose about two pct, they said.
          Prices in crowns per cubic metre:
          Pine 1,840 1,805
          Spruce 1,720 1,700
      """
    let paragraphs = ParagraphSplitter.paragraphs(of: text).map(\.text)
    #expect(paragraphs.first == "TIMBER PRICES FIRM ON NORDIC DEMAND")
    #expect(paragraphs.dropFirst().first?.hasSuffix("building season, traders said.") == true)
    #expect(paragraphs.count == 6)
  }

  @Test("a malformed boilerplate regex is reported with file and line")
  func badRegex() {
    let lexicons = InMemoryLexiconProvider(["boilerplate": ["it": "menu\thome\nmenu\t(unclosed"]])
    #expect(throws: LexiconError.self) { try ArticleStructureAnalyzer(lexicons: lexicons) }
    do {
      _ = try ArticleStructureAnalyzer(lexicons: lexicons)
    } catch let error as LexiconError {
      #expect(error.description.hasPrefix("it/boilerplate.tsv:2"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("hard-wrapped wire copy is unwrapped at indented lines")
  func unwrap() {
    let text = """
      SALVADOR, Feb 26 - Showers continued throughout the week in
      the Bahia cocoa zone, alleviating the drought since early
      January and improving prospects for the coming temporao.
          The dry period means the temporao will be late this year.
          Arrivals for the week ended February 22 were 155,221 bags
      of 60 kilos making a cumulative total for the season.
      """
    let paragraphs = ParagraphSplitter.paragraphs(of: text).map(\.text)
    #expect(paragraphs.count == 3)
    #expect(paragraphs.first?.hasSuffix("coming temporao.") == true)
  }
}
