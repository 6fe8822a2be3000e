import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/script-names.json`: a native-script name, its origin and the spellings
/// expected first, in order, as [text, scheme] pairs.
struct ScriptNameCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var input: String
  var origin: String?
  var spellings: [[String]]
  var expect: String
  var testDescription: String { label }
}

@Suite struct ScriptNameRomanizerTests {
  static func cases() throws -> [ScriptNameCase] {
    try CaseTable.load("script-names.json", in: NameFixtures.cases)
  }
  static let compoundSurnames = Result {
    try ScriptNameRomanizer.compoundSurnames(lexicons: NameFixtures.provider.get())
  }

  @Test(arguments: try cases())
  func romanizes(_ row: ScriptNameCase) throws {
    let surnames = try Self.compoundSurnames.get()
    let check = {
      let result = ScriptNameRomanizer.romanize(row.input, compoundSurnames: surnames)
      #expect(result.origin == row.origin)
      let got = result.spellings.prefix(row.spellings.count).map { [$0.text, $0.scheme] }
      #expect(
        got.map { $0.map(\.escapedScalars) } == row.spellings.map { $0.map(\.escapedScalars) })
    }
    CaseRunner.run(row, check)
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(rows.count >= 10)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
    for row in rows {
      #expect(
        row.spellings.allSatisfy { $0.count == 2 },
        "\(row.label): spellings are [text, scheme] pairs")
    }
  }

  @Test func compoundSurnamesComeFromTheLexicon() throws {
    let surnames = try Self.compoundSurnames.get()
    #expect(surnames.contains("欧阳") && surnames.contains("諸葛"))
    // Without the lexicon the first character alone is the surname.
    #expect(ScriptNameRomanizer.romanize("司马迁").spellings.first?.text != "Sima Qian")
    #expect(
      ScriptNameRomanizer.romanize("司马迁", compoundSurnames: surnames).spellings.first?.text
        == "Sima Qian")
    let bad = InMemoryLexiconProvider(["compound-surnames": ["zh": "欧阳\nOuyang"]])
    #expect(throws: LexiconError.self) { try ScriptNameRomanizer.compoundSurnames(lexicons: bad) }
  }

  @Test func ukrainianNationalSystemPositionalLetters() {
    #expect(
      UkrainianNationalRomanizer.romanize("Яготин Юрій Єнакієве") == "Yahotyn Yurii Yenakiieve")
    #expect(UkrainianNationalRomanizer.romanize("ЗГУРСЬКИЙ") == "ZGHURSKYI")
    #expect(UkrainianNationalRomanizer.romanize("О'Брайєн і м'ята") == "OBraiien i miata")
    #expect(UkrainianNationalRomanizer.romanize("O'Brien") == "O'Brien")
  }

  @Test(arguments: ["", "习", "ー", "ㄱ", "Ѣ", "\u{0378}", String(repeating: "Київ ", count: 2000)])
  func oddInputDoesNotCrash(_ input: String) {
    _ = ScriptNameRomanizer.romanize(input)
  }
}
