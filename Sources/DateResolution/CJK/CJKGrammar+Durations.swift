/// Expressions built on a counted unit: durations ("三年多", "两个多月", "10年来", "3개월",
/// "3年間", "五天半", "半个世纪", "近五年"), shifts of the DCT ("五年前", "3일 후", "3日後"), sets
/// ("每年", "매주", "毎月"), decades and centuries ("80年代", "九十年代中期", "20世纪", "1990년대"),
/// and the narrower words that count only in context ("现有", "年产").
extension CJKGrammar {
  func countedUnit(at i: Int) -> Candidate? {
    var k = i
    // "每年", "每三年", "매주": a set.
    if let e = marker(.every, at: k) {
      guard let n = next(e) else { return nil }
      var count = 1
      var j = n
      if let num = numeral(at: n), let v = num.value, v > 0, let u = next(num.end) {
        count = v
        j = u
      }
      if let (w, ue) = word(
        at: j, { $0.unit != nil || !$0.markers.isDisjoint(with: [.year, .month, .day]) })
      {
        let unit =
          w.unit ?? (w.markers.contains(.year) ? .year : w.markers.contains(.month) ? .month : .day)
        return Candidate(i, ue, .literal(unit.duration(count)), type: "SET")
      }
      return nil
    }
    var prefixed = false
    if let (_, e) = word(at: k, { $0.markers.contains(.spanPrefix) }), let n = next(e) {
      // "近五年", "过去三年", "지난 3년": the prefix counts only before a counted unit.
      if numeral(at: n) != nil || marker(.half, at: n) != nil {
        k = n
        prefixed = true
      }
    }
    // "半个世纪", "半年": half a unit.
    if let e = marker(.half, at: k), let (w, ue) = word(at: e, { $0.unit != nil }),
      let unit = w.unit
    {
      return Candidate(i, ue, .literal(halfDuration(count: 0, unit)), type: "DURATION")
    }
    guard let num = numeral(at: k) else { return nil }
    // "第二天", "第三年": ordinals, not durations.
    if k > 0, tokens[k].isAttached, let e = marker(.ordinal, at: k - 1), e == k { return nil }
    // Decades and centuries: "九十年代", "1990년대", "20世纪", "21세기".
    if !prefixed, let v = num.value, let e = marker(.decade, at: num.end) {
      let decade: Int
      if num.digits == 4 || v >= 1000 {
        decade = v / 10
      } else if v < 100, v % 10 == 0 {
        let base = dctYear.map { 2000 + v <= $0 ? 2000 : 1900 } ?? 1900
        decade = (base + v) / 10
      } else {
        return nil
      }
      return withPart(Candidate(i, e, .date(DateSpec(decade: decade))), at: e)
    }
    if !prefixed, let v = num.value, v >= 1, v <= 30, let e = marker(.century, at: num.end) {
      return withPart(Candidate(i, e, .date(DateSpec(century: v - 1))), at: e)
    }
    var j = num.end
    var mod: String?
    if let (w, e) = word(at: j, { $0.approx != nil }) {
      mod = w.approx
      j = e
    }
    guard let (w, ue) = word(at: j, { $0.unit != nil }), let unit = w.unit else { return nil }
    // A year is not a duration: "1997年", "二〇〇八年".
    if unit == .year, num.positional, num.digits >= 3 { return nil }
    j = ue
    var half = false
    if let n = next(j), let e = marker(.half, at: n) {
      half = true
      j = e
    }
    if mod == nil, let (a, e) = word(at: j, { $0.approx != nil }) {
      mod = a.approx
      j = e
    }
    // "一两天", "三四年": two Han digits side by side before a unit say "one or two".
    let count = !num.arabic && num.positional && num.digits == 2 ? nil : num.value
    if !prefixed, let n = next(j), let c = count {
      if let e = marker(.before, at: n) {
        return Candidate(i, e, .shift(unit, -c, origin: .dct, time: nil))
      }
      if let e = marker(.after, at: n) {
        return Candidate(i, e, .shift(unit, c, origin: .dct, time: nil))
      }
    }
    // A unit that is also a day marker (日, 일) counts days only with 前/後/間 after it:
    // "지난 2일" is the 2nd, "3日後" three days later.
    if w.markers.contains(.day) && !half { return nil }
    if let e = marker(.since, at: j) { j = e }
    let value = half ? halfDuration(count: count ?? 0, unit) : unit.duration(count)
    return Candidate(i, j, .literal(value), type: "DURATION", mod: mod == "APPROX" ? "APPROX" : nil)
  }

  /// A duration of `count` and a half units: "五天半" P5DT12H, "半年" P6M, "半个世纪" P50Y.
  private func halfDuration(count: Int, _ unit: TimeUnit) -> String {
    switch unit {
    case .century: return "P\(count * 100 + 50)Y"
    case .decade: return "P\(count * 10 + 5)Y"
    case .year: return "P\(count * 12 + 6)M"
    case .month: return count == 0 ? "P15D" : "P\(count)M15D"
    case .week: return "P\(count * 7 + 3)DT12H"
    case .day: return count == 0 ? "PT12H" : "P\(count)DT12H"
    case .hour: return "PT\(count)H30M"
    case .minute: return "PT\(count)M30S"
    default: return unit.duration(count)
    }
  }

  /// A part of the period after a decade or century ("六十年代中期", "本世纪末") as its mod.
  private func withPart(_ c: Candidate, at e: Int) -> Candidate {
    guard let n = next(e), let (w, end) = word(at: n, { $0.part != nil }) else { return c }
    var out = c
    out.end = end
    out.mod = w.part
    return out
  }

  /// A one-character reference between the right neighbours: "现" in "现有" / "现已" (not
  /// "发现有"), "今" and "明" in "今明两年".
  func boundWord(at i: Int) -> Candidate? {
    guard let (w, e) = word(at: i, { !$0.bound.isEmpty }), e < tokens.count, tokens[e].isAttached
    else { return nil }
    let previous: UInt32 = i > 0 && tokens[i].isAttached ? scalars[i - 1] : 0
    for b in w.bound where b.next.contains(scalars[e]) {
      if b.previousRequired ? !b.previous.contains(previous) : b.previous.contains(previous) {
        continue
      }
      switch b.meaning {
      case .reference(let v): return Candidate(i, e, .literal(v))
      case .shift(let unit, let n, let t):
        return Candidate(i, e, .shift(unit, n, origin: .dct, time: t))
      case .duration(let v): return Candidate(i, e, .literal(v), type: "DURATION")
      case .narrative: return Candidate(i, e, .narrativeTime(nil, fallback: "PAST_REF"))
      case .narrativeYear(let offset):
        return Candidate(
          i, e, .narrativeTime(.year, offset: offset, fallback: offset == 0 ? "PAST_REF" : nil))
      }
    }
    return nil
  }

  /// "年" before a per-year head ("年产量", "年均增长"): once a year.
  func annual(at i: Int) -> Candidate? {
    guard marker(.year, at: i) == i + 1, i + 1 < tokens.count, tokens[i + 1].isAttached,
      let (w, _) = word(at: i + 1, { $0.annual != nil }), let value = w.annual
    else { return nil }
    if i > 0, tokens[i].isAttached, scalars[i - 1] != 0 {
      if isNumeralToken(i - 1) { return nil }
      if let blockers = singleWord(at: i)?.annualBlockers, blockers.contains(scalars[i - 1]) {
        return nil
      }
    } else if i > 0, tokens[i].isAttached, tokens[i - 1].kind == .number {
      return nil
    }
    return Candidate(i, i + 1, .literal(value), type: "SET")
  }

  /// A range whose first member is a bare numeral that takes the unit of the second:
  /// "一九九一至一九九五年" (1991, 1995), "十七至十九日", "一至十月", "1～3월".
  func rangeMembers(at i: Int) -> (Candidate, Candidate)? {
    guard let num = numeral(at: i), let v = num.value, let rangeEnd = marker(.range, at: num.end),
      continues(rangeEnd),
      let second = calendarDate(at: rangeEnd)
    else { return nil }
    let first: Meaning
    switch second.meaning {
    case .date(let spec):
      if spec.year != nil, year(at: rangeEnd) != nil, num.positional, num.digits == 4 {
        first = .date(DateSpec(year: v))
      } else if month(at: rangeEnd) != nil, (1...12).contains(v) {
        // "一至十一月份" said in December: January of the same year, not the coming one.
        var member = DateSpec(year: spec.year, yearOffset: spec.yearOffset, month: v)
        if spec.needsYear, let m = spec.month, v < m { member.direction = -1 }
        first = .date(member)
      } else {
        return nil
      }
    case .dayInMonth(_, let offset, _):
      guard (1...31).contains(v) else { return nil }
      first = .dayInMonth(v, monthOffset: offset, time: nil)
    default:
      return nil
    }
    return (Candidate(i, num.end, first), second)
  }
}
