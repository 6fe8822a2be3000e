import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/mentions.json`: a text, the mentions expected in it (matched by text in
/// reading order; only the fields given are compared; `hangul` must be among the candidates)
/// and texts that must not be reported.
struct MentionCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable {
    var text: String
    var kind: String
    var canonical: String?
    var family: String?
    var given: String?
    var hangul: String?
  }

  var label: String
  var comment: String?
  var text: String
  /// The text's language and publication date, as a record gives them to the detector.
  var language: String?
  var published: String?
  var expected: [Expected]
  var absent: [String]?
  /// "pass", or "knownFailure" with a `comment` saying why.
  var expect: String
  var testDescription: String { label }
}

@Suite struct NameMentionDetectorTests {
  static func cases() throws -> [MentionCase] {
    try CaseTable.load("mentions.json", in: NameFixtures.cases)
  }

  @Test(arguments: try cases())
  func detects(_ row: MentionCase) throws {
    let detector = try NameFixtures.detector.get()
    let found = detector.mentions(
      in: [(field: nil, text: row.text)], language: row.language, published: row.published)
    let check = {
      var remaining = found[...]
      for expected in row.expected {
        guard let index = remaining.firstIndex(where: { $0.text == expected.text }) else {
          Issue.record("\(row.label): no mention \"\(expected.text)\" in \(found.map(\.text))")
          continue
        }
        let mention = remaining[index]
        remaining = remaining[(index + 1)...]
        #expect(mention.kind == expected.kind, "\(expected.text)")
        if let canonical = expected.canonical {
          #expect(mention.canonical == canonical, "\(expected.text)")
        }
        if let family = expected.family { #expect(mention.family == family, "\(expected.text)") }
        if let given = expected.given { #expect(mention.given == given, "\(expected.text)") }
        if let hangul = expected.hangul {
          #expect(
            mention.hangul?.contains(hangul) == true, "\(expected.text): \(mention.hangul ?? [])")
        }
      }
      for text in row.absent ?? [] {
        #expect(
          !found.contains { $0.text == text || ($0.text.hasPrefix(text) && text.contains(" ")) },
          "\(row.label): \"\(text)\" must not be a mention")
      }
    }
    CaseRunner.run(row, check)
  }

  /// Regression (issue 19): name tokens of a 15 MB text took 200 MB at once. Texts over 1 MiB
  /// are analysed in pieces; mentions keep their offsets in the whole text, and a surname alone
  /// in a later piece still links to the full name found in an earlier one.
  @Test func longTextsAreAnalysedInPiecesWithTheSameOffsets() throws {
    let detector = try NameFixtures.detector.get()
    let first = "Defector Jang Se-yul, who leads a group in Seoul, spoke on Thursday.\n"
    let filler =
      "The committee met again and the talks went on for hours without any result at all.\n"
    let later = "Jang said the soldiers would be safe.\n"
    let text =
      first + String(repeating: filler, count: 2 * TextPieces.defaultLimit / filler.utf8.count)
      + later
    #expect(text.utf8.count > TextPieces.defaultLimit + 1)
    let mentions = detector.mentions(in: [(field: nil, text: text)])
    let scalars = Array(text.unicodeScalars)
    for mention in mentions {
      #expect(
        String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
    }
    #expect(mentions.first?.text == "Jang Se-yul")
    #expect(mentions.last?.text == "Jang")
    #expect(mentions.last?.canonical == mentions.first?.canonical)
  }

  @Test func offsetsAreUnicodeScalarOffsets() throws {
    let detector = try NameFixtures.detector.get()
    let text = "“Ядро” — 유용원 said: Zelensky’s aide met Mr. Lee in Kiev."
    let scalars = Array(text.unicodeScalars)
    for mention in detector.mentions(in: [(field: nil, text: text)]) {
      #expect(
        String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
    }
  }

  @Test func fieldsAreKeptApartAndPartialMentionsLinkAcrossThem() throws {
    let detector = try NameFixtures.detector.get()
    let found = detector.mentions(in: [
      (field: "title", text: "Zelensky meets Yoo Yong-won"),
      (field: nil, text: "Yoo said the talks went well."),
    ])
    #expect(found.first?.field == "title")
    let partial = try #require(found.first { $0.text == "Yoo" })
    #expect(partial.field == nil)
    #expect(partial.canonical == "Yoo Yong-won")
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(rows.count >= 12)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
  }

  @Test(arguments: [
    "", " ", "Mr.", "Mr. ", "’s", "Kim", "KIM KIM KIM KIM", String(repeating: "Lee ", count: 5000),
    "\u{0000}Lee\u{202E}Kim", "ㄱㄴ Park",
  ])
  func oddInputDoesNotCrash(_ text: String) throws {
    let detector = try NameFixtures.detector.get()
    _ = detector.mentions(in: [(field: nil, text: text)])
  }

  @Test(arguments: [
    (["particles": ["ko": "에서\nabc"]], "ko/particles.tsv:2"),
    (["not-name-endings": ["ko": "부\n검찰"]], "ko/not-name-endings.tsv:2"),
    (["name-stopwords": ["en": "march\nmay\tjune"]], "en/name-stopwords.tsv:2"),
  ])
  func malformedWordListsNameTheirLine(_ tables: [String: [String: String]], _ location: String) {
    #expect {
      _ = try NameWordLists(lexicons: InMemoryLexiconProvider(tables))
    } throws: { error in
      "\(error)".contains(location)
    }
  }
}
