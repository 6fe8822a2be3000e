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
    let record = try Fixtures.assembler().assemble(
      ArticleInput(id: "undated", text: "On Thursday the lawmaker met them in Kyiv."))
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

  /// Dates the article tells as history are never its publication date.
  @Test(
    arguments: [
      (
        "On September 30, 1882, the first hydroelectric plant opened in Appleton. It ran 136 years ago.",
        nil
      ),
      ("The museum, founded on 3 March 1921, reopens today.", nil),
      ("Historians date the treaty to June 28, 1919, in Versailles.", nil),
      ("SEOUL, May 28, 2025 — Officials said talks would resume.", "2025-05-28"),
      ("Kyiv, 27 May 2025 – The council met on Tuesday.", "2025-05-27"),
      ("May 28, 2025\n\nOfficials said talks would resume.", "2025-05-28"),
      ("Talks resume in Geneva (28.05.2025)\nOfficials said talks would resume.", "2025-05-28"),
      ("Hallo, ich habe am 12.12.2019 zwei Pakete bestellt.\nEines kam nie an.", nil),
      ("Bonjour, j'ai commandé deux colis le 12/12/2019.\nL'un est arrivé abîmé.", nil),
      (
        "The prime minister arrives at the party conference in Birmingham, Britain, September 29, 2018.\nShe spoke for an hour.",
        nil
      ),
    ] as [(String, String?)])
  func onlyADatelineDatesTheArticle(_ text: String, _ expected: String?) throws {
    let record = try Fixtures.assembler().assemble(ArticleInput(id: "history", text: text))
    #expect(record.published?.value == expected, "\(text)")
  }
}
