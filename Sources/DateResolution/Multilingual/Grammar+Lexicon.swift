/// The shared rules for every language with a `date-grammar` lexicon (`DateGrammarWords`): the
/// rule structure of the English grammar with each language's words in its slots.
///
/// - anchored dates: "13. Dezember 2013", "el 5 de mayo", "Montag, 13. Dezember", "1η Φεβρουαρίου";
/// - ranges: "vom 13. bis 17. Mai" (the first day takes the month of the second);
/// - relative: "letztes Jahr", "l'anno scorso", "в прошлом году", "im selben Jahr" (narrative);
/// - counted: "vor zwei Wochen", "il y a trois ans", "два роки тому", "drei Jahre später";
/// - durations and sets: "fünf Jahre" (P5Y), "plusieurs jours" (PXD), "jeden Montag";
/// - years, decades, centuries: "im Jahr 1990", "1936 року", "259 v. Chr.", "1990er Jahre",
///   "années 1990", "19. Jahrhundert", "siglo XIX";
/// - seasons, parts of day, holidays and clock times: "Sommer 1942", "heute Abend",
///   "Pâques 2002", "18 Uhr", "20 h 15".
extension Grammar {
  private var lex: DateGrammarWords { vocabulary.grammar }

  /// `table`'s longest entry at `k`, looked up only when the token's mask says it can start one.
  @inline(__always) private func at<V>(_ table: PhraseTable<V>, _ k: Int) -> (value: V, end: Int)? {
    guard k >= 0, k < lexMasks.count, lexMasks[k] & table.slot != 0 else { return nil }
    return table.match(tokens, at: k)
  }

  /// The longest expression of the shared grammar at `i`, articles and modifiers included.
  func lexicalExpression(_ i: Int) -> Candidate? {
    // Every rule starts with a number, a Roman numeral or a word of the lexicon.
    guard
      lexMasks[i] != 0 || tokens[i].kind == .number
        || (tokens[i].isCapitalized && Self.mayBeRoman(tokens[i].text))
    else {
      return nil
    }
    var j = i
    var skipped = 0
    while skipped < 2, let (_, e) = at(lex.articles, j), sameLine(e) {
      j = e
      skipped += 1
    }
    var mod: String?
    if let (m, e) = at(lex.mods, j), sameLine(e) {
      mod = m
      var k = e
      // "mi-juin", "Mitte-Mai".
      if isHyphen(k), tokens[k].isAttached { k += 1 }
      var glued = 0
      while glued < 2, let (_, g) = at(lex.glue, k) ?? at(lex.articles, k), sameLine(g) {
        k = g
        glued += 1
      }
      j = k
    }
    guard var c = lexCore(j) else {
      // "Ende des Jahres", "à la fin du mois": the period in focus.
      if mod != nil, let (u, e) = at(lex.units, j), u >= .week, at(lex.pluralUnits, j) == nil {
        return Candidate(i, e, .shift(u, 0, origin: .dct, time: nil), mod: mod)
      }
      // "aasta lõpus", "kuu alguses": the period in focus, its part named after it.
      if mod == nil, let (u, e) = at(lex.units, j), u >= .week, at(lex.pluralUnits, j) == nil,
        sameLine(e), let (m, me) = at(lex.modsAfter, e)
      {
        return Candidate(i, me, .shift(u, 0, origin: .dct, time: nil), mod: m)
      }
      // Articles alone are no expression.
      return nil
    }
    c.start = i
    if let mod {
      c.mod = mod
      // "Anfang des Jahres", "à la fin de l'année": the period itself, not its neighbour.
    } else if let (m, me) = at(lex.modsAfter, c.end), sameLine(c.end), c.type == "DATE",
      Self.hasParts(c.meaning)
    {
      // "1990. aasta lõpus", "mai alguses", "1990. aastate alguses": the mod written after.
      c.end = me
      c.mod = m
    }
    return c
  }

  /// Whether a value is a period with a start, middle and end (a year, month, season, decade),
  /// not a day.
  private static func hasParts(_ meaning: Meaning) -> Bool {
    switch meaning {
    case .date(let spec): return spec.day == nil && spec.holiday == nil
    case .shift(let u, _, _, nil): return u >= .week
    default: return false
    }
  }

  /// Whether the number ending before `e` is an amount, not a year: an amount word follows it
  /// ("1300 miliardi", "1600 addetti"), or a range to one ("da 2054 a 1960 miliardi").
  func isAmount(after e: Int) -> Bool {
    guard vocabulary.hasGrammar else { return false }
    if at(lex.quantityAfter, e) != nil { return true }
    if let (_, r) = at(lex.rangeWords, e), number(r) != nil, at(lex.quantityAfter, r + 1) != nil {
      return true
    }
    return false
  }

  // MARK: Core

  private func lexCore(_ j: Int) -> Candidate? {
    guard j < tokens.count else { return nil }
    var best: Candidate?
    func consider(_ c: Candidate?) {
      guard let c, c.end > c.start else { return }
      if c.end > (best?.end ?? Int.min) { best = c }
    }
    // "la mañana" is the morning, "mañana" tomorrow: after an article a part of the day wins.
    if let (m, e) = at(lex.phrases, j),
      !(at(lex.partsOfDay, j)?.end == e && j > 0 && at(lex.articles, j - 1)?.end == j)
    {
      consider(lexPhraseCandidate(j, e, m))
    }
    consider(lexDetermined(j))
    consider(lexCounted(j))
    consider(lexSetExpression(j))
    consider(lexWeekdayDate(j))
    consider(lexDayMonth(j))
    consider(lexNamedDay(j))
    consider(lexMonthYear(j))
    consider(lexYearExpression(j))
    consider(lexDecade(j))
    consider(lexCentury(j))
    consider(lexSeason(j))
    consider(lexPartOfDay(j))
    consider(lexHolidayExpression(j))
    consider(lexClock(j))
    consider(lexNumericDate(j))
    consider(lexElidedYear(j))
    consider(lexQuarter(j))
    consider(lexSamePeriod(j))
    consider(lexOpenUnits(j))
    if let c = best, let joined = lexYearThenPart(c) { best = joined }
    if let c = best, let joined = lexWithClock(c) { return joined }
    if let c = best, let joined = lexClockThenDate(c) { return joined }
    return best
  }

  /// A year followed by a part of it, the order Estonian writes dates in: "1997. aasta
  /// septembrist" (1997-09), "eelmise aasta mais" (last year's May), "selle aasta kevadel",
  /// "1906. aasta 12. augustil", "mullu suvel", "1998. märtsini", "sama aasta septembris".
  private func lexYearThenPart(_ c: Candidate) -> Candidate? {
    var year: Int?
    var offset: Int?
    var ofFocus = false
    switch c.meaning {
    case .date(let spec)
    where spec.year != nil && spec.month == nil && spec.day == nil && spec.season == nil
      && spec.quarter == nil && spec.half == nil && spec.holiday == nil:
      year = spec.year
    case .shift(.year, let n, .dct, nil): offset = n
    // "sama aasta septembris": the month of the year in focus.
    case .shift(.year, 0, .narrative, nil): ofFocus = true
    default: return nil
    }
    var k = c.end
    if isPunct(k, "."), tokens[k].isAttached { k += 1 }
    guard k < tokens.count, sameLine(k), tokens[k].sentence == tokens[c.end - 1].sentence else {
      return nil
    }
    var spec: DateSpec
    var end: Int
    if let part = lexDayMonth(k, range: false), case .date(let s) = part.meaning, s.year == nil {
      spec = s
      end = part.end
    } else if let (m, me) = at(lex.months, k) {
      spec = DateSpec(month: m)
      end = me
    } else if let (season, se) = at(lex.seasons, k) {
      spec = DateSpec(season: season)
      end = se
    } else {
      return nil
    }
    spec.year = year
    spec.yearOffset = offset
    spec.yearOfFocus = ofFocus
    return Candidate(c.start, end, .date(spec), mod: c.mod)
  }

  /// A day followed by its clock time: "samedi 18 janvier, à 18 h", "hier vers 18 h",
  /// "14.12.2009 07:41", "laupäeva õhtul kell 21.30" (the evening's 21:30), "reedel kell 19".
  private func lexWithClock(_ c: Candidate) -> Candidate? {
    // After a date only in apposition, after a comma: "1. September 1939 um 4:45 Uhr" stays
    // two; a day word takes its time directly ("hier vers 18 h", "täna kell 19.30"), and so
    // does a day with its part ("Samstagabend um 20 Uhr", "eile õhtul kella 23 paiku") and a
    // numeric date its "hh:mm" (a dateline's "14.12.2009 07:41").
    let part = Self.partOfDay(c.meaning)
    var k = c.end
    var numeric = false
    if isPunct(k, ",") {
      k += 1
    } else if case .shift(.day, _, _, nil) = c.meaning {
    } else if part != nil {
    } else if at(lex.clockBefore, k) != nil {
      // "teisipäeval kell 15.44", "24. juunil kell 20": the language's own clock word ties the
      // hour to the day before it.
    } else if Self.isFullDate(c.meaning), tokens[c.end - 1].kind == .number, number(k) != nil,
      isPunct(k + 1, ":"), tokens[k + 1].isAttached
    {
      numeric = true
    } else {
      return nil
    }
    if !numeric, let (_, e) = at(lex.prepositions, k) { k = e }
    guard sameLine(k), let clock = lexClock(k),
      case .shift(_, _, _, var time?) = clock.meaning
    else { return nil }
    if let part { time = Self.clockTime(time, in: part) }
    var meaning: Meaning
    switch c.meaning {
    case .date(var spec) where spec.day != nil && (spec.time == nil || part != nil):
      spec.time = time
      meaning = .date(spec)
    case .weekday(let d, let offset, let t) where t == nil || part != nil:
      meaning = .weekday(d, offset: offset, time: time)
    case .shift(.day, let n, let origin, let t) where t == nil || part != nil:
      meaning = .shift(.day, n, origin: origin, time: time)
    default: return nil
    }
    return Candidate(c.start, clock.end, meaning, type: "TIME", mod: c.mod)
  }

  /// A clock time followed by its day, as a dateline writes it: "22:57 13.12", "10:04
  /// 13.12.2009" (the day and month without a year are the DCT's year's).
  private func lexClockThenDate(_ c: Candidate) -> Candidate? {
    guard case .shift(.day, 0, .narrative, let time?) = c.meaning, number(c.start) != nil,
      isPunct(c.start + 1, ":"), c.end == c.start + 3, sameLine(c.end)
    else { return nil }
    let k = c.end
    if let date = lexNumericDate(k), case .date(var spec) = date.meaning {
      spec.time = time
      return Candidate(c.start, date.end, .date(spec), type: "TIME")
    }
    // "13.12": a day and a month, not a decimal ("13.5 Grad") nor a longer run ("13.12.5").
    guard let d = number(k), tokens[k].digits <= 2, d >= 1, d <= 31, isPunct(k + 1, "."),
      tokens[k + 1].isAttached, let m = number(k + 2), tokens[k + 2].digits == 2, m >= 1,
      m <= 12, tokens[k + 2].isAttached,
      !(isPunct(k + 3, ".") && k + 4 < tokens.count && tokens[k + 4].isAttached
        && tokens[k + 4].kind != .punctuation),
      !(k + 3 < tokens.count && tokens[k + 3].isAttached && tokens[k + 3].kind != .punctuation)
    else { return nil }
    var spec = DateSpec(month: m, day: d)
    spec.time = time
    return Candidate(c.start, k + 3, .date(spec), type: "TIME")
  }

  /// The part of the day a candidate names ("EV" of "hier soir", "Montagabend").
  private static func partOfDay(_ meaning: Meaning) -> String? {
    let time: String?
    switch meaning {
    case .date(let spec) where spec.day != nil: time = spec.time
    case .weekday(_, _, let t): time = t
    case .shift(.day, _, _, let t): time = t
    default: time = nil
    }
    guard let time, time.utf8.count == 3, ["TMO", "TAF", "TEV", "TNI", "TDT"].contains(time)
    else { return nil }
    return String(time.dropFirst())
  }

  /// Whether a meaning is a day of a month of a year ("14.12.2009").
  private static func isFullDate(_ meaning: Meaning) -> Bool {
    guard case .date(let spec) = meaning else { return false }
    return spec.year != nil && spec.month != nil && spec.day != nil && spec.time == nil
  }

  /// A clock time `Thh:mm` read in a part of the day: "9" in the evening is 21:00, in the
  /// night "11" is 23:00 (and "2" 02:00); in the morning it stays, and so does "00 h 10" (the
  /// 24-hour clock: "ce soir à 00 h 10" is ten past midnight, not ten past noon).
  private static func clockTime(_ time: String, in part: String) -> String {
    let scalars = Array(time.unicodeScalars)
    guard scalars.count >= 6, scalars[0] == "T",
      let h = Int(String(String.UnicodeScalarView(scalars[1...2]))), h >= 1, h < 12
    else { return time }
    let later = part == "AF" || part == "EV" || (part == "NI" && h >= 6)
    guard later else { return time }
    return "T" + TimexFormat.two(h + 12) + String(String.UnicodeScalarView(scalars[3...]))
  }

  private func lexPhraseCandidate(_ j: Int, _ e: Int, _ m: LexiconMeaning) -> Candidate {
    switch m {
    case .shift(let u, let n, let narrative, let time):
      // "heute Abend", "hier soir": a part of day after a day word.
      if time == nil, u == .day, let (part, pe) = at(lex.partsOfDay, e), sameLine(e) {
        return Candidate(j, pe, .shift(.day, n, origin: .dct, time: "T" + part), type: "TIME")
      }
      // "heute, Montag", "ayer, miércoles", "hoy jueves": the weekday in apposition belongs
      // to the day.
      var end = e
      if u == .day, isPunct(e, ","), let (_, we) = at(lex.weekdays, e + 1), sameLine(e + 1) {
        end = we
      } else if u == .day, let (_, we) = at(lex.weekdays, e), sameLine(e) {
        end = we
      }
      return Candidate(
        j, end, .shift(u, n, origin: narrative ? .narrative : .dct, time: time),
        type: time == nil ? "DATE" : "TIME")
    case .reference(let r): return Candidate(j, e, .literal(r))
    case .literal(let type, let value): return Candidate(j, e, .literal(value), type: type)
    case .season(let season): return Candidate(j, e, .date(DateSpec(season: season)))
    }
  }

  // MARK: Counts

  /// A count at `k`: digits, a number word, or a vague count (nil).
  private func lexCount(_ k: Int) -> (Int?, Int)? {
    if let n = number(k), tokens[k].digits <= 3, isStandaloneNumber(k),
      !isPunct(k + 1, ".") || !tokens[k + 1].isAttached || lexIsUnit(k + 2)
    {
      return (n, k + 1)
    }
    if let (n, e) = at(lex.numbers, k) { return (n, e) }
    if let (_, e) = at(lex.vagueCounts, k) { return (nil, e) }
    return nil
  }

  private func lexIsUnit(_ k: Int) -> Bool { at(lex.units, k) != nil }

  /// `[past/future prefix] count unit [past/future/later/earlier suffix]`: "vor zwei Wochen"
  /// (a date), "drei Jahre später" (from the narrative), "fünf Jahre" (a duration).
  private func lexCounted(_ j: Int) -> Candidate? {
    var k = j
    var sign = 0
    if let (_, e) = at(lex.pastPrefixes, k) {
      sign = -1
      k = e
    } else if let (_, e) = at(lex.futurePrefixes, k) {
      sign = 1
      k = e
    }
    var mod: String?
    if let (q, e) = at(lex.quantifiers, k), sameLine(e), lexCount(e) != nil {
      mod = q
      k = e
    }
    // "aasta varem", "nädal hiljem", "aasta tagasi": a bare singular unit counts one.
    if sign == 0, mod == nil, lexCount(k) == nil, let (u, ue) = at(lex.units, k),
      at(lex.pluralUnits, k) == nil, sameLine(ue), u >= .day
    {
      if let (_, e) = at(lex.pastSuffixes, ue) {
        return Candidate(j, e, .shift(u, -1, origin: .dct, time: nil))
      }
      if let (_, e) = at(lex.futureSuffixes, ue) {
        return Candidate(j, e, .shift(u, 1, origin: .dct, time: nil))
      }
      if let (_, e) = at(lex.laterSuffixes, ue) {
        return Candidate(j, e, .shift(u, 1, origin: .narrative, time: nil))
      }
      if let (_, e) = at(lex.earlierSuffixes, ue) {
        return Candidate(j, e, .shift(u, -1, origin: .narrative, time: nil))
      }
    }
    guard let (n, ce0) = lexCount(k), sameLine(ce0) else { return nil }
    var ce = ce0
    // "un'ora", "vent'anni": an elided count; "16-aastane", "35-річна", "5-Jahres-": an adjective.
    if isPunct(ce, "'") || isPunct(ce, "’") || isHyphen(ce), tokens[ce].isAttached,
      ce + 1 < tokens.count, tokens[ce + 1].isAttached
    {
      ce += 1
    }
    // "kolme viimase aasta", "los cinco últimos años", "les trois derniers mois": a count
    // before "last" or "next" and a unit is that many units, a duration.
    if sign == 0, let (d, de) = at(lex.determiners, ce), case .offset(let o) = d, o != 0,
      sameLine(ce), let (u, ue) = at(lex.units, de), sameLine(de)
    {
      return Candidate(j, ue, .literal(u.duration(n)), type: "DURATION", mod: mod)
    }
    guard let (u, ue) = at(lex.units, ce), number(k) != nil || !isOrdinalSecond(u, ue) else {
      return nil
    }
    var end = ue
    var origin: Meaning.Origin = .dct
    if sign == 0 {
      if let (_, e) = at(lex.pastSuffixes, ue), sameLine(ue) {
        sign = -1
        end = e
      } else if let (_, e) = at(lex.futureSuffixes, ue), sameLine(ue) {
        sign = 1
        end = e
      } else if let (_, e) = at(lex.laterSuffixes, ue), sameLine(ue) {
        sign = 1
        end = e
        origin = .narrative
      } else if let (_, e) = at(lex.earlierSuffixes, ue), sameLine(ue) {
        sign = -1
        end = e
        origin = .narrative
      }
    }
    if sign == 0, u == .year, mod == nil, let n, n >= 15, number(k) != nil,
      isAge(before: j, after: ue)
    {
      return nil
    }
    if sign == 0, let n, let (value, e) = lexCompoundDuration(u, n, after: ue) {
      return Candidate(j, e, .literal(value), type: "DURATION", mod: mod)
    }
    // "um minuto e meio", "deux ans et demi", "año y medio": half a unit more.
    if sign == 0, let n, let (_, e) = at(lex.halfAfter, ue), sameLine(ue),
      let value = Self.durationAndAHalf(n, u)
    {
      return Candidate(j, e, .literal(value), type: "DURATION", mod: mod)
    }
    guard sign != 0 else {
      return Candidate(j, ue, .literal(u.duration(n)), type: "DURATION", mod: mod)
    }
    guard let n else { return Candidate(j, end, .literal(sign < 0 ? "PAST_REF" : "FUTURE_REF")) }
    // "há um ano", "vor einem Jahr" in a results report: the period in focus a year before, as
    // "a year ago" (`Meaning.Origin.focus`); elsewhere the DCT's year before.
    if origin == .dct, sign < 0, n == 1, u == .year { origin = .focus }
    return Candidate(j, end, .shift(u, sign * n, origin: origin, time: nil), mod: mod)
  }

  /// Whether a "second" unit word is the ordinal before a noun: "un segundo contrato", "al
  /// secondo posto", "um segundo mandato" (not "un segundo después", "trenta secondi .").
  private func isOrdinalSecond(_ u: TimeUnit, _ ue: Int) -> Bool {
    guard u == .second, ue < tokens.count, sameLine(ue), tokens[ue].kind == .word else {
      return false
    }
    return at(lex.laterSuffixes, ue) == nil && at(lex.earlierSuffixes, ue) == nil
      && at(lex.pastSuffixes, ue) == nil && at(lex.futureSuffixes, ue) == nil
  }

  /// "zwei Jahre und drei Monate" (P2Y3M), "un an et six mois" (P1Y6M), "dos horas y 30
  /// minutos" (PT2H30M), "zwei Tage und drei Stunden" (P2DT3H): a second, smaller unit joined
  /// by the language's "and" (a range word).
  private func lexCompoundDuration(_ u: TimeUnit, _ n: Int, after e: Int) -> (String, Int)? {
    let letters: [TimeUnit: String] = [
      .year: "Y", .month: "M", .week: "W", .day: "D", .hour: "H", .minute: "M", .second: "S",
    ]
    guard let first = letters[u], let (_, r) = at(lex.rangeWords, e), sameLine(e),
      let (m, ce) = lexCount(r), let m, let (u2, ue2) = at(lex.units, ce), u2 < u,
      let second = letters[u2]
    else { return nil }
    // Clock units follow a "T"; a week takes no clock units after it.
    let firstIsClock = u < .day
    let secondIsClock = u2 < .day
    if u == .week, secondIsClock { return nil }
    let head = "P" + (firstIsClock ? "T" : "") + "\(n)\(first)"
    let tail = (secondIsClock && !firstIsClock ? "T" : "") + "\(m)\(second)"
    return (head + tail, ue2)
  }

  /// "di 51 anni", "Marie, 38 ans,", "87 Jahre alt": a count of years that is an age.
  private func isAge(before j: Int, after e: Int) -> Bool {
    if at(lex.ageAfter, e) != nil { return true }
    guard j > 0 else { return false }
    if at(lex.ageBefore, j - 1)?.end == j { return true }
    if isPunct(j - 1, ",") || isPunct(j - 1, "(") { return true }
    return at(lex.glue, j - 1)?.end == j
  }

  // MARK: Determiners

  /// A determiner with a unit, weekday, month or season in either order: "letztes Jahr",
  /// "l'anno scorso", "mercredi dernier", "im selben Jahr", "die letzten drei Jahre" (P3Y).
  private func lexDetermined(_ j: Int) -> Candidate? {
    if let (d, e) = at(lex.determiners, j), sameLine(e) {
      var k = e
      if let (_, a) = at(lex.articles, k), sameLine(a) { k = a }
      if let (n, ce) = lexCount(k), let (u, ue) = at(lex.units, ce), sameLine(ce), d != .same {
        return Candidate(j, ue, .literal(u.duration(n)), type: "DURATION")
      }
      if let c = lexHeadAfterDeterminer(j, k, d) { return c }
    }
    // Head first: "anno scorso", "mercredi dernier", "году прошлом" (rare).
    if let (u, ue) = at(lex.units, j), let (d, e) = at(lex.determiners, ue), sameLine(ue) {
      return lexUnitShift(j, e, u, d)
    }
    // "la nuit dernière", "la notte scorsa", "la noche pasada": last night.
    if let (p, pe) = at(lex.partsOfDay, j), p.count == 2, let (d, e) = at(lex.determiners, pe),
      sameLine(pe), case .offset(let o) = d, o < 0
    {
      return Candidate(j, e, .shift(.day, o, origin: .dct, time: "T" + p), type: "TIME")
    }
    if let (wd, we) = at(lex.weekdays, j), let (d, e) = at(lex.determiners, we), sameLine(we),
      let o = d.offset
    {
      return Candidate(j, e, .weekday(wd, offset: o, time: nil))
    }
    if let (m, me) = at(lex.months, j), let (d, e) = at(lex.determiners, me), sameLine(me),
      let o = d.offset
    {
      return Candidate(j, e, .date(DateSpec(month: m, direction: o)))
    }
    return nil
  }

  private func lexHeadAfterDeterminer(_ j: Int, _ k: Int, _ d: DateGrammarWords.Determiner)
    -> Candidate?
  {
    if let (u, ue) = at(lex.units, k) {
      // "el pasado día 3", "el próximo día 9 de julio": the unit names the day that follows.
      if u == .day, let o = d.offset, let c = lexDayAfterDayWord(ue),
        case .date(var spec) = c.meaning, spec.year == nil
      {
        spec.direction = o
        return Candidate(j, c.end, .date(spec))
      }
      // "el pasado mes de marzo": the unit names the month that follows.
      if u == .month, let (_, g) = at(lex.glue, ue), let (m, me) = at(lex.months, g),
        let o = d.offset
      {
        return Candidate(j, me, .date(DateSpec(month: m, direction: o)))
      }
      return lexUnitShift(j, ue, u, d)
    }
    // "am nächsten Morgen", "järgneval õhtul", "samal õhtul": a part of the day after or
    // before the day in focus, or of that day; "sel õhtul" this evening, "letzte Nacht" last
    // night.
    if let (p, pe) = at(lex.partsOfDay, k), sameLine(k), p.count == 2 {
      let meaning: Meaning
      switch d {
      case .offset(let o) where o <= 0: meaning = .shift(.day, o, origin: .dct, time: "T" + p)
      case .offset(let o), .story(let o):
        meaning = .shift(.day, o, origin: .narrative, time: "T" + p)
      case .same: meaning = .shift(.day, 0, origin: .narrative, time: "T" + p)
      }
      return Candidate(j, pe, meaning, type: "TIME")
    }
    guard let o = d.offset else { return nil }
    if let (wd, we) = at(lex.weekdays, k) {
      return Candidate(j, we, .weekday(wd, offset: o, time: nil))
    }
    if var c = lexDayMonth(k) ?? lexMonthYear(k) ?? lexSeason(k), case .date(var spec) = c.meaning,
      spec.year == nil
    {
      spec.direction = o
      c.meaning = .date(spec)
      c.start = j
      return c
    }
    return nil
  }

  private func lexUnitShift(_ j: Int, _ e: Int, _ u: TimeUnit, _ d: DateGrammarWords.Determiner)
    -> Candidate?
  {
    // "die letzten Jahre", "ultimi anni", "los próximos días": an open number of units;
    // "dieser Tage", "in questi giorni", "estos días": now, as "these days" (but "all diese
    // Jahre" are years gone).
    if d != .same, (j..<e).contains(where: { at(lex.pluralUnits, $0) != nil }) {
      if d == .offset(0), u <= .day { return Candidate(j, e, .literal("PRESENT_REF")) }
      return Candidate(j, e, .literal(u.duration(nil)), type: "DURATION")
    }
    switch d {
    case .same: return Candidate(j, e, .shift(u, 0, origin: .narrative, time: nil))
    case .story(let o):
      guard u >= .day else { return nil }
      return Candidate(j, e, .shift(u, o, origin: .narrativePeriod, time: nil))
    case .offset(let o):
      // Units below a day have no calendar value of their own ("this hour").
      guard u >= .day else { return nil }
      // "am nächsten Tag", "järgmisel päeval", "el próximo día": the day after the one in
      // focus, as "the next day" (tomorrow has its own word).
      if u == .day, o != 0 { return Candidate(j, e, .shift(u, o, origin: .narrative, time: nil)) }
      return Candidate(j, e, .shift(u, o, origin: .dct, time: nil))
    }
  }

  // MARK: Sets

  /// "jeden Tag" (P1D), "chaque année" (P1Y), "tous les jeudis" (XXXX-WXX-4).
  private func lexSetExpression(_ j: Int) -> Candidate? {
    guard let (_, e) = at(lex.setPrefixes, j), sameLine(e) else { return nil }
    if let (u, ue) = at(lex.units, e) {
      // "al segundo puesto": the ordinal, not "every second".
      if isOrdinalSecond(u, ue) { return nil }
      return Candidate(j, ue, .literal(u.setValue), type: "SET")
    }
    if let (wd, we) = at(lex.weekdays, e) {
      return Candidate(j, we, .literal("XXXX-WXX-\(wd)"), type: "SET")
    }
    if let (n, ce) = lexCount(e), let n, let (u, ue) = at(lex.units, ce) {
      return Candidate(j, ue, .literal(u.duration(n)), type: "SET")
    }
    return nil
  }

  // MARK: Calendar dates

  /// A day of month at `k`: "13", "13.", "1er", "3º", "1η", or an ordinal word.
  private func lexDay(_ k: Int) -> (Int, Int)? {
    if let d = number(k), tokens[k].digits <= 2, d >= 1, d <= 31, !isGluedInTable(k) {
      if let (_, e) = at(lex.ordinalSuffixes, k + 1), tokens[k + 1].isAttached { return (d, e) }
      if isPunct(k + 1, "."), tokens[k + 1].isAttached,
        !(number(k + 2) != nil && tokens[k + 2].isAttached)
      {
        return (d, k + 2)
      }
      return (d, k + 1)
    }
    if let (d, e) = at(lex.ordinals, k), d <= 31 { return (d, e) }
    return nil
  }

  /// A year at `k` with its markers: "1990", "1936 року", "Jahr 1990", "1991. aastal", "259 v. Chr."
  private func lexYear(_ k: Int, strict: Bool) -> (Int, Int, bc: Bool)? {
    var s = k
    var cued = false
    if let (_, e) = at(lex.yearBefore, s), number(e) != nil {
      s = e
      cued = true
    }
    guard let y = number(s), tokens[s].digits <= 4, isStandaloneNumber(s), !inTableRow[s] || cued
    else { return nil }
    var e = s + 1
    var marked = cued
    // "1991. aastal": an ordinal period before the year word.
    if isPunct(e, "."), tokens[e].isAttached, let (_, ye) = at(lex.yearAfter, e + 1),
      sameLine(e + 1)
    {
      e = ye
      marked = true
    } else if let (_, ye) = at(lex.yearAfter, e), sameLine(e) {
      e = ye
      marked = true
    }
    if let (_, be) = at(lex.eraBC, e), sameLine(e), y >= 1 {
      return (y, be, true)
    }
    if tokens[s].digits == 4, y >= 1000, y <= 2199 { return (y, e, false) }
    if !strict, marked, tokens[s].digits >= 3, y >= 100 { return (y, e, false) }
    return nil
  }

  private func lexYearSpec(_ y: Int, bc: Bool) -> Meaning {
    bc
      ? .literal("BC" + String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y))
      : .date(DateSpec(year: y))
  }

  /// Day, month and optional year in the language's order: "13. Dezember 2013", "5 de mayo de
  /// 2025", "3 janvier", "1η Φεβρουαρίου 1960", "21 травня 1911 року"; and a range's first
  /// day "vom 13. bis 17. Mai" (month from the second).
  private func lexDayMonth(_ j: Int, range: Bool = true) -> Candidate? {
    guard let (d, de) = lexDay(j) else { return nil }
    var k = de
    if let (_, g) = at(lex.glue, k), sameLine(g) { k = g }
    guard sameLine(k), let (m, me) = at(lex.months, k) else {
      // A range: the first day takes the month (and year) of the second.
      // One level only: "1-2-3-4 …" must not recurse through the whole line.
      if range, let (_, r) = at(lex.rangeWords, de) ?? (isHyphen(de) ? (true, de + 1) : nil),
        sameLine(r),
        let second = lexDayMonth(r, range: false), case .date(var spec) = second.meaning,
        spec.day != nil, number(j) != nil
      {
        spec.day = d
        spec.weekday = nil
        return Candidate(j, de, .date(spec))
      }
      return nil
    }
    var spec = DateSpec(month: m, day: d)
    var e = me
    let k2 = yearSlot(after: me)
    if sameLine(k2), let (y, ye, bc) = lexYear(k2, strict: false), !bc {
      spec.year = y
      e = ye
    } else if sameLine(me), let (y, ye) = lexShortYear(me) {
      spec.year = y
      e = ye
    } else if sameLine(k2), let (o, re) = lexRelativeYear(at(lex.articles, k2)?.end ?? k2) {
      // "el 3 de mayo del año pasado", "le 5 juin de l'année dernière".
      spec.yearOffset = o
      e = re
    } else if sameLine(me), let se = lexSameYear(me) {
      // "16 Οκτωβρίου του ίδιου έτους": the year in focus.
      e = se
    } else if sameLine(e), let (d, de2) = at(lex.determiners, e), let o = d.offset, o != 0,
      at(lex.units, de2) == nil
    {
      // "le 1er septembre prochain", "el 3 de mayo pasado".
      spec.direction = o
      e = de2
    }
    return Candidate(j, e, .date(spec))
  }

  /// Whether a day with its month in the language's words starts at `k`: the second member of
  /// "16.-20. augustini", "vom 16.-20. August" is a date of its own, not a bare day.
  func lexStartsDayMonth(_ k: Int) -> Bool {
    guard vocabulary.hasGrammar, let c = lexDayMonth(k, range: false),
      case .date(let spec) = c.meaning
    else { return false }
    return spec.month != nil && spec.day != nil
  }

  /// The word for "day" before a day of the month: "el día 13", "del día 3 de mayo", "dia 8 de
  /// março", "il giorno 5 maggio" (a day without its month is in the DCT's month, and needs an
  /// article or glue word before it: "am Tag 3 der Verhandlung" counts days).
  private func lexNamedDay(_ j: Int) -> Candidate? {
    guard let (u, ue) = at(lex.units, j), u == .day, at(lex.pluralUnits, j) == nil, sameLine(ue)
    else { return nil }
    let cued = j > 0 && (at(lex.articles, j - 1)?.end == j || at(lex.glue, j - 1)?.end == j)
    guard let c = lexDayAfterDayWord(ue, alone: cued) else { return nil }
    return Candidate(j, c.end, c.meaning)
  }

  /// A day of the month right after the word for "day", with its month when one follows; not
  /// a count ("día 3 horas"), a clock time or an amount. `alone`: also without its month.
  private func lexDayAfterDayWord(_ k: Int, alone: Bool = true) -> Candidate? {
    guard let n = number(k), tokens[k].digits <= 2, n >= 1, n <= 31, isStandaloneNumber(k),
      !inTableRow[k]
    else { return nil }
    if let c = lexDayMonth(k, range: false), case .date(let spec) = c.meaning, spec.day != nil {
      return c
    }
    guard alone, !lexIsUnit(k + 1), !isPunct(k + 1, ":"), !isAmount(after: k + 1) else {
      return nil
    }
    return Candidate(k, k + 1, .date(DateSpec(day: n)))
  }

  /// A day-first numeric date: "04/03/1993", "1.9.39", "25-05-94" (a two-digit year is read
  /// in the century that puts it within 1931–2030).
  private func lexNumericDate(_ j: Int) -> Candidate? {
    guard let d = number(j), tokens[j].digits <= 2, d >= 1, d <= 31 else { return nil }
    let sep = j + 1
    // A line of numbers is a table, unless it is a stamp with its time ("14.12.2009 07:41").
    let stamped = number(sep + 4) != nil && isPunct(sep + 5, ":") && tokens[sep + 5].isAttached
    if inTableRow[j], !stamped { return nil }
    guard sep + 3 < tokens.count, isPunct(sep, "/") || isPunct(sep, ".") || isPunct(sep, "-"),
      tokens[sep].isAttached,
      let m = number(sep + 1), tokens[sep + 1].digits <= 2, m >= 1, m <= 12,
      tokens[sep + 1].isAttached,
      tokens[sep + 2].text == tokens[sep].text, tokens[sep + 2].isAttached, let y = number(sep + 3),
      tokens[sep + 3].isAttached,
      tokens[sep + 3].digits == 2 || tokens[sep + 3].digits == 4
    else { return nil }
    // Not part of a longer number run ("1.2.3.4").
    if isPunct(sep + 4, tokens[sep].text), number(sep + 5) != nil, tokens[sep + 5].isAttached {
      return nil
    }
    let year = tokens[sep + 3].digits == 4 ? y : (y <= 30 ? 2000 + y : 1900 + y)
    return Candidate(j, sep + 4, .date(DateSpec(year: year, month: m, day: d)))
  }

  /// A two-digit year right after a month name that cannot be a day: "octobre 98", "marzo 93",
  /// "le 10 novembre 93" (32–99 → 1932–1999); not an amount ("mai 50 millions").
  private func lexShortYear(_ k: Int) -> (Int, Int)? {
    guard let y = number(k), tokens[k].digits == 2, y > 31, isStandaloneNumber(k), !inTableRow[k],
      at(lex.units, k + 1) == nil, !isAmount(after: k + 1), !isPunct(k + 1, ":"),
      !(isHyphen(k + 1) && tokens[k + 1].isAttached),
      !isPunct(k + 1, ",") || number(k + 2) == nil
    else { return nil }
    return (1900 + y, k + 1)
  }

  /// A two-digit year after an elided article or preposition: "nell'85", "l' 81", "dell'84"
  /// (read as 19xx or 20xx, whichever lies within 1931–2030).
  private func lexElidedYear(_ j: Int) -> Candidate? {
    guard j > 0, isPunct(j - 1, "'") || isPunct(j - 1, "’"), let y = number(j),
      tokens[j].digits == 2, isStandaloneNumber(j),
      !inTableRow[j], at(lex.units, j + 1) == nil, at(lex.months, j + 1) == nil,
      !isPunct(j + 1, ":")
    else { return nil }
    return Candidate(j, j + 1, .date(DateSpec(year: y <= 30 ? 2000 + y : 1900 + y)))
  }

  /// Whether an article, preposition, determiner or glue word ends right before `j` ("en été",
  /// "l'hiver", "im Sommer"), so that a bare season or part of day is not an ordinary word.
  private func lexCuedBefore(_ j: Int) -> Bool {
    for back in 1...3 where j - back >= 0 {
      let k = j - back
      for table in [lex.articles, lex.prepositions, lex.glue] where at(table, k)?.end == j {
        return true
      }
      if at(lex.determiners, k)?.end == j { return true }
    }
    return false
  }

  /// A weekday, alone or in apposition to a date: "Montag", "mercredi 3 avril", "samedi, le 6".
  private func lexWeekdayDate(_ j: Int) -> Candidate? {
    guard let (wd, we) = at(lex.weekdays, j) else { return nil }
    // Greek "τρίτη", "πέμπτη" are also ordinals: lowercase, they count.
    if !tokens[j].isCapitalized, let (_, oe) = at(lex.ordinals, j), oe >= we { return nil }
    var k = we
    if isPunct(k, ",") { k += 1 }
    var a = k
    if let (_, e) = at(lex.articles, a) { a = e }
    if sameLine(a), let c = lexDayMonth(a), case .date(var spec) = c.meaning {
      spec.weekday = wd
      return Candidate(j, c.end, .date(spec))
    }
    // "jeudi soir", "Dienstagabend" is written apart: "Dienstag Abend"; "sábado à noite",
    // "el sábado por la noche" with a preposition or article between.
    var p0 = we
    var skipped = 0
    while skipped < 2, sameLine(p0), at(lex.partsOfDay, p0) == nil,
      let (_, pe) = at(lex.prepositions, p0) ?? at(lex.articles, p0) ?? at(lex.glue, p0)
    {
      p0 = pe
      skipped += 1
    }
    if let (p, pe) = at(lex.partsOfDay, p0), sameLine(p0) {
      return Candidate(j, pe, .weekday(wd, offset: nil, time: "T" + p), type: "TIME")
    }
    return Candidate(j, we, .weekday(wd, offset: nil, time: nil))
  }

  /// Where a year after a month, season or quarter ending at `i` would start: past a comma
  /// (when `comma`) and one glue word ("Dezember, 2013", "mayo de 2025", "maggio del 1990").
  private func yearSlot(after i: Int, comma: Bool = true) -> Int {
    var k = i
    if comma && isPunct(k, ",") { k += 1 }
    if let (_, g) = at(lex.glue, k) { k = g }
    return k
  }

  /// Month with a year ("Dezember 2013", "mayo de 2025", "грудні 1957") or alone ("im März",
  /// "τον Νοέμβριο") when the name cannot be an ordinary word.
  private func lexMonthYear(_ j: Int) -> Candidate? {
    guard let (m, me) = at(lex.months, j) else { return nil }
    let k = yearSlot(after: me)
    if sameLine(k), let (y, ye, bc) = lexYear(k, strict: false), !bc {
      return Candidate(j, ye, .date(DateSpec(year: y, month: m)))
    }
    if sameLine(me), let (y, ye) = lexShortYear(me) {
      return Candidate(j, ye, .date(DateSpec(year: y, month: m)))
    }
    // "junho do ano passado", "im Mai letzten Jahres", "en mai de l'année dernière".
    if sameLine(k), let (o, e) = lexRelativeYear(at(lex.articles, k)?.end ?? k) {
      return Candidate(j, e, .date(DateSpec(yearOffset: o, month: m)))
    }
    // "τον Νοέμβριο του ίδιου έτους", "im Mai desselben Jahres": the year in focus.
    if sameLine(me), let e = lexSameYear(me) {
      return Candidate(j, e, .date(DateSpec(month: m)))
    }
    // Short names ("mai", "mar") read alone only with a capital in a language that capitalises.
    guard tokens[j].text.unicodeScalars.count >= 4 || tokens[j].isCapitalized else { return nil }
    return Candidate(j, me, .date(DateSpec(month: m)))
  }

  /// "letzten Jahres", "ano passado", "année dernière": a year unit with a -1/0/+1 determiner
  /// on either side: (offset, index after).
  private func lexRelativeYear(_ k: Int) -> (Int, Int)? {
    if let (d, e) = at(lex.determiners, k), let o = d.offset, let (u, ue) = at(lex.units, e),
      u == .year
    {
      return (o, ue)
    }
    if let (u, ue) = at(lex.units, k), u == .year, let (d, e) = at(lex.determiners, ue),
      let o = d.offset
    {
      return (o, e)
    }
    return nil
  }

  /// "του ίδιου έτους", "des gleichen Jahres", "de la même année", "того ж року": the year of
  /// the date in focus, after a month or day; the index after it.
  private func lexSameYear(_ k: Int) -> Int? { lexSame(.year, k) }

  /// "des selben Tages", "της ίδιας ημέρας": `unit` with a `same` determiner at `k`, after glue
  /// or an article; the index after it.
  private func lexSame(_ unit: TimeUnit, _ k: Int) -> Int? {
    var a = k
    if let (_, g) = at(lex.glue, a) { a = g }
    if let (_, e) = at(lex.articles, a) { a = e }
    if let (d, e) = at(lex.determiners, a), d == .same, let (u, ue) = at(lex.units, e), u == unit,
      sameLine(e)
    {
      return ue
    }
    if let (u, ue) = at(lex.units, a), u == unit, let (d, e) = at(lex.determiners, ue), d == .same,
      sameLine(ue)
    {
      return e
    }
    return nil
  }

  /// A year with its markers, or a BC year.
  private func lexYearExpression(_ j: Int) -> Candidate? {
    guard let (y, e, bc) = lexYear(j, strict: false) else { return nil }
    if e == j + 1, !bc {
      // A bare number is a year only with evidence: not an amount ("1300 miliardi", "da 1476
      // a 2134 milioni"); after 2100, or a round hundred before 1800 ("1200 танків"), only
      // after a preposition or article. (Histories write "1618 begann …": other early years
      // need no cue.)
      if isAmount(after: e) { return nil }
      if y > 2100 || (y < 1800 && y % 100 == 0),
        !(j > 0 && (at(lex.prepositions, j - 1)?.end == j || at(lex.articles, j - 1)?.end == j)),
        !startsYearRange(j, y)
      {
        return nil
      }
    }
    return Candidate(j, e, lexYearSpec(y, bc: bc))
  }

  /// "1990er (Jahre)", "1990-х", "années 1990", "anni '90", "δεκαετία 1890" → 199, 189.
  private func lexDecade(_ j: Int) -> Candidate? {
    var k = j
    var before = false
    if let (u, e) = at(lex.units, k), u == .decade || u == .year, sameLine(e) {
      k = e
      before = true
      // "década de 1970", "δεκαετία του 1890".
      if u == .decade, let (_, g) = at(lex.glue, k) { k = g }
      if isPunct(k, "'") || isPunct(k, "’") { k += 1 }
    }
    guard let y = number(k), tokens[k].digits == 4 || tokens[k].digits == 2, y % 10 == 0 else {
      return nil
    }
    let decade = tokens[k].digits == 4 ? y / 10 : 190 + y / 10
    var e = k + 1
    var suffixed = false
    var s = e
    if isHyphen(s), tokens[s].isAttached { s += 1 }
    if let (_, se) = at(lex.decadeSuffixes, s), tokens[s].isAttached {
      e = se
      suffixed = true
      if let (u, ue) = at(lex.units, e), u == .year || u == .decade, sameLine(e) { e = ue }
    }
    // "1970. aastatel", "1990. aastate": an ordinal year with a plural year unit.
    if !suffixed, !before, tokens[k].digits == 4, isPunct(e, "."), tokens[e].isAttached,
      sameLine(e + 1), let (u, ue) = at(lex.units, e + 1), u == .year,
      at(lex.pluralUnits, e + 1) != nil
    {
      return Candidate(j, ue, .date(DateSpec(decade: decade)))
    }
    // A plural unit before a year ("années 1990") or a suffix makes a decade; "Jahr 1990" does not.
    guard suffixed || (before && !lexIsYearSingular(j)) else { return nil }
    if before, tokens[k].digits == 4, !suffixed, lexYear(k, strict: true) == nil { return nil }
    return Candidate(j, e, .date(DateSpec(decade: decade)))
  }

  /// Whether the unit word at `j` is a year-before word ("Jahr", "année", "año"): a singular.
  private func lexIsYearSingular(_ j: Int) -> Bool { at(lex.yearBefore, j) != nil }

  /// "19. Jahrhundert", "XIXe siècle", "siglo XIX", "XIX століття", "20ός αιώνας" → 18.
  private func lexCentury(_ j: Int) -> Candidate? {
    if let (n, e) = lexCenturyNumber(j), let (u, ue) = at(lex.units, e), u == .century, sameLine(e)
    {
      return Candidate(j, ue, .date(DateSpec(century: n - 1)))
    }
    if let (u, ue) = at(lex.units, j), u == .century, sameLine(ue) {
      var k = ue
      if let (_, g) = at(lex.glue, k) { k = g }
      if let (n, e) = lexCenturyNumber(k) {
        return Candidate(j, e, .date(DateSpec(century: n - 1)))
      }
    }
    return nil
  }

  private func lexCenturyNumber(_ k: Int) -> (Int, Int)? {
    if let (n, e) = lexDay(k), n <= 21 { return (n, e) }
    guard let w = word(k) else { return nil }
    var value = 0
    var last = 1000
    var index = w.startIndex
    let numerals: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50]
    while index < w.endIndex, let v = numerals[w[index]] {
      if v > last { value += v - 2 * last } else { value += v }
      last = v
      index = w.index(after: index)
    }
    guard value >= 1, value <= 21, tokens[k].text.unicodeScalars.count <= 6 else { return nil }
    let rest = String(w[index...])
    if rest.isEmpty {
      return tokens[k].isCapitalized || tokens[k].text.count > 1 ? (value, k + 1) : nil
    }
    guard lex.ordinalSuffixes.match(Tokenizer.tokenize(rest), at: 0) != nil else { return nil }
    return (value, k + 1)
  }

  /// "Sommer 1942", "im Sommer", "l'hiver dernier" (by the determiner rule), "літа 1942".
  private func lexSeason(_ j: Int) -> Candidate? {
    guard let (s, se) = at(lex.seasons, j) else { return nil }
    let k = yearSlot(after: se, comma: false)
    if sameLine(k), let (y, ye, bc) = lexYear(k, strict: false), !bc {
      return Candidate(j, ye, .date(DateSpec(year: y, season: s)))
    }
    guard lexCuedBefore(j) || tokens[j].isCapitalized && j > 0 && !isPunct(j - 1, ".") else {
      return nil
    }
    return Candidate(j, se, .date(DateSpec(season: s)))
  }

  /// A quarter or half of a year: "terceiro trimestre de 1990" (1990-Q3), "im dritten Quartal"
  /// (the latest third quarter), "le 1er semestre de l'année dernière", "il secondo trimestre
  /// di quest'anno"; and "no trimestre", "im Quartal": the latest quarter, as the financial
  /// news it comes from means it ("the quarter").
  private func lexQuarter(_ j: Int) -> Candidate? {
    var ordinal: (Int, Int)?
    if let (n, e) = at(lex.ordinals, j) {
      ordinal = (n, e)
    } else if number(j) != nil, tokens[j].digits == 1, let (n, e) = lexDay(j), e > j + 1 {
      // "3º trimestre", "3. Quartal", "1er semestre": a digit with its ordinal mark.
      ordinal = (n, e)
    }
    guard let (n, oe) = ordinal else {
      guard let (u, ue) = at(lex.units, j), u == .quarter, at(lex.pluralUnits, j) == nil,
        j > 0, at(lex.articles, j - 1)?.end == j || at(lex.prepositions, j - 1)?.end == j
      else { return nil }
      return Candidate(j, ue, .latestQuarter(yearOffset: 0))
    }
    guard sameLine(oe), let (u, ue) = at(lex.units, oe), u == .quarter || u == .half,
      at(lex.pluralUnits, oe) == nil, n >= 1, n <= (u == .quarter ? 4 : 2)
    else { return nil }
    var spec = u == .quarter ? DateSpec(quarter: n) : DateSpec(half: n)
    var end = ue
    let k = yearSlot(after: ue)
    if sameLine(k), let (y, ye, bc) = lexYear(k, strict: false), !bc {
      spec.year = y
      end = ye
    } else if sameLine(k), let (o, re) = lexRelativeYear(at(lex.articles, k)?.end ?? k) {
      // "do ano passado", "de l'année dernière", "des laufenden Jahres".
      spec.yearOffset = o
      end = re
    }
    return Candidate(j, end, .date(spec))
  }

  /// A plural unit right after a preposition: an open stretch, as English "for years" (PXY):
  /// "da anni", "durante años", "seit Jahren", "há anos" (the unit alone is the span).
  private func lexOpenUnits(_ j: Int) -> Candidate? {
    guard j > 0, at(lex.prepositions, j - 1)?.end == j, at(lex.pluralUnits, j) != nil,
      let (u, e) = at(lex.units, j), u >= .day
    else { return nil }
    return Candidate(j, e, .literal(u == .decade ? "PXY" : u.duration(nil)), type: "DURATION")
  }

  /// The period a report compares with: "o período homólogo do ano passado", "le même
  /// trimestre de l'année précédente", "dello stesso periodo dell'anno scorso" (the quarter in
  /// focus a year before, or the latest quarter a year before when none is); "el mismo
  /// periodo de 1988" (the latest quarter in 1988).
  private func lexSamePeriod(_ j: Int) -> Candidate? {
    guard let (_, e) = at(lex.samePeriods, j), sameLine(e) else { return nil }
    var k = e
    if let (_, g) = at(lex.glue, k) { k = g }
    if let (_, a) = at(lex.articles, k) { k = a }
    guard sameLine(k) else { return nil }
    if let (o, re) = lexRelativeYear(k), o == -1 {
      return Candidate(j, re, .shift(.year, -1, origin: .focusQuarter, time: nil))
    }
    if let (y, ye, bc) = lexYear(k, strict: true), !bc {
      return Candidate(j, ye, .latestQuarter(yearOffset: 0, year: y))
    }
    return nil
  }

  /// A part of the day on the DCT's day: "Abends", "la soirée", "вдень".
  private func lexPartOfDay(_ j: Int) -> Candidate? {
    guard let (p, e) = at(lex.partsOfDay, j),
      lexCuedBefore(j) || e - j > 1 || tokens[j].text.unicodeScalars.count >= 6
    else { return nil }
    // "Am Abend desselben Tages", "το βράδυ της ίδιας ημέρας": that day of the story.
    if sameLine(e), let se = lexSame(.day, e) {
      return Candidate(j, se, .shift(.day, 0, origin: .narrative, time: "T" + p), type: "TIME")
    }
    // "la noche del viernes", "meio-dia de sábado", "la mattina di lunedì": that weekday's.
    if let (_, g) = at(lex.glue, e), sameLine(e) {
      let k = at(lex.articles, g)?.end ?? g
      if sameLine(k), let (wd, we) = at(lex.weekdays, k) {
        return Candidate(j, we, .weekday(wd, offset: nil, time: "T" + p), type: "TIME")
      }
      // "la mañana de ayer", "la sera di ieri", "a tarde de ontem": that day word's.
      if sameLine(k), let (n, de) = lexDayWord(k) {
        return Candidate(j, de, .shift(.day, n, origin: .dct, time: "T" + p), type: "TIME")
      }
      // "am Abend des 22. Juni 1940", "la nuit du 4 août", "la mañana del 3 de mayo": that
      // date's.
      if sameLine(k), let c = lexDayMonth(k, range: false), case .date(var spec) = c.meaning,
        spec.day != nil, spec.time == nil
      {
        spec.time = "T" + p
        return Candidate(j, c.end, .date(spec), type: "TIME")
      }
    }
    return Candidate(j, e, .shift(.day, 0, origin: .dct, time: "T" + p), type: "TIME")
  }

  /// A holiday with its calendar rule, optionally with a year: "Weihnachten", "Pâques 2002".
  private func lexHolidayExpression(_ j: Int) -> Candidate? {
    guard let (h, e) = at(lex.holidays, j) else { return nil }
    var spec = DateSpec(holiday: h)
    var end = e
    if sameLine(e), let (y, ye, bc) = lexYear(e, strict: true), !bc {
      spec.year = y
      end = ye
    }
    return Candidate(j, end, .date(spec))
  }

  /// A clock time: "18 Uhr", "20.15 Uhr", "20 h 15", "13:30", "kell 19.08".
  private func lexClock(_ j: Int, chain: Int = 4) -> Candidate? {
    var k = j
    var cued = false
    if let (_, e) = at(lex.clockBefore, k), sameLine(e) {
      k = e
      cued = true
    }
    var h: Int
    var e: Int
    if let n = number(k), tokens[k].digits <= 2, n <= 24 {
      h = n
      e = k + 1
    } else if let (n, ne) = at(lex.numbers, k), n <= 24, cued || at(lex.clockAfter, ne) != nil {
      // "neun Uhr", "cinq heures", "kell seitse".
      h = n
      e = ne
    } else {
      return nil
    }
    var minute: Int?
    if number(k) != nil, isPunct(e, ":") || isPunct(e, "."), tokens[e].isAttached,
      let m = number(e + 1), tokens[e + 1].digits == 2, m < 60,
      tokens[e + 1].isAttached
    {
      minute = m
      e += 2
    }
    if let (_, ce) = at(lex.clockAfter, e), sameLine(e) {
      e = ce
      cued = true
      // "20 h 15", "15 horas 30".
      if minute == nil, let m = number(e), tokens[e].digits == 2, m < 60, sameLine(e) {
        minute = m
        e += 1
      }
    } else if minute != nil, isPunct(k + 1, ":") {
      cued = true
    }
    // "las 11 de la mañana", "às 3 da tarde", "alle 9 di sera": the hour with its part of the
    // day, in the afternoon or evening twelve hours on.
    if let (_, g) = at(lex.glue, e), sameLine(e), h <= 12 {
      let p0 = at(lex.articles, g)?.end ?? g
      if sameLine(p0), let (part, pe) = at(lex.partsOfDay, p0), part.count == 2 {
        if ["AF", "EV", "NI"].contains(part), h >= 1, h < 12, part != "NI" || h >= 6 { h += 12 }
        e = pe
        cued = true
      }
    } else if cued, h <= 12, sameLine(e), let (part, pe) = at(lex.partsOfDay, e), part.count == 2 {
      // "kell 7 hommikul", "um 8 Uhr abends": the part of the day right after the hour.
      if ["AF", "EV", "NI"].contains(part), h >= 1, h < 12, part != "NI" || h >= 6 { h += 12 }
      e = pe
    }
    // "von 14.30-18 Uhr", "13.00 und 17.45 Uhr", "de 9 à 12 h": the first hour of a range
    // takes the cue of the last (a few links at most: "8.30-12 und 14.30-16.30 Uhr"), but not
    // a count of hours ("entre 3 y 5 horas").
    if !cued, chain > 0, number(k) != nil, e < tokens.count, sameLine(e) {
      let r =
        at(lex.rangeWords, e)?.end
        ?? (isPunct(e, "-") || isPunct(e, "–") || isPunct(e, "/") ? e + 1 : nil)
      if let r, sameLine(r), number(r) != nil, tokens[r].digits <= 2, !lexIsUnit(r + 1),
        let last = lexClock(r, chain: chain - 1), !isAmount(after: last.end),
        !(isPunct(last.end, ":") && tokens[last.end].isAttached && number(last.end + 1) != nil)
      {
        cued = true
      }
    }
    guard cued else { return nil }
    // "13:00 GMT", "las 8:30 UTC": Coordinated Universal Time, ISO 8601's "Z".
    var zone = ""
    if isWord(e, "gmt") || isWord(e, "utc"), sameLine(e) {
      e += 1
      zone = "Z"
    } else if e > k, isWord(e - 1, "gmt") || isWord(e - 1, "utc") {
      zone = "Z"
    }
    let time = "T\(TimexFormat.two(h)):\(TimexFormat.two(minute ?? 0))" + zone
    if h < 24, let day = lexDayOfClock(after: e, j, time) { return day }
    // The day is the one last mentioned ("dimanche … à 14 h"), else the DCT's.
    return Candidate(j, e, .shift(.day, 0, origin: .narrative, time: time), type: "TIME")
  }

  /// The day a clock time ending at `e` belongs to, named after it: "las 10 de la noche del
  /// miércoles", "17h de 6 de novembro", "alle 16 di ieri" (after the language's glue), "4 h
  /// mardi", "vers 15 h 30, hier" (directly or after a comma, as French writes it).
  private func lexDayOfClock(after e: Int, _ j: Int, _ time: String) -> Candidate? {
    var k = e
    var glued = false
    if let (_, g) = at(lex.glue, k), sameLine(k) {
      k = at(lex.articles, g)?.end ?? g
      glued = true
    } else if isPunct(k, ",") {
      k += 1
    }
    guard sameLine(k), k < tokens.count else { return nil }
    if let (wd, we) = at(lex.weekdays, k) {
      return Candidate(j, we, .weekday(wd, offset: nil, time: time), type: "TIME")
    }
    if let (n, de) = lexDayWord(k) {
      return Candidate(j, de, .shift(.day, n, origin: .dct, time: time), type: "TIME")
    }
    if glued, let c = lexDayMonth(k, range: false), case .date(var spec) = c.meaning,
      spec.day != nil, spec.time == nil
    {
      spec.time = time
      return Candidate(j, c.end, .date(spec), type: "TIME")
    }
    return nil
  }

  /// A word for a day counted from the DCT at `k` ("ayer", "hier", "ieri", "ontem": -1),
  /// from the lexicon's `day±n` phrases without a part of the day.
  private func lexDayWord(_ k: Int) -> (Int, Int)? {
    guard let (m, e) = at(lex.phrases, k), case .shift(.day, let n, false, nil) = m else {
      return nil
    }
    return (n, e)
  }
}
