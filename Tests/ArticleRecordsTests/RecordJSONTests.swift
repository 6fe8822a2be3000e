import ArticleRecords
import Foundation
import NormalizeCore
import Testing
import TextCleaning

/// The hand-written JSON line writer produces JSON that decodes back to the same record, for
/// every sample and for strings that need escaping.
@Suite struct RecordJSONTests {
  @Test(arguments: Fixtures.sampleFiles().map(\.path))
  func sampleRecordRoundTrips(path: String) throws {
    let run = try Fixtures.run(paths: [path])
    let record = try #require(run.outcomes.first?.record)
    let decoded = try JSONDecoder().decode(ArticleRecord.self, from: Data(try record.jsonLine()))
    #expect(decoded == record)
  }

  @Test func escapesQuotesBackslashesAndControls() throws {
    let tricky =
      "“Quote” \"straight\" back\\slash\ttab\nnewline \u{1}\u{1F} 유용원 Зеленський 🇺🇦 </script>"
    let record = ArticleRecord(
      id: "x\"y", source: .init(file: "a\\b.txt", line: 3, url: nil, publisher: nil),
      published: .init(value: "2025-05-28", from: "option"), lang: nil, scripts: ["Hang", "Latn"],
      title: tricky, standfirst: nil, text: tricky,
      paragraphs: [.init(start: 0, end: 5, kind: "body")],
      metadata: .init(
        LayoutMetadata(credits: [tricky], tags: [], sourceLine: nil, breadcrumb: nil)),
      removed: [.init(text: tricky, rule: "view-counter")], names: [], dates: [], references: [],
      findings: [Finding(code: "invalid-utf8", severity: .warning, byteOffset: 5, message: tricky)],
      input: ["extra": .array([.string(tricky), .number(3), .bool(true), .null])])
    let line = try record.jsonLine()
    #expect(line.last == 0x0A)
    #expect(!line.dropLast().contains(0x0A), "a record is exactly one line")
    let decoded = try JSONDecoder().decode(ArticleRecord.self, from: Data(line))
    #expect(decoded == record)
  }
}
