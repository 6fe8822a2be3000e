/// Expressions relative to the DCT: "yesterday", "last week", "next month", "this fall",
/// "last Friday", "the year-earlier quarter", "earlier this month", weekdays with parts of day.
extension Grammar {
  static let deictic: WordHash.Table<Int> = WordHash.Table([
    "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
    "following": 1,
  ])

  /// "today", "yesterday morning", "earlier this year", "late yesterday", weekday forms.
  func relativeExpression(_ i: Int) -> Candidate? {
    if let w = tokenWord(i), w == "earlier" || w == "later" {
      if let core = relativeCore(i + 1) ?? weekdayCore(i + 1) {
        return core.widened(to: i, mod: core.mod)
      }
      return nil
    }
    if isWord(i, "the"), let c = dayBeforeOrAfter(i) { return c }
    if isWord(i, "the"), let core = relativeCore(i + 1) {
      return core.widened(to: i)
    }
    // "this coming Sunday", "this past spring": the "this" belongs to the expression.
    if isWord(i, "this"), isWord(i + 1, "coming") || isWord(i + 1, "past"),
      let core = relativeCore(i + 1), core.type == "DATE"
    {
      return core.widened(to: i)
    }
    return relativeCore(i) ?? weekdayCore(i)
  }

  /// "the day before last Tuesday's hearing", "the day after Christmas", "the day before Nov.
  /// 3": one day from a named day, the whole phrase one expression (TimeML: DATE 2000-02-21).
  func dayBeforeOrAfter(_ i: Int) -> Candidate? {
    guard isWord(i + 1, "day"), isWord(i + 2, "before") || isWord(i + 2, "after"),
      sameLine(i + 3)
    else { return nil }
    let inner = relativeExpression(i + 3) ?? calendarCore(i + 3, after: i + 2)
    guard let inner, inner.start == i + 3, inner.type == "DATE" || inner.type == "TIME" else {
      return nil
    }
    let days = isWord(i + 2, "before") ? -1 : 1
    return Candidate(i, inner.end, .daysFrom(inner.meaning, days: days))
  }

  /// The core of a relative expression, without leading modifiers.
  func relativeCore(_ j: Int) -> Candidate? {
    guard let w = tokenWord(j) else { return nil }
    switch w {
    case "today":
      return withPartOfDay(Candidate(j, j + 1, .shift(.day, 0, origin: .dct, time: nil)))
    case "yesterday":
      return withPartOfDay(Candidate(j, j + 1, .shift(.day, -1, origin: .dct, time: nil)))
    case "tomorrow":
      return withPartOfDay(Candidate(j, j + 1, .shift(.day, 1, origin: .dct, time: nil)))
    case "tonight":
      return Candidate(j, j + 1, .shift(.day, 0, origin: .dct, time: "TNI"), type: "TIME")
    default: break
    }
    let partOfDay = lexicalValue(j, in: EnglishTables.partsOfDay)
    // "afternoon yesterday", "(mid-)morning Friday": a part of day before its day.
    if let part = partOfDay, w != "overnight", sameLine(j + 1) {
      if let next = word(j + 1), let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][next] {
        return Candidate(j, j + 2, .shift(.day, offset, origin: .dct, time: part), type: "TIME")
      }
      if let (d, e) = weekday(j + 1) {
        return Candidate(j, e, .weekday(d, offset: nil, time: part), type: "TIME")
      }
    }
    // "late afternoon", "mid-morning", "in the early evening" with no day after: that part of
    // the day in focus, else of the DCT (TimeBank: "mid afternoon", TIME 1998-03-06TAF). Only
    // after such a modifier, not "the morning paper"; not "early-morning raid", an adjective;
    // not after an article, "a late evening lead", "an early morning flight", a noun's modifier.
    if let part = partOfDay,
      isWord(j - 1, "late") || isWord(j - 1, "early") || isWord(j - 1, "mid")
        || (isHyphen(j - 1) && tokens[j].isAttached && isWord(j - 2, "mid")),
      !isWord(j - 2, "a"), !isWord(j - 2, "an"),
      sameLine(j), !isHyphen(j + 1), part != "TNI"
    {
      return Candidate(j, j + 1, .shift(.day, 0, origin: .narrative, time: part), type: "TIME")
    }
    // "the year-earlier quarter", "the year-ago period", "the latest quarter".
    if let c = quarterReference(j) { return c }
    // "year-end", "year end", "year's end": the end of the DCT's year; after "since" ("up 5%
    // since year-end") the last one before the DCT, the end of the year before.
    if w == "year" {
      let shift =
        isWord(j - 1, "since") || (isWord(j - 1, "the") && isWord(j - 2, "since")) ? -1 : 0
      if isHyphen(j + 1), isWord(j + 2, "end") {
        return Candidate(j, j + 3, .shift(.year, shift, origin: .dct, time: nil), mod: "END")
      }
      if isWord(j + 1, "end") {
        return Candidate(j, j + 2, .shift(.year, shift, origin: .dct, time: nil), mod: "END")
      }
      if isPunct(j + 1, "'") || isPunct(j + 1, "’"), isWord(j + 2, "s"), isWord(j + 3, "end") {
        return Candidate(j, j + 4, .shift(.year, shift, origin: .dct, time: nil), mod: "END")
      }
    }
    // "for the year", "the full year", "the fiscal year ended June 30".
    if w == "the" || w == "full" || w == "fiscal" || (w == "year" && isWord(j - 1, "the")) {
      var k = j
      if isWord(k, "the") { k += 1 }
      if isWord(k, "full") || isWord(k, "fiscal") { k += 1 }
      if isWord(k, "year"), k > j || w == "year" {
        let start = w == "year" ? j : j
        if isWord(k + 1, "ended") || isWord(k + 1, "ending") {
          return Candidate(start, k + 1, .literal("P1Y"), type: "DURATION")
        }
        if isWord(start - 1, in: ["for", "of", "throughout"])
          || (w == "year" && isWord(j - 2, in: ["for", "of", "throughout"]))
        {
          return Candidate(start, k + 1, .shift(.year, 0, origin: .dct, time: nil))
        }
      }
    }
    // "the week of March 6": the ISO week around that day.
    if w == "week", isWord(j - 1, "the"), isWord(j + 1, "of"),
      let (m, me) = month(j + 2, needsContext: false), number(me) != nil,
      let (d, de) = dayOfMonth(me)
    {
      var spec = DateSpec(month: m, day: d)
      spec.weekOfDay = true
      var end = de
      if let (y, ye) = trailingYear(end) {
        spec.year = y
        end = ye
      }
      return Candidate(j, end, .date(spec))
    }
    // "the weekend": the one around the DCT (by tense).
    if w == "weekend", isWord(j - 1, "the") {
      return Candidate(j, j + 1, .shift(.weekend, 0, origin: .dct, time: nil))
    }
    // "the same day", "that same day": the date in focus.
    if w == "same" || (w == "that" && isWord(j + 1, "same")), isWord(j - 1, "the") || w == "that" {
      let k = w == "that" ? j + 2 : j + 1
      if isWord(k, "day") || isWord(k, "week") || isWord(k, "month") || isWord(k, "year"),
        let (u, e, _) = unit(k)
      {
        return Candidate(j, e, .shift(u, 0, origin: .narrative, time: nil))
      }
    }
    // "that year", "that day": the period of the date in focus.
    if w == "that", let (u, e, plural) = unit(j + 1), !plural,
      [.day, .week, .month, .quarter, .year].contains(u)
    {
      return Candidate(j, e, .shift(u, 0, origin: .narrative, time: nil))
    }
    // "year-earlier", "year-ago" as adjectives: the period in focus a year before.
    if w == "year", isHyphen(j + 1), tokens[j + 1].isAttached,
      isWord(j + 2, "earlier") || isWord(j + 2, "ago")
    {
      return Candidate(j, j + 3, .shift(.year, -1, origin: .focus, time: nil))
    }
    guard let offset = value(j, in: Self.deictic) else { return nil }
    var k = j + 1
    // "the current fiscal year", "this fiscal year": the fiscal year in focus.
    if isWord(k, "fiscal"), isWord(k + 1, "year") || isWord(k + 1, "quarter") { k += 1 }
    if w == "this" || w == "last", let part = lexical(k).flatMap({ EnglishWords.partsOfDay[$0] }) {
      // "this morning", "last night".
      return Candidate(
        j, k + 1, .shift(.day, w == "last" ? -1 : 0, origin: .dct, time: part), type: "TIME")
    }
    // "the next morning", "the following evening", "the previous night": from the date in focus,
    // as "the next day".
    if w == "next" || w == "following" || w == "previous", isWord(j - 1, "the"),
      let part = lexicalValue(k, in: EnglishTables.partsOfDay), !isWord(k, "overnight")
    {
      return Candidate(j, k + 1, .shift(.day, offset, origin: .narrative, time: part), type: "TIME")
    }
    if let (u, e, plural) = unit(k), !plural {
      switch u {
      case .second, .minute, .hour: return nil
      case .day:
        // "the next day", "the following day", "the previous day": from the date in focus.
        guard isWord(j - 1, "the"), w == "next" || w == "following" || w == "previous" else {
          return nil
        }
        return withPartOfDay(Candidate(j, e, .shift(.day, offset, origin: .narrative, time: nil)))
      default:
        if w == "past" && !isWord(j - 1, "the") {
          return Candidate(j, e, .literal(u.duration(1)), type: "DURATION")
        }
        if w == "past" || (w == "last" && isWord(j - 1, "the")) {
          if u == .year { return Candidate(j, e, .shift(u, -1, origin: .dct, time: nil)) }
          return Candidate(j, e, .literal(u == .decade ? "P10Y" : u.duration(1)), type: "DURATION")
        }
        if w == "next" && isWord(j - 1, "the") {
          return Candidate(j, e, .literal(u.duration(1)), type: "DURATION")
        }
        if w == "following" || w == "previous" {
          // "the following year", "the previous month": from the date in focus.
          guard isWord(j - 1, "the"), [.day, .week, .month, .quarter, .year].contains(u) else {
            return nil
          }
          return Candidate(j, e, .shift(u, offset, origin: .narrativePeriod, time: nil))
        }
        return Candidate(j, e, .shift(u, offset, origin: .dct, time: nil))
      }
    }
    if let (m, e) = month(k, needsContext: false) {
      if let (d, de) = dayOfMonth(e), number(e) != nil {
        return Candidate(j, de, .date(DateSpec(month: m, day: d, direction: offset)))
      }
      return Candidate(j, e, .date(DateSpec(month: m, direction: offset)))
    }
    if let s = lexical(k).flatMap({ EnglishWords.seasons[$0] }) {
      return Candidate(j, k + 1, .date(DateSpec(season: s, direction: offset)))
    }
    if let (d, e) = weekday(k), w != "past", w != "current" {
      // "the previous Friday", "the following Monday": from the day in focus.
      if w == "previous" || w == "following", isWord(j - 1, "the") {
        return withPartOfDay(Candidate(j, e, .weekdayFromFocus(d, offset: offset, time: nil)))
      }
      return withPartOfDay(
        Candidate(j, e, .weekday(d, offset: w == "coming" ? 2 : offset, time: nil)))
    }
    return nil
  }

  /// "the quarter", "the latest quarter", "the year-earlier quarter", "the year-ago period",
  /// "the latest period", "the comparable year-ago quarter" (the financial quarter in focus).
  func quarterReference(_ j: Int) -> Candidate? {
    var k = j
    var yearOffset = 0
    var sawModifier = false
    while k < tokens.count {
      if isWord(k, in: Self.quarterModifiers) {
        k += 1
        sawModifier = true
        continue
      }
      if isWord(k, "year"), isHyphen(k + 1), isWord(k + 2, "earlier") || isWord(k + 2, "ago") {
        yearOffset = -1
        k += 3
        sawModifier = true
        continue
      }
      break
    }
    guard isWord(k, "quarter") || (sawModifier && isWord(k, "period")) else { return nil }
    // "the quarter" needs the determiner; "quarter" alone is too vague.
    guard isWord(j - 1, "the") || sawModifier else { return nil }
    if isWord(k + 1, "a"), isWord(k + 2, "year"), isWord(k + 3, "ago") || isWord(k + 3, "earlier") {
      return Candidate(j, k + 4, .latestQuarter(yearOffset: -1))
    }
    // "the same period last year", "the corresponding quarter of the previous year": the period
    // in focus a year before (the latest quarter a year before when none is).
    var t = k + 1
    if isWord(t, "of") || isWord(t, "in") { t += 1 }
    if isWord(t, "the"), isWord(t + 1, "previous") || isWord(t + 1, "prior"), isWord(t + 2, "year")
    {
      return Candidate(j, t + 3, .shift(.year, -1, origin: .focusQuarter, time: nil))
    }
    if sawModifier, let (offset, e) = relativeYear(t), offset == -1 {
      return Candidate(j, e, .shift(.year, -1, origin: .focusQuarter, time: nil))
    }
    if !sawModifier, isWord(k, "quarter") { return Candidate(j, k + 1, .quarterInFocus) }
    if sawModifier || isWord(j - 1, "the") {
      return Candidate(j, k + 1, .latestQuarter(yearOffset: yearOffset))
    }
    return nil
  }

  /// Words before "quarter" or "period" that make it the financial quarter in focus.
  static let quarterModifiers: WordHash.Table<Bool> = WordHash.Table(words: [
    "latest", "recent", "comparable", "corresponding", "most", "same", "just", "ended",
    "completed", "fiscal",
  ])

  /// "Friday", "Friday morning", "Friday, Aug. 7", "Friday, Aug. 7, 1998".
  func weekdayCore(_ j: Int) -> Candidate? {
    guard let (d, e) = weekday(j) else { return nil }
    // "Good Friday": the Friday before Easter, a holiday, not the Friday of this week.
    if d == 5, isWord(j - 1, "good"), tokens[j - 1].isCapitalized, tokens[j].isCapitalized,
      sameLine(j)
    {
      var spec = DateSpec(holiday: .easter(offset: -2))
      var end = e
      if let (y, ye) = trailingYear(end) {
        spec.year = y
        end = ye
      }
      return Candidate(j - 1, end, .date(spec))
    }
    var k = e
    if isPunct(k, ",") { k += 1 }
    if sameLine(k), let (m, me) = month(k, needsContext: false), let (day, de) = dayOfMonth(me) {
      var spec = DateSpec(month: m, day: day)
      spec.weekday = d
      var end = de
      if let (y, ye) = trailingYear(end) {
        spec.year = y
        end = ye
      }
      return Candidate(j, end, .date(spec))
    }
    // "on Monday and Tuesday nights", "Saturday or Sunday mornings": the plural part of day
    // belongs to each weekday, so the first is a set as the second ("every Monday night").
    if isWord(e, "and") || isWord(e, "or"), let (_, e2) = weekday(e + 1),
      let part = value(e2, in: EnglishTables.pluralPartsOfDay), sameLine(e2)
    {
      return Candidate(j, e, .literal("XXXX-WXX-\(d)\(part)"), type: "SET")
    }
    return withPartOfDay(Candidate(j, e, .weekday(d, offset: nil, time: nil)))
  }

  /// Adds a following part of day ("Friday morning", "yesterday afternoon") as a time suffix.
  func withPartOfDay(_ c: Candidate) -> Candidate {
    guard let part = lexical(c.end).flatMap({ EnglishWords.partsOfDay[$0] }),
      part != "TNI" || isWord(c.end, "night")
    else { return c }
    var out = c
    out.end += 1
    switch c.meaning {
    case .shift(let u, let n, let origin, _): out.meaning = .shift(u, n, origin: origin, time: part)
    case .weekday(let d, let offset, _): out.meaning = .weekday(d, offset: offset, time: part)
    case .weekdayFromFocus(let d, let offset, _):
      out.meaning = .weekdayFromFocus(d, offset: offset, time: part)
    default: return c
    }
    out.type = "TIME"
    return out
  }
}
