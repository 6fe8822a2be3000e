import Foundation
import NormalizeTestSupport
import Testing

@testable import IngestValidation

/// One row of `Cases/mojibake.json` (schema: `Cases/README.md`).
struct MojibakeCase: Decodable, Sendable, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var language: String?
  var input: String
  var expected: String
  var mojibake: Bool
  /// "pass" or "knownFailure".
  var expect: String

  var testDescription: String { label }
}

enum MojibakeCases {
  static let folder = CaseTable.folder(besides: #filePath)
  static let fileName = "mojibake.json"
  static let all: [MojibakeCase] = CaseTable.loadOrEmpty(fileName, in: folder)
}

@Suite struct MojibakeRepairTests {
  @Test(arguments: MojibakeCases.all)
  func repairCase(_ testCase: MojibakeCase) {
    let result = MojibakeRepair.repair(testCase.input)
    let check = {
      #expect(result.isMojibake == testCase.mojibake)
      #expect(result.text.escapedScalars == testCase.expected.escapedScalars)
    }
    if testCase.expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: testCase.comment ?? testCase.label)) { check() }
    } else {
      check()
    }
  }

  @Test func tableIsWellFormed() throws {
    let cases: [MojibakeCase] = try CaseTable.load(MojibakeCases.fileName, in: MojibakeCases.folder)
    #expect(cases.count >= 20)
    var labels = Set<String>()
    for item in cases {
      #expect(labels.insert(item.label).inserted, "duplicate label \(item.label)")
      #expect(["pass", "knownFailure"].contains(item.expect), "\(item.label): expect must be pass or knownFailure")
      #expect(item.mojibake || item.input == item.expected, "\(item.label): a negative case must expect its input")
    }
    #expect(cases.contains { !$0.mojibake }, "the table needs negative cases")
  }

  @Test func badnessIsZeroOnCleanMultilingualText() {
    for text in ["café", "Москва", "유용원", "東京", "Ελλάδα", "Zürich — “quoted”", "x ≥ 2", "ÆØÅ"] {
      #expect(MojibakeBadness.score(text) == 0, "\(text)")
    }
  }

  @Test func cesu8EmojiDecodes() {
    var repairs = 0
    let scalars = UTF8Variants.decode([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x8D], repairs: &repairs)
    #expect(scalars.map { String(String.UnicodeScalarView($0)) } == "😍")
  }

  @Test func invalidBytesDoNotDecode() {
    var repairs = 0
    #expect(UTF8Variants.decode([0xC3, 0x41], repairs: &repairs) == nil)
    #expect(UTF8Variants.decode([0xE2, 0x82], repairs: &repairs) == nil)
    #expect(UTF8Variants.decode([0xFF], repairs: &repairs) == nil)
  }

  @Test func c1QuotesAreRepairedAndTwoCountAsMojibake() {
    let result = MojibakeRepair.repair("\u{93}Ja\u{94}, sagte er")
    #expect(result.text == "“Ja”, sagte er")
    #expect(result.isMojibake)
    let single = MojibakeRepair.repair("und dann\u{85}")
    #expect(single.text == "und dann…")
    #expect(!single.isMojibake)
  }

  @Test func survivesRandomScalars() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<60, using: &generator) {
        if let scalar = Unicode.Scalar(UInt32.random(in: 0..<0x3000, using: &generator)) { view.append(scalar) }
      }
      _ = MojibakeRepair.repair(String(view))
    }
  }

  /// ftfy's cases from ../shared, read at test time (never copied): no negative flagged and the
  /// repairs of the fixable ones as in the measured figures (Scripts/eval-mojibake).
  @Test(.enabled(if: TestPaths.sharedFixturesRunnable, "needs ../shared"))
  func sharedFtfyCases() throws {
    let shared = try #require(TestPaths.shared)
    let url = shared.appendingPathComponent("eval/unicode/ftfy_cases.jsonl")
    let data = try Data(contentsOf: url)
    struct Row: Decodable {
      var original: String
      var fixed: String
      var category: String
    }
    var negativesFlagged = 0
    var fixed = 0
    var fixable = 0
    var detected = 0
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      let row = try JSONDecoder().decode(Row.self, from: line)
      let result = MojibakeRepair.repair(TextTidy.decodeEntities(row.original))
      if row.category == "negative" && result.isMojibake { negativesFlagged += 1 }
      if ["in-the-wild", "synthetic"].contains(row.category) && result.isMojibake { detected += 1 }
      if row.category != "known-failures" {
        fixable += 1
        if TextTidy.apply(result.text) == row.fixed { fixed += 1 }
      }
    }
    #expect(negativesFlagged == 0)
    #expect(detected >= 80)
    #expect(fixed >= 145, "fixed \(fixed) of \(fixable)")
  }
}
