import Testing

@testable import DateResolution

/// The unit and direction words learnt from ICU's numeric relative phrases ("23 ore fa",
/// "vor 23 Stunden", "23시간 전", "через 23 часа") are the same whether one number of each
/// plural category is formatted or two: ICU picks a phrase's pattern by the category alone, so
/// the start-up formats one ("1 год назад", "2 года назад", "5 лет назад") and these tests check
/// that nothing is lost against two ("21 год назад", "3 года назад", "6 лет назад").
@Suite struct CLDRVocabularyTests {
  /// The languages whose units are read in any text, and others with rich plural rules,
  /// right-to-left scripts or their own digits.
  static let languages = [
    "de", "es", "fr", "hr", "id", "it", "ja", "ko", "pt", "ru", "uk", "zh", "en", "ar", "he",
    "fa", "hi", "bn", "th", "pl", "cs", "sl", "lt", "lv", "ro", "ga", "cy", "mt", "br", "sr",
    "be", "tr", "el", "nl", "sv", "fi", "hu", "vi", "ta", "ka",
  ]

  @Test(arguments: languages)
  func onePerPluralCategoryLearnsWhatTwoLearn(language: String) {
    let one = CLDRVocabulary.build(language: language, parts: .numericPhrases)
    let two = CLDRVocabulary.build(
      language: language, parts: .numericPhrases, samplesPerCategory: 2)
    #expect(Self.entries(one.units) == Self.entries(two.units), "\(language): units")
    #expect(Self.entries(one.pastPrefixes) == Self.entries(two.pastPrefixes), "\(language)")
    #expect(Self.entries(one.pastSuffixes) == Self.entries(two.pastSuffixes), "\(language)")
    #expect(Self.entries(one.futurePrefixes) == Self.entries(two.futurePrefixes), "\(language)")
    #expect(Self.entries(one.futureSuffixes) == Self.entries(two.futureSuffixes), "\(language)")
    #expect(one.triggers == two.triggers, "\(language): triggers")
  }

  @Test func russianHoursAreLearnt() {
    let ru = CLDRVocabulary.build(language: "ru", parts: .numericPhrases)
    let units = Self.entries(ru.units)
    // "1 час", "2 часа", "5 часов" назад: each plural form of the unit.
    for word in ["час", "часа", "часов"] {
      #expect(units.contains { $0.hasPrefix("\(word) ->") && $0.hasSuffix("hour") }, "\(word)")
    }
    #expect(Self.entries(ru.pastSuffixes).contains("назад -> true"))
  }

  /// Every entry of `table` as "tokens -> value" in its list order, lists sorted by first token.
  static func entries<Value>(_ table: PhraseTable<Value>) -> [String] {
    table.byFirst.keys.sorted().flatMap { key in
      (table.byFirst[key] ?? []).map { "\($0.tokens.joined(separator: " ")) -> \($0.value)" }
    }
  }
}
