import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// `CPUBudget` on the strings Linux reports, from `Cases/cpu-budget.json`: each row gives one
/// input (`affinityList`, `cpuMax`, `quota`+`period`, `procSelfCgroup`+`version`, or
/// `online`+`affinity`+`quotas`) and what it should give (`expected` or `expectedPath`).
struct CPUBudgetCase: Decodable, Sendable, CustomTestStringConvertible {
  var label: String
  var affinityList: String?
  var cpuMax: String?
  var quota: Int?
  var period: Int?
  var procSelfCgroup: String?
  var version: Int?
  var online: Int?
  var affinity: Int?
  var quotas: [Int]?
  var expected: Int?
  var expectedPath: String?
  var testDescription: String { label }
}

@Suite struct CPUBudgetTests {
  static let folder = CaseTable.folder(besides: #filePath)

  @Test func tableIsWellFormed() throws {
    let cases = try CaseTable.load("cpu-budget.json", in: Self.folder, as: CPUBudgetCase.self)
    #expect(cases.count >= 10)
    for row in cases {
      let inputs = [
        row.affinityList != nil, row.cpuMax != nil, row.quota != nil, row.procSelfCgroup != nil,
        row.online != nil,
      ]
      #expect(inputs.filter { $0 }.count == 1, "\(row.label): exactly one kind of input")
    }
  }

  @Test(arguments: try CaseTable.load("cpu-budget.json", in: folder, as: CPUBudgetCase.self))
  func budget(_ row: CPUBudgetCase) {
    if let list = row.affinityList {
      #expect(CPUBudget.cpuCount(affinityList: list) == row.expected)
    } else if let line = row.cpuMax {
      #expect(CPUBudget.quotaCPUs(cgroupV2Max: line) == row.expected)
    } else if let quota = row.quota {
      #expect(CPUBudget.quotaCPUs(quota: quota, period: row.period ?? 0) == row.expected)
    } else if let text = row.procSelfCgroup {
      #expect(
        CPUBudget.cgroupPath(procSelfCgroup: text, version: row.version ?? 2) == row.expectedPath)
    } else if let online = row.online {
      #expect(
        CPUBudget.usable(online: online, affinity: row.affinity, quotas: row.quotas ?? [])
          == row.expected)
    }
  }
}
