import NormalizeCore

/// Calendar expressions: dates, months, years, decades, centuries, seasons, quarters and
/// holidays, with determiners and modifiers ("the late 1990s", "early December", "the end of
/// 1990", "mid-1996").
extension Grammar {
  /// Prepositions after which a bare "May" or "March" is the month.
  static let monthPrepositions: WordHash.Table<Bool> = WordHash.Table(words: [
    "in", "since", "until", "till", "by", "of", "from", "to", "through", "during", "early", "late",
    "mid", "last",
    "next", "this", "before", "after", "between", "and", "or", "around", "on", "into", "throughout",
    "for", "end",
    "beginning", "start", "middle", "as", "past", "that",
  ])

  /// Nouns after which a four-digit number is a quantity ("2000 meters").
  static let quantityNouns: WordHash.Table<Bool> = WordHash.Table(words: [
    "meters", "metres", "feet", "miles", "kilometers", "kilometres", "tons", "tonnes", "pounds",
    "dollars", "yen",
    "euros", "people", "troops", "soldiers", "shares", "barrels", "acres", "votes", "jobs",
    "workers",
  ])

  /// `[the] [early|late|mid|the end of …] core`.
  func modifiedExpression(_ i: Int) -> Candidate? {
    var j = i
    if isWord(j, "the") { j += 1 }
    var mod: String?
    if let m = lexicalValue(j, in: EnglishTables.mods), let w = word(j) {
      if w == "end" || w == "beginning" || w == "start" || w == "middle" {
        guard isWord(j + 1, "of") else {
          // "year-end", "end-November" are rare; skip.
          return j > i ? calendarCore(j, after: i) : nil
        }
        mod = m
        j += 2
        // "the end of the year" / "the end of this month".
        if isWord(j, "the") || isWord(j, "this"), let (u, e, plural) = unit(j + 1), !plural,
          [.year, .month, .week, .quarter, .decade, .century].contains(u)
        {
          return Candidate(i, e, .shift(u, 0, origin: .dct, time: nil), mod: mod)
        }
      } else {
        if w == "mid" && !(isHyphen(j + 1) || sameLine(j + 1)) { return nil }
        mod = m
        j += 1
        if isHyphen(j) { j += 1 }
      }
    }
    if j == i { return calendarCore(i, after: i - 1) }
    // "mid-March", "early-May": the modifier, not the hyphen, is the word before the month.
    let before = isHyphen(j - 1) ? j - 2 : j - 1
    guard let core = calendarCore(j, after: before) ?? relativeCore(j) ?? weekdayCore(j) else {
      return nil
    }
    // A bare "the" before a weekday, a day or a plain year is not part of the expression
    // (TimeML keeps it for "the 1990s", "the third quarter", "the summer").
    if mod == nil, case .weekday = core.meaning { return core }
    if mod == nil, case .date(let spec) = core.meaning,
      (spec.day != nil && !spec.weekOfDay) || spec.holiday != nil
        || (spec.year != nil && spec.month == nil && spec.quarter == nil && spec.half == nil
          && spec.season == nil)
    {
      return core
    }
    return core.widened(to: i, mod: mod ?? core.mod)
  }

  /// Dates without determiners: "March 17, 2025", "17 March 2025", "July 1997", "January of
  /// last year", "1998", "the 1990s" (decade part), "fall 1998", "the third quarter", holidays.
  func calendarCore(_ j: Int, after previous: Int) -> Candidate? {
    var best: Candidate?
    func consider(_ c: Candidate?) {
      guard let c else { return }
      if c.end > (best?.end ?? Int.min) { best = c }
    }
    let prepositionBefore = isWord(previous, in: Self.monthPrepositions)
    consider(monthFirst(j, loose: prepositionBefore))
    consider(dayFirst(j))
    consider(yearFirst(j))
    consider(decadeOrCentury(j))
    consider(season(j))
    consider(quarterOrHalf(j))
    consider(holiday(j))
    return best
  }

  /// "March 17, 2025", "Sept. 30", "May 27th", "July 1997", "January of last year", "January".
  func monthFirst(_ j: Int, loose: Bool) -> Candidate? {
    // A month followed by a day or a year may be weak ("May 27"); alone it needs a strong form.
    guard let (m, k) = month(j, needsContext: false) else { return nil }
    let strongAlone = month(j, needsContext: true) != nil || loose
    var k2 = k
    if let (d, e) = rawDay(k2), sameLine(k2), !(isPunct(e, ":")) {
      if lexical(e).map({ EnglishWords.units[$0] != nil }) == true { return nil }
      var spec = DateSpec(month: m, day: d)
      var end = e
      var after = e
      if isPunct(after, ",") { after += 1 }
      if let (y, ye) = year(after) ?? yearLoose(after) {
        spec.year = y
        end = ye
      }
      return Candidate(j, end, .date(spec))
    }
    if let (y, ye) = year(k2) ?? (isPunct(k2, ",") ? year(k2 + 1) : nil) {
      return Candidate(j, ye, .date(DateSpec(year: y, month: m)))
    }
    if isWord(k2, "of") {
      k2 += 1
      if let (y, ye) = year(k2) { return Candidate(j, ye, .date(DateSpec(year: y, month: m))) }
    }
    if let (offset, e) = relativeYear(k2) {
      return Candidate(j, e, .date(DateSpec(yearOffset: offset, month: m)))
    }
    guard strongAlone else { return nil }
    return Candidate(j, k, .date(DateSpec(month: m)))
  }

  /// "last year", "this year", "next year" after a month or season: the year offset.
  func relativeYear(_ k: Int) -> (Int, Int)? {
    guard isWord(k + 1, "year") else { return nil }
    switch word(k) {
    case "last", "previous", "past": return (-1, k + 2)
    case "this", "current": return (0, k + 2)
    case "next", "coming": return (1, k + 2)
    default: return nil
    }
  }

  /// A year that may be outside 1000–2199 ("years 0 and 99999" are findings, not crashes).
  func yearLoose(_ i: Int) -> (Int, Int)? {
    guard let y = number(i), tokens[i].digits >= 3, tokens[i].digits <= 4, !inTableRow[i],
      isStandaloneNumber(i)
    else {
      return nil
    }
    return (y, i + 1)
  }

  /// "17 March 2025", "3 January", "27 maggio 2025", "the 3rd of January".
  func dayFirst(_ j: Int) -> Candidate? {
    guard let (d, k) = rawDay(j) else { return nil }
    var m0 = k
    if isPunct(m0, ".") { m0 += 1 }  // "27. Mai"
    if isWord(m0, "of") { m0 += 1 }
    guard let (m, e) = month(m0, needsContext: false), sameLine(m0) else { return nil }
    // A weak month ("May", "Mar") right after a number is fine: "27 May".
    var spec = DateSpec(month: m, day: d)
    var end = e
    var after = e
    if isPunct(after, ",") { after += 1 }
    if let (y, ye) = year(after) ?? yearLoose(after) {
      spec.year = y
      end = ye
    }
    return Candidate(j, end, .date(spec))
  }

  /// Years and numeric dates: "1998", "fiscal 1989", "2025-05-27", "5/27/2025", "27.05.2025",
  /// "(2025, May 27)".
  func yearFirst(_ j: Int) -> Candidate? {
    let start = j
    var k = j
    if isWord(k, "fiscal") { k += 1 }
    if isWord(k, "year"), year(k + 1) != nil { k += 1 }
    // ISO 8601: 2025-05-27.
    if let y = number(k), tokens[k].digits == 4, isPunct(k + 1, "-"), let m = number(k + 2),
      tokens[k + 2].isAttached,
      tokens[k + 2].digits <= 2, isPunct(k + 3, "-"), let d = number(k + 4),
      tokens[k + 4].digits <= 2,
      tokens[k + 4].isAttached
    {
      return Candidate(start, k + 5, .date(DateSpec(year: y, month: m, day: d)))
    }
    // Numeric dates: 5/27/2025, 27.05.2025, 2025/05/27.
    if let a = number(k), tokens[k].digits <= 4, isPunct(k + 1, "/") || isPunct(k + 1, "."),
      tokens[k + 1].isAttached,
      let b = number(k + 2), tokens[k + 2].isAttached, tokens[k + 2].digits <= 2,
      isPunct(k + 3, tokens[k + 1].text),
      tokens[k + 3].isAttached, let c = number(k + 4), tokens[k + 4].isAttached
    {
      let sep = tokens[k + 1].text
      if tokens[k].digits == 4 {
        return Candidate(start, k + 5, .date(DateSpec(year: a, month: b, day: c)))
      }
      guard tokens[k + 4].digits == 4 || tokens[k + 4].digits == 2 else { return nil }
      let y = tokens[k + 4].digits == 4 ? c : (c < 50 ? 2000 + c : 1900 + c)
      // US order with slashes unless the first number cannot be a month; day first with dots.
      let (month, day) = (sep == "/" && a <= 12) ? (a, b) : (b, a)
      return Candidate(start, k + 5, .date(DateSpec(year: y, month: month, day: day)))
    }
    guard let (y, e) = year(k) else { return nil }
    // "(2025, May 27)": year, month, day.
    if isPunct(e, ","), let (m, me) = month(e + 1, needsContext: false),
      let (d, de) = dayOfMonth(me), sameLine(e + 1)
    {
      return Candidate(start, de, .date(DateSpec(year: y, month: m, day: d)))
    }
    // A quantity, not a year: "2000 meters", "1500 troops", "1990 years".
    if isWord(e, in: Self.quantityNouns) || isAmount(after: e) { return nil }
    if let (u, _, _) = unit(e), u != .quarter { return nil }
    // A bare number far from modern news ("1288", "2130") is a year only after a cue: "in 1288",
    // "since 1066", "the year 2150", or as the second member of a range ("1917-1921").
    if start == k, y < 1800 || y > 2100, !isWord(k - 1, in: Self.yearCues), !startsYearRange(k, y) {
      return nil
    }
    return Candidate(start, e, .date(DateSpec(year: y)))
  }

  /// Whether the year `y` at `k` opens a range of years: "1170-1230", "1914–1918".
  func startsYearRange(_ k: Int, _ y: Int) -> Bool {
    guard isHyphen(k + 1) || isPunct(k + 1, "–") || isPunct(k + 1, "—"), let z = number(k + 2),
      tokens[k + 2].digits == 4
    else {
      return false
    }
    return z > y && z - y < 200
  }

  /// Words after which a number far from modern news is a year: "in 1288", "until 2150".
  /// Not "of", "from", "to", "by" or "about": they count as often as they date ("a high of
  /// 1757", "up by 1500").
  static let yearCues: WordHash.Table<Bool> = WordHash.Table(words: [
    "in", "since", "until", "till", "during", "before", "after", "circa", "c", "ca", "early",
    "late", "mid", "year",
    "summer", "winter", "spring", "autumn",
  ])

  /// "1990s", "the '90s", "the nineties", "the 20th century", "the 1990's".
  func decadeOrCentury(_ j: Int) -> Candidate? {
    if let y = number(j), tokens[j].digits == 4, y % 10 == 0, isStandaloneNumber(j) {
      if isWord(j + 1, "s"), tokens[j + 1].isAttached {
        return Candidate(j, j + 2, .date(DateSpec(decade: y / 10)))
      }
      if isPunct(j + 1, "'") || isPunct(j + 1, "’"), isWord(j + 2, "s"), tokens[j + 2].isAttached {
        return Candidate(j, j + 3, .date(DateSpec(decade: y / 10)))
      }
    }
    if isPunct(j, "'") || isPunct(j, "’"), let y = number(j + 1), tokens[j + 1].digits == 2,
      y % 10 == 0,
      tokens[j + 1].isAttached, isWord(j + 2, "s"), tokens[j + 2].isAttached
    {
      return Candidate(j, j + 3, .date(DateSpec(decade: 190 + y / 10)))
    }
    if let d = lexicalValue(j, in: EnglishTables.decadeWords) {
      return Candidate(j, j + 1, .date(DateSpec(decade: 190 + d)))
    }
    // "20th century", "the twentieth century".
    var ordinal: Int?
    var k = j
    if let n = number(j), tokens[j].digits <= 2, let w = word(j + 1),
      EnglishWords.ordinalSuffixes.contains(w)
    {
      ordinal = n
      k = j + 2
    } else if let o = lexicalValue(j, in: EnglishTables.ordinals), o > 0 {
      ordinal = o
      k = j + 1
    } else if word(j) == "twenty", isHyphen(j + 1), isWord(j + 2, "first") {
      ordinal = 21
      k = j + 3
    }
    if let ordinal, ordinal >= 1, ordinal <= 30, isHyphen(k) == false, isWord(k, "century") {
      return Candidate(j, k + 1, .date(DateSpec(century: ordinal - 1)))
    }
    return nil
  }

  /// "fall 1998", "the spring of 1998", "last fall", "this summer", "summer".
  func season(_ j: Int) -> Candidate? {
    guard let s = lexicalValue(j, in: EnglishTables.seasons), let w = word(j) else { return nil }
    // "fall" and "spring" are also verbs/nouns: need a year, a determiner before, or "of".
    var k = j + 1
    if isWord(k, "of") { k += 1 }
    if let (y, e) = year(k) { return Candidate(j, e, .date(DateSpec(year: y, season: s))) }
    if let (offset, e) = relativeYear(k) {
      return Candidate(j, e, .date(DateSpec(yearOffset: offset, season: s)))
    }
    let before = word(j - 1)
    if [
      "the", "this", "in", "early", "late", "mid", "during", "by", "until", "since", "next", "last",
    ].contains(before ?? "") || w == "summer" || w == "winter" || w == "autumn" {
      if w == "fall" && before != "the" && before != "this" && before != "last" && before != "next"
        && before != "early" && before != "late"
      {
        return nil
      }
      // "the fall in oil prices", "the fall of the dollar", "The fall is a technical reaction":
      // a decline, not the season ("the fall of 1988" took its year above).
      if w == "fall", before == "the", isWord(j + 1, in: Self.declineFollowers) { return nil }
      return Candidate(j, j + 1, .date(DateSpec(season: s)))
    }
    return nil
  }

  /// Words after "the fall" that make it a decline: "in", "of" (without a year), a verb.
  static let declineFollowers: Set<String> = [
    "in", "of", "is", "was", "has", "had", "to", "from", "would", "will", "could", "may",
  ]

  /// "the third quarter", "third-quarter", "the fourth quarter of 1990", "the first half", "Q3".
  func quarterOrHalf(_ j: Int) -> Candidate? {
    // Each form has "quarter", "half" or "period" at or after `j`.
    guard j <= lastQuarterWord else { return nil }
    var k = j
    // Year modifiers before the ordinal: "1988", "year-ago", "next year's", "fiscal".
    var prefixYear: Int?
    var prefixOffset: Int?
    if isWord(k, "fiscal") { k += 1 }
    if let (y, e) = year(k) {
      prefixYear = y
      k = e
    } else if isWord(k, "year"), isHyphen(k + 1), isWord(k + 2, "ago") || isWord(k + 2, "earlier") {
      prefixOffset = -1
      k += 3
    } else if let offset = value(k, in: Self.deictic), isWord(k + 1, "year"),
      isPunct(k + 2, "'") || isPunct(k + 2, "’"),
      isWord(k + 3, "s")
    {
      prefixOffset = offset
      k += 4
    }
    if isWord(k, "fiscal") { k += 1 }
    if prefixYear != nil || prefixOffset != nil, isWord(k, "quarter") || isWord(k, "period") {
      if let y = prefixYear { return Candidate(j, k + 1, .latestQuarter(yearOffset: 0, year: y)) }
      return Candidate(j, k + 1, .latestQuarter(yearOffset: prefixOffset ?? 0))
    }
    var ordinal: Int?
    if let o = lexicalValue(k, in: EnglishTables.ordinals) {
      // "sales fell last quarter" is the quarter before the DCT's (`relativeCore`), not the
      // year's fourth as "the last quarter of 1998": "last" without "the" or "of" is deictic.
      if o == -1, isWord(k, "last"), k == j, !isWord(j - 1, "the"), !isWord(k + 2, "of") {
        return nil
      }
      ordinal = o
      k += 1
    } else if let n = number(k), tokens[k].digits == 1, let w = word(k + 1),
      EnglishWords.ordinalSuffixes.contains(w)
    {
      ordinal = n
      k += 2
    }
    guard let ordinal else { return nil }
    if isHyphen(k) { k += 1 }
    let isQuarter = isWord(k, "quarter")
    let isHalf = isWord(k, "half")
    guard isQuarter || isHalf else { return nil }
    let limit = isQuarter ? 4 : 2
    let index = ordinal == -1 ? limit : ordinal
    guard index >= 1, index <= limit else { return nil }
    var spec = isQuarter ? DateSpec(quarter: index) : DateSpec(half: index)
    spec.year = prefixYear
    spec.yearOffset = prefixOffset
    var end = k + 1
    // "of 1990", "of fiscal 1990", "of this year", "of the year".
    if isWord(end, "of") {
      var y0 = end + 1
      if isWord(y0, "fiscal") { y0 += 1 }
      if let (y, e) = year(y0) {
        spec.year = y
        end = e
      } else if let (offset, e) = relativeYear(y0) {
        spec.yearOffset = offset
        end = e
      } else if isWord(y0, "the"), isWord(y0 + 1, "year") {
        spec.yearOffset = 0
        end = y0 + 2
      } else if isHalf, isWord(y0, "the"), let decade = decadeOrCentury(y0 + 1),
        case .date(let d) = decade.meaning, d.decade != nil
      {
        // "the last half of the '80s", "the first half of the 1990s": the decade's start or end.
        return Candidate(j, decade.end, decade.meaning, mod: index == 1 ? "START" : "END")
      }
    } else if let (y, e) = year(end) {
      spec.year = y
      end = e
    }
    return Candidate(j, end, .date(spec))
  }

  /// "Christmas", "Thanksgiving Day", "New Year's Day", "Easter" with an optional year.
  func holiday(_ j: Int) -> Candidate? {
    // Each form starts with a holiday word or "new", "independence", "labor", "memorial",
    // "election": all English triggers, so a token without a word class starts none.
    guard j >= 0, j < tokens.count, !classes[j].isEmpty else { return nil }
    var h: Holiday?
    var k = j
    if let found = lexicalValue(j, in: EnglishTables.holidays), tokens[j].isCapitalized {
      h = found
      k = j + 1
      if isWord(k, "day") || isWord(k, "eve") {
        if isWord(k, "eve"), case .fixed(let m, let d) = found { h = .fixed(month: m, day: d - 1) }
        k += 1
      } else if case .easter = found, isWord(k, "monday") || isWord(k, "sunday"),
        tokens[k].isCapitalized
      {
        // "Easter Monday", "Easter Sunday".
        h = .easter(offset: isWord(k, "monday") ? 1 : 0)
        k += 1
      } else if isWord(k, "week") {
        // "Easter week", "Christmas week": the ISO week the holiday falls in (2000-W16).
        var spec = DateSpec(holiday: found)
        spec.weekOfDay = true
        return Candidate(j, k + 1, .date(spec))
      }
    } else if isWord(j, "new"), tokens[j].isCapitalized, isWord(j + 1, "year"),
      isPunct(j + 2, "'") || isPunct(j + 2, "’"),
      isWord(j + 3, "s"), isWord(j + 4, "day") || isWord(j + 4, "eve")
    {
      h = isWord(j + 4, "day") ? .fixed(month: 1, day: 1) : .fixed(month: 12, day: 31)
      k = j + 5
    } else if isWord(j, "independence"), tokens[j].isCapitalized, isWord(j + 1, "day") {
      h = .fixed(month: 7, day: 4)
      k = j + 2
    } else if isWord(j, "labor"), tokens[j].isCapitalized, isWord(j + 1, "day") {
      h = .nthWeekday(n: 1, weekday: 1, month: 9)
      k = j + 2
    } else if isWord(j, "memorial"), tokens[j].isCapitalized, isWord(j + 1, "day") {
      h = .nthWeekday(n: -1, weekday: 1, month: 5)
      k = j + 2
    } else if isWord(j, "election"), tokens[j].isCapitalized, isWord(j + 1, "day"),
      tokens[j + 1].isCapitalized
    {
      // US "Election Day": the Tuesday after the first Monday in November (1998-11-03).
      h = .nthWeekday(n: 1, weekday: 1, month: 11, plusDays: 1)
      k = j + 2
    }
    guard let h else { return nil }
    var spec = DateSpec(holiday: h)
    if let (y, e) = year(k) ?? (isPunct(k, ",") ? year(k + 1) : nil) {
      spec.year = y
      k = e
    }
    return Candidate(j, k, .date(spec))
  }

  /// A bare second member of a range after a date: "between May 23rd and 25th" → "25th";
  /// "1950–1953" → "1953"; "1950-53" → "53".
  func rangeTail(after c: Candidate) -> Candidate? {
    let k = c.end
    guard k + 1 < tokens.count, sameLine(k) else { return nil }
    let joiner =
      isWord(k, "and") || isWord(k, "to") || isWord(k, "through") || isWord(k, "until")
      || isHyphen(k)
    guard joiner, case .date(let spec) = c.meaning else { return nil }
    // No range after an impossible head ("February 30, 0001-01-01").
    if let m = spec.month, let d = spec.day, m > 12 || d > CivilDate.daysIn(year: 2000, month: m) {
      return nil
    }
    let n = k + 1
    if spec.day != nil, spec.month != nil, let (d, e) = dayOfMonth(n), number(n) != nil {
      // Not "May 23 and 25 people", not "May 23 to 25 percent", not a month name next.
      if month(e, needsContext: false) != nil || unit(e) != nil || lexStartsDayMonth(n) {
        return nil
      }
      if let w = word(e), ["percent", "people", "%"].contains(w) { return nil }
      var second = spec
      second.day = d
      return Candidate(n, e, .date(second))
    }
    if let y = spec.year, spec.month == nil, spec.quarter == nil, spec.season == nil,
      spec.half == nil
    {
      if let (y2, e) = year(n), y2 > y { return Candidate(n, e, .date(DateSpec(year: y2))) }
      if isHyphen(k), tokens[n].isAttached, let yy = number(n), tokens[n].digits == 2,
        isStandaloneNumber(n)
      {
        let full = (y / 100) * 100 + yy
        if full > y { return Candidate(n, n + 1, .date(DateSpec(year: full))) }
      }
    }
    return nil
  }
}
