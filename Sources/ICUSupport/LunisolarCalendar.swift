import CICU

/// Dates of ICU's Chinese lunisolar calendar in the Gregorian calendar, for holidays that
/// follow it (春节 / 설날 on 1/1, 中秋节 / 추석 on 8/15).
///
/// ```swift
/// LunisolarCalendar.dayNumber(gregorianYear: 2024, lunarMonth: 1, day: 1)  // 19762 = 2024-02-10
/// LunisolarCalendar.dayNumber(gregorianYear: 2025, lunarMonth: 8, day: 15) // 20367 = 2025-10-06
/// ```
public enum LunisolarCalendar {
  /// Days since 1970-01-01 of lunar `lunarMonth`/`day` in the lunar year that begins in
  /// `gregorianYear`, or nil when ICU cannot compute it.
  public static func dayNumber(gregorianYear: Int, lunarMonth: Int, day: Int) -> Int? {
    guard (1...12).contains(lunarMonth), (1...30).contains(day), (1...9999).contains(gregorianYear)
    else { return nil }
    var status: Int32 = 0
    let days = cicu_lunar_to_gregorian(Int32(gregorianYear), Int32(lunarMonth), Int32(day), &status)
    return status > 0 ? nil : Int(days)
  }
}
