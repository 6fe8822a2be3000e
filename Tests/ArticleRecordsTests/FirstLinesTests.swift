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

/// `firstLines(of:count:)` gives what `String.split(separator: "\n")` gives on generated texts
/// made of the pieces that decide a line break: line feeds, "\r\n", lone carriage returns,
/// combining marks after a line feed, blank lines, and words in several scripts.
@Suite struct FirstLinesPropertyTests {
  static let pieces = [
    "\n", "\n", "\r\n", "\r", "\n\u{301}", " ", "\n\n", "Seoul", "Київ", "毎日新聞", "2025",
    "é", "e\u{301}", "—", "\t", "유용원",
  ]

  @Test func firstLinesAnswerAsSplitOnGeneratedTexts() {
    var generator = SplitMix64(seed: 20)
    var failures: [String] = []
    for _ in 0..<3000 {
      let length = Int(generator.next() % 16)
      let text = (0..<length).map { _ in
        Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
      }.joined()
      for count in 1...4 {
        let found = PublicationDateInference.firstLines(of: text, count: count).map(String.init)
        let split = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(count)
          .map(String.init)
        if found != split, failures.count < 5 {
          failures.append("\(text.debugDescription) count \(count): \(found) vs \(split)")
        }
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}
