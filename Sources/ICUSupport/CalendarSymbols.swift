import CICU

/// Month and weekday names of the Gregorian calendar from ICU's CLDR data, for any locale.
///
/// ```swift
/// let it = try CalendarSymbols(locale: "it")
/// it.months(.wide)[4]           // "maggio"
/// try CalendarSymbols(locale: "ru").months(.wide)[4]     // "мая" (format context, genitive)
/// try CalendarSymbols(locale: "ru").months(.standaloneWide)[4]  // "май"
/// try CalendarSymbols(locale: "ko").weekdays(.wide)[0]  // "일요일" (Sunday first)
/// ```
public struct CalendarSymbols: Sendable {
  /// Which set of names.
  public enum Width: Sendable, CaseIterable {
    case wide, abbreviated, standaloneWide, standaloneAbbreviated
  }

  /// The locale id the symbols are for.
  public let locale: String
  private let monthSets: [Width: [String]]
  private let weekdaySets: [Width: [String]]
  /// Era names, before then after the epoch ("BC", "AD").
  public let eras: [String]
  /// Day-period names, AM then PM ("오전", "오후" for "ko").
  public let amPm: [String]

  /// Reads all symbol sets of `locale` once.
  ///
  /// - Parameter locale: an ICU locale id ("uk", "zh_Hans", "en_GB"); unknown ids fall back to
  ///   ICU's root data, as ICU does.
  /// - Throws: `ICUError` if ICU cannot open a formatter for it.
  public init(locale: String) throws {
    var status: Int32 = 0
    guard let formatter = cicu_datefmt_open(locale, &status), status <= 0 else {
      throw ICUError(
        status > 0 ? status : 1, "cannot read calendar symbols for locale \"\(locale)\"")
    }
    defer { cicu_datefmt_close(formatter) }
    func read(_ set: Int32, dropFirst: Bool) -> [String] {
      let count = cicu_datefmt_symbol_count(formatter, set)
      let all = (0..<count).map { index in
        (try? UTF16Buffer.string(capacity: 32, operation: "read a calendar symbol") {
          dest, capacity, status in
          cicu_datefmt_symbol(formatter, set, index, dest, capacity, &status)
        }) ?? ""
      }
      return dropFirst ? Array(all.dropFirst()) : all
    }
    self.locale = locale
    let monthIDs: [Width: Int32] = [
      .wide: CICU_MONTHS_WIDE, .abbreviated: CICU_MONTHS_ABBREVIATED,
      .standaloneWide: CICU_MONTHS_STANDALONE_WIDE,
      .standaloneAbbreviated: CICU_MONTHS_STANDALONE_ABBREVIATED,
    ]
    let weekdayIDs: [Width: Int32] = [
      .wide: CICU_WEEKDAYS_WIDE, .abbreviated: CICU_WEEKDAYS_ABBREVIATED,
      .standaloneWide: CICU_WEEKDAYS_STANDALONE_WIDE,
      .standaloneAbbreviated: CICU_WEEKDAYS_STANDALONE_ABBREVIATED,
    ]
    // Month sets may carry a 13th (lunar) entry, empty for Gregorian; keep the first twelve.
    monthSets = monthIDs.mapValues { Array(read($0, dropFirst: false).prefix(12)) }
    // ICU's weekday arrays start with an empty entry so that index 1 is Sunday.
    weekdaySets = weekdayIDs.mapValues { read($0, dropFirst: true) }
    eras = read(CICU_ERAS, dropFirst: false)
    amPm = read(CICU_AM_PMS, dropFirst: false)
  }

  /// The twelve month names, January first.
  public func months(_ width: Width) -> [String] { monthSets[width] ?? [] }

  /// The seven weekday names, Sunday first.
  public func weekdays(_ width: Width) -> [String] { weekdaySets[width] ?? [] }

  /// Every locale id ICU has data for ("af", "it_IT", "zh_Hant_TW", …).
  public static var availableLocales: [String] {
    (0..<cicu_locale_count()).compactMap { index in
      guard let id = cicu_locale_at(index) else { return nil }
      return String(cString: id)
    }
  }

  /// The ICU version linked, e.g. "72.1".
  public static var icuVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    cicu_version(&buffer, 32)
    return String(cString: buffer)
  }
}
