import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/name-analysis.json`: a name as a user gives it to `normalize name`, the
/// rule that must analyse it and the canonical form it must get.
struct NameAnalysisCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var input: String
  var rule: String
  var canonical: String
  var expect: String
  var testDescription: String { label }
}

@Suite struct NameAnalyzerTests {
  static func cases() throws -> [NameAnalysisCase] {
    try CaseTable.load("name-analysis.json", in: NameFixtures.cases)
  }

  @Test(arguments: try cases())
  func analyzes(_ row: NameAnalysisCase) throws {
    let analyzer = try NameFixtures.analyzer.get()
    let check = {
      let analysis = analyzer.analyze(row.input)
      #expect(analysis.rule == row.rule, "\(row.label)")
      #expect(analysis.canonical == row.canonical, "\(row.label)")
    }
    CaseRunner.run(row, check)
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(rows.count >= 5)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
  }
}
