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
  /// Every word of the English tense markers, `pastMarkers` and `futureMarkers`, as a filter on
  /// token hashes (`markerFilter(past:future:)`); nil: every word is looked up.
  var markerFilter: WordHash.Filter? = Self.englishMarkerFilter

  /// The filter for the English tense markers alone.
  static let englishMarkerFilter = markerFilter(past: [], future: [])

  /// A filter holding the English tense markers and `past` and `future`, or nil when a word is
  /// not in NFC (a plain token could then equal it with other bytes).
  static func markerFilter(past: Set<String>, future: Set<String>) -> WordHash.Filter? {
    var filter = WordHash.Filter()
    for set in [EnglishWords.futureMarkers, EnglishWords.pastMarkers, past, future] {
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
    let scalars = text.unicodeScalars
    var cursor = (index: scalars.startIndex, offset: 0)

    func slice(_ start: Int, _ end: Int) -> String {
      // Offsets only grow, so one forward walk converts them all.
      if start < cursor.offset { cursor = (scalars.startIndex, 0) }
      let from = scalars.index(cursor.index, offsetBy: start - cursor.offset)
      let to = scalars.index(from, offsetBy: end - start)
      cursor = (from, start)
      return String(scalars[from..<to])
    }

    // Without a DCT, or in a history whose explicit years lie far from its DCT (an
    // encyclopaedia article), the story's own dates are the reference: the last explicit year
    // sets the year of "im März", "20. September", and the last date anchors "im selben Jahr",
    // "zwei Jahre später", "у наступному році".
    let story = dct == nil || Self.isHistory(candidates, dct: dct)
    var storyPoint: TimexPoint?
    var storyYear: Int?
    for c in candidates {
      let first = tokens[c.start]
      let last = tokens[c.end - 1]
      var ctx = Resolver.Context(dct: dct)
      ctx.tense = tense(around: c)
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
        mentions.append(
          TemporalMention(
            start: first.start, end: last.end, text: slice(first.start, last.end), type: c.type,
            value: value, mod: c.mod,
            anchor: anchor))
        if story, let point, point.year != nil, c.type == "DATE" || c.type == "TIME" {
          if case .date(let spec) = c.meaning, spec.year != nil {
            storyYear = point.year
            storyPoint = point
          } else if case .date = c.meaning {
            storyPoint = point
          } else if anchor == "narrative" {
            storyPoint = point
          }
        }
        // Anaphoric values ("a year earlier") do not become the focus themselves.
        if let point, c.type == "DATE" || c.type == "TIME", point.year != nil,
          anchor != "narrative",
          !c.meaning.refersBack
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
    var i = c.start - 1
    while i >= 0, c.start - i <= 12, tokens[i].sentence == sentence {
      if let t = marker(i, near: c.start - i <= 3) { return auxiliary(before: i) ?? t }
      i -= 1
    }
    i = c.end
    while i < tokens.count, i - c.end <= 15, tokens[i].sentence == sentence {
      if let t = marker(i, near: false) { return auxiliary(before: i) ?? t }
      i += 1
    }
    return .none
  }

  /// "will be held", "is expected to …": a future auxiliary just before a verb form.
  private func auxiliary(before i: Int) -> Resolver.Tense? {
    var k = i - 1
    while k >= 0, i - k <= 3 {
      let w = tokens[k].text
      if w == "will" || w == "shall" || w == "would"
        || (w == "ll" && k > 0 && (tokens[k - 1].text == "'" || tokens[k - 1].text == "’"))
      {
        return .future
      }
      k -= 1
    }
    return nil
  }

  private func marker(_ i: Int, near: Bool) -> Resolver.Tense? {
    guard tokens[i].kind == .word else { return nil }
    let w = tokens[i].text
    // "to resume Monday", "as soon as Tuesday", "as early as Friday": looking ahead.
    if w == "to", near, i + 1 < tokens.count, tokens[i + 1].kind == .word,
      !tokens[i + 1].isCapitalized,
      !["the", "a", "an", "his", "her", "their", "its", "be"].contains(tokens[i + 1].text)
    {
      return .future
    }
    if w == "as", i + 2 < tokens.count,
      tokens[i + 1].text == "soon" || tokens[i + 1].text == "early", tokens[i + 2].text == "as"
    {
      return .future
    }
    // "plans to meet Friday" looks ahead; "announced the plan Aug. 21" does not.
    if w == "plan" || w == "plans", i + 1 < tokens.count, tokens[i + 1].text != "to" { return nil }
    if markerFilter?.mayContain(tokens[i]) ?? true {
      if EnglishWords.futureMarkers.contains(w) {
        // "'ll" is tokenised as "'" + "ll".
        if w == "ll" {
          return i > 0 && (tokens[i - 1].text == "'" || tokens[i - 1].text == "’") ? .future : nil
        }
        return .future
      }
      if EnglishWords.pastMarkers.contains(w) || pastMarkers.contains(w) { return .past }
      if futureMarkers.contains(w) { return .future }
    }
    // A past participle or preterite, not a name ("the United States", "Red Cross"). A last byte
    // other than "d" cannot end in "ed": most words skip counting characters.
    if w.utf8.last == UInt8(ascii: "d"), w.count > 4, w.hasSuffix("ed"),
      !tokens[i].isCapitalized || i == 0 || tokens[i - 1].sentence != tokens[i].sentence,
      !["need", "speed", "seed", "feed", "breed", "indeed", "proceed", "exceed", "succeed"]
        .contains(w)
    {
      return .past
    }
    return nil
  }
}
