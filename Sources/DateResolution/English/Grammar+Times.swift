/// Clock times: "10:35 a.m.", "9 a.m. Monday", "4 a.m. EDT Thursday", "5 p.m. EST, Nov. 6",
/// "noon", "midnight Friday".
extension Grammar {
  static let timeZones: WordHash.Table<Bool> = WordHash.Table(words: [
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "jst", "kst",
  ])

  func timeExpression(_ i: Int) -> Candidate? {
    var k = i
    var time: String
    if let w = word(i), w == "noon" || w == "midnight" || w == "midday" {
      time = w == "midnight" ? "T24:00" : "T12:00"
      k = i + 1
    } else if let hhmm = number(i), tokens[i].digits == 4, hhmm / 100 < 24, hhmm % 100 < 60,
      isStandaloneNumber(i),
      sameLine(i + 1),
      isWord(i + 1, in: Self.timeZones) || isWord(i + 1, "hrs")
        || (isWord(i + 1, "local") && isWord(i + 2, "time"))
    {
      // Newswire's 24-hour clock: "at 1630 EST (2130 GMT)", "by 1000 GMT tomorrow".
      time = "T\(TimexFormat.two(hhmm / 100)):\(TimexFormat.two(hhmm % 100))"
      k = isWord(i + 1, "hrs") ? i + 2 : i + 1
    } else {
      guard let h = number(i), tokens[i].digits <= 2, h <= 24,
        isStandaloneNumber(i) || isPunct(i + 1, ":")
      else { return nil }
      k = i + 1
      var minute: Int?
      if isPunct(k, ":"), tokens[k].isAttached, let m = number(k + 1), tokens[k + 1].digits == 2,
        m < 60, tokens[k + 1].isAttached
      {
        minute = m
        k += 2
      }
      var meridiem: String?
      if let (mer, e) = meridiemAt(k) {
        meridiem = mer
        k = e
      } else if isWord(k, "o"), isPunct(k + 1, "'") || isPunct(k + 1, "’"), isWord(k + 2, "clock") {
        k += 3
      } else if minute == nil, dayPartMeridiem(k, hour: h, after: i - 1) == nil {
        return nil
      }
      // "at 4 in the morning", "until 11 at night": the part of day says a.m. or p.m.
      if meridiem == nil, let (mer, e) = dayPartMeridiem(k, hour: h, after: i - 1) {
        meridiem = mer
        k = e
      }
      if minute == nil && meridiem == nil && h > 12 { return nil }
      var hour = h
      if meridiem == "pm", hour < 12 { hour += 12 }
      if meridiem == "am", hour == 12 { hour = 0 }
      guard hour <= 24 else { return nil }
      time = "T\(TimexFormat.two(hour)):\(TimexFormat.two(minute ?? 0))"
    }
    if isWord(k, in: Self.timeZones) {
      // "0200 GMT", "14:30 UTC": TIMEX3 marks Coordinated Universal Time with "Z" (ISO 8601);
      // other zones stay local time, as TimeBank writes "9 a.m. EST" (T09:00).
      if isWord(k, "gmt") || isWord(k, "utc") { time += "Z" }
      k += 1
    }
    // A following day: "Monday", "Nov. 9", "yesterday".
    var d = k
    if isPunct(d, ",") || isWord(d, "on") { d += 1 }
    if sameLine(d), let (wd, e) = weekday(d) {
      return Candidate(i, e, .weekday(wd, offset: nil, time: time), type: "TIME")
    }
    if sameLine(d), let (m, me) = month(d, needsContext: false), let (day, de) = dayOfMonth(me) {
      return Candidate(i, de, .date(DateSpec(month: m, day: day, time: time)), type: "TIME")
    }
    if let w = word(d), sameLine(d), let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][w] {
      return Candidate(i, d + 1, .shift(.day, offset, origin: .dct, time: time), type: "TIME")
    }
    // "on Friday at 3 p.m.", "Feb. 28 at 8 p.m.", "tomorrow at noon": the day just before
    // "at" gives the date.
    if isWord(i - 1, "at"), sameLine(i), let day = dayEnding(at: i - 1, time: time) {
      return Candidate(i, k, day, type: "TIME")
    }
    // "10:35 a.m. (0735 GMT) Friday": the day a little further on gives the date.
    var look = k
    while look < tokens.count, look - k <= 6, tokens[look].sentence == tokens[i].sentence,
      sameLine(look)
    {
      if let (wd, _) = weekday(look) {
        return Candidate(i, k, .weekday(wd, offset: nil, time: time), type: "TIME")
      }
      look += 1
    }
    return Candidate(i, k, .shift(.day, 0, origin: .dct, time: time), type: "TIME")
  }

  /// The day that ends just before token `end`, on the same line: a weekday ("Friday"), a
  /// month and day with or without its year ("Feb. 28", "March 5, 2013") or "yesterday",
  /// "today", "tomorrow", as the meaning of the clock time `time` on that day.
  private func dayEnding(at end: Int, time: String) -> Meaning? {
    guard end > 0, sameLine(end) else { return nil }
    for s in max(0, end - 2)..<end {
      if let (wd, e) = weekday(s), e == end { return .weekday(wd, offset: nil, time: time) }
    }
    for s in max(0, end - 6)..<end {
      guard let (m, me) = month(s, needsContext: false), sameLine(me),
        let (day, de) = dayOfMonth(me)
      else { continue }
      var spec = DateSpec(month: m, day: day, time: time)
      if de == end { return .date(spec) }
      if isPunct(de, ","), let (y, ye) = year(de + 1), ye == end {
        spec.year = y
        return .date(spec)
      }
    }
    if let w = word(end - 1), let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][w] {
      return .shift(.day, offset, origin: .dct, time: time)
    }
    return nil
  }

  /// "in the morning" (a.m.), "in the afternoon", "in the evening" (p.m.), "at night" (p.m.
  /// from six, a.m. before) at `k` after an hour of 1–12 that a time preposition introduces
  /// ("at 4 in the morning", "until 2 at night"; not "fell 4 in the morning session"):
  /// ("am"|"pm", index after).
  func dayPartMeridiem(_ k: Int, hour: Int, after preposition: Int) -> (String, Int)? {
    guard hour >= 1, hour <= 12, isWord(preposition, in: Self.clockPrepositions) else {
      return nil
    }
    if isWord(k, "at"), isWord(k + 1, "night") {
      return (hour >= 6 && hour < 12 ? "pm" : "am", k + 2)
    }
    guard isWord(k, "in"), isWord(k + 1, "the"), let part = word(k + 2) else { return nil }
    switch part {
    case "morning": return ("am", k + 3)
    case "afternoon", "evening": return ("pm", k + 3)
    default: return nil
    }
  }

  /// Whether the four digits at `i` open a range of 24-hour clock times: "1800 to 2100 hrs",
  /// "0900-1700 GMT" (the second end carries the "hrs" or the time zone).
  func isClockRangeHead(_ i: Int) -> Bool {
    guard let a = number(i), tokens[i].digits == 4, a / 100 < 24, a % 100 < 60,
      isWord(i + 1, "to") || isWord(i + 1, "until") || isHyphen(i + 1),
      let b = number(i + 2), tokens[i + 2].digits == 4, b / 100 <= 24, b % 100 < 60
    else { return false }
    return isWord(i + 3, "hrs") || isWord(i + 3, in: Self.timeZones)
  }

  /// Prepositions that introduce a clock time ("at 4", "until 11", "by 9"); not "to" or
  /// "about", which as often introduce a quantity ("rose to 4 in the morning trading").
  static let clockPrepositions: Set<String> = [
    "at", "by", "until", "till", "before", "after", "around", "from", "since",
  ]

  /// "a.m.", "a.m", "am", "p.m.", "PM" at `k`: ("am"|"pm", index after).
  func meridiemAt(_ k: Int) -> (String, Int)? {
    guard let w = word(k) else { return nil }
    if w == "am" || w == "pm" { return (w, skipPeriod(k + 1)) }
    if w == "a" || w == "p", isPunct(k + 1, "."), tokens[k + 1].isAttached, isWord(k + 2, "m"),
      tokens[k + 2].isAttached
    {
      return (w + "m", skipPeriod(k + 3))
    }
    return nil
  }
}
