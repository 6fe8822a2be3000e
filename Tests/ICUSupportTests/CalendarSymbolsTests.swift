import Testing

@testable import ICUSupport

/// Expected CLDR names for one locale: May (index 4) and Sunday (index 0).
struct CalendarCase: CustomTestStringConvertible, Sendable {
  var locale: String
  var mayWide: String
  var mayStandalone: String
  var mayAbbreviated: String
  var sundayWide: String
  var testDescription: String { locale }
}

@Suite struct CalendarSymbolsTests {
  static let cases: [CalendarCase] = [
    .init(
      locale: "en", mayWide: "May", mayStandalone: "May", mayAbbreviated: "May",
      sundayWide: "Sunday"),
    .init(
      locale: "it", mayWide: "maggio", mayStandalone: "maggio", mayAbbreviated: "mag",
      sundayWide: "domenica"),
    .init(
      locale: "ru", mayWide: "мая", mayStandalone: "май", mayAbbreviated: "мая",
      sundayWide: "воскресенье"),
    .init(
      locale: "uk", mayWide: "травня", mayStandalone: "травень", mayAbbreviated: "трав.",
      sundayWide: "неділя"),
    .init(
      locale: "ko", mayWide: "5월", mayStandalone: "5월", mayAbbreviated: "5월", sundayWide: "일요일"),
    .init(
      locale: "zh", mayWide: "五月", mayStandalone: "五月", mayAbbreviated: "5月", sundayWide: "星期日"),
    .init(
      locale: "ja", mayWide: "5月", mayStandalone: "5月", mayAbbreviated: "5月", sundayWide: "日曜日"),
  ]

  @Test(arguments: cases)
  func monthsAndWeekdays(_ testCase: CalendarCase) throws {
    let symbols = try CalendarSymbols(locale: testCase.locale)
    #expect(symbols.locale == testCase.locale)
    for width in CalendarSymbols.Width.allCases {
      #expect(symbols.months(width).count == 12, "\(width)")
      #expect(symbols.weekdays(width).count == 7, "\(width)")
      #expect(!symbols.months(width).contains(""), "\(width)")
      #expect(!symbols.weekdays(width).contains(""), "\(width)")
    }
    #expect(symbols.months(.wide)[4] == testCase.mayWide)
    #expect(symbols.months(.standaloneWide)[4] == testCase.mayStandalone)
    #expect(symbols.months(.abbreviated)[4] == testCase.mayAbbreviated)
    #expect(symbols.weekdays(.wide)[0] == testCase.sundayWide)
  }

  /// Formatters opened from one shared `DatePatternGenerator` write what one-off formatters do.
  @Test(arguments: cases)
  func sharedPatternGeneratorFormatsAsOneOffFormatters(_ testCase: CalendarCase) throws {
    let patterns = try DatePatternGenerator(locale: testCase.locale)
    let millis = 1_748_347_200_000.0  // 2025-05-27T12:00Z
    for skeleton in ["yMMMMd", "yMMMd", "MMMMd", "MMMd", "yMMMM", "yMMM", "yMd"] {
      let shared = try SkeletonDateFormatter(patterns: patterns, skeleton: skeleton)
      let alone = try SkeletonDateFormatter(locale: testCase.locale, skeleton: skeleton)
      #expect(shared.format(millis) != nil, "\(skeleton)")
      #expect(shared.format(millis) == alone.format(millis), "\(skeleton)")
    }
  }

  @Test func englishSetsInFull() throws {
    let en = try CalendarSymbols(locale: "en")
    #expect(
      en.months(.wide) == [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
      ])
    #expect(en.weekdays(.abbreviated) == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])
    #expect(en.eras == ["BC", "AD"])
    #expect(en.amPm == ["AM", "PM"])
  }

  @Test func unknownLocaleFallsBackToRootData() throws {
    let symbols = try CalendarSymbols(locale: "xx_NOWHERE")
    #expect(symbols.months(.wide).count == 12)
  }

  @Test func availableLocales() {
    let locales = CalendarSymbols.availableLocales
    #expect(!locales.isEmpty)
    #expect(locales.contains("it_IT"))
    #expect(locales.contains("ko"))
  }

  @Test func icuVersionIs72() {
    #expect(CalendarSymbols.icuVersion.hasPrefix("72"))
  }
}
