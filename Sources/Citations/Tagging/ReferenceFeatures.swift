/// Turns the tokens of one reference into the feature strings the tagger weighs.
///
/// Every feature is a short string `name=value` ("w=journal", "s=(dddd).", "sent=2|yr"). They
/// describe the token itself (word, shape, affixes, punctuation, script, year/URL/DOI/initial
/// patterns, month names), its neighbours (±2 words and shapes, the punctuation that ends the
/// previous token), and where it sits in the reference (position, tokens left, inside
/// parentheses/brackets/quotes, after a year, how many sentence-like stops precede it). The
/// same function serves training and tagging, so the two can never disagree.
enum ReferenceFeatures {
  /// Per-token facts computed once and shared by the token's own features and its neighbours'.
  struct Facts {
    var core: String = ""  // lowercased, surrounding punctuation stripped, digits as 0
    var shape: String = ""
    var shortShape: String = ""
    var first: Unicode.Scalar? = nil
    var last: Unicode.Scalar? = nil
    var script: String = "none"
    var isYear = false
    var isInitial = false
    var isCapitalized = false
    var isAllCaps = false
    var isNumber = false
    var isRange = false
    var isURL = false
    var isDOI = false
    var isMonth = false
    var isRoman = false
    var letters = 0
    var digits = 0
    var length = 0
    var endsSentence = false
    var opensParen = false
    var closesParen = false
    var opensBracket = false
    var closesBracket = false
    var opensQuote = false
    var closesQuote = false
  }

  /// How many boundary contexts `boundaryContexts` distinguishes (numbered from 1).
  static let boundaryContextCount = 40

  /// For each token, the context of the boundary before it, 1…`boundaryContextCount`: how the
  /// previous token ends (start of reference, ".", ",", ":", ";", ")" or "]", a closing quote,
  /// other punctuation, an initial such as "J.", no punctuation) times how this token opens (an
  /// opening bracket or quote, a capital, a digit, anything else). Label changes depend on it
  /// far more than on the words, so the transition weights are learned per context.
  static func boundaryContexts(_ tokens: [String]) -> [Int] {
    var contexts: [Int] = []
    contexts.reserveCapacity(tokens.count)
    var previousClass = 0
    for token in tokens {
      let scalars = token.unicodeScalars
      var opening = 3
      if let first = scalars.first {
        if first == "(" || first == "[" || openingQuotes.contains(first) {
          opening = 0
        } else if first.properties.isUppercase {
          opening = 1
        } else if first.value >= 0x30 && first.value <= 0x39 {
          opening = 2
        }
      }
      contexts.append(1 + previousClass * 4 + opening)
      // How this token ends, for the next boundary.
      let facts = scalars.last
      switch facts {
      case ".":
        let letters = scalars.filter { $0.properties.isAlphabetic }
        previousClass = letters.count <= 2 && letters.allSatisfy({ $0.properties.isUppercase }) && !letters.isEmpty ? 8 : 1
      case ",": previousClass = 2
      case ":": previousClass = 3
      case ";": previousClass = 4
      case ")", "]": previousClass = 5
      case .some(let last) where closingQuotes.contains(last): previousClass = 6
      case .some(let last) where isPunctuation(last): previousClass = 7
      default: previousClass = 9
      }
    }
    return contexts
  }

  /// The features of the second stage: the first stage's features plus what the first stage's
  /// labels say around each token (its label and its neighbours', the labels of the segments
  /// before and after its segment, its place in the segment, how many segments share its label).
  static func stacked(_ features: [[String]], firstLabels labels: [String]) -> [[String]] {
    let n = labels.count
    // Segments of the first stage.
    var segmentOf = [Int](repeating: 0, count: n)
    var segmentLabels: [String] = []
    var segmentStart: [Int] = []
    for i in 0..<n {
      if i == 0 || labels[i] != labels[i - 1] {
        segmentLabels.append(labels[i])
        segmentStart.append(i)
      }
      segmentOf[i] = segmentLabels.count - 1
    }
    var labelSegments: [String: Int] = [:]
    for label in segmentLabels { labelSegments[label, default: 0] += 1 }
    let present = Set(labels)
    var result: [[String]] = []
    result.reserveCapacity(n)
    for i in 0..<n {
      var out = features[i]
      let p0 = labels[i]
      let pPrevious = i > 0 ? labels[i - 1] : "^"
      let pNext = i + 1 < n ? labels[i + 1] : "$"
      let segment = segmentOf[i]
      let segmentBefore = segment > 0 ? segmentLabels[segment - 1] : "^"
      let segmentAfter = segment + 1 < segmentLabels.count ? segmentLabels[segment + 1] : "$"
      let segmentEnd = segment + 1 < segmentStart.count ? segmentStart[segment + 1] : n
      out.append("p0=" + p0)
      out.append("p-1=" + pPrevious)
      out.append("p+1=" + pNext)
      out.append("p-1|p0=" + pPrevious + "|" + p0)
      out.append("p0|p+1=" + p0 + "|" + pNext)
      out.append("p-2=" + (i > 1 ? labels[i - 2] : "^"))
      out.append("p+2=" + (i + 2 < n ? labels[i + 2] : "$"))
      out.append("sb|p0|sa=" + segmentBefore + "|" + p0 + "|" + segmentAfter)
      out.append("sb|p0=" + segmentBefore + "|" + p0)
      out.append("p0|sa=" + p0 + "|" + segmentAfter)
      out.append("sidx=" + bucket(segment, [0, 1, 2, 3, 4, 6]) + "|" + p0)
      out.append("inseg=" + bucket(i - segmentStart[segment], [0, 1, 2, 4]) + "|" + bucket(segmentEnd - 1 - i, [0, 1, 2, 4]) + "|" + p0)
      out.append("dup=" + p0 + "|" + bucket(labelSegments[p0] ?? 0, [1, 2, 3]))
      for key in ["journal", "container-title", "editor", "publisher", "date", "author"] {
        out.append("has-\(key)=\(present.contains(key))|" + p0)
      }
      out.append("w|p0=" + (features[i].first { $0.hasPrefix("w=") } ?? "") + "|" + p0)
      result.append(out)
    }
    return result
  }

  /// The features of every token, in order.
  static func extract(_ tokens: [String]) -> [[String]] {
    let facts = tokens.map(analyze)
    let n = tokens.count
    var result: [[String]] = []
    result.reserveCapacity(n)
    var parenDepth = 0
    var bracketDepth = 0
    var inQuote = false
    var yearSeen = false
    var sentences = 0
    var colonSeen = false
    var quoteClosed = false
    var inSeen = false
    var inMarker = 0
    var stopsAtIn = 0
    var edSeen = false
    var stopsAtEd = 0
    var lastYear = -100
    // Where the first year is (early: within the first quarter, as in APA and Harvard; late: in
    // the last third, as in Chicago notes and Vancouver), and whether a year comes later.
    let firstYear = facts.firstIndex { $0.isYear }
    let yearPlace = firstYear.map { $0 * 4 < n ? "early" : $0 * 3 >= n * 2 ? "late" : "mid" } ?? "none"
    var yearsAfter = facts.filter(\.isYear).count
    for i in 0..<n {
      let f = facts[i]
      var out: [String] = []
      out.reserveCapacity(48)
      out.append("b")
      out.append("w=" + f.core)
      out.append("s=" + f.shape)
      out.append("ss=" + f.shortShape)
      if f.core.unicodeScalars.count > 3 {
        out.append("p3=" + String(String.UnicodeScalarView(f.core.unicodeScalars.prefix(3))))
        out.append("x3=" + String(String.UnicodeScalarView(f.core.unicodeScalars.suffix(3))))
      }
      if f.core.unicodeScalars.count > 5 {
        out.append("x5=" + String(String.UnicodeScalarView(f.core.unicodeScalars.suffix(5))))
      }
      out.append("last=" + (f.last.map { String($0) } ?? "_"))
      out.append("first=" + (f.first.map { String($0) } ?? "_"))
      out.append("sc=" + f.script)
      out.append("pos=" + bucket(i, [0, 1, 2, 3, 4, 5, 6, 8, 12, 20]))
      out.append("rem=" + bucket(n - 1 - i, [0, 1, 2, 3, 4, 6, 10]))
      out.append("rel=" + String(n > 1 ? (i * 8) / n : 0))
      out.append("len=" + bucket(f.length, [1, 2, 3, 4, 6, 9, 14]))
      if f.isYear { out.append("yr") }
      if f.isInitial { out.append("init") }
      if f.isCapitalized { out.append("cap") }
      if f.isAllCaps { out.append("caps") }
      if f.isNumber { out.append("num") }
      if f.isRange { out.append("range") }
      if f.isURL { out.append("url") }
      if f.isDOI { out.append("doi") }
      if f.isMonth { out.append("month") }
      if f.isRoman { out.append("roman") }
      // State before this token.
      let opens = f.opensParen && !(parenDepth > 0)
      out.append("par=" + (parenDepth > 0 ? "in" : opens ? "open" : "out") + (f.closesParen ? "c" : ""))
      if bracketDepth > 0 || f.opensBracket { out.append("brk") }
      if inQuote || f.opensQuote { out.append("quo" + (f.closesQuote ? "c" : "")) }
      let sent = min(sentences, 5)
      out.append("sent=" + String(sent))
      out.append("sent=\(sent)|yr=\(yearSeen)")
      out.append("sent=\(sent)|cap=\(f.isCapitalized)")
      out.append("yrseen=\(yearSeen)|q=\(quoteClosed)")
      if colonSeen { out.append("colon") }
      if inSeen {
        out.append("inseen|sent=\(sent)")
        out.append("inseen|dist=" + bucket(i - inMarker, [1, 2, 3, 5, 8, 13]))
        out.append("inseen|stops=" + bucket(sentences - stopsAtIn, [0, 1, 2]))
      }
      if edSeen { out.append("edseen|stops=" + bucket(sentences - stopsAtEd, [0, 1, 2])) }
      out.append("fy=\(yearPlace)|sent=\(sent)")
      out.append("fy=\(yearPlace)|yr=\(yearSeen)|cap=\(f.isCapitalized)")
      if f.isYear { yearsAfter -= 1 }
      out.append("yrlater=\(yearsAfter > 0)|sent=\(sent)")
      out.append("yrdist=" + bucket(i - lastYear, [1, 2, 3, 5, 8]))
      // Neighbours.
      if i > 0 {
        let p = facts[i - 1]
        out.append("w-1=" + p.core)
        out.append("s-1=" + p.shortShape)
        out.append("l-1=" + (p.last.map { String($0) } ?? "_"))
        out.append("l-1|s=" + (p.last.map { String($0) } ?? "_") + "|" + f.shortShape)
        out.append("w-1|w=" + p.core + "|" + f.core)
        out.append("l-1|w=" + (p.last.map { String($0) } ?? "_") + "|" + f.core)
        if p.isYear { out.append("yr-1") }
        if p.isInitial { out.append("init-1") }
        if p.endsSentence { out.append("stop-1") }
      } else {
        out.append("start")
      }
      if i > 1 {
        out.append("w-2=" + facts[i - 2].core)
        out.append("s-2=" + facts[i - 2].shortShape)
      }
      if i + 1 < n {
        let q = facts[i + 1]
        out.append("w+1=" + q.core)
        out.append("s+1=" + q.shortShape)
        out.append("w|w+1=" + f.core + "|" + q.core)
        if q.isYear { out.append("yr+1") }
        if q.isInitial { out.append("init+1") }
        out.append("l|s+1=" + (f.last.map { String($0) } ?? "_") + "|" + q.shortShape)
      } else {
        out.append("end")
      }
      if i + 2 < n {
        out.append("w+2=" + facts[i + 2].core)
        out.append("s+2=" + facts[i + 2].shortShape)
      }
      result.append(out)
      // Update the state after this token.
      if f.opensParen { parenDepth += 1 }
      if f.closesParen { parenDepth = max(0, parenDepth - 1) }
      if f.opensBracket { bracketDepth += 1 }
      if f.closesBracket { bracketDepth = max(0, bracketDepth - 1) }
      if f.opensQuote && !f.closesQuote { inQuote = true }
      if f.closesQuote {
        inQuote = false
        quoteClosed = true
      }
      if f.isYear {
        yearSeen = true
        lastYear = i
      }
      // "In" opening a container ("… managers. In Working on Country", "//" in GOST), not the
      // preposition inside a title.
      let previousEnd = i > 0 ? facts[i - 1].last : "."
      let opensContainer = ["in", "dans", "в", "en", "im", "na", "u", "у"].contains(f.core)
        && (f.isCapitalized || previousEnd == "." || previousEnd == "," || previousEnd == "”" || previousEnd == ":")
      if opensContainer || f.shortShape == "/" {
        inSeen = true
        inMarker = i
        stopsAtIn = sentences + (f.endsSentence ? 1 : 0)
      }
      if ["ed", "eds", "edited", "hrsg", "hg", "éd", "dir", "под", "ред", "ed.by"].contains(f.core) {
        edSeen = true
        stopsAtEd = sentences + (f.endsSentence ? 1 : 0)
      }
      if f.endsSentence { sentences += 1 }
      if f.last == ":" { colonSeen = true }
    }
    return result
  }

  static func bucket(_ value: Int, _ limits: [Int]) -> String {
    for limit in limits where value <= limit { return String(limit) }
    return "+"
  }

  /// Facts about one token.
  static func analyze(_ token: String) -> Facts {
    var facts = Facts()
    let scalars = Array(token.unicodeScalars)
    facts.length = scalars.count
    facts.first = scalars.first.flatMap { isPunctuation($0) ? $0 : nil }
    facts.last = scalars.last.flatMap { isPunctuation($0) ? $0 : nil }
    // Core: strip surrounding punctuation.
    var lo = 0
    var hi = scalars.count
    while lo < hi, isPunctuation(scalars[lo]) { lo += 1 }
    while hi > lo, isPunctuation(scalars[hi - 1]) { hi -= 1 }
    var core = String.UnicodeScalarView()
    var upper = 0
    var lower = 0
    var digitRun = 0
    var maxDigitRun = 0
    var scriptCounts: [String: Int] = [:]
    var hasDash = false
    var latinLetters = 0
    for index in lo..<hi {
      let s = scalars[index]
      let props = s.properties
      if s.value >= 0x30 && s.value <= 0x39 {
        core.append("0")
        facts.digits += 1
        digitRun += 1
        maxDigitRun = max(maxDigitRun, digitRun)
        continue
      }
      digitRun = 0
      if s.value < 0x80 {
        // ASCII fast path.
        let v = s.value
        if v >= 0x41 && v <= 0x5A {
          facts.letters += 1
          upper += 1
          latinLetters += 1
          core.append(Unicode.Scalar(UInt8(v + 32)))
        } else if v >= 0x61 && v <= 0x7A {
          facts.letters += 1
          lower += 1
          latinLetters += 1
          core.append(s)
        } else {
          if s == "-" { hasDash = true }
          core.append(s)
        }
        continue
      }
      if s == "–" || s == "—" { hasDash = true }
      if props.isAlphabetic {
        facts.letters += 1
        if props.isUppercase { upper += 1 }
        if props.isLowercase { lower += 1 }
        scriptCounts[scriptName(s), default: 0] += 1
      }
      for l in props.lowercaseMapping.unicodeScalars { core.append(l) }
    }
    if core.count > 24 { core = String.UnicodeScalarView(core.prefix(24)) }
    facts.core = String(core)
    if latinLetters > 0 { scriptCounts["latn", default: 0] += latinLetters }
    facts.script = scriptCounts.max { $0.value < $1.value }?.key ?? (facts.digits > 0 ? "digit" : "none")
    // Shape.
    var shape = String.UnicodeScalarView()
    var shortShape = String.UnicodeScalarView()
    var previous: Unicode.Scalar? = nil
    for s in scalars {
      let c = shapeClass(s)
      if shape.count < 16 { shape.append(c) }
      if c != previous { shortShape.append(c) }
      previous = c
    }
    facts.shape = String(shape)
    facts.shortShape = String(shortShape)
    let coreLetters = facts.letters
    facts.isCapitalized = lo < hi && scalars[lo].properties.isUppercase
    facts.isAllCaps = coreLetters >= 2 && upper == coreLetters
    facts.isNumber = facts.digits > 0 && coreLetters == 0 && !hasDash
    facts.isRange = facts.digits > 0 && hasDash && coreLetters <= 2
    if maxDigitRun == 4, hi > lo {
      // A year: four digits from 1400 to 2099, optionally with a letter suffix (2004a).
      var run = ""
      for index in lo..<hi where scalars[index].value >= 0x30 && scalars[index].value <= 0x39 {
        run.unicodeScalars.append(scalars[index])
        if run.count == 4 { break }
      }
      if let value = Int(run), value >= 1400, value <= 2099, coreLetters <= 2 { facts.isYear = true }
    }
    let lowerToken = token.lowercased()
    facts.isURL = lowerToken.includes("http") || lowerToken.includes("www.") || lowerToken.includes(".html")
      || lowerToken.includes(".org/") || lowerToken.includes(".com")
    facts.isDOI = lowerToken.includes("doi") || lowerToken.hasPrefix("10.") && lowerToken.includes("/")
    // Initials: "A.", "A.B.", "J.-P.", "AB," (Vancouver), "Ж.".
    if coreLetters >= 1 && coreLetters <= 3 && upper == coreLetters && facts.digits == 0 {
      facts.isInitial = scalars.contains(".") || (coreLetters <= 2 && (facts.last == "," || hi == scalars.count))
    }
    facts.isMonth = monthWords.contains(facts.core)
    facts.isRoman = coreLetters >= 1 && coreLetters <= 6 && facts.core.unicodeScalars.allSatisfy { "ivxlc".unicodeScalars.contains($0) }
    // Sentence stops: a token ending with ".", "?", "!" (maybe inside a closing quote or
    // bracket) that is not an initial or a short abbreviation.
    var end = scalars.count - 1
    while end >= 0, closingMarks.contains(scalars[end]) { end -= 1 }
    if end >= 0, scalars[end] == "." || scalars[end] == "?" || scalars[end] == "!" {
      facts.endsSentence = !facts.isInitial && (coreLetters >= 4 || facts.digits >= 2)
    }
    for s in scalars {
      switch s {
      case "(": facts.opensParen = true
      case ")": facts.closesParen = true
      case "[": facts.opensBracket = true
      case "]": facts.closesBracket = true
      default: break
      }
    }
    if let f = scalars.first, openingQuotes.contains(f) { facts.opensQuote = true }
    if end >= 0 {
      var k = scalars.count - 1
      while k >= 0, isPunctuation(scalars[k]) {
        if closingQuotes.contains(scalars[k]) { facts.closesQuote = true }
        k -= 1
      }
    }
    if facts.opensQuote && facts.closesQuote && scalars.count == 1 { facts.closesQuote = false }
    return facts
  }

  private static let closingMarks: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "»", ")", "]", "›"]
  private static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "‘", "«", "„", "‹", "'", "「", "『", "《", "\u{F0854}"]
  private static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”", "’", "»", "“", "›", "'", "」", "』", "》", "\u{F0855}"]

  static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let v = s.value
      return !((v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A))
    }
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .privateUse, .spaceSeparator, .format:
      return true
    default:
      return false
    }
  }

  private static func shapeClass(_ s: Unicode.Scalar) -> Unicode.Scalar {
    let v = s.value
    if v < 0x80 {
      if v >= 0x30 && v <= 0x39 { return "d" }
      if v >= 0x41 && v <= 0x5A { return "X" }
      if v >= 0x61 && v <= 0x7A { return "x" }
      return s
    }
    let props = s.properties
    if props.numericType != nil { return "d" }
    if props.isAlphabetic {
      switch scriptName(s) {
      case "latn": return props.isUppercase ? "X" : "x"
      case "cyrl", "grek": return props.isUppercase ? "C" : "c"
      case "hani": return "h"
      case "kana": return "k"
      case "hang": return "g"
      default: return "a"
      }
    }
    if isPunctuation(s) {
      switch s {
      case "–", "—", "‐", "‑", "−": return "-"
      case "“", "”", "„", "«", "»": return "\""
      case "‘", "’": return "'"
      default: return s
      }
    }
    return "o"
  }

  static func scriptName(_ s: Unicode.Scalar) -> String {
    let v = s.value
    if v < 0x250 { return "latn" }
    if v >= 0x370 && v < 0x400 { return "grek" }
    if v >= 0x400 && v < 0x530 { return "cyrl" }
    if v >= 0x1E00 && v < 0x1F00 { return "latn" }
    if v >= 0x1F00 && v < 0x2000 { return "grek" }
    if (v >= 0x3040 && v < 0x3100) || (v >= 0x31F0 && v < 0x3200) { return "kana" }
    if (v >= 0xAC00 && v < 0xD7B0) || (v >= 0x1100 && v < 0x1200) || (v >= 0x3130 && v < 0x3190) { return "hang" }
    if (v >= 0x4E00 && v < 0xA000) || (v >= 0x3400 && v < 0x4DC0) || (v >= 0x20000 && v < 0x30000) || (v >= 0xF900 && v < 0xFB00) {
      return "hani"
    }
    if v >= 0x590 && v < 0x900 { return "rtl" }
    return "other"
  }

  /// Month names and abbreviations in the languages references are most often written in.
  static let monthWords: Set<String> = {
    let words = """
      january february march april may june july august september october november december
      jan feb mar apr jun jul aug sep sept oct nov dec spring summer fall autumn winter
      januar februar märz mai juni juli oktober dezember
      janvier février mars avril juin juillet août septembre octobre novembre décembre
      enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
      gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
      janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
      января февраля марта апреля мая июня июля августа сентября октября ноября декабря
      январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
      січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
      """
    return Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
  }()
}
