import NormalizeTestSupport
import Testing

@testable import ArticleRecords

struct FirstLinesCase: Decodable, CustomTestStringConvertible, Sendable {
  let label: String
  let comment: String?
  let text: String
  let lines: [String]
  var testDescription: String { label }
}

/// The first lines of a body, found on its UTF-8 bytes (`Cases/first-lines.json`), are the
/// ones `String.split(separator: "\n")` gives.
@Suite struct FirstLinesTests {
  static let folder = CaseTable.folder(besides: #filePath)

  @Test(arguments: try CaseTable.load("first-lines.json", in: folder, as: FirstLinesCase.self))
  func firstLinesAnswerAsSplit(_ c: FirstLinesCase) {
    let found = PublicationDateInference.firstLines(of: c.text, count: 3).map(String.init)
    #expect(found == c.lines, "\(c.label)")
    let split = c.text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true)
      .prefix(3).map(String.init)
    #expect(found == split, "\(c.label)")
  }
}
