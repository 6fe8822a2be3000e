import Foundation
import NormalizeTestSupport
import Testing

@testable import TextCleaning

/// One row of `Cases/mojibake.json` (schema: `Cases/README.md`).
struct MojibakeCase: Decodable, ExpectMarkedCaseRow, CustomTestStringConvertible {
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
  static func all() throws -> [MojibakeCase] { try CaseTable.load(fileName, in: folder) }
}

@Suite struct MojibakeRepairTests {
  @Test(arguments: try MojibakeCases.all())
  func repairCase(_ testCase: MojibakeCase) {
    let result = MojibakeRepair.repair(testCase.input)
    CaseRunner.run(testCase) {
      #expect(result.isMojibake == testCase.mojibake)
      #expect(result.text.escapedScalars == testCase.expected.escapedScalars)
    }
  }

  @Test func tableIsWellFormed() throws {
    let cases: [MojibakeCase] = try CaseTable.load(MojibakeCases.fileName, in: MojibakeCases.folder)
    #expect(cases.count >= 20)
    #expect(CaseRunner.problems(in: cases).isEmpty, "\(CaseRunner.problems(in: cases))")
    for item in cases {
      #expect(
        item.mojibake || item.input == item.expected,
        "\(item.label): a negative case must expect its input")
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

  /// A long line is repaired in pieces of at most 4 kB, in time linear in its length.
  @Test func longLineOfMojibakeIsRepairedInPieces() {
    let sentence = "Die BÃ¼rger KÃ¶lns grÃ¼ÃŸen die GÃ¤ste, les Ã©lÃ¨ves sont arrivÃ©s. "
    let line = String(repeating: sentence, count: 5_000)  // 350 kB, no line break
    let fixed = FixMojibake().apply(line)
    #expect(
      fixed
        == String(
          repeating: "Die Bürger Kölns grüßen die Gäste, les élèves sont arrivés. ", count: 5_000))
    #expect(FixMojibake().apply(fixed) == fixed)
  }

  /// The byte count of a line of Cyrillic or Greek running text answers as the scalar-by-scalar
  /// score does: every scalar of U+0370–U+047F before and after a small letter, a capital and
  /// a quote, and 6,000 generated lines of letters at the edges of each class with quotes,
  /// dashes, « », no-break spaces, Latin mojibake, Hangul and emoji among them.
  @Test func plainLetterScoreAgreesWithTheScore() {
    var texts: [String] = []
    for value in UInt32(0x370)...0x47F {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let alone = String(Character(scalar))
      texts += ["а" + alone, "Я" + alone, alone + "Ж", alone + "”", "Ї" + alone + "ы"]
    }
    let plain = [
      "а", "я", "А", "Я", "Ё", "ё", "Ѐ", "Ѓ", "Ї", "ї", "і", "є", "ѐ", "ѓ", "џ", "Ά", "Έ", "Ώ",
      "Α", "Ω", "Ϊ", "ά", "ώ", "ϐ", "ϻ", "Ͽ", "a", "Z", " ", "5", ".", "\n", "\u{7}", "—", "–",
      "“", "”", "‘", "’", "…",
    ]
    let other = [
      "Ђ", "ђ", "Ґ", "Ѡ", "Ͱ", "·", "ΐ", "Ϗ", "„", "«", "»", "\u{A0}", "é", "Ã", "€", "™", "√",
      "\u{301}", "한", "中", "😀", "\u{2022}", "\u{85}",
    ]
    var generator = SplitMix64(seed: 0x4D6F_6A69_6261_6B65)
    for round in 0..<6_000 {
      // Two lines in three from the plain letters alone, so the byte count answers them.
      let alphabet = round % 3 == 0 ? plain + other : plain
      texts.append(
        (0..<(Int(generator.next() % 30) + 1)).map { _ in
          alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }.joined())
    }
    var answered = 0
    var failures: [String] = []
    for text in texts {
      var copy = text
      copy.withUTF8 { bytes in
        let full = MojibakeBadness.score(UTF8Scalars(bytes: bytes))
        if let fast = MojibakeBadness.plainLetterScore(bytes) {
          answered += 1
          if fast != full, failures.count < 5 {
            failures.append("\(text.escapedScalars): \(fast) on bytes, \(full) by scalars")
          }
        }
        #expect(MojibakeBadness.score(utf8: bytes) == full)
      }
    }
    #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    #expect(answered > 4_000, "the byte count answered only \(answered) lines")
  }

  @Test func survivesRandomScalars() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<60, using: &generator) {
        if let scalar = Unicode.Scalar(UInt32.random(in: 0..<0x3000, using: &generator)) {
          view.append(scalar)
        }
      }
      _ = MojibakeRepair.repair(String(view))
    }
  }

  /// ftfy's cases from ../shared, read at test time (never copied), as `normalize clean
  /// --enable-pass straighten-quotes` and the mojibake findings see them: no negative flagged
  /// or changed, every positive repaired, as in the measured figures (Scripts/eval-mojibake).
  @Test(.enabled(if: TestPaths.sharedFixturesRunnable, "needs ../shared"))
  func sharedFtfyCases() throws {
    let shared = try #require(TestPaths.shared)
    let url = shared.appendingPathComponent("eval/unicode/ftfy_cases.jsonl")
    let data = try Data(contentsOf: url)
    struct Row: Decodable {
      var original: String
      var fixed: String
      var category: String
      var label: String
    }
    let cleaner = try TextCleaner(enabling: ["straighten-quotes"])
    var negatives = (count: 0, flagged: 0, changed: 0)
    var positives = (count: 0, flagged: 0, repaired: 0)
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      let row = try JSONDecoder().decode(Row.self, from: line)
      let (cleaned, repairs) = cleaner.cleanReportingRepairs(row.original)
      let flagged = repairs.contains(where: \.isMojibake)
      let same = cleaned.unicodeScalars.elementsEqual(cleaner.clean(row.fixed).unicodeScalars)
      if row.category == "negative" || row.label.hasPrefix("Synthetic, negative") {
        negatives.count += 1
        if flagged { negatives.flagged += 1 }
        if !same { negatives.changed += 1 }
      } else if ["in-the-wild", "synthetic"].contains(row.category) {
        positives.count += 1
        if flagged { positives.flagged += 1 }
        if same { positives.repaired += 1 }
      }
    }
    #expect(negatives.count == 45 && positives.count == 86)
    #expect(negatives.flagged == 0)
    #expect(negatives.changed == 0)
    #expect(positives.flagged >= 82, "flagged \(positives.flagged) of 86")
    #expect(positives.repaired >= 84, "repaired \(positives.repaired) of 86")
  }
}
