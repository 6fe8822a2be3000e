import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/aliases.json`: a spelling and the entry the shipped lexicon gives it (null:
/// none).
struct AliasCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var spelling: String
  var canonical: String?
  var kind: String?
  var expect: String
  var testDescription: String { label }
}

@Suite struct AliasLexiconTests {
  static func cases() throws -> [AliasCase] {
    try CaseTable.load("aliases.json", in: NameFixtures.cases)
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
  }

  @Test(arguments: try cases())
  func looksUp(_ row: AliasCase) throws {
    let aliases = try NameFixtures.aliases.get()
    let check = {
      let entry = aliases.entry(for: row.spelling)
      #expect(entry?.canonical == row.canonical)
      #expect(entry?.kind.rawValue == row.kind)
    }
    CaseRunner.run(row, check)
  }

  @Test func shippedLexiconLoadsAndIsSizeable() throws {
    let aliases = try NameFixtures.aliases.get()
    #expect(aliases.entries.count >= 100)
    for kind in AliasEntry.Kind.allCases {
      #expect(aliases.entries.contains { $0.kind == kind }, "no \(kind) entries")
    }
  }

  @Test func familyAndGivenFollowTheOrigin() throws {
    let aliases = try NameFixtures.aliases.get()
    let zelenskyy = try #require(aliases.entry(for: "Zelensky"))
    #expect(zelenskyy.family == "Zelenskyy")
    #expect(zelenskyy.given == "Volodymyr")
    let kim = try #require(aliases.entry(for: "Kim Jong Un"))
    #expect(kim.family == "Kim")
    #expect(kim.given == "Jong-un")
  }

  @Test func aSpellingUnderTwoEntriesIsRejectedWithItsLine() {
    let provider = InMemoryLexiconProvider([
      "aliases": ["all": "Kyiv\tplace\tuk\tKiev\nKiyv\tplace\tuk\tKIEV"]
    ])
    #expect {
      _ = try AliasLexicon(lexicons: provider)
    } throws: { error in
      "\(error)".contains(":2:") && "\(error)".contains("already belongs to \"Kyiv\"")
    }
  }

  @Test(arguments: [
    ("Kyiv\tcity\tuk\tKiev", "kind \"city\""),
    ("Kyiv\tplace\tuk", "4 to 7"),
    ("Kyiv\tplace\tuk\tKiev||Kyyiv", "empty variant"),
    ("Jens Stoltenberg\tperson\tno\tStoltenberg@20-", "after @ write the years"),
    ("Jens Stoltenberg\tperson\tno\tStoltenberg@2013-2000", "after @ write the years"),
  ])
  func malformedLinesAreReported(_ line: String, _ message: String) {
    let provider = InMemoryLexiconProvider(["aliases": ["all": line]])
    #expect {
      _ = try AliasLexicon(lexicons: provider)
    } throws: { error in
      "\(error)".contains(message) && "\(error)".contains(":1:")
    }
  }

  @Test func countsAndDatesAreRead() throws {
    let provider = InMemoryLexiconProvider([
      "aliases": ["all": "Kyiv\tplace\tuk\tKiev=12|Kyiv=40\t2025-01-13\t2025-03-18\t001|002"]
    ])
    let entry = try #require(try AliasLexicon(lexicons: provider).entry(for: "Kiev"))
    #expect(entry.variants == [.init(text: "Kiev", count: 12), .init(text: "Kyiv", count: 40)])
    #expect(entry.firstSeen == "2025-01-13")
    #expect(entry.lastSeen == "2025-03-18")
    #expect(entry.examples == ["001", "002"])
  }

  @Test func yearsLimitASpellingToItsArticles() throws {
    let provider = InMemoryLexiconProvider([
      "aliases": ["all": "Jens Stoltenberg\tperson\tno\tStoltenberg@2000-=7|Jens Stoltenberg"]
    ])
    let aliases = try AliasLexicon(lexicons: provider)
    let key = AliasLexicon.matchKey("Stoltenberg")
    #expect(aliases.entry(forKey: key, year: 1987) == nil)
    #expect(aliases.entry(forKey: key, year: 2019)?.canonical == "Jens Stoltenberg")
    #expect(aliases.entry(forKey: key, year: nil)?.canonical == "Jens Stoltenberg")
    #expect(
      aliases.entry(forKey: AliasLexicon.matchKey("Jens Stoltenberg"), year: 1987)?.canonical
        == "Jens Stoltenberg")
    let entry = try #require(aliases.entry(for: "Stoltenberg"))
    #expect(entry.variants.first == .init(text: "Stoltenberg", count: 7, years: 2000...Int.max))
    #expect(NameLexiconFormat.tsv([entry]).contains("Stoltenberg@2000-=7|"))
  }

  /// The word key of a word without Latin letters is its `lowercased()`: checked for every
  /// scalar the byte-level lower-casing handles (ASCII non-letters, basic Cyrillic, kana, Han,
  /// Hangul syllables) and for whole words.
  @Test func wordKeyOfNonLatinWordsIsTheirLowerCase() {
    let ranges: [ClosedRange<UInt32>] = [
      0x00...0x40, 0x5B...0x60, 0x7B...0x7F, 0x0400...0x045F, 0x3040...0x30FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xAC00...0xD7A3,
    ]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let word = String(Character(scalar))
        #expect(AliasLexicon.wordKey(word) == word.lowercased(), "U+\(String(value, radix: 16))")
      }
    }
    for word in ["Київ", "ЗЕЛЕНСЬКИЙ", "Ѐшко", "Москва-Сити", "서울에서", "習近平", "キエフ", "Сеул2"] {
      #expect(AliasLexicon.wordKey(word) == word.lowercased(), "\(word)")
    }
  }
}
