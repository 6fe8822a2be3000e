import NormalizeCore

/// A TIMEX3 DATE/TIME value under construction: any component may be unknown (written as X).
///
/// ```swift
/// TimexPoint(year: 2024, season: "FA").value        // "2024-FA"
/// TimexPoint(decade: 199).value                     // "199"
/// TimexPoint(month: 1, day: 3).value                // "XXXX-01-03"
/// TimexPoint(year: 2000, month: 1, day: 5, time: "TNI").value  // "2000-01-05TNI"
/// ```
struct TimexPoint: Sendable, Equatable {
  var century: Int?
  var decade: Int?
  var year: Int?
  var half: Int?
  var quarter: Int?
  /// "SP", "SU", "FA", "WI".
  var season: String?
  var month: Int?
  /// ISO week number; with `weekend` the value ends in "-WE".
  var week: Int?
  var weekend = false
  var day: Int?
  /// ISO weekday 1–7 when only the weekday is known ("XXXX-WXX-4").
  var weekday: Int?
  /// "TNI", "TMO", "T09:00", …
  var time: String?

  init(
    century: Int? = nil, decade: Int? = nil, year: Int? = nil, half: Int? = nil,
    quarter: Int? = nil,
    season: String? = nil, month: Int? = nil, week: Int? = nil, weekend: Bool = false,
    day: Int? = nil,
    weekday: Int? = nil, time: String? = nil
  ) {
    self.century = century
    self.decade = decade
    self.year = year
    self.half = half
    self.quarter = quarter
    self.season = season
    self.month = month
    self.week = week
    self.weekend = weekend
    self.day = day
    self.weekday = weekday
    self.time = time
  }

  init(_ date: CivilDate, granularity: TimeUnit) {
    self.init(year: date.year)
    switch granularity {
    case .century:
      self = TimexPoint(century: date.year / 100)
    case .decade:
      self = TimexPoint(decade: date.year / 10)
    case .year: break
    case .half: half = date.month <= 6 ? 1 : 2
    case .quarter: quarter = date.quarter
    case .season: season = TimexPoint.season(of: date.month)
    case .month: month = date.month
    case .week, .fortnight, .weekend:
      let w = date.isoWeek
      year = w.year
      week = w.week
      weekend = granularity == .weekend
    case .day, .hour, .minute, .second:
      month = date.month
      day = date.day
    }
  }

  static func season(of month: Int) -> String {
    switch month {
    case 3, 4, 5: return "SP"
    case 6, 7, 8: return "SU"
    case 9, 10, 11: return "FA"
    default: return "WI"
    }
  }

  /// The finest unit this value specifies.
  var granularity: TimeUnit {
    if day != nil || weekday != nil { return .day }
    if week != nil { return weekend ? .weekend : .week }
    if month != nil { return .month }
    if season != nil { return .season }
    if quarter != nil { return .quarter }
    if half != nil { return .half }
    if year != nil { return .year }
    if decade != nil { return .decade }
    return .century
  }

  /// A representative calendar date (the first day of the period), when the year is known.
  var representativeDate: CivilDate? {
    guard let year else { return nil }
    if let week {
      let jan4 = CivilDate(year: year, month: 1, day: 4)
      return jan4.adding(days: (week - 1) * 7 + 1 - jan4.weekday)
    }
    let m =
      month ?? quarter.map { ($0 - 1) * 3 + 1 } ?? half.map { ($0 - 1) * 6 + 1 } ?? season.map {
        s in
        ["SP": 3, "SU": 6, "FA": 9, "WI": 12][s] ?? 1
      } ?? 1
    return CivilDate(
      year: year, month: m, day: min(day ?? 1, CivilDate.daysIn(year: year, month: m)))
  }

  /// The TIMEX3 value string.
  var value: String {
    if let century, year == nil, decade == nil { return TimexFormat.two(century) }
    if let decade, year == nil { return decade < 100 ? "0\(decade)" : "\(decade)" }
    var out = year.map(TimexFormat.year) ?? "XXXX"
    if let half {
      out += "-H\(half)"
    } else if let quarter {
      out += "-Q\(quarter)"
    } else if let season {
      out += "-\(season)"
    } else if let week {
      out += "-W\(TimexFormat.two(week))"
      if weekend { out += "-WE" }
    } else if let weekday, month == nil {
      out += "-WXX-\(weekday)"
    } else if month != nil || day != nil {
      out += "-" + (month.map(TimexFormat.two) ?? "XX")
      if let day { out += "-" + TimexFormat.two(day) }
    }
    if let time {
      if day == nil && weekday == nil && week == nil && month == nil { out += "-XX-XX" }
      out += time
    }
    return out
  }
}
