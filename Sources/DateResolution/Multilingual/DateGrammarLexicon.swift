import NormalizeCore

/// Reads `date-grammar` lexicons (`Lexicons/<lang>/date-grammar.tsv`, format in
/// `Lexicons/README.md`) into `DateGrammarWords`: one line per word or phrase,
/// `slot<TAB>phrase[<TAB>value]`.
///
/// ```
/// # Lexicons/de/date-grammar.tsv
/// unit	jahr(|e|es|en)	year
/// number	zwei	2
/// past-prefix	vor
/// determiner	letzt(e|en|er|es)	-1
/// phrase	vorgestern	day-2
/// holiday	ostern	easter+0
/// ```
///
/// A phrase's words are separated by spaces; `stem(a|b|)` spells the forms stem+a, stem+b and
/// the bare stem, so one line lists an inflection paradigm.
enum DateGrammarLexicon {
  static let kind = "date-grammar"

  static let unitNames: [String: TimeUnit] = [
    "second": .second, "minute": .minute, "hour": .hour, "day": .day, "weekend": .weekend,
    "week": .week,
    "fortnight": .fortnight, "month": .month, "season": .season, "quarter": .quarter, "half": .half,
    "year": .year,
    "decade": .decade, "century": .century,
  ]

  /// Slots whose lines carry no value.
  static let flagSlots: Set<String> = [
    "ordinal-suffix", "vague", "article", "glue", "year-before", "year-after", "era-bc",
    "past-prefix", "past-suffix",
    "future-prefix", "future-suffix", "later", "earlier", "set-prefix", "range", "clock-after",
    "clock-before",
    "decade-suffix", "preposition", "age-after", "age-before", "past-marker", "future-marker",
    "quantity-after", "half-after", "same-period", "aside-before", "future-ending",
  ]

  static func words(_ entries: [LexiconEntry]) throws -> DateGrammarWords {
    var w = DateGrammarWords()
    for entry in entries {
      func fail(_ message: String) -> DateResolutionError {
        .badDateWord(location: entry.location, message: message)
      }
      guard entry.fields.count == 2 || entry.fields.count == 3 else {
        throw fail("expected slot<TAB>phrase[<TAB>value], found \(entry.fields.count) fields")
      }
      let slot = entry.fields[0]
      let value = entry.fields.count == 3 ? entry.fields[2] : nil
      if flagSlots.contains(slot) {
        guard value == nil else { throw fail("slot \(slot) takes no value") }
      } else if value == nil {
        throw fail("slot \(slot) needs a value")
      }
      let forms = try expand(entry.fields[1]).map(tokenTexts)
      guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty }) else { throw fail("empty phrase") }
      func int(_ range: ClosedRange<Int>) throws -> Int {
        guard let v = value, let n = Int(v), range.contains(n) else {
          throw fail("value \"\(value ?? "")\" is not a number in \(range)")
        }
        return n
      }
      for f in forms {
        switch slot {
        case "month": w.months.add(f, try int(1...12))
        case "weekday": w.weekdays.add(f, try int(1...7))
        case "unit":
          // "year" names a singular form, "years" a plural one ("centuries" for century).
          let name = value ?? ""
          let singular =
            name == "centuries" ? "century" : (name.hasSuffix("s") ? String(name.dropLast()) : name)
          guard let u = unitNames[singular] else {
            throw fail(
              "unit \"\(name)\" is not one of \(unitNames.keys.sorted().joined(separator: ", ")) or their plurals (years, centuries)"
            )
          }
          w.units.add(f, u)
          if singular != name { w.pluralUnits.add(f, true) }
        case "quantifier":
          guard let v = value,
            ["MORE_THAN", "LESS_THAN", "APPROX", "EQUAL_OR_MORE", "EQUAL_OR_LESS"].contains(v)
          else {
            throw fail(
              "quantifier must be MORE_THAN, LESS_THAN, APPROX, EQUAL_OR_MORE or EQUAL_OR_LESS")
          }
          w.quantifiers.add(f, v)
        case "number": w.numbers.add(f, try int(0...1000))
        case "ordinal": w.ordinals.add(f, try int(1...100))
        case "determiner":
          if value == "same" {
            w.determiners.add(f, .same)
          } else if value == "after" || value == "before" {
            w.determiners.add(f, .story(value == "after" ? 1 : -1))
          } else {
            w.determiners.add(f, .offset(try int(-1...1)))
          }
        case "mod":
          guard let v = value, ["START", "MID", "END"].contains(v) else {
            throw fail("mod must be START, MID or END")
          }
          w.mods.add(f, v)
        case "mod-after":
          guard let v = value, ["START", "MID", "END"].contains(v) else {
            throw fail("mod-after must be START, MID or END")
          }
          w.modsAfter.add(f, v)
        case "season":
          guard let v = value, ["SP", "SU", "FA", "WI"].contains(v) else {
            throw fail("season must be SP, SU, FA or WI")
          }
          w.seasons.add(f, v)
        case "part-of-day":
          // "12:00" for noon ("midi", "mediodía", "meio-dia") and "24:00" for midnight, which TimeML
          // writes as clock times.
          guard let v = value, ["MO", "AF", "EV", "NI", "DT", "12:00", "24:00"].contains(v) else {
            throw fail("part-of-day must be MO, AF, EV, NI, DT, 12:00 (noon) or 24:00 (midnight)")
          }
          w.partsOfDay.add(f, v)
        case "holiday":
          guard let h = value.flatMap(holiday) else {
            throw fail("holiday \"\(value ?? "")\" is not MM-DD or easter+N / easter-N")
          }
          w.holidays.add(f, h)
        case "phrase":
          guard let m = value.flatMap(meaning) else {
            throw fail(
              "meaning \"\(value ?? "")\" is not <unit><+|-><n>[@narrative][ T<part>], PRESENT_REF, PAST_REF, FUTURE_REF, set <value>, duration <value>, date <value> or season SP|SU|FA|WI"
            )
          }
          w.phrases.add(f, m)
        case "ordinal-suffix": w.ordinalSuffixes.add(f, true)
        case "vague": w.vagueCounts.add(f, true)
        case "article": w.articles.add(f, true)
        case "glue": w.glue.add(f, true)
        case "year-before": w.yearBefore.add(f, true)
        case "year-after": w.yearAfter.add(f, true)
        case "era-bc": w.eraBC.add(f, true)
        case "past-prefix": w.pastPrefixes.add(f, true)
        case "past-suffix": w.pastSuffixes.add(f, true)
        case "future-prefix": w.futurePrefixes.add(f, true)
        case "future-suffix": w.futureSuffixes.add(f, true)
        case "later": w.laterSuffixes.add(f, true)
        case "earlier": w.earlierSuffixes.add(f, true)
        case "set-prefix": w.setPrefixes.add(f, true)
        case "range": w.rangeWords.add(f, true)
        case "clock-after": w.clockAfter.add(f, true)
        case "clock-before": w.clockBefore.add(f, true)
        case "decade-suffix": w.decadeSuffixes.add(f, true)
        case "quantity-after": w.quantityAfter.add(f, true)
        case "half-after": w.halfAfter.add(f, true)
        case "same-period": w.samePeriods.add(f, true)
        case "preposition":
          w.prepositions.add(f, true)
          w.prepositionWords.formUnion(f.filter { !$0.contains(" ") })
        case "age-after": w.ageAfter.add(f, true)
        case "age-before": w.ageBefore.add(f, true)
        case "past-marker": w.pastMarkers.formUnion(f)
        case "future-marker": w.futureMarkers.formUnion(f)
        case "future-ending":
          guard f.count == 1 else { throw fail("an ending is one token") }
          w.futureEndings.formUnion(f)
        case "aside-before": w.asideMarkers.formUnion(f)
        default: throw fail("unknown slot \"\(slot)\" (see Lexicons/README.md, date-grammar.tsv)")
        }
      }
    }
    return w
  }

  /// The texts of a form's tokens, as `Tokenizer.tokenize(form).map(\.text)` gives them: a
  /// form that is one word of lower-case ASCII letters ("jahres") is its own token.
  static func tokenTexts(_ form: String) -> [String] {
    if !form.isEmpty, form.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return [form] }
    return Tokenizer.tokenize(form).map(\.text)
  }

  /// "jahr(|e|es)" → jahr, jahre, jahres; words separated by spaces expand independently.
  static func expand(_ phrase: String) throws -> [String] {
    // Most lines spell one form ("vorgestern", "mehr als"): no parenthesis, single spaces
    // between words and none at either end, so splitting and joining again gives the phrase.
    let bytes = phrase.utf8
    if let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
      !bytes.contains(0x28)
    {
      var previousWasSpace = false
      var singleSpaces = true
      for byte in bytes {
        if byte == 0x20 && previousWasSpace {
          singleSpaces = false
          break
        }
        previousWasSpace = byte == 0x20
      }
      if singleSpaces { return [phrase] }
    }
    return expandBytes(phrase) ?? expandCharacters(phrase)
  }

  /// `expand` on the phrase's `Character`s (grapheme clusters): any phrase.
  static func expandCharacters(_ phrase: String) -> [String] {
    var results = [""]
    for (index, word) in phrase.split(separator: " ", omittingEmptySubsequences: true).enumerated()
    {
      var forms: [String] = []
      if let open = word.firstIndex(of: "("), let close = word.lastIndex(of: ")"), open < close {
        let stem = word[..<open]
        let tail = word[word.index(after: close)...]
        for ending in word[word.index(after: open)..<close].split(
          separator: "|", omittingEmptySubsequences: false)
        {
          forms.append(String(stem) + String(ending) + String(tail))
        }
      } else {
        forms = [String(word)]
      }
      results = results.flatMap { r in forms.map { index == 0 ? $0 : r + " " + $0 } }
    }
    return results.filter { !$0.isEmpty }
  }

  /// `expand` on the UTF-8 bytes, for a phrase whose every scalar is a `Character` of its own
  /// (Latin, Greek and Cyrillic letters without combining marks, no carriage return): then the
  /// spaces, parentheses and bars are bytes, and "jahr(|es|s)" is cut and joined without
  /// walking grapheme clusters. nil for any other phrase.
  ///
  /// Each word's forms are kept as byte ranges (stem, ending, tail) and every combination is
  /// written into one buffer, the first word varying slowest: "letzt(e|en) jahr(|es)" gives
  /// "letzte jahr", "letzte jahres", "letzten jahr", "letzten jahres".
  static func expandBytes(_ phrase: String) -> [String]? {
    let scalarsStandAlone = phrase.unicodeScalars.allSatisfy {
      let v = $0.value
      return v != 0x0D && (v < 0x300 || (v >= 0x370 && v < 0x483) || (v >= 0x48A && v < 0x530))
    }
    guard scalarsStandAlone else { return nil }
    let bytes = Array(phrase.utf8)
    typealias Form = (stem: Range<Int>, ending: Range<Int>, tail: Range<Int>)
    var words: [[Form]] = []
    var start = 0
    while start < bytes.count {
      if bytes[start] == 0x20 {
        start += 1
        continue
      }
      var end = start
      while end < bytes.count, bytes[end] != 0x20 { end += 1 }
      let word = bytes[start..<end]
      if let open = word.firstIndex(of: 0x28), let close = word.lastIndex(of: 0x29), open < close {
        // "jahr(|es|s)": the endings between the bars, empty ones too.
        var forms: [Form] = []
        var endingStart = open + 1
        while true {
          var endingEnd = endingStart
          while endingEnd < close, bytes[endingEnd] != 0x7C { endingEnd += 1 }
          forms.append((start..<open, endingStart..<endingEnd, (close + 1)..<end))
          if endingEnd == close { break }
          endingStart = endingEnd + 1
        }
        words.append(forms)
      } else {
        words.append([(start..<end, end..<end, end..<end)])
      }
      start = end
    }
    var results: [String] = []
    var choice = [Int](repeating: 0, count: words.count)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(bytes.count * 2)
    combinations: while !words.isEmpty {
      buffer.removeAll(keepingCapacity: true)
      for (index, forms) in words.enumerated() {
        if index > 0 { buffer.append(0x20) }
        let form = forms[choice[index]]
        buffer.append(contentsOf: bytes[form.stem])
        buffer.append(contentsOf: bytes[form.ending])
        buffer.append(contentsOf: bytes[form.tail])
      }
      if !buffer.isEmpty { results.append(String(decoding: buffer, as: UTF8.self)) }
      // The next combination: the last word varies fastest.
      var index = words.count - 1
      while index >= 0 {
        choice[index] += 1
        if choice[index] < words[index].count { continue combinations }
        choice[index] = 0
        index -= 1
      }
      break
    }
    return results
  }

  /// "12-25" → fixed; "easter+0", "easter-2" → Easter plus days.
  static func holiday(_ s: String) -> Holiday? {
    if s.hasPrefix("easter"), let n = Int(s.dropFirst(6).replacingOccurrences(of: "+", with: "")) {
      return .easter(offset: n)
    }
    let parts = s.split(separator: "-")
    guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
      (1...31).contains(d)
    else { return nil }
    return .fixed(month: m, day: d)
  }

  /// The TimeML types of literal meanings ("date 1990" is a DATE), built once.
  private static let literalTypes = ["set": "SET", "duration": "DURATION", "date": "DATE"]

  /// Reads a phrase meaning (see `LexiconMeaning`).
  static func meaning(_ s: String) -> LexiconMeaning? {
    if s == "PRESENT_REF" || s == "PAST_REF" || s == "FUTURE_REF" { return .reference(s) }
    let parts = s.split(separator: " ").map(String.init)
    if parts.count == 2, parts[0] == "season",
      parts[1] == "SP" || parts[1] == "SU" || parts[1] == "FA" || parts[1] == "WI"
    {
      return .season(parts[1])
    }
    if parts.count == 2, let type = literalTypes[parts[0]] {
      return .literal(type: type, value: parts[1])
    }
    guard let head = parts.first, parts.count <= 2 else { return nil }
    var time: String?
    if parts.count == 2 {
      guard parts[1].hasPrefix("T"), ["TMO", "TAF", "TEV", "TNI", "TDT"].contains(parts[1]) else {
        return nil
      }
      time = parts[1]
    }
    var body = Substring(head)
    var narrative = false
    if body.hasSuffix("@narrative") {
      narrative = true
      body = body.dropLast(10)
    }
    guard let signIndex = body.firstIndex(where: { $0 == "+" || $0 == "-" }),
      let unit = unitNames[String(body[..<signIndex])],
      let n = Int(body[signIndex...].replacingOccurrences(of: "+", with: ""))
    else { return nil }
    return .shift(unit, n, narrative: narrative, time: time)
  }
}
