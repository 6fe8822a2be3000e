/// Durations and counted offsets: "three years" (P3Y), "the past two months" (P2M), "two-year",
/// "two years ago" (a DATE), "a year earlier" (anaphoric), "several days" (PXD).
extension Grammar {
  /// Quantifier prefixes and the TIMEX3 mod they give.
  static let quantifiers: WordHash.Table<String> = WordHash.Table([
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "about": "APPROX", "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX", "over": "MORE_THAN", "under": "LESS_THAN",
  ])

  func durationOrShift(_ i: Int) -> Candidate? {
    // Each form ends in an English unit word after `i` ("one day", "the past decade").
    guard i < lastUnitWord else { return nil }
    // "Islam will one day be …", "could one day replace": some time ahead, not a day long.
    if isWord(i, "one"), isWord(i + 1, "day"), isWord(i - 1, in: Self.modals) {
      return Candidate(i, i + 2, .literal("FUTURE_REF"))
    }
    var j = i
    var start = i
    var mod: String?
    var rangeWord: String?
    // "more than", "less than", "at least", "up to", "nearly", "about"; "no more than" and "no
    // less than" (TimeML: EQUAL_OR_LESS, EQUAL_OR_MORE) take the "no" before them.
    if isWord(j, "more") || isWord(j, "less"), isWord(j + 1, "than") {
      mod = isWord(j, "more") ? "MORE_THAN" : "LESS_THAN"
      if isWord(j - 1, "no"), sameLine(j) {
        mod = isWord(j, "more") ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE"
        start = j - 1
      }
      j += 2
    } else if isWord(j, "at"), isWord(j + 1, "least") {
      mod = "EQUAL_OR_MORE"
      j += 2
    } else if isWord(j, "up"), isWord(j + 1, "to"), count(j + 2) != nil {
      mod = "EQUAL_OR_LESS"
      j += 2
    } else if let m = value(j, in: Self.quantifiers), !isWord(j + 1, "the"),
      !(isWord(j, "over") && isWord(j + 1, in: Self.vagueCountWords))
    {
      // Not "over several years", "over many months": there "over" is the preposition (one
      // cannot have more than "several"), outside the expression as "in" or "for" is.
      mod = m
      j += 1
    }
    if isWord(j, "the") || isWord(j, "each") && isWord(j + 1, "of") && isWord(j + 2, "the") {
      j += isWord(j, "each") ? 3 : 1
      if let w = word(j), isWord(j, in: Self.rangeWordsAfterThe) {
        rangeWord = w
        j += 1
      }
      if isWord(j, "few") || isWord(j, "several") {}
    } else if let w = word(j), isWord(j, in: Self.rangeWords), count(j + 1) != nil,
      !(w == "last" && (isWord(j - 1, "to") || isWord(j - 1, in: Self.modals)))
    {
      // Not the verb: "expected to last three days", "the truce may last a month".
      rangeWord = w
      j += 1
    }
    guard let (n, k) = count(j) else {
      return rangeWord == nil ? nil : bareUnitDuration(start, j, mod: mod)
    }
    var e = k
    // "2 1/2 years": a half more.
    var half = false
    if let one = number(e), one == 1, isPunct(e + 1, "/"), number(e + 2) == 2,
      tokens[e + 1].isAttached
    {
      half = true
      e += 3
    }
    // "two-year", "16-hour": an adjectival duration; not "16-year-old".
    var hyphenated = false
    if isHyphen(e), tokens[e].isAttached {
      e += 1
      hyphenated = true
    }
    // "two more weeks", "five consecutive years", "eight trading days", "ten business days".
    if isWord(e, "more") || isWord(e, "additional") || isWord(e, "straight")
      || isWord(e, "consecutive") || isWord(e, "trading") || isWord(e, "business")
      || isWord(e, "working")
    {
      e += 1
    }
    guard let (u, unitEnd, plural) = unit(e), sameLine(e) else { return nil }
    var ue = unitEnd
    // "an hour and a half", "a minute and a half".
    if isWord(ue, "and"), isWord(ue + 1, "a"), isWord(ue + 2, "half") {
      half = true
      ue += 3
    }
    if hyphenated, isHyphen(ue), isWord(ue + 1, "old") { return nil }
    // "a day-long meeting": the adjective "day-long" alone (`referenceOrSet`), not "a day".
    if !hyphenated, word(j) == "a" || word(j) == "an", isHyphen(ue), tokens[ue].isAttached,
      isWord(ue + 1, "long")
    {
      return nil
    }
    // "a year-earlier loss", "the year-ago quarter": a date read from "year-earlier" itself.
    if !hyphenated, isHyphen(ue), tokens[ue].isAttached,
      isWord(ue + 1, "earlier") || isWord(ue + 1, "ago")
    {
      return nil
    }
    // Ages ("52 years old") and fractions ("three-quarters") are not temporal expressions.
    if isWord(ue, "old") || (u == .quarter && plural && hyphenated) { return nil }
    // "a second time", "a second round": an ordinal, not a unit.
    if u == .second, word(j) == "a" || word(j) == "an", rangeWord == nil, mod == nil { return nil }
    // "two years ago", "a year earlier", "three days later".
    if rangeWord == nil, let w = word(ue),
      w == "ago" || w == "earlier" || w == "later" || (w == "before" && !sameLineWord(ue + 1))
    {
      let sign = w == "later" ? 1 : -1
      if w != "ago" && u < .month {
        // "three days later", "a day earlier": TimeBank tags the duration ("a minute and a
        // half later": PT1M30S).
        let value = half ? n.flatMap { Self.durationAndAHalf($0, u) } : nil
        return Candidate(
          start, ue, .literal(value ?? u.duration(n)), type: "DURATION", mod: mod)
      }
      guard let n else {
        return Candidate(start, ue + 1, .literal(sign < 0 ? "PAST_REF" : "FUTURE_REF"), mod: mod)
      }
      let origin: Meaning.Origin = w == "ago" ? (u == .year && n == 1 ? .focus : .dct) : .narrative
      return Candidate(start, ue + 1, .shift(u, sign * n, origin: origin, time: nil), mod: mod)
    }
    // "a year ago" with "or so": "a week or so ago".
    if rangeWord == nil, isWord(ue, "or"), isWord(ue + 1, "so"), isWord(ue + 2, "ago"), let n {
      return Candidate(start, ue + 3, .shift(u, -n, origin: .dct, time: nil), mod: "APPROX")
    }
    if case .some(1) = n, word(j) == "a" || word(j) == "an", rangeWord == nil, mod == nil {
      // "$5 a year", "twice a week": a frequency.
      if i > 0,
        tokens[i - 1].kind == .number
          || isWord(i - 1, in: Self.frequencyCues)
          || isPunct(i - 1, "%")
      {
        return Candidate(start, ue, .literal(u.setValue), type: "SET")
      }
    }
    if u == .weekend { return nil }
    var value =
      n.map { u == .decade ? "P\($0 * 10)Y" : u.duration($0) }
      ?? (u == .decade ? "PXY" : u.duration(nil))
    if half, let n { value = Self.durationAndAHalf(n, u) ?? value }
    // "the first two quarters of 1990", "the last two quarters of this year": a half of that
    // year, a DATE (1990-H1), not six months.
    if u == .quarter, n == 2, rangeWord == "first" || rangeWord == "last", isWord(ue, "of") {
      let half = rangeWord == "first" ? 1 : 2
      if let (y, e) = year(ue + 1) {
        return Candidate(start, e, .date(DateSpec(year: y, half: half)))
      }
      if let (offset, e) = relativeYear(ue + 1) {
        var spec = DateSpec(half: half)
        spec.yearOffset = offset
        return Candidate(start, e, .date(spec))
      }
    }
    if u == .quarter, let n, rangeWord == "next" || rangeWord == "first" { value = "P\(n * 3)M" }
    // "the next two years or so": an approximate count, the whole phrase.
    if isWord(ue, "or"), isWord(ue + 1, "so"), sameLine(ue + 1) {
      ue += 2
      mod = mod ?? "APPROX"
    }
    return Candidate(start, ue, .literal(value), type: "DURATION", mod: mod)
  }

  /// Range words after "the" ("the past three years", "the remaining two months").
  static let rangeWordsAfterThe: WordHash.Table<Bool> = WordHash.Table(words: [
    "past", "last", "next", "first", "final", "latest", "previous", "coming", "following",
    "initial", "remaining",
  ])

  /// Range words before a count without "the" ("past three years", "next two months").
  static let rangeWords: WordHash.Table<Bool> = WordHash.Table(words: [
    "past", "next", "last", "first", "coming",
  ])

  /// Words before "a year" that make it a frequency ("twice a year", "$5 million a year").
  static let frequencyCues: WordHash.Table<Bool> = WordHash.Table(words: [
    "times", "twice", "once", "million", "billion", "trillion", "thousand", "percent", "cents",
    "dollars",
  ])

  /// Vague counts that "over" before them cannot mean "more than" ("over several years").
  static let vagueCountWords: WordHash.Table<Bool> = WordHash.Table(words: [
    "several", "few", "many", "some",
  ])

  /// Words before a plural unit that make a vague duration ("for years", "in weeks").
  static let vagueDurationCues: WordHash.Table<Bool> = WordHash.Table(words: [
    "for", "in", "over", "within",
  ])

  /// Modal verbs before "one day" (FUTURE_REF).
  static let modals: WordHash.Table<Bool> = WordHash.Table(words: [
    "will", "would", "could", "might", "may", "can", "shall", "should", "must",
  ])

  private func sameLineWord(_ i: Int) -> Bool { word(i) != nil && sameLine(i) }

  /// "2 1/2 years" → P2Y6M, "an hour and a half" → PT1H30M.
  static func durationAndAHalf(_ n: Int, _ u: TimeUnit) -> String? {
    switch u {
    case .year: return "P\(n)Y6M"
    case .month: return "P\(n)M15D"
    case .day: return "P\(n)DT12H"
    case .hour: return "PT\(n)H30M"
    case .minute: return "PT\(n)M30S"
    case .decade: return "P\(n * 10 + 5)Y"
    default: return nil
    }
  }

  /// "the past few years", "the next several days" are handled by `count`; this covers "the
  /// past decade" style single units after a range word.
  private func bareUnitDuration(_ i: Int, _ j: Int, mod: String?) -> Candidate? {
    guard let (u, e, plural) = unit(j), plural else { return nil }
    return Candidate(
      i, e, .literal(u == .decade ? "PXY" : u.duration(nil)), type: "DURATION", mod: mod)
  }

  /// Vague references and frequencies: "now", "recently", "the future", "in recent years",
  /// "daily", "every Monday", "each year".
  func referenceOrSet(_ i: Int) -> Candidate? {
    guard let w = tokenWord(i) else { return nil }
    // "recent years", "recent weeks", and looking ahead "coming months" ("in coming weeks"): a
    // stretch of unknown length, so a DURATION (PXY, PXW), as TimeML types a value of that form.
    if w == "recent" || w == "coming", let (u, e, plural) = unit(i + 1), plural, u >= .day {
      return Candidate(i, e, .literal(u == .decade ? "PXY" : u.duration(nil)), type: "DURATION")
    }
    if let ref = lexicalValue(i, in: EnglishTables.refs) {
      if w == "now" && isWord(i - 1, "right") { return Candidate(i, i + 1, .literal(ref)) }
      if w == "current" {
        // "current" before a noun that is not temporal is still PRESENT_REF in TimeBank
        // ("the current quarter" is handled as a quarter).
      }
      return Candidate(i, i + 1, .literal(ref))
    }
    if w == "the", let next = word(i + 1) {
      switch next {
      case "future": return Candidate(i, i + 2, .literal("FUTURE_REF"))
      case "past" where !(unit(i + 2) != nil || count(i + 2) != nil || isWord(i + 2, "few")):
        return Candidate(i, i + 2, .literal("PAST_REF"))
      case "present" where word(i + 2) == nil:
        return Candidate(i, i + 2, .literal("PRESENT_REF"))
      default: break
      }
    }
    if w == "the", isWord(i + 1, "near") || isWord(i + 1, "short"),
      isWord(i + 2, "future") || isWord(i + 2, "term")
    {
      return Candidate(i, i + 3, .literal("FUTURE_REF"))
    }
    if w == "these", isWord(i + 1, "days") { return Candidate(i, i + 2, .literal("PRESENT_REF")) }
    // "the weeks ahead", "the months ahead": a stretch ahead of unknown length, as "coming weeks".
    if isWord(i + 2, "ahead"), w == "the", let (u, e, plural) = unit(i + 1), plural, u >= .day {
      return Candidate(i, e + 1, .literal(u == .decade ? "PXY" : u.duration(nil)), type: "DURATION")
    }
    // "a day-long meeting", "decades-long rivalry": an adjective of length without a count.
    if isWord(i + 2, "long"), let (u, e, plural) = unit(i), u >= .hour, u != .weekend,
      isHyphen(e), tokens[e].isAttached, tokens[e + 1].isAttached
    {
      let value =
        u == .decade ? (plural ? "PXY" : "P10Y") : (plural ? u.duration(nil) : u.duration(1))
      return Candidate(i, e + 2, .literal(value), type: "DURATION")
    }
    // "for years", "in weeks": a vague duration.
    if isWord(i, in: Self.vagueDurationCues), let (u, e, plural) = unit(i + 1), plural,
      u >= .day,
      !isWord(e, "of"), !isWord(e, "ago"), !isPunct(e, "-")
    {
      return Candidate(i + 1, e, .literal(u == .decade ? "PXY" : u.duration(nil)), type: "DURATION")
    }
    // "on Sundays", "Tuesday nights": every such day (or part of it), a SET as "every Tuesday".
    if let d = lexicalValue(i, in: EnglishTables.pluralWeekdays) {
      return Candidate(i, i + 1, .literal("XXXX-WXX-\(d)"), type: "SET")
    }
    if let part = value(i + 1, in: EnglishTables.pluralPartsOfDay), sameLine(i + 1),
      let d = lexicalValue(i, in: EnglishTables.weekdays),
      !EnglishWords.weekdayAbbreviations.contains(w.text)
    {
      return Candidate(i, i + 2, .literal("XXXX-WXX-\(d)\(part)"), type: "SET")
    }
    if let set = lexicalValue(i, in: EnglishTables.setAdverbs) {
      return Candidate(i, i + 1, .literal(set), type: "SET")
    }
    if w == "every" || w == "each" || w == "per" {
      var k = i + 1
      if isWord(k, "other") { k += 1 }
      if let (u, e, plural) = unit(k), !plural {
        let value = isWord(i + 1, "other") ? u.duration(2) : u.setValue
        return Candidate(i, e, .literal(value), type: "SET")
      }
      // "every two years", "every 10 days": once per that many units (TimeML: a SET, P2Y);
      // "every few weeks", "every several months": per an unsaid number of them (PXW, PXM).
      if w == "every", k == i + 1, let (n, ce) = count(k), n.map({ $0 > 1 }) ?? true,
        sameLine(ce), let (u, e, plural) = unit(ce), plural, u != .weekend
      {
        let decades = n.map { "P\($0 * 10)Y" } ?? "PXY"
        return Candidate(i, e, .literal(u == .decade ? decades : u.duration(n)), type: "SET")
      }
      if let (d, e) = weekday(k) { return Candidate(i, e, .literal("XXXX-WXX-\(d)"), type: "SET") }
      if let (m, e) = month(k, needsContext: false) {
        return Candidate(i, e, .literal("XXXX-\(TimexFormat.two(m))"), type: "SET")
      }
      // "every summer", "each winter": that season of every year (TimeML: a SET, XXXX-SU).
      if let s = lexicalValue(k, in: EnglishTables.seasons) {
        return Candidate(i, k + 1, .literal("XXXX-\(s)"), type: "SET")
      }
    }
    return nil
  }
}
