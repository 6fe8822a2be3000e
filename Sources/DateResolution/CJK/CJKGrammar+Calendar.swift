/// Calendar expressions: a year (or a relative year, day, week, month), then month, day,
/// weekday, time of day and a part of the period, each optional but in this order
/// ("去年十一月二十七日", "2024년 3월 5일", "令和5年3月", "今天上午", "上周三", "本月15日",
/// "十七日下午二时半", "一九九七年底", "1998年第一季度").
extension CJKGrammar {
  func calendarDate(at i: Int) -> Candidate? {
    var k = i
    var spec = DateSpec()
    var mod: String?
    // "北京时间七月十七日凌晨三时半": the prefix counts only with a date or time after it.
    var prefixed = false
    if let e = marker(.timePrefix, at: k), let n = next(e) {
      k = n
      prefixed = true
    }
    let start = k
    var relative: CJKRelative?
    var hasYear = false
    if let (y, e) = year(at: k) {
      spec.year = y
      k = e
      hasYear = true
    } else if let (w, e) = word(at: k, { $0.relative != nil }), let r = w.relative {
      relative = r
      k = e
      if case .shift(.year, let n, _) = r {
        spec.yearOffset = n
        hasYear = true
      }
    }
    // Year-level elements: season, half, quarter, or a part of the year ("去年底").
    if hasYear || isNarrativeYear(relative), let n = next(k) {
      if let (w, e) = word(at: n, { $0.season != nil || $0.halfYear != nil }) {
        spec.season = w.season
        spec.half = w.halfYear
        k = e
        if let n2 = next(k), let (p, e2) = word(at: n2, { $0.part != nil }) {
          mod = p.part
          k = e2
        }
        return finish(i, k, relative: relative, spec: spec, mod: mod)
      }
      if let (q, e) = quarter(at: n) {
        spec.quarter = q
        return finish(i, e, relative: relative, spec: spec, mod: mod)
      }
      if month(at: n) == nil, let (p, e) = word(at: n, { $0.part != nil }) {
        return finish(i, e, relative: relative, spec: spec, mod: p.part)
      }
      // "今年头十一个月", "今年前三个季度": the first months of the year, one expression.
      if word(at: n, { $0.markers.contains(.spanPrefix) }) != nil, let counted = countedUnit(at: n),
        counted.type == "DURATION"
      {
        return finish(i, counted.end, relative: relative, spec: spec, mod: nil)
      }
    }
    // A season, half or quarter alone ("春季", "上半年", "第一季度", "상반기"); a one-character
    // season ("春") only after a year.
    if !hasYear, relative == nil {
      if let (w, e) = word(at: k, { $0.halfYear != nil || $0.season != nil }), e - k >= 2 {
        spec.season = w.season
        spec.half = w.halfYear
        if let n = next(e), let (p, e2) = word(at: n, { $0.part != nil }) {
          return finish(i, e2, relative: nil, spec: spec, mod: p.part)
        }
        return finish(i, e, relative: nil, spec: spec, mod: nil)
      }
      if let (q, e) = quarter(at: k) {
        spec.quarter = q
        return finish(i, e, relative: nil, spec: spec, mod: nil)
      }
    }
    // Month: after a year, or alone; a relative month ("本月") takes a day after it.
    var relativeMonth: Int?
    if case .shift(.month, let n, _)? = relative { relativeMonth = n }
    if relativeMonth == nil, relative == nil || hasYear || isNarrativeYear(relative) {
      if let (m, e) = month(at: (k == start ? k : next(k)) ?? -1) {
        spec.month = m
        k = e
      }
    }
    // Day.
    var dayOnly: Int?
    if spec.month != nil || relativeMonth != nil || (relative == nil && !hasYear && k == start) {
      if let n = (k == start ? k : next(k)),
        let (d, e) = day(at: n, afterMonth: spec.month != nil || relativeMonth != nil)
      {
        if spec.month != nil { spec.day = d } else { dayOnly = d }
        k = e
      }
    }
    if spec.month != nil || dayOnly != nil, let n = next(k),
      let (p, e) = word(at: n, { $0.part != nil })
    {
      mod = p.part
      k = e
    }
    // "3月5日（火）", "2024년 3월 5일(화)": the weekday in brackets belongs to the date.
    if spec.day != nil || dayOnly != nil, k + 2 < tokens.count, tokens[k].isAttached,
      ["（", "("].contains(tokens[k].text),
      let (_, e) = word(at: k + 1, { $0.weekday != nil || $0.shortWeekday != nil }),
      e < tokens.count, ["）", ")"].contains(tokens[e].text)
    {
      k = e + 1
    }
    // Weekday: alone, after a relative week ("上周三", "지난주 수요일"), or in brackets after a date.
    var weekday: Int?
    var relativeWeek: Int?
    if case .shift(.week, let n, _)? = relative { relativeWeek = n }
    if k == start, relative == nil, let (w, e) = word(at: k, { $0.weekday != nil }) {
      weekday = w.weekday
      k = e
    } else if relativeWeek != nil {
      // The week word is shared: "上周" + "周三" → 上周三.
      var found: (Int, Int)?
      for j in stride(from: k - 1, through: max(start, k - 2), by: -1) {
        if let (w, e) = word(at: j, { $0.weekday != nil }), e > k, let d = w.weekday {
          found = (d, e)
        }
      }
      // "지난주 수요일", "来週の月曜日" (a linking particle between).
      var after = next(k)
      if let j = after, let e = marker(.link, at: j) { after = e }
      if found == nil, let j = after, let (w, e) = word(at: j, { $0.weekday != nil }),
        let d = w.weekday
      {
        found = (d, e)
      }
      if let (d, e) = found {
        weekday = d
        k = e
      }
    }
    // "星期三（七月九日）上午八时": the date in brackets after a weekday says which one.
    if weekday != nil, k + 1 < tokens.count, tokens[k].isAttached,
      ["（", "("].contains(tokens[k].text),
      let inner = calendarDate(at: k + 1), case .date(let innerSpec) = inner.meaning,
      innerSpec.day != nil,
      inner.end < tokens.count, ["）", ")"].contains(tokens[inner.end].text)
    {
      spec = innerSpec
      spec.time = nil
      weekday = nil
      relative = nil
      relativeWeek = nil
      hasYear = spec.year != nil
      k = inner.end + 1
    }
    // Holiday, after a year or alone ("2024年春节", "추석").
    if spec.month == nil, dayOnly == nil, weekday == nil, relative == nil || hasYear,
      let n = (k == start ? k : next(k)), let (w, e) = word(at: n, { $0.holiday != nil }),
      let h = w.holiday
    {
      spec.holiday = h.holiday
      k = e
    }
    // A part of a relative period: "本世纪末", "上个月底".
    if mod == nil, k > start, case .shift(let unit, _, _)? = relative, unit != .day, unit != .week,
      spec.month == nil,
      dayOnly == nil, let n = next(k), let (p, e) = word(at: n, { $0.part != nil })
    {
      mod = p.part
      k = e
    }
    // Time of day.
    var time: String?
    let anchored =
      spec.day != nil || dayOnly != nil || weekday != nil || spec.holiday != nil
      || isDayShift(relative)
    if anchored || (k == start && relative == nil) {
      if let n = (k == start ? k : next(k)), let (t, e) = timeOfDay(at: n, anchored: anchored) {
        time = t
        k = e
        // "当晚十时半", "今晚8点": an evening word before the hour makes it p.m.
        if case .shift(.day, _, let part?)? = relative, part == "TAF" || part == "TEV",
          t.count == 6, t.hasPrefix("T"),
          let hour = Int(t.dropFirst().prefix(2)), hour < 12
        {
          time = "T" + TimexFormat.two(hour + 12) + String(t.dropFirst(3))
        }
      }
    }
    if prefixed && time == nil && spec.day == nil && dayOnly == nil { return nil }
    guard k > start || relative != nil else { return nil }
    let type = time != nil && !(time ?? "").isEmpty ? "TIME" : "DATE"
    // Build the meaning.
    if let d = weekday {
      let meaning: Meaning =
        relativeWeek.map { .weekdayInWeek(d, weekOffset: $0, time: time) }
        ?? .weekday(d, offset: nil, time: time)
      return Candidate(i, k, meaning, type: type, mod: mod)
    }
    if let d = dayOnly {
      return Candidate(
        i, k, .dayInMonth(d, monthOffset: relativeMonth, time: time), type: type, mod: mod)
    }
    if case .shift(let unit, let n, let t)? = relative, !hasYear {
      let combined = time ?? t
      return Candidate(
        i, k, .shift(unit, n, origin: .dct, time: combined),
        type: combined == nil ? "DATE" : "TIME", mod: mod)
    }
    if spec.month == nil && spec.holiday == nil && !hasYear && relative == nil {
      // A time alone ("下午3点", "오후 3시"): on the DCT's day.
      guard let time else { return nil }
      return Candidate(i, k, .shift(.day, 0, origin: .dct, time: time), type: "TIME", mod: mod)
    }
    spec.time = time
    return finish(i, k, relative: relative, spec: spec, mod: mod, type: type)
  }

  private func isNarrativeYear(_ r: CJKRelative?) -> Bool {
    if case .narrativeYear? = r { return true }
    return false
  }

  private func isDayShift(_ r: CJKRelative?) -> Bool {
    if case .shift(.day, _, _)? = r { return true }
    return false
  }

  /// The candidate for a year-level expression with what was found after it.
  private func finish(
    _ i: Int, _ k: Int, relative: CJKRelative?, spec: DateSpec, mod: String?, type: String = "DATE"
  ) -> Candidate? {
    switch relative {
    case .reference(let value)?: return Candidate(i, k, .literal(value), mod: mod)
    case .duration(let value)?: return Candidate(i, k, .literal(value), type: "DURATION", mod: mod)
    case .narrative?: return Candidate(i, k, .narrativeTime(nil, fallback: "PAST_REF"), mod: mod)
    case .narrativeYear(let offset)?:
      if spec.month == nil && spec.season == nil && spec.half == nil && spec.quarter == nil {
        return Candidate(
          i, k, .narrativeTime(.year, offset: offset, fallback: offset == 0 ? "PAST_REF" : nil),
          mod: mod)
      }
      return Candidate(i, k, .date(spec), type: type, mod: mod)
    case .shift(let unit, let n, let t)? where unit != .year:
      return Candidate(
        i, k, .shift(unit, n, origin: .dct, time: t), type: t == nil ? "DATE" : "TIME", mod: mod)
    default:
      return Candidate(i, k, .date(spec), type: type, mod: mod)
    }
  }

  // MARK: Elements

  /// A year: an era year ("令和5年", "平成元年"), or a positional numeral with a year marker
  /// ("2008年", "二〇〇八年", "1990년"); two digits only with a month after ("97年3月").
  func year(at k: Int) -> (Int, Int)? {
    if let (w, e) = word(at: k, { $0.era != nil }), let base = w.era, let n = next(e) {
      if let num = numeral(at: n), let v = num.value, v >= 1, v <= 99,
        let e2 = marker(.year, at: num.end)
      {
        return (base + v, e2)
      }
      if let e1 = marker(.eraFirstYear, at: n), let e2 = marker(.year, at: e1) {
        return (base + 1, e2)
      }
      return nil
    }
    guard let num = numeral(at: k), num.positional, let v = num.value,
      let e = marker(.year, at: num.end)
    else { return nil }
    // "年代" (decade) is not a year.
    if marker(.decade, at: num.end) != nil { return nil }
    if num.digits == 4 && v >= 1000 { return (v, e) }
    if num.digits == 2, let n = next(e), month(at: n) != nil {
      let base = dctYear.map { (v + 2000 <= $0 + 1) ? 2000 : 1900 } ?? 1900
      return (base + v, e)
    }
    return nil
  }

  /// A month: a numeral 1–12 with a month marker ("十一月", "3월", "７月份").
  func month(at k: Int) -> (Int, Int)? {
    guard k >= 0, let num = numeral(at: k), let v = num.value, (1...12).contains(v),
      !num.approximate,
      num.digits <= 2, let e = marker(.month, at: num.end)
    else { return nil }
    return (v, e)
  }

  /// A day: a numeral 1–31 with a day marker ("二十八日", "5일", "１６日"); markers such as 号
  /// only after a month.
  func day(at k: Int, afterMonth: Bool) -> (Int, Int)? {
    guard let num = numeral(at: k), let v = num.value, (1...31).contains(v), !num.approximate,
      num.digits <= 2,
      let (_, e) = word(
        at: num.end,
        { $0.markers.contains(.day) || (afterMonth && $0.markers.contains(.dayAfterMonth)) })
    else { return nil }
    // "5日間" / "5天" are durations: a unit word that goes on from the marker wins.
    if let (_, ue) = word(at: num.end, { $0.unit != nil }), ue > e { return nil }
    return (v, e)
  }

  /// A quarter: "第一季度", "一季度", "1분기", "第3四半期".
  func quarter(at k: Int) -> (Int, Int)? {
    var j = k
    if let e = marker(.ordinal, at: j) { j = e }
    guard let num = numeral(at: j), let v = num.value, (1...4).contains(v),
      let e = marker(.quarter, at: num.end)
    else { return nil }
    return (v, e)
  }

  /// A time of day: a part of the day and/or an hour with minutes or a half
  /// ("上午10时", "下午3点30分", "오후 3시", "午後3時半", "凌晨三时半"). Without a part of the day
  /// an hour counts only after a date (`anchored`) or in Arabic digits with minutes.
  func timeOfDay(at k: Int, anchored: Bool) -> (String, Int)? {
    var j = k
    var part: CJKPartOfDay?
    if let (w, e) = word(at: j, { $0.partOfDay != nil }) {
      part = w.partOfDay
      j = e
    }
    let hourStart = part == nil ? j : next(j)
    if let h = hourStart, let num = numeral(at: h), var hour = num.value, (0...24).contains(hour),
      !num.approximate, num.digits <= 2,
      let e = marker(.hour, at: num.end)
    {
      var minute: Int?
      var end = e
      if let n = next(e), let mnum = numeral(at: n), let mv = mnum.value, (0...59).contains(mv),
        let me = marker(.minute, at: mnum.end)
      {
        minute = mv
        end = me
      } else if let n = next(e), let he = marker(.half, at: n) {
        minute = 30
        end = he
      }
      guard part != nil || anchored || (num.arabic && minute != nil) else { return nil }
      if let p = part, p.pm, hour < 12 { hour += 12 }
      if let p = part, p.code == "TNI", !p.pm, hour == 12 { hour = 0 }
      return ("T" + TimexFormat.two(hour) + ":" + TimexFormat.two(minute ?? 0), end)
    }
    guard let p = part, anchored else { return nil }
    return (p.code, j)
  }
}

extension CJKHoliday {
  /// The resolver's holiday rule.
  var holiday: Holiday {
    switch self {
    case .fixed(let month, let day): return .fixed(month: month, day: day)
    case .lunar(let month, let day): return .lunar(month: month, day: day)
    case .lunarEve: return .lunar(month: 1, day: 1, eve: true)
    }
  }
}
