import DateResolution
import NameNormalization
import NormalizeCore
import Testing

@testable import IngestValidation

@Suite struct BatchValidatorTests {
  static let story = """
    Two North Korean soldiers captured by Ukrainian forces in the Kursk region have asked to be sent to South Korea, \
    a lawmaker in Seoul said on Thursday, adding that the government should accept them as citizens under the constitution.
    """

  @Test func exactAndNearDuplicates() {
    var batch = BatchValidator()
    batch.add(id: "a", text: Self.story, names: [])
    batch.add(id: "b", text: Self.story, names: [])
    batch.add(id: "c", text: Self.story.replacingOccurrences(of: "on Thursday", with: "on Friday"), names: [])
    batch.add(id: "d", text: "Москва и Киев обменялись пленными в воскресенье, сообщили власти обеих стран.", names: [])
    let report = batch.finish()
    let codes = report.findings.map { "\($0.article):\($0.finding.code)" }
    #expect(codes.contains("b:duplicate-article"))
    #expect(report.findings.filter { $0.finding.code == "duplicate-article" }.count == 1)
    #expect(codes.contains("c:near-duplicate-article"))
    #expect(!codes.contains { $0.hasPrefix("d:") })
    #expect(report.closestPair?.similarity == 1)
  }

  @Test func estimatedSimilarityIsClose() {
    let words = Self.story.split(separator: " ")
    let half = words.prefix(words.count / 2).joined(separator: " ")
    var batch = BatchValidator(nearDuplicateThreshold: 0.99)
    batch.add(id: "whole", text: Self.story, names: [])
    batch.add(id: "half", text: half, names: [])
    let similarity = batch.finish().closestPair?.similarity ?? 0
    // About half of the 3-shingles are shared.
    #expect(similarity > 0.3 && similarity < 0.7)
  }

  @Test func nameSpelledTwoWaysAcrossTheBatch() {
    func mention(_ text: String) -> NameMention {
      NameMention(start: 0, end: text.count, text: text, kind: "person", canonical: "Volodymyr Zelenskyy", key: "uk:zelenskyy")
    }
    var batch = BatchValidator()
    batch.add(id: "001", text: "one", names: [mention("Volodymyr Zelensky")])
    batch.add(id: "002", text: "two", names: [mention("Volodymyr Zelenskyy")])
    batch.add(id: "003", text: "three", names: [mention("volodymyr zelensky")])
    let findings = batch.finish().findings.filter { $0.finding.code == "name-spelling-varies-in-batch" }
    #expect(findings.count == 1)
    #expect(findings.first?.finding.message.contains("001, 003") == true)
  }

  @Test func largeBatchesUseBandedCandidates() {
    var batch = BatchValidator()
    batch.exhaustiveLimit = 10
    for index in 0..<40 { batch.add(id: "n\(index)", text: "article number \(index) about topic \(index * 7) today", names: []) }
    batch.add(id: "dup", text: Self.story, names: [])
    batch.add(id: "dup2", text: Self.story, names: [])
    batch.add(id: "near", text: Self.story.replacingOccurrences(of: "on Thursday", with: "on Friday"), names: [])
    let report = batch.finish()
    #expect(report.findings.contains { $0.article == "dup2" && $0.finding.code == "duplicate-article" })
    #expect(report.findings.contains { $0.article == "near" && $0.finding.code == "near-duplicate-article" })
  }
}
