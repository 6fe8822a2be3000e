import NormalizeCore
import Testing

@testable import NameNormalization

/// The integer-coded spellings the Korean tables run on must agree with the byte-array
/// forms they replace: codes, loosening, skeletons, folds.
@Suite struct KoreanSpellingCodeTests {
  static let spellings = [
    "a", "won", "byoung", "byeong", "seog", "ghil", "ahn", "kahng", "ihk", "sanng", "ic", "jiewon",
    "kiy", "chong", "tchoi",
    "tjong", "eoh", "choy", "yeoung", "hwa", "wee", "woan", "suak", "eui", "ng", "jjang", "cch",
    "rhee", "shin", "phil",
    "oo", "yy", "hng", "gwangg", "xung", "zin", "qim", "ffa", "ieyi", "ahng",
  ]

  func code(_ s: String) -> UInt64 { SpellingCode.encode(Array(s.utf8)[...]) ?? 0 }

  @Test func codesRoundTripAndCompareAsLetters() {
    for s in Self.spellings {
      let c = code(s)
      #expect(SpellingCode.letters(c) == Array(s.utf8))
      #expect(SpellingCode.length(c) == s.utf8.count)
      #expect(SpellingCode.of(s.uppercased()) == c)
    }
    #expect(SpellingCode.join(code("byeo"), code("ng")) == code("byeong"))
    #expect(
      SpellingCode.join(code("won"), 0) == code("won")
        && SpellingCode.join(0, code("won")) == code("won"))
    let sorted = Self.spellings.sorted {
      SpellingCode.sortKey(code($0)) < SpellingCode.sortKey(code($1))
    }
    #expect(sorted == Self.spellings.sorted())
    #expect(SpellingCode.encode(Array("abcdefghijklm".utf8)[...]) == nil)
    #expect(SpellingCode.encode(Array("ab1".utf8)[...]) == nil)
  }

  @Test func loosenedCodesMatchLoosenedLetters() {
    for s in Self.spellings {
      let bytes = KoreanNameTables.loosened(Array(s.utf8))
      #expect(SpellingCode.letters(KoreanNameTables.loosened(code: code(s))) == bytes, "\(s)")
      var into: [UInt8] = [0x7A]
      KoreanNameTables.loosened(Array(s.utf8)[...], into: &into)
      #expect(into == bytes, "\(s)")
    }
  }

  @Test func skeletonCodesMatchSkeletons() {
    for s in Self.spellings {
      let fromCode = KoreanNameTables.skeletonCode(code(s))
      let fromBytes = KoreanNameTables.skeletonCode(Array(s.utf8)[...])
      #expect(fromCode == fromBytes, "\(s)")
      #expect((fromCode == nil) == (KoreanNameTables.skeleton(Array(s.utf8)) == nil), "\(s)")
    }
    #expect(
      KoreanNameTables.skeleton(Array("seong".utf8)).map { String(decoding: $0, as: UTF8.self) }
        == "s*ng")
    #expect(
      KoreanNameTables.skeletonCode(code("seong")) == KoreanNameTables.skeletonCode(code("sung")))
    #expect(
      KoreanNameTables.skeletonCode(code("seong")) != KoreanNameTables.skeletonCode(code("seon")))
  }

  @Test func foldsOfKnownSpellings() {
    let expected = [
      "byoung": "pyong", "byeong": "pyong", "byung": "pyong", "heui": "hi", "choy": "jo",
      "ahn": "an", "kahng": "kang",
      "yeon": "yon", "yi": "i", "woo": "wo", "hwa": "hwa", "eui": "i", "sae": "se", "kyu": "kyo",
      "ng": "n",
    ]
    for (spelling, fold) in expected {
      #expect(KoreanNameKey.fold(Array(spelling.utf8)) == fold, "\(spelling)")
    }
    #expect(
      KoreanNameKey.key(surname: 0xC720, givenSpellings: [Array("yong".utf8), Array("won".utf8)])
        == "ko:yu.yongwon")
    // 김경협 cut after the h of a fused GYEONGHYEOB keys as Kyung-hyup: ㅎ after ng leaves no trace.
    let cutAfterH = KoreanNameKey.key(
      surname: 0xAE40, givenSpellings: [Array("gyeongh".utf8), Array("yeob".utf8)])
    let hyphenated = KoreanNameKey.key(
      surname: 0xAE40, givenSpellings: [Array("kyung".utf8), Array("hyup".utf8)])
    #expect(cutAfterH == "ko:gim.kyongyop" && hyphenated == cutAfterH)
  }

  @Test func codeTableFindsWhatItHolds() {
    var table = CodeTable(capacity: 2)
    for (k, s) in Self.spellings.enumerated() { table.insert(code(s), Int32(k)) }
    for (k, s) in Self.spellings.enumerated() { #expect(table[code(s)] == Int32(k)) }
    #expect(table[code("zzz")] == nil)
    #expect(table.count == Self.spellings.count)
    table.removeAll()
    #expect(table.count == 0 && table[code("won")] == nil)
    table.insert(code("won"), 3)
    #expect(table[code("won")] == 3)
  }

  @Test(arguments: [
    ("forward-discount\tfast", "not a positive number"),
    ("forward-discount\t-1", "not a positive number"),
    ("smoothing\t1.0", "unknown constant"),
    ("discount\t0.8\t1", "expected constant<TAB>value"),
    ("surname-sharpness\t0", "not a positive number"),
    ("syllable-type-weight\t-0.5", "not a positive number"),
  ])
  func spellingModelConstantsAreChecked(_ line: String, _ message: String) throws {
    let entries = try LexiconParser.parse(line, path: "ko/spelling-model.tsv", language: "ko")
    #expect {
      _ = try KoreanSpellingModel.Parameters().reading(entries)
    } throws: { error in
      "\(error)".contains("ko/spelling-model.tsv:1") && "\(error)".contains(message)
    }
  }

  @Test func spellingModelConstantsOverrideTheBuiltInOnes() throws {
    let entries = try LexiconParser.parse(
      "# comment\nforward-discount\t2.5", path: "ko/spelling-model.tsv", language: "ko")
    let parameters = try KoreanSpellingModel.Parameters().reading(entries)
    #expect(parameters.forwardDiscount == 2.5)
    #expect(parameters.discount == KoreanSpellingModel.Parameters().discount)
  }

  @Test func spellingModelWeightsMayBeZeroAndJamoDiscountDefaultsToForward() throws {
    let entries = try LexiconParser.parse(
      "syllable-type-weight\t0\nsurname-sharpness\t1.1", path: "ko/spelling-model.tsv",
      language: "ko")
    let parameters = try KoreanSpellingModel.Parameters().reading(entries)
    #expect(parameters.syllableTypeWeight == 0)
    #expect(parameters.surnameSharpness == 1.1)
    #expect(parameters.jamoDiscount == nil)
  }
}
