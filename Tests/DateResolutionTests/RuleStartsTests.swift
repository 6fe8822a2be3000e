import NormalizeTestSupport
import Testing

@testable import DateResolution

/// `Grammar.longest(at:)` tries only the rules that can start at a token's kind
/// (`Grammar.RuleStarts`): at every token of every case table's text it finds what trying
/// every rule finds, so a rule that learns to start at another kind of token shows here.
@Suite struct RuleStartsTests {
  @Test(arguments: DateCase.tables)
  func skippedRulesFindNothing(_ name: String) throws {
    let resolver = try #require(SharedResolver.resolver)
    let cases = try DateCase.load(name)
    #expect(!cases.isEmpty)
    for c in cases {
      let tokens = Tokenizer.tokenize(c.text)
      let grammar = Grammar(
        tokens: tokens, vocabulary: resolver.vocabulary(c.lang.map(VocabularyStore.baseLanguage)))
      for i in tokens.indices {
        let chosen = grammar.longest(at: i).map { String(describing: $0) }
        let everyRule = grammar.longest(at: i, trying: .all).map { String(describing: $0) }
        #expect(chosen == everyRule, "\(c.label): token \(i) \"\(tokens[i].text)\"")
      }
    }
  }
}
