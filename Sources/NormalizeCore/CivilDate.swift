/// A proleptic Gregorian calendar date with the arithmetic dates need (days since 1970,
/// weekdays, ISO weeks, month arithmetic, days in a month): the one home of this calendar
/// knowledge, for the date resolver (DateResolution), the page dates of HTML (HTMLExtraction)
/// and the record's publication date. Pure integer maths, no Foundation.
///
/// ```swift
/// let dct = CivilDate(parsing: "2026-02-07")   // a Saturday
/// dct?.weekday                                  // 6 (ISO: Monday 1 … Sunday 7)
/// dct?.adding(days: -2).iso                     // "2026-02-05"
/// CivilDate.isValid(year: 2025, month: 2, day: 29)  // false: "29. Februar 2025" is no date
/// ```
public struct CivilDate: Sendable, Equatable, Comparable, Hashable {
  /// The year (proleptic Gregorian; 0 is 1 BC).
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day of the month, from 1.
  public var day: Int

  /// A date from its parts, unchecked (see ``isValid(year:month:day:)``).
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses "YYYY-MM-DD" (also "YYYY-MM-DDT…"); nil when malformed or impossible.
  public init?(parsing text: String) {
    let parts: (Int, Int, Int)?
    switch Self.asciiParts(text.utf8) {
    case .parts(let y, let m, let d): parts = (y, m, d)
    case .malformed: parts = nil
    case .notASCII: parts = Self.characterParts(text)
    }
    guard let (y, m, d) = parts, CivilDate.isValid(year: y, month: m, day: d) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// How the bytes of a date string read (`asciiParts`).
  enum ASCIIReading: Equatable {
    case parts(Int, Int, Int)
    case malformed
    /// The first 11 bytes are not all ASCII without a carriage return: read by `Character`.
    case notASCII
  }

  /// The year, month and day of the first 10 characters split at "-", read from the bytes as
  /// `characterParts` reads them: when the first 11 bytes are ASCII and none is "\r", each
  /// byte is one `Character` (only CR LF joins two ASCII scalars), so "2026-02-07T10:00"
  /// and "+2026-2-7" (a sign, one digit) read alike; anything else is `.notASCII`.
  static func asciiParts(_ utf8: String.UTF8View) -> ASCIIReading {
    var values = (0, 0, 0)
    var count = 0
    var partLength = 0
    var digits = 0
    var signed = false
    var value = 0
    var index = 0
    /// Ends the current part (empty parts are skipped, as `split` omits them).
    func close() -> Bool {
      guard partLength > 0 else { return true }
      guard digits > 0, digits + (signed ? 1 : 0) == partLength, count < 3,
        count > 0 || partLength == 4
      else { return false }
      switch count {
      case 0: values.0 = value
      case 1: values.1 = value
      default: values.2 = value
      }
      count += 1
      return true
    }
    for byte in utf8 {
      if index == 11 { break }
      guard byte < 0x80, byte != 0x0D else { return .notASCII }
      index += 1
      if index > 10 { continue }
      if byte == 0x2D {  // "-"
        guard close() else { return .malformed }
        partLength = 0
        digits = 0
        signed = false
        value = 0
        continue
      }
      partLength += 1
      if byte == 0x2B, partLength == 1 {  // "+" before the digits, as Int("+7") reads it
        signed = true
      } else if byte >= 0x30, byte <= 0x39 {
        digits += 1
        value = value * 10 + Int(byte - 0x30)
      } else {
        // Not a digit: the part is no number (and any later part cannot make it one).
        return .malformed
      }
    }
    guard close(), count == 3 else { return .malformed }
    return .parts(values.0, values.1, values.2)
  }

  /// The year, month and day of the first 10 `Character`s split at "-" (empty parts
  /// skipped), each an `Int`; the year part 4 characters long.
  static func characterParts(_ text: String) -> (Int, Int, Int)? {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2])
    else { return nil }
    return (y, m, d)
  }

  /// Earlier dates sort first.
  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Whether `y` is a leap year (2024, 2000; not 1900).
  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  /// The number of days in a month (28–31).
  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether the parts name a real day of the years 0–9999.
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year: year, month: month) && year >= 0
      && year <= 9999
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The date `z0` days after 1970-01-01 (before it when negative).
  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// ISO weekday: Monday 1 … Sunday 7.
  public var weekday: Int {
    let w = (dayNumber % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (3 from Monday)
    return w + 1
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// Adds months, clamping the day to the month's length.
  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    let m = total - y * 12 + 1
    return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(year: y, month: m)))
  }

  /// ISO 8601 week-numbering year and week.
  public var isoWeek: (year: Int, week: Int) {
    let thursday = adding(days: 4 - weekday)
    let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
    return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
  }

  /// Quarter 1–4.
  public var quarter: Int { (month - 1) / 3 + 1 }

  /// "YYYY-MM-DD" (the year padded to four digits: "0987-03-01").
  public var iso: String {
    func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
    let paddedYear: String
    switch year {
    case ..<0: paddedYear = "\(year)"
    case ..<10: paddedYear = "000\(year)"
    case ..<100: paddedYear = "00\(year)"
    case ..<1000: paddedYear = "0\(year)"
    default: paddedYear = "\(year)"
    }
    return "\(paddedYear)-\(two(month))-\(two(day))"
  }

  /// The n-th (1-based; -1 = last) given ISO weekday of a month, e.g. Thanksgiving.
  public static func nthWeekday(_ n: Int, weekday: Int, year: Int, month: Int) -> CivilDate {
    if n > 0 {
      let first = CivilDate(year: year, month: month, day: 1)
      let delta = (weekday - first.weekday + 7) % 7
      return first.adding(days: delta + 7 * (n - 1))
    }
    let last = CivilDate(year: year, month: month, day: daysIn(year: year, month: month))
    let delta = (last.weekday - weekday + 7) % 7
    return last.adding(days: -delta)
  }

  /// Western Easter Sunday (anonymous Gregorian algorithm).
  public static func easter(year: Int) -> CivilDate {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CivilDate(year: year, month: month, day: day)
  }
}
