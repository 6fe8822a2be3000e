@testable import Citations
import NormalizeTestSupport
import Testing

/// One row of `Cases/repairs.json` (schema in `Cases/README.md`).
struct RepairCase: Decodable, CustomTestStringConvertible, Sendable {
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
  static let cases = CaseTable.loadOrEmpty("repairs.json", in: CitationsFixtures.cases, as: RepairCase.self)

  @Test("the case table is well formed")
  func wellFormed() throws {
    let cases = try CaseTable.load("repairs.json", in: CitationsFixtures.cases, as: RepairCase.self)
    #expect(!cases.isEmpty)
    #expect(Set(cases.map(\.label)).count == cases.count, "labels are unique")
    for c in cases {
      #expect(["pass", "knownFailure"].contains(c.expect), "\(c.label): expect is pass or knownFailure")
      #expect(c.tokens.count == c.labels.count && c.tokens.count == c.repaired.count, "\(c.label): one label per token")
    }
  }

  @Test("the tagger's labels are repaired as the rules say", arguments: cases)
  func repairs(_ testCase: RepairCase) {
    let check = {
      let repaired = ReferenceRules.repair(tokens: testCase.tokens, labels: testCase.labels)
      #expect(repaired == testCase.repaired)
      // Repairs are settled: repairing again changes nothing.
      #expect(ReferenceRules.repair(tokens: testCase.tokens, labels: repaired) == repaired)
    }
    if testCase.expect == "knownFailure" {
      withKnownIssue { check() }
    } else {
      check()
    }
  }
}
