import DateResolution
import Foundation
import ICUSupport
import NameNormalization
import NormalizeCore
import NormalizeTestSupport
import Testing
import TextCleaning

@testable import IngestValidation

/// One row of `Cases/rules.json` (schema: `Cases/README.md`).
struct RuleCase: Decodable, DefaultPassCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var language: String?
  var text: String
  var title: String?
  var published: String?
  /// The raw input text; the body text when absent.
  var raw: String?
  var expectCodes: [String]?
  var absentCodes: [String]?
  /// "pass" (default) or "knownFailure".
  var expect: String?

  var testDescription: String { label }
}

enum RuleCases {
  static let folder = CaseTable.folder(besides: #filePath)
  static let fileName = "rules.json"
  static func all() throws -> [RuleCase] { try CaseTable.load(fileName, in: folder) }
}

@Suite struct ArticleValidatorTests {
  /// Every rule, with the shipped lexicons (the boilerplate rules).
  static let validator =
    (try? ArticleValidator(
      lexicons: DirectoryLexiconProvider(roots: [
        TestPaths.repoRoot.appendingPathComponent("Lexicons")
      ]))) ?? ArticleValidator(rules: ArticleValidator.defaultRules)

  @Test(arguments: try RuleCases.all())
  func ruleCase(_ testCase: RuleCase) {
    let findings = Self.validator.findings(
      text: testCase.text, title: testCase.title, published: testCase.published, names: [],
      dates: [],
      rawText: testCase.raw ?? testCase.text, lang: testCase.language)
    let codes = Set(findings.map(\.code))
    CaseRunner.run(testCase) {
      for code in testCase.expectCodes ?? [] {
        #expect(codes.contains(code), "missing \(code); got \(codes.sorted())")
      }
      for code in testCase.absentCodes ?? [] {
        #expect(!codes.contains(code), "unexpected \(code)")
      }
    }
  }

  /// A validator asking a structure analyzer's rule tables (as `RecordAssembler` builds it)
  /// finds what one with its own tables finds, on every row.
  @Test(arguments: try RuleCases.all())
  func sharedRulesFindTheSame(_ testCase: RuleCase) throws {
    let analyzer = try #require(Self.analyzer)
    let shared = ArticleValidator(boilerplateLines: BoilerplateLines(sharingRulesOf: analyzer))
    func findings(_ validator: ArticleValidator) -> [Finding] {
      validator.findings(
        text: testCase.text, title: testCase.title, published: testCase.published, names: [],
        dates: [], rawText: testCase.raw ?? testCase.text, lang: testCase.language)
    }
    #expect(findings(shared) == findings(Self.validator))
  }

  /// The structure analyzer over the shipped lexicons.
  static let analyzer = try? ArticleStructureAnalyzer(
    lexicons: DirectoryLexiconProvider(roots: [
      TestPaths.repoRoot.appendingPathComponent("Lexicons")
    ]))

  @Test func tableIsWellFormed() throws {
    let cases: [RuleCase] = try CaseTable.load(RuleCases.fileName, in: RuleCases.folder)
    let known = Set(ArticleValidator.codes.map(\.code))
    #expect(CaseRunner.problems(in: cases).isEmpty, "\(CaseRunner.problems(in: cases))")
    for item in cases {
      #expect(
        !(item.expectCodes ?? []).isEmpty || !(item.absentCodes ?? []).isEmpty,
        "\(item.label): nothing to check")
      for code in (item.expectCodes ?? []) + (item.absentCodes ?? []) {
        #expect(known.contains(code), "\(item.label): unknown code \(code)")
      }
    }
  }

  @Test func everyRuleAppearsOnceWithKebabCaseCodes() {
    let ids = ArticleValidator.defaultRules.map { type(of: $0).id }
    #expect(Set(ids).count == ids.count)
    for (code, _) in ArticleValidator.codes {
      #expect(code.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(code)")
    }
  }

  @Test func placeholderSpanCountsScalars() throws {
    let text = "유용원 said: [Insert original URL here]"
    let finding = try #require(
      Self.validator.findings(
        text: text, title: nil, published: nil, names: [], dates: [], rawText: text
      ).first { $0.code == "placeholder" })
    #expect(finding.start == 10)
    #expect(finding.end == 36)
  }

  @Test func mojibakeSuggestsTheRepair() throws {
    let text = "Le ministre a Ã©tÃ© Ã©lu."
    let finding = try #require(
      Self.validator.findings(
        text: text, title: nil, published: nil, names: [], dates: [], rawText: text
      ).first { $0.code == "mojibake" })
    #expect(finding.message.contains("été élu"))
    #expect(finding.severity == .error)
  }

  @Test func namesSpelledTwoWaysInOneArticle() {
    let names = [
      NameMention(
        start: 0, end: 18, text: "Volodymyr Zelensky", kind: "person",
        canonical: "Volodymyr Zelenskyy", key: "uk:zelenskyy"),
      NameMention(
        start: 30, end: 39, text: "Zelenskyy", kind: "person", canonical: "Volodymyr Zelenskyy",
        key: "uk:zelenskyy"),
      NameMention(
        start: 50, end: 58, text: "Zelensky", kind: "person", canonical: "Volodymyr Zelenskyy",
        key: "uk:zelenskyy", partial: true),
    ]
    let findings = Self.validator.findings(
      text: String(repeating: "x ", count: 40), title: nil, published: nil, names: names, dates: [],
      rawText: "")
    let varies = findings.filter { $0.code == "name-spelling-varies" }
    #expect(varies.count == 1)
    #expect(varies.first?.start == 30)
  }

  @Test func spacingAndHyphenVariantsAreNotReported() {
    #expect(CheckNameSpellings.areVariants("Yoo Yong-won", "Yoo Yong Won"))
    #expect(CheckNameSpellings.areVariants("Yoo Yongwon", "Yoo Yong-won"))
    #expect(CheckNameSpellings.areVariants("Zelensky", "Volodymyr Zelensky"))
    #expect(!CheckNameSpellings.areVariants("Zelensky", "Zelenskyy"))
  }

  /// The words spellings are compared by: the ASCII path (on bytes) and the Unicode path agree
  /// on what each keeps.
  @Test(arguments: [
    ("Kim Jong-un", ["kim", "jongun"]),
    ("Lloyd J. Austin III", ["lloyd", "j", "austin", "iii"]),
    ("O'Neill\nSmith", ["oneill", "smith"]),
    ("Tab\there 2", ["tabhere", "2"]),
    ("Зеленський", ["зеленський"]),
    ("Jean-Étienne Ngô", ["jeanétienne", "ngô"]),
    ("Yoo\u{A0}Yong-won", ["yoo", "yongwon"]),
    ("유용원 (Yoo)", ["유용원", "yoo"]),
  ])
  func foldedWordsOfSpellings(spelling: String, words: [String]) {
    #expect(CheckNameSpellings.foldedWords(spelling) == words)
  }

  /// The first paragraph the title is compared with is found on the bytes as `split` finds it
  /// on `Character`s ("\r\n" is one `Character`).
  @Test(arguments: [
    "Seoul talks end\nThe talks ended.", "\n\nКиїв\nтекст", "A\r\nB\nC", "\n\n", "Only",
    "", "유용원 의원\n\n본문", "\r\nx",
  ])
  func firstParagraphAsSplitFindsIt(text: String) {
    let expected =
      text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? ""
    #expect(CheckTitleRepeatsBody.firstParagraph(of: text) == expected)
  }

  /// A mixed-script word's span counts scalars, after non-ASCII text and at the end of the text.
  @Test func confusableWordSpans() {
    let text = "Київ — Yoo Yong-w\u{043E}n"
    let finding = Self.validator.findings(
      text: text, title: nil, published: nil, names: [], dates: [], rawText: text
    ).first { $0.code == "confusable-mixed-script" }
    #expect(finding?.start == 16)
    #expect(finding?.end == 19)
    #expect(finding?.message.contains("\"w\u{043E}n\"") == true)
  }

  /// `BoilerplateLines.isRunningText` marks only lines `furnitureRule` rejects for their length
  /// and ending, counted after trimming and folding runs of spaces.
  @Test(arguments: [
    ("Read More", false),
    (String(repeating: "word ", count: 30) + "end.", true),
    (String(repeating: "word ", count: 30) + "end", false),
    (String(repeating: "word ", count: 66) + "end", true),
    ("  " + String(repeating: "ab  ", count: 24) + "xyz. \t ", false),
    (String(repeating: "ab ", count: 32) + "xyz.", false),
    (String(repeating: "ab ", count: 32) + "wxyz.", true),
    (String(repeating: "Слово ", count: 20) + "«конец»", true),
  ])
  func runningTextLines(line: String, running: Bool) throws {
    var bytes = line
    #expect(bytes.withUTF8 { BoilerplateLines.isRunningText($0) } == running)
    let lines = try BoilerplateLines(
      lexicons: DirectoryLexiconProvider(roots: [
        TestPaths.repoRoot.appendingPathComponent("Lexicons")
      ]))
    if running {
      for language in ["en", "ru", "ko", nil] {
        #expect(lines.furnitureRule(forLine: line, language: language) == nil)
      }
    }
  }

  @Test func datesAfterPublication() {
    let dates = [
      TemporalMention(start: 0, end: 8, text: "May 27th", type: "DATE", value: "2025-05-27"),
      TemporalMention(start: 10, end: 18, text: "May 30th", type: "DATE", value: "2025-05-30"),
      TemporalMention(start: 20, end: 24, text: "2027", type: "DATE", value: "2027"),
      TemporalMention(
        start: 30, end: 47, text: "December 1, 2026", type: "DATE", value: "2026-12-01"),
      TemporalMention(
        start: 50, end: 59, text: "next year", type: "DATE", value: "2026", anchor: "dct"),
    ]
    let findings = Self.validator.findings(
      text: "", title: nil, published: "2025-05-28", names: [], dates: dates, rawText: "")
    #expect(
      findings.filter { $0.code == "date-after-publication" }.compactMap(\.start).sorted() == [30])
  }
}

/// The one pass over the raw text that lets the raw-text rules skip their scans.
@Suite struct RawTextSummaryTests {
  /// Whenever the summary calls a text surely NFC, ICU agrees, for every scalar of its ranges
  /// after a Latin letter and after a Hangul syllable (the starters that compose most).
  @Test func surelyNFCAgreesWithICU() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for base in ["a", "가", "Д"] {
        let text = base + String(scalar) + "x"
        if RawTextSummary(text).isSurelyNFC {
          #expect(Normalizer.isNormalized(text, form: .nfc), "U+\(String(value, radix: 16))")
        }
      }
    }
  }

  @Test func carriageReturnsAreFoundAnywhere() {
    for text in ["\r", "abcdefgh\r", "Київ\rx", "abcdefghijklmno\r\n", "서울 회담\r"] {
      #expect(RawTextSummary(text).hasCarriageReturn, "\(text.debugDescription)")
    }
    for text in ["", "abcdefghijklmnop\n", "Київ – 서울\n"] {
      #expect(!RawTextSummary(text).hasCarriageReturn, "\(text.debugDescription)")
    }
  }

  /// A private-use character is reported at its scalar offset after non-ASCII text.
  @Test func privateUseOffsetCountsScalars() {
    var findings: [Finding] = []
    let context = ArticleContext(
      text: "Сеул “회담” \u{E000}", title: nil, published: nil, names: [], dates: [], rawText: "")
    FlagPrivateUseAndUnassigned().check(context, into: &findings)
    #expect(findings.map(\.start) == [10])
  }
}

/// `CheckBodyLength.wordCount`, eight bytes at a time, against a byte-by-byte count.
@Suite struct BodyWordCountTests {
  static func slowCount(_ text: String, limit: Int) -> Int {
    var words = 0
    var inWord = false
    for byte in text.utf8 {
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !isSpace && !inWord { words += 1 }
      inWord = !isSpace
      if words >= limit { break }
    }
    return words
  }

  @Test func agreesWithAByteByByteCount() {
    let pieces = [" ", "\n", "\t", "\r", "  ", "Kim", "é", "서울", "Київ", "a", "—", "said."]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 58)
      var text = ""
      for k in 0..<length {
        text += pieces[Int((state >> UInt64(k % 50)) % UInt64(pieces.count))]
        if k % 7 == 6 { text += pieces[Int((state >> 20) % UInt64(pieces.count))] }
      }
      var copy = text
      for limit in [0, 1, 3, 10, 40] {
        let fast = copy.withUTF8 { CheckBodyLength.wordCount($0, stoppingAt: limit) }
        let slow = Self.slowCount(text, limit: limit)
        #expect(fast < limit ? fast == slow : slow >= limit, "\(text.debugDescription) \(limit)")
      }
    }
  }
}
