/// Finds temporal expressions in a token stream: English rules following the TimeML /
/// TempEval-3 extent conventions ("the late 1990s" whole, determiners included), plus the CLDR
/// vocabulary of other languages (`Vocabulary`).
///
/// At each token that can start an expression every rule is tried and the longest match wins;
/// the scan then continues after it. Rules are spread over `Grammar+*.swift` by concept.
struct Grammar {
  let tokens: [Token]
  /// The vocabulary, shared with the resolver's cache (`vocabulary` borrows it).
  let shared: SharedVocabulary
  /// The language's words beyond the English core, borrowed from `shared` without a copy.
  var vocabulary: Vocabulary {
    _read { yield shared.vocabulary }
  }
  /// The `Vocabulary.WordClass` of each token (empty for numbers, punctuation and words in no
  /// table): a word without a class is in none of the English tables (`EnglishTriggers.words`).
  let classes: [Vocabulary.WordClass]
  /// Whether each token is on a line of a table (`Grammar.tableRows`): there a number is a
  /// price, a quote or a time, not a year.
  let inTableRow: [Bool]
  /// For languages with a `date-grammar` lexicon: which of its tables each token can start an
  /// entry of (`Vocabulary.grammarMask`); empty otherwise.
  let lexMasks: [UInt64]
  /// The index of the last English unit word ("year", "days"; `EnglishTables.units`), -1 if
  /// none: every duration or counted shift of `durationOrShift` ends in one after its start,
  /// so past it that rule is not tried.
  let lastUnitWord: Int
  /// The index of the last "quarter", "half" or "period", -1 if none: `quarterOrHalf` needs
  /// one at or after its start.
  let lastQuarterWord: Int

  init(tokens: [Token], vocabulary shared: SharedVocabulary) {
    self.tokens = tokens
    self.shared = shared
    // Loops over indexes rather than `map`: no copy of each token.
    var classes = [Vocabulary.WordClass](repeating: [], count: tokens.count)
    var lastUnitWord = -1
    var lastQuarterWord = -1
    for k in tokens.indices where tokens[k].kind == .word || tokens[k].kind == .ideograph {
      let c = shared.vocabulary.wordClass(ofTokenAt: k, in: tokens)
      classes[k] = c
      // Unit words, "quarter", "half" and "period" are English triggers or heads: all have a class.
      guard !c.isEmpty else { continue }
      if EnglishTables.units.value(ofTokenAt: k, in: tokens) != nil { lastUnitWord = k }
      if tokens[k].hasText(nfc: "quarter") || tokens[k].hasText(nfc: "half")
        || tokens[k].hasText(nfc: "period")
      {
        lastQuarterWord = k
      }
    }
    self.classes = classes
    self.lastUnitWord = lastUnitWord
    self.lastQuarterWord = lastQuarterWord
    inTableRow = Self.tableRows(tokens)
    if shared.vocabulary.hasGrammar {
      var masks = [UInt64](repeating: 0, count: tokens.count)
      for k in tokens.indices {
        masks[k] = shared.vocabulary.grammarMask(ofTokenAt: k, in: tokens)
      }
      lexMasks = masks
    } else {
      lexMasks = []
    }
  }

  /// Marks the tokens of table lines: no fewer numbers than words, and at least three numbers
  /// or two numbers side by side ("CAN 2.1190/1220 DKR 11.1180/1330", "May 1285 1292"), unlike
  /// a line of prose ("released at 1630 EST (2130 GMT) on March 2, 1987") or a dateline
  /// ("March 2, 1987").
  static func tableRows(_ tokens: [Token]) -> [Bool] {
    var rows = [Bool](repeating: false, count: tokens.count)
    var start = 0
    while start < tokens.count {
      var end = start + 1
      while end < tokens.count, tokens[end].newlinesBefore == 0 { end += 1 }
      var numbers = 0
      var words = 0
      var sideBySide = false
      for k in start..<end {
        let kind = tokens[k].kind
        if kind == .number {
          numbers += 1
          if k > start, tokens[k - 1].kind == .number, tokens[k].spaceBefore { sideBySide = true }
        } else if kind == .word || kind == .ideograph {
          words += 1
        }
      }
      if numbers >= words && (numbers >= 3 || sideBySide) {
        for k in start..<end { rows[k] = true }
      }
      start = end
    }
    return rows
  }

  /// All candidates in text order, without overlaps.
  func candidates() -> [Candidate] {
    var out: [Candidate] = []
    var i = 0
    let n = tokens.count
    while i < n {
      guard isTrigger(i) else {
        i += 1
        continue
      }
      if let best = longest(at: i) {
        if isInQuotedTitle(best) {
          i = best.end
          continue
        }
        out.append(approximated(leavingDeterminerToNoun(best), after: out.last?.end ?? 0))
        // "between May 23rd and 25th", "1950–1953": a second bare member of a range.
        if let second = rangeTail(after: best) {
          out.append(second)
          i = second.end
        } else {
          i = max(best.end, i + 1)
        }
      } else {
        i += 1
      }
    }
    return out
  }

  /// Cheap test: can an expression start at token `i`?
  @inline(__always) func isTrigger(_ i: Int) -> Bool {
    switch tokens[i].kind {
    case .number: return true
    case .punctuation: return tokens[i].hasText(nfc: "'") || tokens[i].hasText(nfc: "’")
    case .word, .ideograph:
      let c = classes[i]
      // "XIXe siècle", "siglo XIX": a capitalised Roman numeral may start a century.
      guard c.contains(.trigger) else {
        return vocabulary.hasGrammar && tokens[i].isCapitalized
          && Self.mayBeRoman(tokens.text(at: i))
      }
      // Function words ("the", "in", "a", "last") start an expression only before a head.
      guard c.contains(.prefixOnly) else { return true }
      var k = i + 1
      while k < tokens.count, k <= i + 4 {
        if tokens[k].kind == .number || classes[k].contains(.head) { return true }
        k += 1
      }
      return false
    }
  }

  /// Whether a word starts with a Roman numeral letter and is short enough to be one ("xix", "xviiie").
  @inline(__always) static func mayBeRoman(_ w: String) -> Bool {
    guard let f = w.utf8.first, f == 0x69 || f == 0x76 || f == 0x78 || f == 0x6C else {
      return false
    }
    return w.utf8.count <= 7
  }

  /// The longest candidate starting at `i`. Only the rules that can start at the token's kind
  /// are tried (`RuleStarts`); the others would find nothing there.
  func longest(at i: Int) -> Candidate? {
    longest(at: i, trying: ruleStarts(at: i))
  }

  /// The longest candidate of the rules in `rules` starting at `i`; on ties the earlier rule wins.
  func longest(at i: Int, trying rules: RuleStarts) -> Candidate? {
    var best: Candidate?
    func consider(_ c: Candidate?) {
      guard let c, c.end > c.start else { return }
      if c.end > (best?.end ?? Int.min) { best = c }
    }
    if vocabulary.hasGrammar { consider(lexicalExpression(i)) }
    if rules.contains(.calendar) { consider(modifiedExpression(i)) }
    if rules.contains(.relative) { consider(relativeExpression(i)) }
    if rules.contains(.duration) { consider(durationOrShift(i)) }
    if rules.contains(.referenceOrSet) { consider(referenceOrSet(i)) }
    if rules.contains(.time) { consider(timeExpression(i)) }
    consider(multilingualExpression(i))
    return best
  }

  // MARK: Token helpers

  @inline(__always) func word(_ i: Int) -> String? {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return nil
    }
    return tokens.text(at: i)
  }

  /// The word at `i` if it has a word class: only such words can be keys of the English tables
  /// (`EnglishWords.months`, `.units`, `.ordinals`, …), so others skip the lookup.
  func lexical(_ i: Int) -> String? {
    guard i >= 0, i < tokens.count, !classes[i].isEmpty else { return nil }
    return word(i)
  }

  /// The value of the word at `i` in one of the English tables (`EnglishTables`), for a word
  /// with a word class only (as `lexical(i)`): `lexicalValue(i, in: EnglishTables.months)`.
  @inline(__always) func lexicalValue<Value>(_ i: Int, in table: WordHash.Table<Value>) -> Value? {
    guard i >= 0, i < tokens.count, !classes[i].isEmpty else { return nil }
    return table.value(ofTokenAt: i, in: tokens)
  }

  /// Whether token `i` is the word `w`, a word in NFC such as a code literal (compared in
  /// place, without copying the token's text; a plain token of another length answers at once,
  /// `Token.hasText(nfc:)`).
  @inline(__always) func isWord(_ i: Int, _ w: String) -> Bool {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return false
    }
    return tokens[i].hasText(nfc: w)
  }

  func isWord(_ i: Int, in set: Set<String>) -> Bool {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return false
    }
    return set.contains(tokens.text(at: i))
  }

  /// Whether token `i` is one of the words of `table` (looked up by the token's hash).
  @inline(__always) func isWord(_ i: Int, in table: WordHash.Table<Bool>) -> Bool {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return false
    }
    return table.value(ofTokenAt: i, in: tokens) != nil
  }

  /// The value of the word at `i` in `table` (looked up by the token's hash), as
  /// `word(i).flatMap { dictionary[$0] }` would give it.
  @inline(__always) func value<Value>(_ i: Int, in table: WordHash.Table<Value>) -> Value? {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return nil
    }
    return table.value(ofTokenAt: i, in: tokens)
  }

  @inline(__always) func isPunct(_ i: Int, _ p: String) -> Bool {
    guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
    // One byte is ASCII, so in NFC: compared by bytes (`Token.hasText(nfc:)`).
    return p.utf8.count == 1 ? tokens[i].hasText(nfc: p) : tokens.text(at: i) == p
  }

  func isHyphen(_ i: Int) -> Bool {
    guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
    let t = tokens[i]
    return t.hasText(nfc: "-") || t.hasText(nfc: "‐") || t.hasText(nfc: "‑")
      || t.hasText(nfc: "–") || t.hasText(nfc: "—")
  }

  @inline(__always) func number(_ i: Int) -> Int? {
    guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].number >= 0 else {
      return nil
    }
    return tokens[i].number
  }

  /// Whether token `i` continues the previous token without a line break.
  @inline(__always) func sameLine(_ i: Int) -> Bool {
    i < tokens.count && tokens[i].newlinesBefore == 0
  }

  /// A number token not glued to a bigger number ("1,000", "3.5", "$1990").
  func isStandaloneNumber(_ i: Int) -> Bool {
    guard number(i) != nil else { return false }
    if i + 2 < tokens.count, tokens[i + 1].isAttached, tokens[i + 2].isAttached,
      tokens[i + 2].kind == .number,
      isPunct(i + 1, ",") || isPunct(i + 1, ".")
    {
      return false
    }
    if i >= 2, tokens[i].isAttached, tokens[i - 1].isAttached, tokens[i - 2].kind == .number,
      isPunct(i - 1, ",") || isPunct(i - 1, ".")
    {
      return false
    }
    if i >= 1, tokens[i].isAttached, tokens[i - 1].kind == .punctuation {
      switch tokens.text(at: i - 1) {
      case "$", "£", "€", "¥", "#": return false
      default: break
      }
    }
    if i + 1 < tokens.count, tokens[i + 1].isAttached, isPunct(i + 1, "%") { return false }
    return true
  }

  /// Skips an abbreviation period ("Sept." "Aug.").
  func skipPeriod(_ i: Int) -> Int { isPunct(i, ".") && tokens[i].isAttached ? i + 1 : i }

  // MARK: Vocabulary lookups

  /// A month name at `i`: (month, index after it). `strict` requires a form that cannot be an
  /// ordinary word ("May" capitalised, not "may"; no bare "mar", "sun").
  func month(_ i: Int, needsContext: Bool) -> (Int, Int)? {
    guard let w = word(i) else { return nil }
    if let m = lexicalValue(i, in: EnglishTables.months) {
      if EnglishWords.weakMonths.contains(w) {
        guard tokens[i].isCapitalized else { return nil }
        if needsContext && (w == "may" || w == "march") { return nil }
        if w.count <= 4 && w != "may" && w != "june" && w != "july" {
          // Abbreviations: "Aug." or "Aug" before a number.
          if isPunct(i + 1, ".") { return (m, i + 2) }
          if needsContext { return nil }
          // "Jan Kavan", "Jan Egeland": a first name before a capitalised word, not January.
          if i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalized,
            sameLine(i + 1)
          {
            return nil
          }
          return (m, i + 1)
        }
      }
      return (
        m, w.count <= 4 && w != "may" && w != "june" && w != "july" ? skipPeriod(i + 1) : i + 1
      )
    }
    if let m = vocabulary.monthsByToken.value(ofTokenAt: i, in: tokens) {
      let isWide = vocabulary.standaloneMonths.contains(w)
      if needsContext && !isWide { return nil }
      // A foreign month name needs a number beside it ("27 maggio", "мая 2025").
      if !isWide, number(i - 1) == nil, number(skipPeriod(i + 1)) == nil { return nil }
      return (m, isWide ? i + 1 : skipPeriod(i + 1))
    }
    return nil
  }

  /// A weekday name at `i`: (ISO weekday, index after it).
  func weekday(_ i: Int) -> (Int, Int)? {
    guard let w = word(i) else { return nil }
    if let d = lexicalValue(i, in: EnglishTables.weekdays) {
      if EnglishWords.weekdayAbbreviations.contains(w) {
        guard tokens[i].isCapitalized, isPunct(i + 1, ".") else { return nil }
        return (d, i + 2)
      }
      return (d, i + 1)
    }
    // Only an abbreviation takes its period ("Di.", not the full stop after "dimanche.").
    if let d = vocabulary.weekdaysByToken.value(ofTokenAt: i, in: tokens) {
      // Greek "τρίτη" is also "third": lowercase, it is the ordinal.
      if vocabulary.hasGrammar, !tokens[i].isCapitalized,
        let (_, e) = vocabulary.grammar.ordinals.match(tokens, at: i), e > i
      {
        return nil
      }
      return (d, w.unicodeScalars.count <= 4 ? skipPeriod(i + 1) : i + 1)
    }
    return nil
  }

  /// A day of month at `i`: "27", "27th", "3rd" (1–31) and the index after it.
  func dayOfMonth(_ i: Int) -> (Int, Int)? {
    if isGluedInTable(i) { return nil }
    guard let d = number(i), tokens[i].digits <= 2, d >= 1, d <= 31 else {
      if let o = lexicalValue(i, in: EnglishTables.ordinals), o >= 1 { return (o, i + 1) }
      return nil
    }
    if let w = word(i + 1), EnglishWords.ordinalSuffixes.contains(w), tokens[i + 1].isAttached {
      return (d, i + 2)
    }
    if word(i + 1) == "th" || word(i + 1) == "st" { return nil }
    return (d, i + 1)
  }

  /// A day number that may be out of range ("32 January"): for impossible-date findings.
  func rawDay(_ i: Int) -> (Int, Int)? {
    guard let d = number(i), tokens[i].digits <= 2, d >= 1, !isGluedInTable(i) else { return nil }
    if let w = word(i + 1), EnglishWords.ordinalSuffixes.contains(w), tokens[i + 1].isAttached {
      return (d, i + 2)
    }
    return (d, i + 1)
  }

  /// A number glued to what comes before it on a table line: the contract month "MAY7" (May
  /// 1987) or a fraction "1/4" in a quote table, never a day.
  func isGluedInTable(_ i: Int) -> Bool {
    i < tokens.count && inTableRow[i] && tokens[i].isAttached
  }

  /// The year that may follow a written day at `i`, after a comma or not ("Aug. 7, 1998",
  /// "6 March 2000"): the year and the end of the span, or nil when none follows.
  func trailingYear(_ i: Int) -> (Int, Int)? {
    if isPunct(i, ","), let found = year(i + 1) { return found }
    return year(i)
  }

  /// A four-digit year (1000–2199, or any 4 digits when `loose`) at `i`.
  func year(_ i: Int, loose: Bool = false) -> (Int, Int)? {
    if let spelled = spelledYear(i) { return spelled }
    // On a table line only a cued number is a year ("from 12,143 in 1985, Austria 6,048").
    guard let y = number(i), tokens[i].digits == 4,
      !inTableRow[i] || isWord(i - 1, in: Self.yearCues), isStandaloneNumber(i)
    else {
      return nil
    }
    if !loose && (y < 1000 || y > 2199) { return nil }
    // "from 1800 to 2100 hrs Chicago time": both ends are clock times.
    if isClockRangeHead(i) { return nil }
    // "1990s" is a decade, "1990-91" handled by ranges.
    if let w = word(i + 1), tokens[i + 1].isAttached, w == "s" { return nil }
    // "1145/1150" is a bid and an offer; "1985/6", "1990/91" and "2024/2025" are seasons.
    if isPunct(i + 1, "/"), tokens[i + 1].isAttached, let z = number(i + 2),
      tokens[i + 2].isAttached,
      z != y + 1, z != (y + 1) % 100, z != (y + 1) % 10
    {
      return nil
    }
    return (y, i + 1)
  }

  /// A year in words, as broadcast transcripts write it: "nineteen ninety-six", "two
  /// thousand", "two thousand one".
  func spelledYear(_ i: Int) -> (Int, Int)? {
    guard let w = tokenWord(i) else { return nil }
    if w == "two", isWord(i + 1, "thousand") {
      var k = i + 2
      if isWord(k, "and") { k += 1 }
      if let u = lexical(k).flatMap({ EnglishWords.numberWords[$0] }), u >= 1, u <= 19,
        word(k) != "a", word(k) != "an"
      {
        return (2000 + u, k + 1)
      }
      return (2000, i + 2)
    }
    let c: Int
    switch w {
    case "eighteen": c = 18
    case "nineteen": c = 19
    default: return nil
    }
    guard let w2 = lexical(i + 1), var tail = EnglishWords.numberWords[w2], tail >= 10, tail < 100
    else { return nil }
    var k = i + 2
    if tail >= 20, isHyphen(k), let w3 = lexical(k + 1), let u = EnglishWords.numberWords[w3],
      u < 10, w3 != "a", w3 != "an"
    {
      tail += u
      k += 2
    }
    return (c * 100 + tail, k)
  }

  /// A count: digits, number words ("twenty-five"), "a"/"an", or vague ("several") as nil.
  /// Returns (count or nil for vague, index after, whether it was vague).
  func count(_ i: Int) -> (Int?, Int)? {
    if let n = number(i), tokens[i].digits <= 3, isStandaloneNumber(i) {
      // "12 to 18 months": keep the range vague.
      if isWord(i + 1, "to") || isHyphen(i + 1) || isWord(i + 1, "or"), number(i + 2) != nil {
        return (nil, i + 3)
      }
      return (n, i + 1)
    }
    guard let w = word(i) else { return nil }
    if w == "a" || w == "an" {
      if isWord(i + 1, "few") { return (nil, i + 2) }
      if isWord(i + 1, "couple") { return (2, isWord(i + 2, "of") ? i + 3 : i + 2) }
      if isWord(i + 1, "half") { return nil }
      return (1, i + 1)
    }
    if !classes[i].isEmpty, EnglishWords.vagueCounts.contains(w) { return (nil, i + 1) }
    if w == "couple", isWord(i + 1, "of") { return (2, i + 2) }
    if var n = lexicalValue(i, in: EnglishTables.numberWords) {
      var j = i + 1
      if n >= 20 && n < 100, isHyphen(j), let w2 = lexical(j + 1),
        let u = EnglishWords.numberWords[w2], u < 10
      {
        n += u
        j += 2
      } else if n >= 20 && n < 100, n % 10 == 0, sameLine(j), let w2 = lexical(j),
        let u = EnglishWords.numberWords[w2], u >= 1, u < 10, w2 != "a", w2 != "an"
      {
        // "twenty four hours", as transcripts write it.
        n += u
        j += 1
      }
      if isWord(j, "hundred") {
        n *= 100
        j += 1
      }
      return (n, j)
    }
    return nil
  }

  /// A unit word at `i`, English or from the vocabulary: (unit, index after, plural).
  func unit(_ i: Int) -> (TimeUnit, Int, Bool)? {
    guard let u = lexicalValue(i, in: EnglishTables.units), let w = word(i) else { return nil }
    return (u, i + 1, w.hasSuffix("s"))
  }
}

/// Words that may start an English expression (anything else is skipped at once).
enum EnglishTriggers {
  /// Triggers that only modify a following head ("the", "in", "last", "about").
  static let prefixOnly: Set<String> = [
    "the", "in", "for", "at", "a", "an", "about", "around", "roughly", "approximately", "over",
    "under", "more",
    "less", "all", "up", "since", "until", "within", "once", "this", "that", "these", "those",
    "each", "every",
    "per", "some", "many", "several", "few", "multiple", "numerous", "countless", "last", "next",
    "previous",
    "coming", "following", "latest", "early", "late", "mid", "middle", "beginning", "start", "new",
    "fiscal",
    "nearly", "almost", "couple", "earlier", "later", "independence", "labor", "memorial",
    "election", "valentine", "final",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh",
    "twelfth", "full",
  ]

  /// Triggers that can carry an expression: every trigger that is not only a modifier, and
  /// the modifiers that can also stand alone ("the past", "the future").
  static let heads: Set<String> = words.subtracting(prefixOnly).union([
    "past", "future", "present", "end", "half", "period", "term", "s",
  ])

  static let words: Set<String> = {
    var s = Set<String>()
    s.formUnion(EnglishWords.months.keys)
    s.formUnion(EnglishWords.weekdays.keys)
    s.formUnion(EnglishWords.pluralWeekdays.keys)
    s.formUnion(EnglishWords.units.keys)
    s.formUnion(EnglishWords.numberWords.keys)
    s.formUnion(EnglishWords.vagueCounts)
    s.formUnion(EnglishWords.ordinals.keys)
    s.formUnion(EnglishWords.seasons.keys)
    s.formUnion(EnglishWords.partsOfDay.keys)
    s.formUnion(EnglishWords.decadeWords.keys)
    s.formUnion(EnglishWords.mods.keys)
    s.formUnion(EnglishWords.refs.keys)
    s.formUnion(EnglishWords.setAdverbs.keys)
    s.formUnion(EnglishWords.holidays.keys)
    s.formUnion([
      "the", "this", "that", "last", "next", "past", "previous", "coming", "latest", "fiscal",
      "today", "yesterday",
      "tomorrow", "tonight", "earlier", "later", "every", "each", "per", "future", "present",
      "noon", "midnight",
      "midday", "year", "new", "couple", "these", "those", "mid", "end", "year", "independence",
      "labor", "memorial", "election",
      "valentine", "christmas", "within", "once", "all", "over", "since", "until", "up", "nearly",
      "almost",
      "about", "around", "roughly", "approximately", "under", "more", "less", "at", "for", "in",
      "these", "weekend",
      "recent", "full", "same",
    ])
    return s
  }()
}
