import NormalizeCore

/// Resolves the grammar's candidates in text order, carrying the narrative (last date, year
/// moved to) and the tense of each sentence, and turns them into `TemporalMention`s and
/// findings.
struct MentionBuilder {
  let text: String
  let tokens: [Token]
  let dct: CivilDate?
  /// Tense words of the document's language beyond English ("wird", "sera", "fue"), from its
  /// `date-grammar` lexicon.
  var pastMarkers: Set<String> = []
  var futureMarkers: Set<String> = []
  /// Present-tense endings that tell what is ahead in a language without a future tense
  /// (Estonian "toimub", "kohtuvad", "avatakse"), from the lexicon's `future-ending` slot.
  var futureEndings: Set<String> = []
  /// Words before a year that make it an aside of a history ("seit", "bis", "von"), from the
  /// `date-grammar` lexicon's `aside-before` slot.
  var asideMarkers: Set<String> = []
  /// Prepositions before a year that make it a move of the story however far it jumps ("en
  /// 1915", "В 2020 году"), from the lexicon's one-word `preposition`s.
  var yearCues: Set<String> = []
  /// Every word of the English tense markers, `pastMarkers` and `futureMarkers`, as a filter on
  /// token hashes (`markerFilter(past:future:)`); nil: every word is looked up.
  var markerFilter: WordHash.Filter? = Self.englishMarkerFilter

  /// The filter for the English tense markers alone.
  static let englishMarkerFilter = markerFilter(past: [], future: [])

  /// A filter holding the English tense markers and `past` and `future`, or nil when a word is
  /// not in NFC (a plain token could then equal it with other bytes).
  static func markerFilter(past: Set<String>, future: Set<String>) -> WordHash.Filter? {
    var filter = WordHash.Filter()
    for set in [
      EnglishWords.futureMarkers, EnglishWords.pastMarkers, EnglishWords.scheduledPresent, past,
      future,
    ] {
      for word in set {
        guard WordHash.isNFC(word) else { return nil }
        filter.insert(word)
      }
    }
    return filter
  }

  func build(_ candidates: [Candidate]) -> (mentions: [TemporalMention], findings: [Finding]) {
    var mentions: [TemporalMention] = []
    var findings: [Finding] = []
    var lastPoint: TimexPoint?
    var lastPointExplicit = false
    var lastPointSentence = -100
    var narrative: (year: Int, sentence: Int, paragraph: Int)?
    var missingDCT: [Int] = []
    // The text's UTF-8 bytes, copied at the first slice: scalar offsets become byte offsets by
    // counting the bytes that start a scalar, cheaper than stepping a String index per scalar.
    var utf8: [UInt8] = []
    var cursor = (byte: 0, offset: 0)

    /// The byte offset of scalar `target`, walking forward from `from` (never past the end):
    /// eight ASCII bytes (eight scalars) at a time where it can, else one scalar at a time.
    func byteOffset(ofScalar target: Int, from: (byte: Int, offset: Int)) -> Int {
      utf8.withUnsafeBytes { bytes in
        let n = bytes.count
        var byte = from.byte
        var offset = from.offset
        while offset < target && byte < n {
          if target - offset >= 8, byte + 8 <= n,
            bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
          {
            byte += 8
            offset += 8
            continue
          }
          byte += 1
          while byte < n && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
          offset += 1
        }
        return byte
      }
    }

    func slice(_ start: Int, _ end: Int) -> String {
      if utf8.isEmpty { utf8 = Array(text.utf8) }
      // Offsets only grow, so one forward walk converts them all.
      if start < cursor.offset { cursor = (0, 0) }
      let from = byteOffset(ofScalar: start, from: cursor)
      let to = byteOffset(ofScalar: end, from: (from, start))
      cursor = (from, start)
      return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    // Without a DCT, or in a history whose explicit years lie far from its DCT (an
    // encyclopaedia article), the story's own dates are the reference: the last explicit year
    // sets the year of "im März", "20. September", and the last date anchors "im selben Jahr",
    // "zwei Jahre später", "у наступному році".
    let story = dct == nil || Self.isHistory(candidates, dct: dct)
    var storyPoint: TimexPoint?
    var storyYear: Int?
    var quarterInFocus: TimexPoint?
    // The last weekday counted by tense: where it ended and the tense it took.
    var lastWeekday: (end: Int, tense: Resolver.Tense)?
    for c in candidates {
      let first = tokens[c.start]
      let last = tokens[c.end - 1]
      var ctx = Resolver.Context(dct: dct)
      // "resume on Monday and Tuesday": a weekday joined to the one before shares its tense.
      if c.meaning.isWeekday, let w = lastWeekday, w.end + 1 == c.start,
        tokens.text(at: w.end) == "and" || tokens.text(at: w.end) == "or"
      {
        ctx.tense = w.tense
      } else {
        ctx.tense = tense(around: c)
      }
      if c.meaning.isWeekday { lastWeekday = (c.end, ctx.tense) }
      if ctx.tense == .past, c.start >= 2, isPointPreposition(tokens[c.start - 1]),
        case .date(let spec) = c.meaning, spec.month != nil,
        spec.day == nil, spec.year == nil, spec.yearOffset == nil, spec.direction == nil
      {
        ctx.pastVerbGoverns = pastVerbGoverns(c)
      }
      if let p = lastPoint, first.sentence - lastPointSentence <= 6 {
        ctx.lastPoint = p
        ctx.lastPointExplicit = lastPointExplicit
      }
      if let n = narrative, n.paragraph == first.paragraph, first.sentence - n.sentence <= 1,
        n.year != dct?.year, dct.map({ abs($0.year - n.year) <= 1 }) ?? true
      {
        ctx.narrativeYear = n.year
      }
      var meaning = c.meaning
      if story {
        if let p = storyPoint {
          ctx.lastPoint = p
          ctx.lastPointExplicit = true
        }
        if let y = storyYear { ctx.narrativeYear = y }
        if case .shift(let u, let n, .dct, let time) = meaning {
          if u == .day, n == 0, time == nil {
            // "heute" in a history is the writer's present, not a day of the story.
            meaning = .literal("PRESENT_REF")
          } else if storyPoint != nil {
            // "letztes Jahr", "у наступному році" in a history: that period of the story,
            // at the unit's granularity.
            meaning = .shift(u, n, origin: .narrativePeriod, time: time)
          }
        }
      }
      switch meaning {
      case .quarterInFocus, .shift(_, _, .focus, _), .shift(_, _, .focusQuarter, _):
        ctx.quarterInFocus = quarterInFocus
      default: break
      }
      let outcome = Resolver.resolve(meaning, ctx)
      switch outcome {
      case .impossible(let value):
        findings.append(
          Finding(
            code: "impossible-date", severity: .warning, start: first.start, end: last.end,
            message:
              "\"\(slice(first.start, last.end))\" is not a possible date (\(value)); no value was given"
          ))
        continue
      case .underspecified(let value):
        missingDCT.append(mentions.count)
        mentions.append(
          TemporalMention(
            start: first.start, end: last.end, text: slice(first.start, last.end), type: c.type,
            value: value, mod: c.mod))
      case .value(let value, let anchor, let point):
        // "the fiscal first quarter", "third-quarter": the quarter the report is about.
        if let point, point.quarter != nil, case .date(let spec) = c.meaning, spec.year == nil,
          spec.yearOffset == nil
        {
          quarterInFocus = point
        }
        mentions.append(
          TemporalMention(
            start: first.start, end: last.end, text: slice(first.start, last.end), type: c.type,
            value: value, mod: c.mod,
            anchor: anchor))
        if story, let point, point.year != nil, c.type == "DATE" || c.type == "TIME" {
          if case .date(let spec) = c.meaning, spec.year != nil {
            // Once the story has a year, a year alone that is an aside ("(1912/13)", "seit
            // 1939", "wie 1914") or a bare number more than three years from the story's
            // ("1370 Landungsboote" in 1944) leaves the story where it is; a cued year ("im
            // Jahr 1918", "in 1918") or a date with its month or day moves it.
            let yearAlone =
              spec.month == nil && spec.day == nil && spec.season == nil && spec.quarter == nil
              && spec.half == nil
            let far = storyYear.map { abs($0 - (point.year ?? $0)) > 3 } ?? false
            if !yearAlone || storyYear == nil || !(isAside(c) || (far && !isCuedYear(c))) {
              storyYear = point.year
              storyPoint = point
            }
          } else if case .date = c.meaning {
            storyPoint = point
          } else if anchor == "narrative" {
            storyPoint = point
          }
        }
        // Anaphoric values ("a year earlier") do not become the focus themselves, nor does the
        // day a period in focus ended ("the third quarter ended Sept. 30"); "the quarter" names
        // the report's quarter again, which "a year ago" then counts from.
        if let point, c.type == "DATE" || c.type == "TIME", point.year != nil,
          anchor != "narrative" || c.meaning == .quarterInFocus,
          !c.meaning.refersBack, !endsFocusPeriod(c, lastPoint)
        {
          lastPoint = point
          // Written out ("May 22, 1995", "in March"), not counted ("last year").
          if case .date = c.meaning {
            lastPointExplicit = true
          } else {
            lastPointExplicit = anchor == nil
          }
          lastPointSentence = first.sentence
          // A month or day with an explicit or DCT-relative year moves the narrative
          // ("In March of last year … in October").
          if case .date(let spec) = c.meaning, spec.year != nil || spec.yearOffset != nil,
            spec.month != nil,
            let y = point.year
          {
            narrative = (y, last.sentence, last.paragraph)
          }
        }
      }
    }
    if !missingDCT.isEmpty {
      let first = mentions[missingDCT[0]]
      findings.append(
        Finding(
          code: "no-dct", severity: .info, start: first.start, end: first.end,
          message:
            "\(missingDCT.count) relative date expression(s) such as \"\(first.text)\" left underspecified (\(first.value)): no publication date was given; pass one (--published) to resolve them"
        ))
    }
    return (mentions, findings)
  }

  /// Whether `c` is the day the quarter or half in focus ended: "the third quarter ended Sept.
  /// 30", "the fiscal half ending June 30".
  private func endsFocusPeriod(_ c: Candidate, _ focus: TimexPoint?) -> Bool {
    guard let focus, focus.quarter != nil || focus.half != nil, c.start > 0,
      tokens[c.start - 1].kind == .word
    else { return false }
    let w = tokens.text(at: c.start - 1)
    return w == "ended" || w == "ending"
  }

  /// Whether a year is written with a word of its own ("im Jahr 1915", "2020 году") or after a
  /// preposition ("in 1915", "en 1915"), not as a bare number ("1370 Landungsboote").
  private func isCuedYear(_ c: Candidate) -> Bool {
    if c.end - c.start > 1 { return true }
    guard c.start > 0, tokens[c.start - 1].kind == .word else { return false }
    let w = tokens.text(at: c.start - 1)
    return yearCues.contains(w) || EnglishWords.yearMoveCues.contains(w)
  }

  /// Whether a year is said in passing: in brackets ("(1908)"), half of a pair ("1870/71"),
  /// or after a word that points away from the story's time ("seit 1939", "bis 1915", "since
  /// 1990", `asideMarkers`).
  private func isAside(_ c: Candidate) -> Bool {
    if c.start > 0, tokens[c.start - 1].kind == .punctuation, tokens.text(at: c.start - 1) == "(" {
      return true
    }
    if c.end < tokens.count, tokens[c.end].kind == .punctuation,
      tokens.text(at: c.end) == "/" || tokens.text(at: c.end) == ")"
    {
      return true
    }
    var k = c.start - 1
    // "seit dem Jahr 1939", "von 1856": the word before the expression, past an article.
    if k > 0, tokens[k].kind == .word, tokens.text(at: k).unicodeScalars.count <= 3,
      !(asideMarkers.contains(tokens.text(at: k))
        || EnglishWords.asideMarkers.contains(tokens.text(at: k)))
    {
      k -= 1
    }
    guard k >= 0, tokens[k].kind == .word else { return false }
    return asideMarkers.contains(tokens.text(at: k))
      || EnglishWords.asideMarkers.contains(tokens.text(at: k))
  }

  /// Whether the text is a history rather than news: at least ten explicit years, three in
  /// four of them (BC years included) more than five years from the DCT ("1939", "1. September 1939" in an article
  /// dated 2011), and few words counting from the DCT ("today", "yesterday", weekdays): a news
  /// story looking back still speaks from its own day.
  static func isHistory(_ candidates: [Candidate], dct: CivilDate?) -> Bool {
    guard let dct else { return true }
    var years = 0
    var far = 0
    var deictic = 0
    for c in candidates {
      switch c.meaning {
      case .shift(.day, 0, .dct, _), .weekday: deictic += 1
      default: break
      }
      if case .literal(let v) = c.meaning, v.hasPrefix("BC") {
        years += 1
        far += 1
      }
      guard case .date(let spec) = c.meaning, let y = spec.year else { continue }
      years += 1
      if abs(y - dct.year) > 5 { far += 1 }
    }
    return far >= 10 && far * 4 >= years * 3 && deictic * 5 < far
  }

  /// The tense of the sentence around a candidate: the nearest verb marker to the left (the
  /// verb a date usually follows: "said Friday", "will meet Friday"), else to the right.
  func tense(around c: Candidate) -> Resolver.Tense {
    let sentence = tokens[c.start].sentence
    // "effective Feb. 1", "effective Monday": the day a change takes effect lies ahead; so
    // does a deadline's day ("has until 9 a.m. Tuesday to sign").
    if c.start > 0, tokens[c.start - 1].sentence == sentence {
      let w = tokens.text(at: c.start - 1)
      if w == "effective" { return .future }
      // Not "Until Thursday, they had not …", which looks back from the weekday; nor a state
      // that lasted up to it ("the strike lasted until Sunday"), see `durativePastBefore`.
      if w == "until" || w == "till", !tokens[c.start - 1].isCapitalized, c.meaning.isWeekday {
        return durativePastBefore(c.start - 1) ? .past : .future
      }
    }
    // A weekday in the possessive dates the event its noun names ("Wednesday's ruling"), which
    // a plan or a reported "would" before it does not move ahead: "said they would look for
    // ways to get around Wednesday's ruling" is the Wednesday gone; a finite tense still counts
    // ("will be looking at ratings after Sunday's debut").
    let possessive =
      c.meaning.isWeekday && c.end + 1 < tokens.count && tokens[c.end].isAttached
      && (tokens.text(at: c.end) == "'" || tokens.text(at: c.end) == "’")
      && tokens.text(at: c.end + 1) == "s"
    var i = c.start - 1
    while i >= 0, c.start - i <= 12, tokens[i].sentence == sentence {
      if possessive, tokens.text(at: i) == "to" || tokens.text(at: i) == "would" {
        i -= 1
        continue
      }
      if let t = marker(i, near: c.start - i <= 3, left: true, endings: c.meaning.isWeekday) {
        if t == .past, boundsAPeriodAhead(c, presentPerfectAt: i) { return .future }
        return auxiliary(before: i) ?? t
      }
      i -= 1
    }
    // A date that opens its sentence ("Dimanche soir, à partir de 22 h, le comité … vous invite",
    // "In January, a week after the anniversary of the ruling, a bomb killed …") waits longer
    // for its verb, which comes after the subject. In English, whose past forms the "-ed" test
    // finds, it waits to the end of a long news sentence (40 tokens), past whatever stands in
    // apposition to the date; another language's tense words are a closed list that misses
    // most verbs, so a long reach there lands on a later clause's auxiliary ("El lunes, los
    // índices cerraron … los temores de que el gobierno va a …"), and it stops at 25.
    let opensSentence = !possessive && (i < 0 || tokens[i].sentence != sentence)
    let reach = opensSentence ? (pastMarkers.isEmpty && futureMarkers.isEmpty ? 40 : 25) : 15
    i = c.end
    while i < tokens.count, i - c.end <= reach, tokens[i].sentence == sentence {
      if let t = marker(i, near: false, left: false, endings: c.meaning.isWeekday) {
        return auxiliary(before: i) ?? t
      }
      i += 1
    }
    return .none
  }

  /// Whether the verb before "until" at `u` is a past that lasted up to the weekday ("the strike
  /// lasted until Sunday", "protesters stayed in the square until Monday", "had remained shut
  /// until Friday"): then the weekday is behind the DCT. A deferral looks ahead ("the court
  /// adjourned until Monday", "flights were suspended until Friday"), as does a present ("has
  /// until Tuesday to sign"): only a verb of lasting, the nearest verb before, counts.
  private func durativePastBefore(_ u: Int) -> Bool {
    var i = u - 1
    while i >= 0, u - i <= 8, tokens[i].sentence == tokens[u].sentence {
      if tokens[i].kind != .word {
        let p = tokens.text(at: i)
        if p == "," || p == ";" || p == ":" { return false }
      } else if Self.durativePasts.contains(tokens.text(at: i)) {
        // Not "will have stayed", "to remain", "would be kept".
        let nonFinite = i > 0 && Self.nonFiniteBefore[tokens[i - 1]] != nil
        return auxiliary(before: i) == nil && !nonFinite
      } else if marker(i, near: false, left: true) != nil {
        return false
      }
      i -= 1
    }
    return false
  }
  /// Past forms of verbs of lasting, whose "until" ends a stretch already over.
  private static let durativePasts: Set<String> = [
    "lasted", "stayed", "remained", "continued", "waited", "lingered", "persisted", "raged",
    "stood", "sat", "slept", "worked", "lived", "ran", "fought", "camped",
    "hid", "lay", "danced", "played", "talked", "negotiated", "dragged",
  ]

  /// Whether the date ends a period ("through January", "until March 31") that a present
  /// perfect has just set ("lenders have extended the loans through January", "the airport has
  /// closed its runway until May"): that period runs on from now, so the date lies ahead, unlike
  /// "the strike lasted through January". `i` is the -ed form the tense was read from.
  private func boundsAPeriodAhead(_ c: Candidate, presentPerfectAt i: Int) -> Bool {
    guard c.start > i + 1, !c.meaning.isWeekday else { return false }
    let bound = tokens[c.start - 1]
    guard bound.kind == .word, bound.isPlain,
      bound.text == "through" || bound.text == "until" || bound.text == "till"
    else { return false }
    guard tokens.text(at: i).hasSuffix("ed") else { return false }
    // "has extended", "have already extended", "has been extended".
    var k = i - 1
    while k >= 0, i - k <= 3, tokens[k].sentence == tokens[i].sentence {
      let v = tokens.text(at: k)
      if v == "has" || v == "have" { return true }
      if !(v == "been" || v == "already" || v == "also" || v == "now" || v == "just") {
        return false
      }
      k -= 1
    }
    return false
  }

  /// Whether a finite past verb governs the date in its own clause, with no clause boundary,
  /// modal or future between: "changed from a fiscal year to a calendar year in December",
  /// "was founded in March". Not a reporting verb, whose clause may look ahead ("said the plant
  /// closes in December"), nor a date after "until" or "by". Only a month alone is moved.
  func pastVerbGoverns(_ c: Candidate) -> Bool {
    guard c.start >= 2 else { return false }
    let sentence = tokens[c.start].sentence
    let preposition = tokens[c.start - 1]
    guard preposition.sentence == sentence, isPointPreposition(preposition) else { return false }
    var i = c.start - 2
    while i >= 0, c.start - i <= 12, tokens[i].sentence == sentence {
      let w = tokens.text(at: i)
      if tokens[i].kind != .word {
        if w == "," || w == ";" || w == ":" || w == "(" || w == "\"" || w == "“" { return false }
      } else if Self.clauseOpeners[tokens[i]] != nil {
        return false
      } else if let t = marker(i, near: c.start - i <= 3, left: true) {
        // An English preterite or "-ed" form, not "last", "ago" or another language's marker.
        let isVerb =
          EnglishWords.pastMarkers.contains(w)
          ? !Self.pastMarkersNotVerbs.contains(w)
          : w.hasSuffix("ed")
        guard t == .past, isVerb, auxiliary(before: i) == nil, Self.reportingVerbs[tokens[i]] == nil
        else { return false }
        if i > 0, Self.nonFiniteBefore[tokens[i - 1]] != nil { return false }
        // No future or modal earlier in the clause ("will redeem Series H preferred shares in
        // December").
        var k = i - 1
        while k >= 0, i - k <= 12, tokens[k].sentence == sentence {
          let v = tokens.text(at: k)
          if v == "," || v == ";" || v == ":" || Self.clauseOpeners[tokens[k]] != nil { break }
          if Self.nonFiniteBefore[tokens[k]] != nil || EnglishWords.futureMarkers.contains(v) {
            return false
          }
          k -= 1
        }
        return true
      }
      i -= 1
    }
    return false
  }

  /// Whether the token is a preposition that places an event at a month ("in December"), not a
  /// deadline ("by", "until").
  private func isPointPreposition(_ token: Token) -> Bool {
    guard token.kind == .word, token.isPlain else { return false }
    let w = token.text
    return w == "in" || w == "on" || w == "during" || w == "since"
  }
  /// Words that open a clause of their own between a verb and a date.
  private static let clauseOpeners = WordHash.Table(words: [
    "that", "which", "who", "when", "where", "and", "but", "or", "because", "if", "while",
    "after", "before", "until", "unless", "although", "though", "whether",
  ])
  /// Verbs of saying, whose object clause keeps its own tense.
  private static let reportingVerbs = WordHash.Table(words: [
    "said", "told", "reported", "added", "noted", "stated", "predicted", "expected", "forecast",
    "estimated", "projected", "warned", "announced", "indicated", "disclosed", "suggested",
  ])
  /// The past markers that are no verbs.
  private static let pastMarkersNotVerbs: Set<String> = [
    "ago", "last", "yesterday", "earlier", "previous", "former",
  ]
  /// Words before a past form that make it an infinitive, a present or future passive, or a
  /// modal's ("when the case is heard in May", "could be completed in December").
  private static let nonFiniteBefore = WordHash.Table(words: [
    "be", "to", "being", "is", "are", "am", "will", "would", "could", "should", "may", "might",
    "must", "can",
  ])

  /// "will be held", "is expected to …": a future auxiliary just before a verb form.
  private func auxiliary(before i: Int) -> Resolver.Tense? {
    var k = i - 1
    while k >= 0, i - k <= 3 {
      let w = tokens.text(at: k)
      if w == "will" || w == "shall" || w == "would"
        || (w == "ll" && k > 0 && (tokens.text(at: k - 1) == "'" || tokens.text(at: k - 1) == "’"))
      {
        return .future
      }
      k -= 1
    }
    return nil
  }

  /// The tense the word at `i` marks; `endings`: also by the language's `futureEndings`, which
  /// only a weekday heeds (a month or season said in the present is as often a habit or a
  /// story told in the present as a plan).
  private func marker(_ i: Int, near: Bool, left: Bool, endings: Bool = false) -> Resolver.Tense? {
    guard tokens[i].kind == .word else { return nil }
    let w = tokens.text(at: i)
    // `w == word` for a code literal `word` (in NFC), as `Token.hasText(nfc:)` answers it: a
    // plain word of another length is turned away without comparing strings.
    let plainLength = tokens[i].isPlain ? w.utf8.count : -1
    func isWord(_ word: String) -> Bool {
      (plainLength < 0 || plainLength == word.utf8.count) && w == word
    }
    // "postponed due to rain on Monday", "thanks to": a cause, not an infinitive (unlike "is
    // due to visit").
    if plainLength == 2, isWord("to"), i > 1,
      ["due", "owing", "thanks"].contains(tokens.text(at: i - 1)),
      !["is", "are", "s", "re", "was", "were"].contains(tokens.text(at: i - 2))
    {
      return nil
    }
    // "to resume Monday", "as soon as Tuesday", "as early as Friday": looking ahead.
    if isWord("to"), near, i + 1 < tokens.count, tokens[i + 1].kind == .word,
      !tokens[i + 1].isCapitalized,
      !["the", "a", "an", "his", "her", "their", "its", "be"].contains(tokens.text(at: i + 1))
    {
      // "had been due to expire Friday", "had planned to leave Monday": a plan of the past.
      return hadBefore(i) ? .past : .future
    }
    // "is to resume trading Tuesday", "are to meet Monday": an arrangement ahead.
    if isWord("to"), !near, i > 0, tokens.text(at: i - 1) == "is" || tokens.text(at: i - 1) == "are"
    {
      return .future
    }
    if isWord("as"), i + 2 < tokens.count,
      tokens.text(at: i + 1) == "soon" || tokens.text(at: i + 1) == "early",
      tokens.text(at: i + 2) == "as"
    {
      return .future
    }
    // "is going to start getting beat up in the spring": the "going to" future.
    if isWord("going"), i > 0, i + 1 < tokens.count, tokens.text(at: i + 1) == "to",
      ["is", "are", "am", "s", "re", "m"].contains(tokens.text(at: i - 1))
    {
      return .future
    }
    // "elections are due in March", "is due to visit Seoul on Monday", "the talks are set for
    // Friday": an arrangement ahead after a present "be" (not the cause in "postponed due to
    // rain", nor "was due to expire", whose "was" the scan meets next).
    if plainLength == 3, isWord("due") || isWord("set"), i > 0,
      ["is", "are", "s", "re"].contains(tokens.text(at: i - 1))
    {
      let next = i + 1 < tokens.count ? tokens.text(at: i + 1) : ""
      if isWord("due") || next == "for" || next == "to" { return .future }
    }
    // "hopes to start offering it by January": a hope ahead (not the noun in "playoff hopes
    // … after Monday night's loss").
    if plainLength >= 4, plainLength <= 6, isWord("hope") || isWord("hopes") || isWord("hoping"),
      i + 1 < tokens.count, tokens.text(at: i + 1) == "to"
    {
      return .future
    }
    // "next to the embassy" is a place, not a time ahead.
    if isWord("next"), i + 1 < tokens.count, tokens.text(at: i + 1) == "to" { return nil }
    // "plans to meet Friday" looks ahead; "announced the plan Aug. 21" does not.
    if isWord("plan") || isWord("plans"), i + 1 < tokens.count, tokens.text(at: i + 1) != "to" {
      return nil
    }
    if markerFilter?.mayContain(tokenAt: i, in: tokens) ?? true {
      if Self.englishFutureMarkers.value(ofTokenAt: i, in: tokens) != nil {
        // "'ll" is tokenised as "'" + "ll".
        if isWord("ll") {
          return i > 0 && (tokens.text(at: i - 1) == "'" || tokens.text(at: i - 1) == "’")
            ? .future : nil
        }
        return .future
      }
      if Self.englishPastMarkers.value(ofTokenAt: i, in: tokens) != nil || pastMarkers.contains(w) {
        return .past
      }
      // "the two leaders meet separately Monday": a schedule in the present tense (not the
      // infinitive "due to expire Friday", which the "to" before it decides, nor the noun "the
      // close of business Thursday").
      if near, left, EnglishTables.scheduledPresent.value(ofTokenAt: i, in: tokens) != nil,
        i == 0
          || !(tokens.text(at: i - 1) == "to" || Self.determiners.contains(tokens.text(at: i - 1)))
      {
        return .future
      }
      if futureMarkers.contains(w) { return .future }
    }
    // Estonian "Laupäeval toimub kontsert", "reedel kohtuvad ministrid": the present of a
    // language without a future looks ahead (not a name: "Jakob").
    if endings, !futureEndings.isEmpty, w.unicodeScalars.count >= 4,
      !tokens[i].isCapitalized || i == 0 || tokens[i - 1].sentence != tokens[i].sentence,
      futureEndings.contains(where: { w.hasSuffix($0) })
    {
      return .future
    }
    // A past participle or preterite, not a name ("the United States", "Red Cross"). A last byte
    // other than "d" cannot end in "ed": most words skip counting characters.
    if Self.lastByte(of: w) == UInt8(ascii: "d"), w.count > 4, w.hasSuffix("ed"),
      !tokens[i].isCapitalized || i == 0 || tokens[i - 1].sentence != tokens[i].sentence,
      !["need", "speed", "seed", "feed", "breed", "indeed", "proceed", "exceed", "succeed"]
        .contains(w)
    {
      // "planned to leave Thursday", "slated to open Monday": a plan looks ahead (but "On
      // Friday, the government planned to pay" says when it was planned).
      // "planned a demonstration on Saturday" too (not "a service planned for Saturday was
      // canceled", "as previously planned").
      if left, isWord("planned") || isWord("slated") || isWord("scheduled"), i + 1 < tokens.count,
        ["to", "a", "an", "the", "their", "its", "his", "her"].contains(tokens.text(at: i + 1))
      {
        return hadBefore(i) ? .past : .future
      }
      // "on a still unspecified date", "the revised figures": an adjective after a determiner.
      if isAdjectival(i) { return nil }
      return .past
    }
    return nil
  }

  /// Whether the word at `i` follows a determiner, directly or after one adverb ("a still
  /// unspecified date", "the newly elected"): then an -ed form is an adjective, not a verb.
  private func isAdjectival(_ i: Int) -> Bool {
    func isDeterminer(_ k: Int) -> Bool {
      k >= 0 && tokens[k].sentence == tokens[i].sentence
        && Self.determiners.contains(tokens.text(at: k))
    }
    if isDeterminer(i - 1) { return true }
    guard i >= 2 else { return false }
    let adverb = tokens.text(at: i - 1)
    return (adverb == "still" || adverb.hasSuffix("ly")) && isDeterminer(i - 2)
  }

  /// `EnglishWords.futureMarkers` and `.pastMarkers` looked up by a token's hash, answering as
  /// the sets do (`WordHash.Table`).
  private static let englishFutureMarkers = WordHash.Table(words: Array(EnglishWords.futureMarkers))
  private static let englishPastMarkers = WordHash.Table(words: Array(EnglishWords.pastMarkers))

  /// The last UTF-8 byte of `w` ("planned" → "d"), read from its contiguous bytes rather than
  /// by stepping the UTF-8 view's index back.
  @inline(__always) private static func lastByte(of w: String) -> UInt8? {
    w.utf8.withContiguousStorageIfAvailable { $0.last } ?? w.utf8.last
  }

  private static let determiners: Set<String> = [
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those",
  ]

  /// Whether "had" comes within four words before `i` in its sentence ("had been due to", "had
  /// planned to"): a past perfect.
  private func hadBefore(_ i: Int) -> Bool {
    var k = i - 1
    while k >= 0, i - k <= 4, tokens[k].sentence == tokens[i].sentence {
      if tokens.text(at: k) == "had" { return true }
      k -= 1
    }
    return false
  }
}
