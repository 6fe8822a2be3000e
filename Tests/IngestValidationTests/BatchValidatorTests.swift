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
    batch.add(
      id: "c", text: Self.story.replacingOccurrences(of: "on Thursday", with: "on Friday"),
      names: [])
    batch.add(
      id: "d",
      text: "Москва и Киев обменялись пленными в воскресенье, сообщили власти обеих стран.",
      names: [])
    let report = batch.finish()
    let codes = report.findings.map { "\($0.article):\($0.finding.code)" }
    #expect(codes.contains("b:duplicate-article"))
    #expect(report.findings.filter { $0.finding.code == "duplicate-article" }.count == 1)
    #expect(codes.contains("a:near-duplicate-article"))
    #expect(
      report.findings.first { $0.finding.code == "near-duplicate-article" }?.finding.message
        .contains("a, c") == true)
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
      NameMention(
        start: 0, end: text.count, text: text, kind: "person", canonical: "Volodymyr Zelenskyy",
        key: "uk:zelenskyy")
    }
    var batch = BatchValidator()
    batch.add(id: "001", text: "one", names: [mention("Volodymyr Zelensky")])
    batch.add(id: "002", text: "two", names: [mention("Volodymyr Zelenskyy")])
    batch.add(id: "003", text: "three", names: [mention("volodymyr zelensky")])
    let findings = batch.finish().findings.filter {
      $0.finding.code == "name-spelling-varies-in-batch"
    }
    #expect(findings.count == 1)
    #expect(findings.first?.finding.message.contains("001, 003") == true)
  }

  @Test func largeBatchesUseBandedCandidates() {
    var batch = BatchValidator()
    batch.exhaustiveLimit = 10
    for index in 0..<40 {
      batch.add(
        id: "n\(index)", text: "article number \(index) about topic \(index * 7) today", names: [])
    }
    batch.add(id: "dup", text: Self.story, names: [])
    batch.add(id: "dup2", text: Self.story, names: [])
    batch.add(
      id: "near", text: Self.story.replacingOccurrences(of: "on Thursday", with: "on Friday"),
      names: [])
    let report = batch.finish()
    #expect(
      report.findings.contains { $0.article == "dup2" && $0.finding.code == "duplicate-article" })
    // One group {dup, near}, reported on its first article and naming the other.
    let groups = report.findings.filter { $0.finding.code == "near-duplicate-article" }
    #expect(groups.count == 1)
    #expect(groups.first?.article == "dup")
    #expect(groups.first?.finding.message.contains("group of 2 articles: dup, near") == true)
  }

  /// Regression (issue 19): more articles than `exhaustiveLimit`, none long enough to compare,
  /// trapped on an empty range (SIGILL on a million tiny JSON lines).
  @Test func largeBatchOfShortTextsDoesNotTrap() {
    var batch = BatchValidator()
    for index in 0..<500 { batch.add(id: "t\(index)", text: "hi \(index)", names: []) }
    let report = batch.finish()
    #expect(report.articles == 500)
    #expect(report.findings.isEmpty)
  }

  /// Regression (issue 19): 8,000 near-identical articles gave 32 million pair findings
  /// (288 s, 9 GB); they are one group now, found in linear work.
  @Test func nearIdenticalArticlesAreOneGroup() {
    var batch = BatchValidator()
    let count = 8_000
    for index in 0..<count {
      batch.add(id: "a\(index)", text: Self.story + " Reference number \(index).", names: [])
    }
    let report = batch.finish()
    let groups = report.findings.filter { $0.finding.code == "near-duplicate-article" }
    #expect(groups.count == 1)
    #expect(groups.first?.article == "a0")
    #expect(groups.first?.finding.message.contains("group of \(count) articles") == true)
    #expect(groups.first?.finding.message.contains("and \(count - 20) more") == true)
    #expect(report.findings.count == 1)
  }

  /// Past `maximumSpellings`, person mentions are not compared across articles, with a finding;
  /// a spelling used by many articles lists 20 of them.
  @Test func spellingsAreBounded() {
    func mention(_ text: String) -> NameMention {
      NameMention(
        start: 0, end: text.count, text: text, kind: "person", canonical: "Volodymyr Zelenskyy",
        key: "uk:zelenskyy")
    }
    var bounded = BatchValidator()
    bounded.maximumSpellings = 1
    bounded.add(id: "001", text: "one", names: [mention("Volodymyr Zelensky")])
    bounded.add(id: "002", text: "two", names: [mention("Volodymyr Zelenskyy")])
    bounded.add(id: "003", text: "three", names: [mention("Volodymyr Zelenskiy")])
    let findings = bounded.finish().findings
    #expect(
      findings.contains {
        $0.finding.code == "batch-too-large"
          && $0.finding.message.contains("2 person mentions after them")
      })
    #expect(!findings.contains { $0.finding.code == "name-spelling-varies-in-batch" })

    var many = BatchValidator()
    for index in 0..<25 {
      many.add(id: "z\(index)", text: "text", names: [mention("Volodymyr Zelensky")])
    }
    many.add(id: "other", text: "text", names: [mention("Volodymyr Zelenskyy")])
    let varies = many.finish().findings.filter {
      $0.finding.code == "name-spelling-varies-in-batch"
    }
    #expect(varies.count == 1)
    #expect(varies.first?.finding.message.contains("and 5 more") == true)
  }

  /// Past `maximumSignatures`, articles are checked for exact duplicates only, with a finding.
  @Test func signaturesAreBounded() {
    var batch = BatchValidator()
    batch.maximumSignatures = 3
    for index in 0..<5 { batch.add(id: "s\(index)", text: Self.story + " \(index)", names: []) }
    batch.add(id: "copy", text: Self.story + " 4", names: [])
    let report = batch.finish()
    #expect(
      report.findings.contains {
        $0.finding.code == "batch-too-large" && $0.finding.message.contains("3 articles after")
      })
    #expect(
      report.findings.contains { $0.article == "copy" && $0.finding.code == "duplicate-article" })
  }
}
