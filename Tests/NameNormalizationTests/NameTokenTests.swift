import ByteSupport
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// One row of `Cases/name-tokens.json` (schema: `Cases/README.md`): a text and the words
/// `NameTokenList` (`NameToken.tokenize`) makes of it.
struct NameTokenCase: Decodable, Sendable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var text: String
  var tokens: [String]
  /// When given, exactly the tokens (by text, in order) with that flag set.
  var capitalized: [String]?
  var allCaps: [String]?
  var followedByPeriod: [String]?
  var possessive: [String]?
  var joinedToPrevious: [String]?
  var sentenceInitial: [String]?
  var expect: String
  var testDescription: String { label }
}

@Suite struct NameTokenTests {
  static func cases() throws -> [NameTokenCase] {
    try CaseTable.load("name-tokens.json", in: NameFixtures.cases)
  }

  /// The words, and each token's hash is `NameCues.hash(lowering:from:to:)` of its own text
  /// (the tokenizer takes it while scanning, and drops a split-off possessive from it).
  @Test(arguments: try cases())
  func tokenizes(_ row: NameTokenCase) {
    let check = {
      let tokens = NameTokenList(row.text)
      #expect(tokens.map(tokens.text) == row.tokens, "\(row.label)")
      for token in tokens {
        var text = tokens.text(token)
        let hash = text.withUTF8 { NameCues.hash(lowering: $0, from: 0, to: $0.count) }
        #expect(token.hash == hash, "\(row.label): \(text)")
      }
      func having(_ flag: (NameToken) -> Bool) -> [String] {
        tokens.filter(flag).map(tokens.text)
      }
      let flags: [(String, [String]?, (NameToken) -> Bool)] = [
        ("capitalized", row.capitalized, \.isCapitalized), ("allCaps", row.allCaps, \.isAllCaps),
        ("followedByPeriod", row.followedByPeriod, \.followedByPeriod),
        ("possessive", row.possessive, \.possessive),
        ("joinedToPrevious", row.joinedToPrevious, \.joinedToPrevious),
        ("sentenceInitial", row.sentenceInitial, \.sentenceInitial),
      ]
      for (name, expected, flag) in flags {
        if let expected { #expect(having(flag) == expected, "\(row.label): \(name)") }
      }
    }
    CaseRunner.run(row, check)
  }

  /// Storage reused from text to text (`NameTokenStorage`, as the detector reuses it across
  /// articles) gives the tokens fresh storage gives: every text of the table after every
  /// other, longest first (so that shorter texts meet the longer ones' leftover tokens), and
  /// after a dense text that needed the larger buffer.
  @Test func reusedStorageTokenizesAsFreshStorage() throws {
    let dense = "a b c d e f g h i j k l m n o p q r s t u v w x y z"
    let texts = [dense] + (try Self.cases()).map(\.text).sorted { $0.utf8.count > $1.utf8.count }
    let pool = NameTokenStorage.Pool()
    for text in texts + texts.reversed() {
      let fresh = NameTokenList(text)
      var storage = pool.take()
      let reused = NameTokenList(text, storage: &storage)
      #expect(reused.count == fresh.count, "\(text)")
      #expect(Array(reused) == Array(fresh), "\(text)")
      #expect(reused.map(reused.text) == fresh.map(fresh.text), "\(text)")
      pool.give(reused.storage())
    }
  }

  @Test func tableIsWellFormed() throws {
    let rows = try Self.cases()
    #expect(rows.count >= 5)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
  }
}

/// Token offsets: byte and scalar spans of each word, end exclusive, also when the text is
/// dense enough that the tokenizer needs its second, larger buffer.
@Suite struct NameTokenOffsetTests {
  @Test func scalarAndByteOffsetsSpanTheWords() {
    for text in ["Сеул: Kim Jong-un’s envoy", "a b c d e f g h i j k l", "서울 가 나 다 Mr. Lee"] {
      let tokens = NameTokenList(text)
      let scalars = Array(text.unicodeScalars)
      #expect(!tokens.isEmpty)
      for token in tokens {
        let word = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
        #expect(word == tokens.text(token), "\(text): \(word)")
        #expect(token.keyIndex == -1 && token.maxWords == 0 && token.cues.isEmpty)
      }
    }
  }
}
