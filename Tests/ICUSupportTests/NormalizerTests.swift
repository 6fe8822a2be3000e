import NormalizeTestSupport
import Testing

@testable import ICUSupport

/// One normalisation example: input, form, expected output.
struct NormalizationCase: CustomTestStringConvertible, Sendable {
  var label: String
  var input: String
  var form: Normalizer.Form
  var expected: String
  var testDescription: String { label }
}

@Suite struct NormalizerTests {
  static let cases: [NormalizationCase] = [
    .init(
      label: "NFC composes e + combining acute", input: "e\u{301}", form: .nfc, expected: "\u{E9}"),
    .init(label: "NFD decomposes é", input: "\u{E9}", form: .nfd, expected: "e\u{301}"),
    .init(
      label: "NFC composes conjoining jamo to 가", input: "\u{1100}\u{1161}", form: .nfc,
      expected: "가"),
    .init(
      label: "NFC composes L V T jamo to 각", input: "\u{1100}\u{1161}\u{11A8}", form: .nfc,
      expected: "각"),
    .init(
      label: "NFD decomposes Hangul syllables", input: "유용원", form: .nfd,
      expected: "\u{110B}\u{1172}\u{110B}\u{116D}\u{11BC}\u{110B}\u{116F}\u{11AB}"),
    .init(label: "NFC keeps precomposed Hangul", input: "유용원", form: .nfc, expected: "유용원"),
    .init(label: "NFC keeps full-width forms", input: "Ｓｅｏｕｌ：", form: .nfc, expected: "Ｓｅｏｕｌ："),
    .init(label: "NFKC folds full-width forms", input: "Ｓｅｏｕｌ：", form: .nfkc, expected: "Seoul:"),
    .init(
      label: "NFKD splits the fi ligature and decomposes", input: "ﬁancé", form: .nfkd,
      expected: "fiance\u{301}"),
    .init(
      label: "NFKC_Casefold lowercases ÅNGSTRÖM", input: "ÅNGSTRÖM", form: .nfkcCasefold,
      expected: "ångström"),
    .init(
      label: "NFKC_Casefold folds ß to ss", input: "Straße", form: .nfkcCasefold,
      expected: "strasse"),
    .init(
      label: "NFKC_Casefold on ASCII still lowercases", input: "SEOUL", form: .nfkcCasefold,
      expected: "seoul"),
    .init(
      label: "NFKC_Casefold drops default ignorables", input: "Zelen\u{200B}sky\u{AD}y",
      form: .nfkcCasefold, expected: "zelenskyy"),
    .init(
      label: "NFKC_Casefold lowercases Cyrillic", input: "ЗЕЛЕНСЬКИЙ", form: .nfkcCasefold,
      expected: "зеленський"),
    .init(
      label: "NFC composes Cyrillic й from и + breve", input: "Зеленськи\u{438}\u{306}", form: .nfc,
      expected: "Зеленський"),
    .init(label: "NFC Ångström sign becomes Å", input: "\u{212B}", form: .nfc, expected: "\u{C5}"),
  ]

  @Test(arguments: cases)
  func normalizes(_ testCase: NormalizationCase) throws {
    #expect(
      Normalizer.normalize(testCase.input, form: testCase.form).escapedScalars
        == testCase.expected.escapedScalars)
    #expect(
      try Normalizer.normalizeOrThrow(testCase.input, form: testCase.form).escapedScalars
        == testCase.expected.escapedScalars)
    #expect(Normalizer.isNormalized(testCase.expected, form: testCase.form))
    if testCase.input.escapedScalars != testCase.expected.escapedScalars {
      #expect(!Normalizer.isNormalized(testCase.input, form: testCase.form))
    }
  }

  /// The UTF-8 scan that skips ICU only vouches for text ICU leaves unchanged: every BMP
  /// scalar it accepts stays as it is after a letter, before a combining mark's base, and
  /// doubled; and what it refuses includes every scalar NFC changes on its own.
  @Test func certainNFCScanAgreesWithICU() throws {
    var accepted = 0
    var changedByICU: [String] = []
    for value in UInt32(0x80)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let alone = String(Character(scalar))
      guard Normalizer.isCertainlyNFC(alone) else { continue }
      accepted += 1
      for text in [alone, "e" + alone, "가" + alone, alone + alone, "Ки" + alone + "ї"] {
        let normalized = try Normalizer.normalizeOrThrow(text, form: .nfc)
        if !normalized.unicodeScalars.elementsEqual(text.unicodeScalars) {
          changedByICU.append(
            text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
      }
    }
    #expect(
      changedByICU.isEmpty, Comment(rawValue: changedByICU.prefix(10).joined(separator: "\n")))
    #expect(accepted > 40_000)
    for uncertain in [
      "e\u{301}", "가\u{11A8}", "\u{1100}\u{1161}", "\u{212B}", "\u{F900}", "\u{387}", "👨\u{301}",
    ] {
      #expect(
        !Normalizer.isCertainlyNFC(uncertain),
        "\(uncertain.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(Normalizer.isCertainlyNFC("유용원 · Київ · 消息：俄乌 — Zelenskyy"))
  }

  /// The NFC boundary bitmap, built from ICU's "NFC quick check yes" and "combining class 0"
  /// sets, holds exactly the code points ICU says have a boundary before them and are "yes"
  /// when asked one by one.
  @Test func boundaryTableFromPropertySetsEqualsTheCodePointLoop() {
    let (built, byCodePoint) = Normalizer.nfcBoundaryTables()
    #expect(built.count == 1024)
    #expect(byCodePoint.count == 1024)
    var differing: [String] = []
    for value in 0..<min(built.count, byCodePoint.count) * 64 {
      let bit = UInt64(1) << UInt64(value & 63)
      if built[value >> 6] & bit != byCodePoint[value >> 6] & bit {
        differing.append(String(value, radix: 16))
      }
    }
    #expect(differing.isEmpty, Comment(rawValue: differing.prefix(20).joined(separator: " ")))
  }

  @Test(arguments: Normalizer.Form.allCases.filter { $0 != .nfkcCasefold })
  func asciiFastPathReturnsInputUnchanged(_ form: Normalizer.Form) {
    let ascii = "Kim Jong-un met Yoo Yong-won in Seoul, 12:30."
    let result = Normalizer.normalize(ascii, form: form)
    #expect(result == ascii)
    // The fast path hands back the same storage, not a copy.
    #expect(
      result.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        == ascii.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
  }

  @Test func alreadyNormalizedNonASCIIComesBackEqual() {
    let text = "消息：俄乌战俘互换 — Зеленський у Києві"
    #expect(Normalizer.normalize(text, form: .nfc).escapedScalars == text.escapedScalars)
    #expect(Normalizer.isNormalized(text, form: .nfc))
    #expect(!Normalizer.isNormalized(text, form: .nfkc))  // the full-width colon folds
  }

  @Test func convenienceFunctionsMatchForms() {
    #expect(Normalizer.nfc("e\u{301}").escapedScalars == "\u{E9}".escapedScalars)
    #expect(Normalizer.nfkc("Ｓｅｏｕｌ：") == "Seoul:")
    #expect(
      Normalizer.nfkcCasefold("ÅNGSTRÖM").escapedScalars == "\u{E5}ngstr\u{F6}m".escapedScalars)
    // Swift's == is canonical equivalence; isNormalized must not be fooled by it.
    #expect("e\u{301}" == "\u{E9}")
    #expect(!Normalizer.isNormalized("e\u{301}", form: .nfc))
    #expect(!Normalizer.isNormalized("\u{1100}\u{1161}", form: .nfc))
    #expect(!Normalizer.isNormalized("\u{E9}", form: .nfd))
  }

  @Test func emptyString() {
    for form in Normalizer.Form.allCases {
      #expect(Normalizer.normalize("", form: form) == "")
    }
  }

  /// Regression (issue 19): texts over 64 kB are normalised and checked in pieces (memory a few
  /// times the piece); the pieces must give exactly what normalising the whole at once gives,
  /// even with combining marks, jamo and long non-ASCII runs across the cuts.
  @Test(arguments: Normalizer.Form.allCases)
  func longTextsNormaliseInPiecesAsAWhole(form: Normalizer.Form) throws {
    let unit =
      "Cafe\u{301} \u{1100}\u{1161}\u{11A8} Ｓｅｏｕｌ ﬁ Straße 유용원"
      + String(repeating: "\u{1100}\u{1161}", count: 37) + "e\u{301}\u{323}\n"
    let text = String(repeating: unit, count: 3 * Normalizer.pieceBytes / unit.utf8.count + 7)
    #expect(text.utf8.count > 2 * Normalizer.pieceBytes)
    let whole = try Normalizer.normalizeOrThrow(text, form: form)
    #expect(
      Normalizer.normalize(text, form: form).unicodeScalars.elementsEqual(whole.unicodeScalars))
    #expect(
      Normalizer.isNormalized(text, form: form)
        == whole.unicodeScalars.elementsEqual(text.unicodeScalars))
    #expect(Normalizer.isNormalized(whole, form: form) || form == .nfkcCasefold)
    let hangul = String(repeating: "가나다\u{1100}\u{1161}", count: Normalizer.pieceBytes / 3)
    #expect(
      Normalizer.normalize(hangul, form: form).unicodeScalars.elementsEqual(
        try Normalizer.normalizeOrThrow(hangul, form: form).unicodeScalars))
  }
}
