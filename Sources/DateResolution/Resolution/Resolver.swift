import NormalizeCore

/// Turns a `Meaning` into a TIMEX3 value against the DCT, the tense of the sentence and the
/// narrative (the last date mentioned).
struct Resolver {
  /// The tense around an expression, for weekdays and yearless dates.
  enum Tense: Sendable {
    case past, future, none
  }

  /// What the resolver knows when it meets an expression.
  struct Context {
    var dct: CivilDate?
    var tense: Tense = .none
    /// Whether a finite past verb of the date's own clause governs it ("changed to a calendar
    /// year in December", "was founded in March"): a yearless month then lies back.
    var pastVerbGoverns = false
    /// The last resolved date mentioned before, for "a year earlier".
    var lastPoint: TimexPoint?
    /// Whether `lastPoint` was written out ("May 22, 1995", "in March") rather than counted from
    /// the DCT ("last year"): only then does "the previous year" count from it.
    var lastPointExplicit = false
    /// A year the narrative has moved to ("In March of last year … in October").
    var narrativeYear: Int?
    /// The last quarter named by its ordinal without a year ("the fiscal first quarter",
    /// "third-quarter"): what "the quarter" refers to, and what tells whether "the year-ago"
    /// period is already named.
    var quarterInFocus: TimexPoint?
  }

  /// A resolved value, or why there is none.
  enum Outcome {
    /// The value and what it was resolved against ("dct", "narrative" or nil for absolute).
    case value(String, anchor: String?, point: TimexPoint?)
    /// Relative to a DCT that is missing: the underspecified value.
    case underspecified(String)
    /// Not a possible date ("February 30", "32 January").
    case impossible(String)
  }

  static func resolve(_ meaning: Meaning, _ ctx: Context) -> Outcome {
    switch meaning {
    case .literal(let v):
      return .value(v, anchor: nil, point: nil)
    case .date(let spec):
      return resolveDate(spec, ctx)
    case .shift(let unit, let n, let origin, let time):
      return resolveShift(unit, n, origin: origin, time: time, ctx)
    case .weekday(let d, let offset, let time):
      guard let dct = ctx.dct else { return .underspecified("XXXX-WXX-\(d)" + (time ?? "")) }
      let wd = dct.weekday
      var delta: Int
      // "next Thursday" said on a Wednesday is not tomorrow, which "tomorrow" would say, but
      // the Thursday after it; "last Tuesday" said on a Wednesday is the week before yesterday.
      switch offset {
      case .some(-1):
        delta = -((wd - d + 7) % 7)
        if delta == 0 || delta == -1 { delta -= 7 }
      case .some(1):
        delta = (d - wd + 7) % 7
        if delta == 0 || delta == 1 { delta += 7 }
      case .some(2):
        delta = (d - wd + 7) % 7
        if delta == 0 { delta = 7 }
      case .some(0):
        delta = d - wd
      default:
        delta = ctx.tense == .future ? (d - wd + 7) % 7 : -((wd - d + 7) % 7)
      }
      var point = TimexPoint(dct.adding(days: delta), granularity: .day)
      point.time = time
      return .value(point.value, anchor: "dct", point: point)
    case .daysFrom(let inner, let days):
      // Only from a day (not "the day after March"), at day granularity: the part of the day
      // belongs to the named day, not to the one counted from it.
      let outcome = resolve(inner, ctx)
      guard case .value(_, let anchor, let p?) = outcome, p.day != nil,
        let date = p.representativeDate
      else { return outcome }
      let point = TimexPoint(date.adding(days: days), granularity: .day)
      return .value(point.value, anchor: anchor, point: point)
    case .weekdayFromFocus(let d, let offset, let time):
      guard let last = ctx.lastPoint, last.day != nil, let focus = last.representativeDate else {
        return resolve(.weekday(d, offset: offset, time: time), ctx)
      }
      var delta = offset < 0 ? -((focus.weekday - d + 7) % 7) : (d - focus.weekday + 7) % 7
      if delta == 0 { delta = offset < 0 ? -7 : 7 }
      var point = TimexPoint(focus.adding(days: delta), granularity: .day)
      point.time = time
      return .value(point.value, anchor: "narrative", point: point)
    case .weekdayInWeek(let d, let weekOffset, let time):
      guard let dct = ctx.dct else { return .underspecified("XXXX-WXX-\(d)" + (time ?? "")) }
      var point = TimexPoint(dct.adding(days: 7 * weekOffset + d - dct.weekday), granularity: .day)
      point.time = time
      return .value(point.value, anchor: "dct", point: point)
    case .dayInMonth(let d, let monthOffset, let time):
      guard let dct = ctx.dct else {
        return .underspecified("XXXX-XX-\(TimexFormat.two(d))" + (time ?? ""))
      }
      // Unsaid month: the DCT's, unless the day lies more than a week after the DCT.
      let offset = monthOffset ?? (d > dct.day + 7 ? -1 : 0)
      let month = CivilDate(year: dct.year, month: dct.month, day: 1).adding(months: offset)
      guard CivilDate.isValid(year: month.year, month: month.month, day: d) else {
        return .impossible(
          "\(TimexFormat.year(month.year))-\(TimexFormat.two(month.month))-\(TimexFormat.two(d))")
      }
      var point = TimexPoint(
        CivilDate(year: month.year, month: month.month, day: d), granularity: .day)
      point.time = time
      return .value(point.value, anchor: "dct", point: point)
    case .narrativeTime(let unit, let offset, let fallback):
      guard let last = ctx.lastPoint, let y = last.year else {
        if let fallback { return .value(fallback, anchor: nil, point: nil) }
        guard let dct = ctx.dct else { return .underspecified("XXXX") }
        return .value(
          TimexFormat.year(dct.year + offset), anchor: "dct",
          point: TimexPoint(year: dct.year + offset))
      }
      let point = unit == .year ? TimexPoint(year: y + offset) : last
      return .value(point.value, anchor: "narrative", point: point)
    case .quarterInFocus:
      if let q = ctx.quarterInFocus, q.quarter != nil {
        return .value(q.value, anchor: "narrative", point: q)
      }
      return resolve(.latestQuarter(yearOffset: 0), ctx)
    case .latestQuarter(let yearOffset, let year):
      guard let dct = ctx.dct else {
        return .underspecified((year.map(TimexFormat.year) ?? "XXXX") + "-QX")
      }
      var point = latestQuarter(dct)
      point.year = year ?? ((point.year ?? dct.year) + yearOffset)
      return .value(point.value, anchor: "dct", point: point)
    }
  }

  /// The latest quarter completed by the DCT (1989-Q3 on 1989-11-02, 1989-Q4 on 1990-01-15).
  private static func latestQuarter(_ dct: CivilDate) -> TimexPoint {
    dct.quarter == 1
      ? TimexPoint(year: dct.year - 1, quarter: 4)
      : TimexPoint(year: dct.year, quarter: dct.quarter - 1)
  }

  // MARK: Dates

  private static func resolveDate(_ spec: DateSpec, _ ctx: Context) -> Outcome {
    if let century = spec.century {
      return .value(
        TimexPoint(century: century).value, anchor: nil, point: TimexPoint(century: century))
    }
    if let decade = spec.decade {
      return .value(
        TimexPoint(decade: decade).value, anchor: nil, point: TimexPoint(decade: decade))
    }
    if spec.month == nil, spec.year == nil, spec.yearOffset == nil, let d = spec.day,
      spec.holiday == nil, spec.season == nil, spec.quarter == nil, spec.half == nil
    {
      return resolveDayOfMonth(d, spec, ctx)
    }
    var year = spec.year
    var anchor: String?
    if year == nil, spec.yearOfFocus, let y = ctx.lastPoint?.year {
      year = y
      anchor = "narrative"
    }
    if year == nil, let offset = spec.yearOffset {
      guard let dct = ctx.dct else {
        return .underspecified(point(spec, year: nil).value)
      }
      year = dct.year + offset
      anchor = "dct"
    }
    if year == nil {
      // A day that cannot exist in any year is impossible without looking further.
      if let m = spec.month, let d = spec.day,
        !(m >= 1 && m <= 12 && d >= 1 && d <= CivilDate.daysIn(year: 2000, month: m))
      {
        return .impossible(point(spec, year: nil).value)
      }
      if let narrative = ctx.narrativeYear, spec.direction == nil, spec.holiday == nil,
        spec.quarter == nil,
        !isAfterDCT(spec, year: narrative, ctx.dct)
      {
        year = narrative
        anchor = "narrative"
      } else if let dct = ctx.dct {
        year = inferYear(spec, dct: dct, tense: ctx.tense, pastVerbGoverns: ctx.pastVerbGoverns)
        anchor = "dct"
        // "Saturday, April 25": the year in which the date falls on that weekday.
        if let wd = spec.weekday, let m = spec.month, let d = spec.day, let y = year {
          year =
            [y, y - 1, y + 1].first {
              CivilDate.isValid(year: $0, month: m, day: d)
                && CivilDate(year: $0, month: m, day: d).weekday == wd
            } ?? y
        }
      } else {
        return .underspecified(point(spec, year: nil).value)
      }
    }
    guard let y = year else { return .underspecified(point(spec, year: nil).value) }
    if let holiday = spec.holiday {
      var p = TimexPoint(holiday.date(in: y), granularity: spec.weekOfDay ? .week : .day)
      p.time = spec.time
      return .value(p.value, anchor: anchor, point: p)
    }
    if y < 0 || y > 9999 { return .impossible(point(spec, year: y).value) }
    if let m = spec.month, !(1...12).contains(m) { return .impossible(point(spec, year: y).value) }
    if let m = spec.month, let d = spec.day, !CivilDate.isValid(year: max(y, 0), month: m, day: d) {
      return .impossible(point(spec, year: y).value)
    }
    if spec.weekOfDay, let m = spec.month, let d = spec.day {
      let p = TimexPoint(CivilDate(year: y, month: m, day: d), granularity: .week)
      return .value(p.value, anchor: anchor, point: p)
    }
    let p = point(spec, year: y)
    return .value(p.value, anchor: anchor, point: p)
  }

  /// A day of the month named without its month ("el pasado día 3", "el próximo día 15", "el
  /// día 13"): in the DCT's month, or the month before ("pasado", a past sentence) or after
  /// ("próximo", a future one) when the day lies on the other side of the DCT.
  private static func resolveDayOfMonth(_ d: Int, _ spec: DateSpec, _ ctx: Context) -> Outcome {
    guard d >= 1, d <= 31 else { return .impossible("XXXX-XX-" + TimexFormat.two(d)) }
    guard let dct = ctx.dct else { return .underspecified("XXXX-XX-" + TimexFormat.two(d)) }
    let direction = spec.direction ?? (ctx.tense == .past ? -1 : ctx.tense == .future ? 1 : 0)
    var month = CivilDate(year: dct.year, month: dct.month, day: 1)
    if direction < 0, d > dct.day {
      month = month.adding(months: -1)
    } else if direction > 0, d < dct.day {
      month = month.adding(months: 1)
    }
    // "el día 31" in a month of 30 days: which month it means is left open.
    guard d <= CivilDate.daysIn(year: month.year, month: month.month) else {
      return .underspecified("XXXX-XX-" + TimexFormat.two(d))
    }
    let day = CivilDate(year: month.year, month: month.month, day: d)
    var p = TimexPoint(day, granularity: .day)
    p.time = spec.time
    return .value(p.value, anchor: "dct", point: p)
  }

  /// Whether the month (and day) of `spec` in `year` lies after the DCT.
  private static func isAfterDCT(_ spec: DateSpec, year: Int, _ dct: CivilDate?) -> Bool {
    guard let dct, let m = spec.month else { return false }
    return (year, m, spec.day ?? 0) > (dct.year, dct.month, dct.day)
  }

  private static func point(_ spec: DateSpec, year: Int?) -> TimexPoint {
    TimexPoint(
      year: year, half: spec.half, quarter: spec.quarter, season: spec.season, month: spec.month,
      day: spec.day,
      time: spec.time)
  }

  /// The year of a yearless month, day, season or quarter: by direction ("last April"), else
  /// by tense (past → not after the DCT, future → not before), else the nearest. A month a
  /// past verb governs is not after the DCT's month ("changed … in December", said in October
  /// 1989: 1988-12).
  static func inferYear(
    _ spec: DateSpec, dct: CivilDate, tense: Tense, pastVerbGoverns: Bool = false
  ) -> Int {
    // Compare on a month scale: the period's first month (and day) against the DCT's.
    let start: (Int, Int)  // (month, day)
    if let m = spec.month {
      start = (m, spec.day ?? 0)
    } else if let h = spec.holiday {
      let d = h.date(in: dct.year)
      start = (d.month, d.day)
    } else if let s = spec.season {
      start = (["SP": 3, "SU": 6, "FA": 9, "WI": 12][s] ?? 1, 0)
    } else if let q = spec.quarter {
      start = ((q - 1) * 3 + 1, 0)
    } else if let h = spec.half {
      start = ((h - 1) * 6 + 1, 0)
    } else {
      return dct.year
    }
    let hasDay = spec.day != nil || spec.holiday != nil
    // Period index in months from year 0, and the DCT's.
    func key(_ y: Int) -> (Int, Int) { (y * 12 + start.0, hasDay ? start.1 : 0) }
    let dctKey = (dct.year * 12 + currentStartMonth(spec, dct), hasDay ? dct.day : 0)
    let candidates = [dct.year - 1, dct.year, dct.year + 1]
    func distance(_ y: Int) -> Int {
      let k = key(y)
      return abs((k.0 - dctKey.0) * 31 + (k.1 - dctKey.1))
    }
    switch spec.direction {
    case .some(-1):
      return candidates.last { key($0) < dctKey } ?? dct.year - 1
    case .some(1):
      return candidates.first { key($0) > dctKey } ?? dct.year + 1
    case .some(0):
      return dct.year
    default: break
    }
    if pastVerbGoverns, spec.month != nil, spec.day == nil {
      return candidates.last { key($0) <= dctKey } ?? dct.year - 1
    }
    // Quarters and halves: the current or latest one, unless the sentence looks ahead.
    if spec.quarter != nil || spec.half != nil {
      let latest = candidates.last { key($0) <= dctKey } ?? dct.year
      guard tense == .future, let next = candidates.first(where: { key($0) > dctKey }) else {
        return latest
      }
      return distance(next) < distance(latest) ? next : latest
    }
    // Otherwise the nearest, weighed by tense: news mostly reports what happened, so a
    // future reading costs about four months more than a past one unless the sentence looks
    // ahead ("March" said in late October is the March just gone); when it looks ahead, a
    // past reading costs as much as a future one in the past tense ("will command a mission
    // in December" said in March is the coming December).
    func score(_ y: Int) -> Int {
      let k = key(y)
      var s = distance(y)
      switch tense {
      case .past: if k > dctKey { s += 240 }
      case .none: if k > dctKey { s += 120 }
      case .future: if k < dctKey { s += 240 }
      }
      return s
    }
    return candidates.min { score($0) < score($1) } ?? dct.year
  }

  /// The DCT's month on the scale `inferYear` compares: for seasons the first month of the
  /// DCT's season (so "last fall" in March is the previous autumn).
  private static func currentStartMonth(_ spec: DateSpec, _ dct: CivilDate) -> Int {
    if spec.season != nil {
      switch dct.month {
      case 3, 4, 5: return 3
      case 6, 7, 8: return 6
      case 9, 10, 11: return 9
      case 12: return 12
      default: return 0  // January, February: the winter that began in December
      }
    }
    if spec.quarter != nil { return (dct.quarter - 1) * 3 + 1 }
    if spec.half != nil { return dct.month <= 6 ? 1 : 7 }
    return dct.month
  }

  // MARK: Shifts

  private static func resolveShift(
    _ unit: TimeUnit, _ n: Int, origin: Meaning.Origin, time: String?, _ ctx: Context
  ) -> Outcome {
    // Anaphoric: shift the last date mentioned, keeping its granularity ("a year earlier" after
    // "the third quarter" is the third quarter of the year before).
    // A clock time counts from a day, not from a month or a year.
    if let last = ctx.lastPoint, last.year != nil, time == nil || last.day != nil,
      origin == .narrative || (origin == .narrativePeriod && ctx.lastPointExplicit)
        || ((origin == .focus || origin == .focusQuarter)
          && (last.quarter != nil || last.half != nil))
    {
      // "that same day", "the next day" after "in October 1998": a day of that month no one
      // named, 1998-10-XX (TIMEX3 leaves unknown parts X), not the month's first day.
      if unit == .day, time == nil, origin == .narrative, last.day == nil, last.weekday == nil,
        last.week == nil, let m = last.month, let y = last.year
      {
        return .value(
          "\(TimexFormat.year(y))-\(TimexFormat.two(m))-XX", anchor: "narrative", point: nil)
      }
      // "The year-ago results" after "the 1988 period" (said in November 1989): the period in
      // focus already lies a year or more before the latest quarter, so it is the year-ago one.
      if origin == .focus || origin == .focusQuarter, unit == .year, n == -1,
        let y = last.year, let q = last.quarter, let dct = ctx.dct
      {
        let latest = ctx.quarterInFocus ?? latestQuarter(dct)
        if let ly = latest.year, let lq = latest.quarter, (ly * 4 + lq) - (y * 4 + q) >= 4 {
          return .value(last.value, anchor: "narrative", point: last)
        }
      }
      let moved =
        origin == .narrativePeriod ? last.representativeDate.map { shiftDate($0, unit, n) } : nil
      if var shifted = moved ?? shift(last, unit, n) {
        if let time { shifted.time = time }
        return .value(shifted.value, anchor: "narrative", point: shifted)
      }
    }
    if origin == .focusQuarter, unit == .year {
      return resolve(.latestQuarter(yearOffset: n), ctx)
    }
    guard let dct = ctx.dct else {
      let placeholder: String
      switch unit {
      case .day, .hour, .minute, .second: placeholder = "XXXX-XX-XX"
      case .week, .fortnight: placeholder = "XXXX-WXX"
      case .weekend: placeholder = "XXXX-WXX-WE"
      case .month: placeholder = "XXXX-XX"
      case .quarter: placeholder = "XXXX-QX"
      case .season, .half, .year: placeholder = "XXXX"
      case .decade: placeholder = "XXX"
      case .century: placeholder = "XX"
      }
      return .underspecified(placeholder + (time ?? ""))
    }
    var shiftBy = n
    // "the weekend" said in the past tense early in the week is the one just gone.
    if unit == .weekend, n == 0, ctx.tense == .past, dct.weekday <= 4 { shiftBy = -1 }
    var p = shiftDate(dct, unit, shiftBy)
    p.time = time
    return .value(p.value, anchor: "dct", point: p)
  }

  /// The DCT moved by `n` units, at the unit's granularity.
  static func shiftDate(_ date: CivilDate, _ unit: TimeUnit, _ n: Int) -> TimexPoint {
    switch unit {
    case .second: return TimexPoint(date.adding(days: floorDiv(n, 86400)), granularity: .day)
    case .minute: return TimexPoint(date.adding(days: floorDiv(n, 1440)), granularity: .day)
    case .hour: return TimexPoint(date.adding(days: floorDiv(n, 24)), granularity: .day)
    case .day: return TimexPoint(date.adding(days: n), granularity: .day)
    case .week: return TimexPoint(date.adding(days: 7 * n), granularity: .week)
    case .weekend: return TimexPoint(date.adding(days: 7 * n), granularity: .weekend)
    case .fortnight: return TimexPoint(date.adding(days: 14 * n), granularity: .week)
    case .month: return TimexPoint(date.adding(months: n), granularity: .month)
    case .season: return TimexPoint(date.adding(months: 3 * n), granularity: .season)
    case .quarter: return TimexPoint(date.adding(months: 3 * n), granularity: .quarter)
    case .half: return TimexPoint(date.adding(months: 6 * n), granularity: .half)
    case .year: return TimexPoint(year: date.year + n)
    case .decade: return TimexPoint(decade: date.year / 10 + n)
    case .century: return TimexPoint(century: date.year / 100 + n)
    }
  }

  /// A resolved point moved by `n` units, keeping its own granularity when that is finer.
  static func shift(_ p: TimexPoint, _ unit: TimeUnit, _ n: Int) -> TimexPoint? {
    guard let y = p.year else { return nil }
    // "im selben Jahr", "la même année": the year itself, whatever was mentioned in it.
    if unit == .year, n == 0 { return TimexPoint(year: y) }
    if unit == .year {
      var q = p
      q.year = y + n
      if q.month != nil, let d = q.day, let m = q.month, d > CivilDate.daysIn(year: y + n, month: m)
      {
        q.day = CivilDate.daysIn(year: y + n, month: m)
      }
      return q
    }
    guard let date = p.representativeDate else { return nil }
    var out = shiftDate(date, unit, n)
    if unit == .quarter, p.quarter != nil {
      out = TimexPoint(date.adding(months: 3 * n), granularity: .quarter)
    }
    return out
  }

  private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
