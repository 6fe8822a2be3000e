import NormalizeTestSupport
import Testing

@testable import Citations

/// One row of `Cases/repairs.json` (schema in `Cases/README.md`).
struct RepairCase: Decodable, CustomTestStringConvertible, Sendable, CitationsCaseRow {
  let label: String
  let comment: String?
  let tokens: [String]
  let labels: [String]
  let repaired: [String]
  let expect: String
  var testDescription: String { label }
}

@Suite("Reference rules")
struct ReferenceRulesTests {
  static func cases() throws -> [RepairCase] {
    try CaseTable.load("repairs.json", in: CitationsFixtures.cases, as: RepairCase.self)
  }

  @Test("the case table is well formed")
  func wellFormed() throws {
    for c in try CitationsFixtures.wellFormedTable("repairs.json", as: RepairCase.self) {
      #expect(
        c.tokens.count == c.labels.count && c.tokens.count == c.repaired.count,
        "\(c.label): one label per token")
    }
  }

  @Test("the tagger's labels are repaired as the rules say", arguments: try cases())
  func repairs(_ testCase: RepairCase) throws {
    let markers = try #require(CitationsFixtures.markers)
    CitationsFixtures.run(testCase) {
      let repaired = ReferenceRules.repair(
        tokens: testCase.tokens, labels: testCase.labels, markers: markers)
      #expect(repaired == testCase.repaired)
      // Repairs are settled: repairing again changes nothing.
      #expect(
        ReferenceRules.repair(tokens: testCase.tokens, labels: repaired, markers: markers)
          == repaired)
    }
  }
}
