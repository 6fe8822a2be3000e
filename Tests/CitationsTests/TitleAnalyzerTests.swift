import Citations
import NormalizeTestSupport
import Testing

@Suite("Title analysis")
struct TitleAnalyzerTests {
  static func cases() throws -> [TitleCase] {
    try CaseTable.load("titles.json", in: CitationsFixtures.cases, as: TitleCase.self)
  }

  @Test("the case table is well formed")
  func wellFormed() throws {
    _ = try CitationsFixtures.wellFormedTable("titles.json", as: TitleCase.self)
  }

  @Test(arguments: try cases())
  func analyzes(_ testCase: TitleCase) throws {
    let parser = try #require(CitationsFixtures.parser)
    let (analysis, _) = parser.analyzeTitle(testCase.input)
    let check = {
      if let title = testCase.title {
        #expect(analysis.title.hasSameScalars(as: title), "title \(analysis.title.escapedScalars)")
      }
      if let language = testCase.language { #expect(analysis.language == language) }
      if let romanized = testCase.romanized { #expect(analysis.romanized == romanized) }
      if let translated = testCase.translated { #expect(analysis.translated == translated) }
      if let source = testCase.translationSource { #expect(analysis.translationSource == source) }
    }
    CitationsFixtures.run(testCase, check)
  }
}
