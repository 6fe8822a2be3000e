import Testing

@testable import ICUSupport

/// One `SkeletonDateFormatter` switched from skeleton to skeleton (`apply(patterns:skeleton:)`,
/// how the date vocabulary learns a locale's layouts) writes what a formatter opened for each
/// skeleton writes: "27 maggio 2025", "27 mag", "27/5/2025"; "2025년 5월 27일"; "2025年5月27日".
@Suite struct SkeletonDateFormatterTests {
  static let locales = [
    "de", "es", "fr", "hr", "id", "it", "ja", "ko", "pt", "ru", "uk", "zh", "en", "ar", "he",
    "fa", "hi", "bn", "th", "pl", "cs", "lt", "lv", "ro", "ga", "sr", "be", "tr", "el", "nl",
    "sv", "fi", "hu", "vi", "ta", "ka", "my", "zh_Hant", "pt_PT", "en_GB",
  ]
  static let skeletons = ["yMMMMd", "yMMMd", "MMMMd", "MMMd", "yMMMM", "yMMM", "yMd"]
  /// 2025-05-27T12:00Z and 1999-12-31T12:00Z.
  static let dates = [1_748_347_200_000.0, 946_641_600_000.0]

  @Test(arguments: locales)
  func appliedPatternsFormatAsOpenedFormatters(locale: String) throws {
    let patterns = try DatePatternGenerator(locale: locale)
    let reused = try SkeletonDateFormatter(patterns: patterns, skeleton: "yMd")
    // Every order of switching: forward, then backward through the skeletons.
    for skeleton in Self.skeletons + Self.skeletons.reversed() {
      let opened = try SkeletonDateFormatter(patterns: patterns, skeleton: skeleton)
      try reused.apply(patterns: patterns, skeleton: skeleton)
      for millis in Self.dates {
        let expected = opened.format(millis)
        #expect(expected != nil, "\(locale) \(skeleton)")
        #expect(reused.format(millis) == expected, "\(locale) \(skeleton)")
      }
    }
  }

  @Test func germanLayouts() throws {
    let patterns = try DatePatternGenerator(locale: "de")
    let formatter = try SkeletonDateFormatter(patterns: patterns, skeleton: "yMMMMd")
    #expect(formatter.format(Self.dates[0]) == "27. Mai 2025")
    try formatter.apply(patterns: patterns, skeleton: "MMMd")
    #expect(formatter.format(Self.dates[0]) == "27. Mai")
  }
}
