import ICUSupport
import NormalizeCore

/// Lunar holidays in the Gregorian calendar, through ICU's Chinese calendar
/// (`ICUSupport.LunisolarCalendar`).
///
/// ```swift
/// LunarCalendar.gregorian(year: 2024, lunarMonth: 1, day: 1).iso   // "2024-02-10" (春节, 설날)
/// LunarCalendar.gregorian(year: 2025, lunarMonth: 8, day: 15).iso  // "2025-10-06" (中秋节, 추석)
/// ```
enum LunarCalendar {
  /// The Gregorian date of a lunar month and day in the lunar year that begins in `year`; when
  /// ICU cannot say, 1 January of `year` (never reached for years 1–9999).
  static func gregorian(year: Int, lunarMonth: Int, day: Int) -> CivilDate {
    guard
      let days = LunisolarCalendar.dayNumber(gregorianYear: year, lunarMonth: lunarMonth, day: day)
    else {
      return CivilDate(year: year, month: 1, day: 1)
    }
    return CivilDate(dayNumber: days)
  }
}
