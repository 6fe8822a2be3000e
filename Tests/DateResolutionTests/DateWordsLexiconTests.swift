import DateResolution
import NormalizeCore
import Testing

/// `date-words` lexicons add words CLDR lacks; malformed lines are errors with their location.
@Suite struct DateWordsLexiconTests {
  @Test func extraWordsResolve() throws {
    let resolver = try DateResolver(
      lexicons: InMemoryLexiconProvider([
        "date-words": ["it": "stamattina\tday+0\nl'altroieri\tday-2"]
      ]))
    let mentions = resolver.resolve("stamattina e l'altroieri", dct: "2025-03-18", language: "it")
      .mentions
    #expect(mentions.map(\.value) == ["2025-03-18", "2025-03-16"])
  }

  @Test func malformedMeaningIsAnError() {
    #expect(throws: DateResolutionError.self) {
      try DateResolver(
        lexicons: InMemoryLexiconProvider(["date-words": ["it": "stamattina\tmorning"]]))
    }
  }

  @Test func theShippedLexiconsLoad() throws {
    #expect(SharedResolver.resolver != nil)
  }
}
