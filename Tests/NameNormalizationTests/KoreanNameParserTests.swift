import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/korean-parse.json`: a romanised name and the reading expected first.
/// `hangul` must be among the candidates (the first one when `hangulFirst`).
struct KoreanParseCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var input: String
  var display: String
  var family: String?
  var given: String?
  var order: String
  var hangul: String
  var hangulFirst: Bool?
  var key: String?
  var expect: String
  var testDescription: String { label }
}

/// One row of `Cases/korean-not-names.json`: input that must give no reading (and no crash).
struct KoreanNotNameCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var input: String
  var expect: String
  var testDescription: String { label }
}

/// One row of `Cases/korean-keys.json`: two spellings (Latin or Hangul) whose keys must be
/// equal (`match`) or different.
struct KoreanKeyCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var a: String
  var b: String
  var match: Bool
  var expect: String
  var testDescription: String { label }
}

@Suite struct KoreanNameParserTests {
  static func parseCases() throws -> [KoreanParseCase] {
    try CaseTable.load("korean-parse.json", in: KoreanNameFixtures.cases)
  }
  static func notNameCases() throws -> [KoreanNotNameCase] {
    try CaseTable.load("korean-not-names.json", in: KoreanNameFixtures.cases)
  }
  static func keyCases() throws -> [KoreanKeyCase] {
    try CaseTable.load("korean-keys.json", in: KoreanNameFixtures.cases)
  }

  @Test func casesAreWellFormed() throws {
    let parse = try Self.parseCases()
    let problems =
      CaseRunner.problems(in: parse) + CaseRunner.problems(in: try Self.notNameCases())
      + CaseRunner.problems(in: try Self.keyCases())
    #expect(problems.isEmpty, "\(problems)")
    for row in parse { #expect(NameOrder(rawValue: row.order) != nil, "\(row.label): order") }
  }

  @Test(arguments: try parseCases())
  func parses(_ row: KoreanParseCase) throws {
    let parser = try KoreanNameFixtures.parser.get()
    let reading = parser.parse(row.input).first
    CaseRunner.run(row) {
      #expect(reading?.display == row.display)
      if let family = row.family { #expect(reading?.family == family) }
      if let given = row.given { #expect(reading?.given == given) }
      #expect(reading?.order.rawValue == row.order)
      #expect(
        reading?.hangul.contains(row.hangul) == true, "\(row.hangul) in \(reading?.hangul ?? [])")
      if row.hangulFirst == true { #expect(reading?.hangul.first == row.hangul) }
      if let key = row.key { #expect(reading?.key == key) }
    }
  }

  @Test(arguments: try notNameCases())
  func rejects(_ row: KoreanNotNameCase) throws {
    let parser = try KoreanNameFixtures.parser.get()
    CaseRunner.run(row) {
      #expect(parser.parse(row.input).isEmpty, "\(parser.parse(row.input).first?.display ?? "")")
    }
  }

  @Test(arguments: try keyCases())
  func keys(_ row: KoreanKeyCase) throws {
    let parser = try KoreanNameFixtures.parser.get()
    func key(_ name: String) -> String? {
      parser.key(ofHangul: name) ?? parser.parse(name).first?.key
    }
    let a = key(row.a)
    let b = key(row.b)
    CaseRunner.run(row) {
      #expect(a != nil && b != nil)
      #expect((a == b) == row.match, "\(a ?? "nil") vs \(b ?? "nil")")
    }
  }

  @Test func surnamesForPartialMentions() throws {
    let parser = try KoreanNameFixtures.parser.get()
    for surname in [
      "Lee", "Baek", "LEE", "Rhee", "Yoo", "Koo", "Park", "Kim", "Choi", "Jang", "Gim",
    ] {
      #expect(parser.isKoreanSurname(surname), "\(surname)")
    }
    for word in ["Smith", "The", "Minister", "", "Lee2", "Zelensky", "Kyiv", "이"] {
      #expect(!parser.isKoreanSurname(word), "\(word)")
    }
  }

  @Test func readingsAreRankedAndScored() throws {
    let parser = try KoreanNameFixtures.parser.get()
    let readings = parser.parse("Song Ho Chang")
    #expect(!readings.isEmpty)
    #expect(
      readings.map(\.score).reduce(0, +) > 0.999 && readings.map(\.score).reduce(0, +) < 1.001)
    #expect(zip(readings, readings.dropFirst()).allSatisfy { $0.score >= $1.score })
    for reading in readings { #expect(reading.hangul.count <= KoreanNameParser.maximumCandidates) }
  }

  @Test func longAndOddInputNeverCrashes() throws {
    let parser = try KoreanNameFixtures.parser.get()
    #expect(parser.parse(String(repeating: "Kim ", count: 2_500)).isEmpty)
    #expect(parser.parse(String(repeating: "a", count: 10_000)).isEmpty)
    #expect(parser.parse("Kim " + String(repeating: "a", count: 60)).isEmpty)
    #expect(parser.parse("- - ,").isEmpty)
    #expect(parser.parse(",Kim Jong").isEmpty || true)
    #expect(parser.parse("Kim Jong-").first?.display == "Kim Jong")
  }

  @Test func loosenedSpellings() {
    func loose(_ s: String) -> String {
      String(decoding: KoreanNameTables.loosened(Array(s.utf8)), as: UTF8.self)
    }
    #expect(loose("ahn") == "an")
    #expect(loose("ghil") == "gil")
    #expect(loose("ihk") == "ik")
    #expect(loose("sanng") == "sang")
    #expect(loose("ic") == "ik")
    #expect(loose("jiewon") == "jiwon")
    #expect(loose("daehoon") == "daehoon")
    #expect(KoreanNameKey.fold(Array("byoung".utf8)) == "pyong")
    #expect(KoreanNameKey.fold(Array("byeong".utf8)) == "pyong")
    #expect(KoreanNameKey.fold(Array("heui".utf8)) == "hi")
  }
}
