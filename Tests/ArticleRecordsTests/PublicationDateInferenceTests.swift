import ArticleRecords
import Foundation
import Testing

/// Without a publication date in the input, a date written in the article's dateline becomes
/// the record's `published`, marked inferred, and relative dates resolve against it.
@Suite struct PublicationDateInferenceTests {
  @Test func datelineBecomesTheInferredPublicationDate() throws {
    let text = """
      SEOUL, May 28, 2025 — Two captured soldiers asked for asylum, a lawmaker said.

      On Thursday the lawmaker met them in Kyiv, and he will return next month.
      """
    let record = try Fixtures.assembler().assemble(ArticleInput(id: "dateline", text: text))
    #expect(record.published?.value == "2025-05-28")
    #expect(record.published?.from == "inferred")
    #expect(record.findings.contains { $0.code == "inferred-published" })
    #expect(!record.findings.contains { $0.code == "no-publication-date" })
    let thursday = try #require(record.dates.first { $0.text == "Thursday" })
    #expect(thursday.value == "2025-05-22")
  }

  @Test func withoutAWrittenDateNothingIsInvented() throws {
    let record = try Fixtures.assembler().assemble(ArticleInput(id: "undated", text: "On Thursday the lawmaker met them in Kyiv."))
    #expect(record.published == nil)
    #expect(record.findings.contains { $0.code == "no-publication-date" })
    let thursday = try #require(record.dates.first { $0.text == "Thursday" })
    #expect(thursday.value.hasPrefix("XXXX") || thursday.value.contains("X"))
  }

  @Test func aGivenDateIsNeverReplaced() throws {
    let record = try Fixtures.assembler(published: "2025-06-01").assemble(
      ArticleInput(id: "dated", text: "SEOUL, May 28, 2025 — On Thursday they met."))
    #expect(record.published?.value == "2025-06-01")
    #expect(record.published?.from == "option")
  }
}
