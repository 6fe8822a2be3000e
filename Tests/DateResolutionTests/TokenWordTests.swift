import NormalizeCore
import Testing

@testable import DateResolution

/// `TokenWord` compares a token with a code literal by the lengths of their bytes first: it
/// must answer as `String ==` on the token's text does, for words of every kind — plain ASCII,
/// Latin-1 and Cyrillic, Greek, decomposed letters, ligatures and signs equal to letters under
/// Unicode equivalence (the Kelvin sign, "ﬁ") — against the rules' literals and against
/// literals that are each token's own text.
@Suite struct TokenWordTests {
  static let text =
    "Today, yesterday and tomorrow tonight: the year-end, the full fiscal year, that same week; "
    + "earlier LATER Tuesdays. Am 3. Mai 2025 – в понедельник, 27 травня; Τρίτη 5 Μαΐου; "
    + "e\u{301}te\u{301} été cafe\u{301} café \u{212A}elvin kelvin ﬁnal final 2025年5月27日 "
    + "Ωmega \u{2126}mega nineteen eighteen two thousand recent coming now these every each per"

  /// The literals of `relativeCore`, `relativeExpression`, `referenceOrSet` and `spelledYear`,
  /// and some of other scripts and lengths.
  static let literals: [String] = [
    "today", "yesterday", "tomorrow", "tonight", "overnight", "year", "the", "full", "fiscal",
    "week", "weekend", "same", "that", "this", "last", "next", "past", "earlier", "later",
    "recent", "coming", "now", "current", "these", "every", "each", "per", "two", "eighteen",
    "nineteen", "", "a", "été", "café", "kelvin", "final", "mai", "травня", "понедельник",
    "τρίτη", "ωmega", "年", "2025",
  ]

  @Test func answersAsStringEquality() {
    let tokens = Tokenizer.tokenize(Self.text)
    #expect(tokens.count > 60)
    var checked = 0
    for token in tokens {
      let word = TokenWord(token: token.text, isPlain: token.isPlain)
      for literal in Self.literals + [token.text] {
        let expected = token.text == literal
        #expect((word == TokenWord(stringLiteral: literal)) == expected, "\(token.text) \(literal)")
        #expect((TokenWord(stringLiteral: literal) == word) == expected, "\(literal) \(token.text)")
        checked += 1
      }
    }
    #expect(checked == tokens.count * (Self.literals.count + 1))
  }

  /// In a `switch`, a case literal matches exactly the tokens whose text equals it.
  @Test func switchCasesMatchAsStrings() {
    for token in Tokenizer.tokenize(Self.text) {
      let word = TokenWord(token: token.text, isPlain: token.isPlain)
      let matched: String?
      switch word {
      case "today": matched = "today"
      case "kelvin": matched = "kelvin"
      case "café": matched = "café"
      case "été": matched = "été"
      default: matched = nil
      }
      let expected = ["today", "kelvin", "café", "été"].first { $0 == token.text }
      #expect(matched == expected, "\(token.text)")
    }
  }

  /// `Grammar.tokenWord(_:)` gives the word at an index as `Grammar.word(_:)` does, and nil
  /// for numbers, punctuation and indexes past either end.
  @Test func grammarGivesTheWordsText() throws {
    let resolver = try DateResolver(lexicons: InMemoryLexiconProvider([:]))
    let tokens = Tokenizer.tokenize(Self.text)
    let grammar = Grammar(tokens: tokens, vocabulary: resolver.vocabulary("en"))
    for i in -2..<(tokens.count + 2) {
      #expect(grammar.tokenWord(i)?.text == grammar.word(i), "index \(i)")
    }
  }
}
