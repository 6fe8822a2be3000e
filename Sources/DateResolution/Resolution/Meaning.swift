import NormalizeCore

/// What the grammar understood in an expression, before it is resolved against the document
/// creation time (DCT) and the narrative.
///
/// Indirect, so that a `Candidate` is small: the rules pass optional candidates around at every
/// token they try, and copying the calendar fields inline made a fifth of the tagger's time.
indirect enum Meaning: Sendable, Equatable {
  /// Explicit calendar components ("May 27th", "January of last year", "the late 1990s").
  case date(DateSpec)
  /// `count` units from an origin: "last year" (year, -1, dct), "two years ago" (year, -2,
  /// dct), "a year earlier" (year, -1, narrative), "today" (day, 0, dct).
  case shift(TimeUnit, Int, origin: Origin, time: String?)
  /// A weekday; `offset` -1 "last Friday", +1 "next Friday" (a week on when the day is
  /// tomorrow), +2 "this coming Friday" (the nearest ahead), 0 "this Friday", nil by tense.
  case weekday(Int, offset: Int?, time: String?)
  /// A weekday before (-1) or after (+1) the day in focus: "the previous Friday" after
  /// "Friday" (Oct. 27) is Oct. 20, "the following Monday"; without a day in focus, as
  /// `weekday` with that offset from the DCT.
  case weekdayFromFocus(Int, offset: Int, time: String?)
  /// The most recent completed quarter, shifted by years ("the quarter", "the year-ago
  /// quarter"), or in a given year ("the 1988 period").
  case latestQuarter(yearOffset: Int, year: Int? = nil)
  /// "the quarter" alone: the quarter the report is about, the last one named by its ordinal
  /// without a year ("in the fiscal first quarter … shipped in the quarter" is 1989-Q1), else
  /// the most recent completed quarter.
  case quarterInFocus
  /// A value needing no resolution: PRESENT_REF, P3Y, XXXX-WXX-1, …
  case literal(String)
  /// A weekday of a week counted from the DCT's: "上周三" (-1, Wednesday), "지난주 수요일",
  /// "来週月曜日" (+1, Monday).
  case weekdayInWeek(Int, weekOffset: Int, time: String?)
  /// A day of a month counted from the DCT's: "本月15日" (0), "上月3日" (-1); nil: the DCT's
  /// month, or the one before when the day lies well after the DCT ("１６日", "5일").
  case dayInMonth(Int, monthOffset: Int?, time: String?)
  /// The time the narrative is at ("当时", "その時"): the last date mentioned, at `unit`
  /// granularity when given ("当年" → its year), moved by `offset` years ("上年" -1, "翌年" +1);
  /// without one, `fallback` (PAST_REF), or when that is nil the DCT's year moved by `offset`.
  case narrativeTime(TimeUnit?, offset: Int = 0, fallback: String?)

  /// Days from the day another expression names: "the day before last Tuesday" (-1, last
  /// Tuesday), "the day after Christmas" (+1).
  case daysFrom(Meaning, days: Int)

  /// Where a relative expression counts from.
  enum Origin: Sendable, Equatable {
    /// The document creation time.
    case dct
    /// The last date mentioned ("a year earlier", "three days later").
    case narrative
    /// The period of the unit around the last date mentioned: "the following year" after "May
    /// 22, 1995" is 1996, not 1996-05-22 ("im folgenden Jahr", "l'année suivante").
    case narrativePeriod
    /// The financial period in focus when there is one, else the DCT ("a year ago" after
    /// "the third quarter" is the third quarter of the year before).
    case focus
    /// The quarter (or half) in focus when there is one, else the latest quarter: "the same
    /// period last year", "o período homólogo do ano passado" name a period, never a year.
    case focusQuarter
  }
}

extension Meaning {
  /// Whether the expression is a weekday counted by tense ("Tuesday", "9 a.m. Tuesday").
  var isWeekday: Bool {
    if case .weekday(_, nil, _) = self { return true }
    return false
  }

  /// Whether the expression points back from the period in focus ("the year-ago quarter",
  /// "a year ago" in a results report): such values never become the focus themselves.
  var refersBack: Bool {
    switch self {
    case .latestQuarter(let offset, _): return offset != 0
    case .shift(_, _, let origin, _): return origin != .dct
    case .narrativeTime: return true
    default: return false
    }
  }
}

/// Calendar components of an absolute or partial date.
struct DateSpec: Sendable, Equatable {
  /// The year as written; nil when it must be inferred or comes from `yearOffset`.
  var year: Int?
  /// Years from the DCT's year ("of last year" = -1).
  var yearOffset: Int?
  var month: Int?
  var day: Int?
  var quarter: Int?
  var half: Int?
  var season: String?
  var decade: Int?
  var century: Int?
  var time: String?
  /// A holiday to compute once the year is known.
  var holiday: Holiday?
  /// For a yearless month or season: -1 "last April" (before the DCT), +1 "next April",
  /// 0 "this April" (the DCT's year); nil: by tense and nearness.
  var direction: Int?
  /// A weekday written with the date ("Saturday, April 25"): picks the year when it is missing.
  var weekday: Int?
  /// The ISO week around the day rather than the day: "the week of March 6" (2000-W10).
  var weekOfDay = false
  /// The year is the one of the date in focus: "sama aasta septembris" (September of that
  /// same year).
  var yearOfFocus = false

  init(
    year: Int? = nil, yearOffset: Int? = nil, month: Int? = nil, day: Int? = nil,
    quarter: Int? = nil,
    half: Int? = nil, season: String? = nil, decade: Int? = nil, century: Int? = nil,
    time: String? = nil,
    holiday: Holiday? = nil, direction: Int? = nil
  ) {
    self.year = year
    self.yearOffset = yearOffset
    self.month = month
    self.day = day
    self.quarter = quarter
    self.half = half
    self.season = season
    self.decade = decade
    self.century = century
    self.time = time
    self.holiday = holiday
    self.direction = direction
  }

  /// Whether the year is missing and must come from the DCT or the narrative.
  var needsYear: Bool { year == nil && yearOffset == nil && decade == nil && century == nil }
}

/// Holidays whose date depends on the year.
enum Holiday: Sendable, Equatable {
  case fixed(month: Int, day: Int)
  /// The n-th (-1 last) ISO weekday of a month: Thanksgiving is (4, Thursday, November); plus
  /// some days: US Election Day, the Tuesday after the first Monday of November, is (1, Monday,
  /// November, plusDays: 1).
  case nthWeekday(n: Int, weekday: Int, month: Int, plusDays: Int = 0)
  /// Easter Sunday plus days (Good Friday -2).
  case easter(offset: Int)
  /// A day of the Chinese lunisolar calendar (春节 1/1, 中秋节 8/15, 추석 8/15) in the
  /// Gregorian year given; `eve` is the day before (除夕, 섣달 그믐).
  case lunar(month: Int, day: Int, eve: Bool = false)

  func date(in year: Int) -> CivilDate {
    switch self {
    case .fixed(let month, let day): return CivilDate(year: year, month: month, day: day)
    case .nthWeekday(let n, let weekday, let month, let plusDays):
      return CivilDate.nthWeekday(n, weekday: weekday, year: year, month: month).adding(
        days: plusDays)
    case .easter(let offset): return CivilDate.easter(year: year).adding(days: offset)
    case .lunar(let month, let day, let eve):
      return LunarCalendar.gregorian(year: year, lunarMonth: month, day: day).adding(
        days: eve ? -1 : 0)
    }
  }
}
