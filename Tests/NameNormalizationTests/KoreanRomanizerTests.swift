import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/korean-romanize.json`: a Hangul name and what its ranked romanisations
/// must show — the first spelling, spellings among the first five or kept out of them, and the
/// text of each style.
struct KoreanRomanizeCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var input: String
  var first: String?
  var within5: [String]?
  var notWithin5: [String]?
  var styles: [String: String]?
  var expect: String
  var testDescription: String { label }
}

@Suite struct KoreanRomanizerTests {
  static func cases() throws -> [KoreanRomanizeCase] {
    try CaseTable.load("korean-romanize.json", in: KoreanNameFixtures.cases)
  }

  @Test func casesAreWellFormed() throws {
    let rows = try Self.cases()
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
    for row in rows {
      #expect(
        row.first != nil || row.within5 != nil || row.notWithin5 != nil || row.styles != nil,
        "\(row.label) checks nothing")
      for style in row.styles?.keys ?? [:].keys {
        #expect(KoreanRomanizationStyle(rawValue: style) != nil, "\(row.label): style \(style)")
      }
    }
  }

  @Test(arguments: try cases())
  func romanizes(_ row: KoreanRomanizeCase) throws {
    let romanizer = try KoreanNameFixtures.parser.get().romanizer
    let result = romanizer.romanizations(of: row.input)
    CaseRunner.run(row) {
      if let first = row.first { #expect(result.first?.text == first) }
      for spelling in row.within5 ?? [] {
        #expect(
          result.prefix(5).contains { $0.text == spelling },
          "\(spelling) in \(result.prefix(5).map(\.text))")
      }
      for spelling in row.notWithin5 ?? [] {
        #expect(
          !result.prefix(5).contains { $0.text == spelling },
          "\(spelling) not in \(result.prefix(5).map(\.text))")
      }
      for (style, text) in row.styles ?? [:] {
        #expect(
          result.contains { $0.style.rawValue == style && $0.text == text },
          "\(style) \(text) in \(result.map { "\($0.text) (\($0.style))" })")
      }
    }
  }

  @Test func listIsRankedDistinctAndLimited() throws {
    let romanizer = try KoreanNameFixtures.parser.get().romanizer
    for name in ["유용원", "구병삼", "박연미", "김정은"] {
      let result = romanizer.romanizations(of: name, limit: 7)
      #expect(result.count <= 7)
      #expect(Set(result.map(\.text)).count == result.count, "\(name): no duplicate texts")
      #expect(
        result.contains { $0.style == .rr } && result.contains { $0.style == .mr },
        "\(name): rr and mr always offered")
      let common = result.filter { $0.style == .common }.map(\.score)
      #expect(common.first == common.max(), "\(name): the first common spelling is the most likely")
    }
    #expect(romanizer.romanizations(of: "유용원", limit: 1).count == 1)
    #expect(romanizer.romanizations(of: "유용원", limit: 0).isEmpty)
  }

  @Test(arguments: [
    "", " ", "Yoo", "유용원1", "ㄱ", "ㅏㅏ", "유용x", "\u{0378}", "유용원유용원",
    String(repeating: "가", count: 10_000),
  ])
  func rejectsWhatIsNotAHangulName(_ input: String) throws {
    let romanizer = try KoreanNameFixtures.parser.get().romanizer
    #expect(romanizer.romanizations(of: input).isEmpty)
  }

  @Test func hangulArithmetic() {
    let jamo = Hangul.jamo(of: 0xC6A9)  // 용
    #expect(jamo == Hangul.Jamo(initial: 11, medial: 12, final: 21))
    if let jamo { #expect(Hangul.compose(jamo) == 0xC6A9) }
    #expect(Hangul.jamo(of: 0xABFF) == nil && Hangul.jamo(of: 0xD7A4) == nil)
    #expect(
      String(decoding: KoreanRomanizer.rrSyllable(0xC11D, transliterated: true), as: UTF8.self)
        == "seog")  // 석
    #expect(KoreanRomanizer.mcCuneReischauer([0xC870, 0xD0DC, 0xC5F4]) == "Cho T'aeyŏl")
  }

  @Test func unseenSyllablesStillGetSpellingsFromTheirJamo() throws {
    let tables = try KoreanNameFixtures.parser.get().tables
    // 뷁 never occurs in a name; its spellings come from the jamo model alone.
    let spellings = tables.spellings(of: 0xBDC1, at: .first).map {
      String(decoding: $0.letters, as: UTF8.self)
    }
    #expect(
      spellings.first == "bwaek" || spellings.first == "pwaek"
        || spellings.first?.hasSuffix("k") == true, "\(spellings)")
    let total = tables.spellings(of: 0xBDC1, at: .first).map(\.probability).reduce(0, +)
    #expect(total > 0.5 && total <= 1.0001)
  }
}
