import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/name-keys.json` (schema: `Cases/README.md`): spellings that must share a key
/// (`same`) or must not (`different`).
struct NameKeyCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var same: [String]?
  var different: [String]?
  var expect: String
  var testDescription: String { label }
}

@Suite struct NameFoldKeyTests {
  static func cases() throws -> [NameKeyCase] {
    try CaseTable.load("name-keys.json", in: NameFixtures.cases)
  }

  @Test(arguments: try cases())
  func keys(_ row: NameKeyCase) {
    let check = {
      if let same = row.same {
        let keys = Set(same.map { NameFoldKey.key($0) })
        #expect(keys.count == 1, "\(row.label): \(same.map { "\($0) → \(NameFoldKey.key($0))" })")
      }
      if let different = row.different {
        let keys = Set(different.map { NameFoldKey.key($0) })
        #expect(
          keys.count == different.count,
          "\(row.label): \(different.map { "\($0) → \(NameFoldKey.key($0))" })")
      }
    }
    CaseRunner.run(row, check)
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(rows.count >= 10)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
    for row in rows {
      #expect(
        (row.same?.count ?? 0) >= 2 || (row.different?.count ?? 0) >= 2,
        "\(row.label): needs two spellings")
    }
  }

  @Test(arguments: [
    "", "   ", "123", "-", "ㅇ", "\u{0378}", "Зеленський", String(repeating: "Kim-", count: 2500),
  ])
  func oddInputGivesAKeyWithoutCrashing(_ input: String) {
    _ = NameFoldKey.key(input)
  }

  @Test func keyIsIdempotent() {
    for name in ["Zelenskyy", "Ōno Shōhei", "Wołodymyr Żełenski", "Andrii Sybiha"] {
      let key = NameFoldKey.key(name)
      #expect(NameFoldKey.key(key) == key, "\(name)")
    }
  }
}
