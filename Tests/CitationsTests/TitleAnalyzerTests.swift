import Citations
import NormalizeTestSupport
import Testing

@Suite("Title analysis")
struct TitleAnalyzerTests {
  static let cases = CaseTable.loadOrEmpty("titles.json", in: CitationsFixtures.cases, as: TitleCase.self)

  @Test("the case table is well formed")
  func wellFormed() throws {
    let cases = try CaseTable.load("titles.json", in: CitationsFixtures.cases, as: TitleCase.self)
    #expect(Set(cases.map(\.label)).count == cases.count)
    for c in cases { #expect(["pass", "knownFailure"].contains(c.expect), "\(c.label)") }
  }

  @Test(arguments: cases)
  func analyzes(_ testCase: TitleCase) throws {
    let parser = try #require(CitationsFixtures.parser)
    let (analysis, _) = parser.analyzeTitle(testCase.input)
    let check = {
      if let title = testCase.title { #expect(analysis.title.hasSameScalars(as: title), "title \(analysis.title.escapedScalars)") }
      if let language = testCase.language { #expect(analysis.language == language) }
      if let romanized = testCase.romanized { #expect(analysis.romanized == romanized) }
      if let translated = testCase.translated { #expect(analysis.translated == translated) }
      if let source = testCase.translationSource { #expect(analysis.translationSource == source) }
    }
    if testCase.expect == "knownFailure" {
      withKnownIssue { check() }
    } else {
      check()
    }
  }
}
