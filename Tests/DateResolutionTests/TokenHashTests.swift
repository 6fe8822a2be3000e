import Foundation
import NormalizeTestSupport
import Testing

@testable import DateResolution

/// The hashes the tokenizer gives every token, and the lookups built on them
/// (`Cases/token-hashes.json`): a `WordHash.Table` answers as a `[String: Value]` would, and a
/// `WordHash.Filter` never turns away a token that a dictionary of its words would find, for
/// composed and decomposed text alike; the lookups at a token index (`value(ofTokenAt:in:)`,
/// `mayContain(tokenAt:in:)`) answer as those given the token.
@Suite struct TokenHashTests {
  struct TextCase: Decodable, CustomTestStringConvertible, Sendable {
    let label: String
    let text: String
    let comment: String?
    var testDescription: String { label }
  }

  static let folder = CaseTable.folder(besides: #filePath)

  @Test(arguments: try CaseTable.load("token-hashes.json", in: folder, as: TextCase.self))
  func lookupsAnswerAsADictionary(_ c: TextCase) throws {
    let tokens = Tokenizer.tokenize(c.text)
    #expect(!tokens.isEmpty)
    // Keys: every token's text in NFC and in NFD, as lexicons could (not) spell them.
    var dictionary: [String: Int] = [:]
    for (index, token) in tokens.enumerated() {
      #expect(token.hash == WordHash.of(token.text), "\(c.label): hash of \"\(token.text)\"")
      if token.isPlain {
        #expect(WordHash.isNFC(token.text), "\(c.label): plain \"\(token.text)\" is not NFC")
      }
      dictionary[token.text.precomposedStringWithCanonicalMapping] = index
    }
    let composed = WordHash.Table(dictionary)
    var filter = WordHash.Filter(bitCount: 64)
    for key in dictionary.keys { filter.insert(key) }
    let decomposed = WordHash.Table(
      Dictionary(
        dictionary.map { ($0.key.decomposedStringWithCanonicalMapping, $0.value) },
        uniquingKeysWith: { a, _ in a }))
    let plainDecomposed = WordHash.Table(
      Dictionary(uniqueKeysWithValues: [("e\u{301}te\u{301}", 1), ("said", 2)]))
    for (index, token) in tokens.enumerated() {
      #expect(composed[token] == dictionary[token.text], "\(c.label): \"\(token.text)\"")
      // The lookup at a token index answers as the one given the token.
      #expect(composed.value(ofTokenAt: index, in: tokens) == composed[token])
      #expect(decomposed.value(ofTokenAt: index, in: tokens) == decomposed[token])
      #expect(filter.mayContain(tokenAt: index, in: tokens) == filter.mayContain(token))
      #expect(filter.mayContain(token), "\(c.label): the filter turned away \"\(token.text)\"")
      let nfd = Dictionary(
        dictionary.map { ($0.key.decomposedStringWithCanonicalMapping, $0.value) },
        uniquingKeysWith: { a, _ in a })
      #expect(decomposed[token] == nfd[token.text], "\(c.label): NFD keys, \"\(token.text)\"")
      #expect(plainDecomposed[token] == ["e\u{301}te\u{301}": 1, "said": 2][token.text])
    }
    // `Token.hasText(nfc:)` answers as `==` for every word in NFC; `WordHash.isNFC` as
    // normalising does, for composed and decomposed spellings.
    for token in tokens {
      for key in dictionary.keys {
        #expect(token.hasText(nfc: key) == (token.text == key), "\(c.label): \"\(token.text)\"")
      }
      for spelling in [token.text, token.text.decomposedStringWithCanonicalMapping] {
        let normalised = spelling.utf8.elementsEqual(
          spelling.precomposedStringWithCanonicalMapping.utf8)
        #expect(WordHash.isNFC(spelling) == normalised, "\(c.label): isNFC(\"\(spelling)\")")
      }
    }
    // A word set (`WordHash.Table(words:)`) answers as `Set.contains`.
    let words = Array(dictionary.keys.sorted().prefix(5)) + ["e\u{301}te\u{301}"]
    let set = Set(words)
    let table = WordHash.Table(words: words)
    for token in tokens {
      #expect((table[token] != nil) == set.contains(token.text), "\(c.label): \"\(token.text)\"")
    }
  }
}
