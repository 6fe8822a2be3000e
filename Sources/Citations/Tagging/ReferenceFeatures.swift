/// Turns the tokens of one reference into the features the tagger weighs.
///
/// Every feature is named by a short string `name=value` ("w=journal", "s=(dddd).", "sent=2|yr"),
/// made piece by piece into a `FeatureSink`: tagging hashes the pieces, training also keeps the
/// names for the weights file. They
/// describe the token itself (word, shape, affixes, punctuation, script, year/URL/DOI/initial
/// patterns, month names), its neighbours (±2 words and shapes, the punctuation that ends the
/// previous token), and where it sits in the reference (position, tokens left, inside
/// parentheses/brackets/quotes, after a year, how many sentence-like stops precede it). The
/// same function serves training and tagging, so the two can never disagree.
package enum ReferenceFeatures {
  /// Per-token facts computed once and shared by the token's own features and its neighbours'.
  package struct Facts {
    var core: String = ""  // lowercased, surrounding punctuation stripped, digits as 0
    var shape: String = ""
    var shortShape: String = ""
    var first: Unicode.Scalar? = nil
    var last: Unicode.Scalar? = nil
    var script: StaticString = "none"
    var coreLength = 0
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
  package static let boundaryContextCount = 60

  /// For each token, the context of the boundary before it, 1…`boundaryContextCount`: how the
  /// previous token ends (start of reference, ".", ",", ":", ";", ")" or "]", a closing quote,
  /// other punctuation, an initial such as "J.", no punctuation) times how this token opens (an
  /// opening bracket or quote, a capital, a digit, anything else, a year such as "(2001)." or
  /// "1999a,", a container opener such as "In", "in:", "dans" or "//"). Label changes depend on
  /// it far more than on the words, so the transition weights are learned per context.
  /// `markers` gives the container words (`citation-markers.tsv`).
  package static func boundaryContexts(_ tokens: [String], markers: CitationMarkers) -> [Int] {
    var contexts: [Int] = []
    contexts.reserveCapacity(tokens.count)
    var previousClass = 0
    for token in tokens {
      let scalars = token.unicodeScalars
      var opening = 3
      if let first = scalars.first {
        if first == "(" || first == "[" || first == "（" || first == "【" || isOpeningQuote(first) {
          opening = 0
        } else if first.properties.isUppercase {
          opening = 1
        } else if first.value >= 0x30 && first.value <= 0x39 {
          opening = 2
        }
        if opening != 1 && opening != 3 && startsWithYear(scalars) {
          opening = 4
        } else if opening != 2 && scalars.count <= 5 && isContainerOpener(scalars, markers: markers)
        {
          opening = 5
        }
      }
      contexts.append(1 + previousClass * 6 + opening)
      // How this token ends, for the next boundary.
      let facts = scalars.last
      switch facts {
      case ".":
        let letters = scalars.filter { $0.properties.isAlphabetic }
        previousClass =
          letters.count <= 2 && letters.allSatisfy({ $0.properties.isUppercase })
            && !letters.isEmpty ? 8 : 1
      // Full-width and ideographic marks (CJK references) count as their ASCII kin.
      case "。", "．": previousClass = 1
      case ",", "，", "、": previousClass = 2
      case ":", "：": previousClass = 3
      case ";", "；": previousClass = 4
      case ")", "]", "）", "】": previousClass = 5
      case .some(let last) where isClosingQuote(last): previousClass = 6
      case .some(let last) where isPunctuation(last): previousClass = 7
      default: previousClass = 9
      }
    }
    return contexts
  }

  /// Makes the features of every token, in order, into `sink` (`nextToken()` between tokens);
  /// the container and editor words come from `markers` (`citation-markers.tsv`).
  package static func extract<Sink: FeatureSink>(
    _ tokens: [String], markers: CitationMarkers, into sink: inout Sink
  ) {
    let facts = tokens.map(analyze)
    let n = tokens.count
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
    let yearPlace: StaticString =
      firstYear.map { $0 * 4 < n ? "early" : $0 * 3 >= n * 2 ? "late" : "mid" } ?? "none"
    var yearsAfter = facts.reduce(0) { $0 + ($1.isYear ? 1 : 0) }
    for i in 0..<n {
      if i > 0 { sink.nextToken() }
      let f = facts[i]
      sink.flag("b")
      sink.add("w=", f.core)
      sink.add("s=", f.shape)
      sink.add("ss=", f.shortShape)
      let coreScalars = f.core.unicodeScalars
      if f.coreLength > 3 {
        sink.start("p3=")
        for s in coreScalars.prefix(3) { sink.scalar(s) }
        sink.end()
        sink.start("x3=")
        for s in coreScalars.suffix(3) { sink.scalar(s) }
        sink.end()
      }
      if f.coreLength > 5 {
        sink.start("x5=")
        for s in coreScalars.suffix(5) { sink.scalar(s) }
        sink.end()
      }
      sink.start("last=")
      sink.scalar(f.last)
      sink.end()
      sink.start("first=")
      sink.scalar(f.first)
      sink.end()
      sink.start("sc=")
      sink.text(f.script)
      sink.end()
      sink.start("pos=")
      sink.bucket(i, positionLimits)
      sink.end()
      sink.start("rem=")
      sink.bucket(n - 1 - i, remainingLimits)
      sink.end()
      sink.start("rel=")
      sink.int(n > 1 ? (i * 8) / n : 0)
      sink.end()
      sink.start("len=")
      sink.bucket(f.length, lengthLimits)
      sink.end()
      if f.isYear { sink.flag("yr") }
      if f.isInitial { sink.flag("init") }
      if f.isCapitalized { sink.flag("cap") }
      if f.isAllCaps { sink.flag("caps") }
      if f.isNumber { sink.flag("num") }
      if f.isRange { sink.flag("range") }
      if f.isURL { sink.flag("url") }
      if f.isDOI { sink.flag("doi") }
      if f.isMonth { sink.flag("month") }
      if f.isRoman { sink.flag("roman") }
      // State before this token.
      let opens = f.opensParen && !(parenDepth > 0)
      sink.start("par=")
      sink.text(parenDepth > 0 ? "in" : opens ? "open" : "out")
      if f.closesParen { sink.text("c") }
      sink.end()
      if bracketDepth > 0 || f.opensBracket { sink.flag("brk") }
      if inQuote || f.opensQuote { sink.flag(f.closesQuote ? "quoc" : "quo") }
      let sent = min(sentences, 5)
      sink.start("sent=")
      sink.int(sent)
      sink.end()
      sink.start("sent=")
      sink.int(sent)
      sink.text("|yr=")
      sink.bool(yearSeen)
      sink.end()
      sink.start("sent=")
      sink.int(sent)
      sink.text("|cap=")
      sink.bool(f.isCapitalized)
      sink.end()
      sink.start("yrseen=")
      sink.bool(yearSeen)
      sink.text("|q=")
      sink.bool(quoteClosed)
      sink.end()
      if colonSeen { sink.flag("colon") }
      if inSeen {
        sink.start("inseen|sent=")
        sink.int(sent)
        sink.end()
        sink.start("inseen|dist=")
        sink.bucket(i - inMarker, distanceLimits)
        sink.end()
        sink.start("inseen|stops=")
        sink.bucket(sentences - stopsAtIn, stopLimits)
        sink.end()
      }
      if edSeen {
        sink.start("edseen|stops=")
        sink.bucket(sentences - stopsAtEd, stopLimits)
        sink.end()
      }
      sink.start("fy=")
      sink.text(yearPlace)
      sink.text("|sent=")
      sink.int(sent)
      sink.end()
      sink.start("fy=")
      sink.text(yearPlace)
      sink.text("|yr=")
      sink.bool(yearSeen)
      sink.text("|cap=")
      sink.bool(f.isCapitalized)
      sink.end()
      if f.isYear { yearsAfter -= 1 }
      sink.start("yrlater=")
      sink.bool(yearsAfter > 0)
      sink.text("|sent=")
      sink.int(sent)
      sink.end()
      sink.start("yrdist=")
      sink.bucket(i - lastYear, yearDistanceLimits)
      sink.end()
      // Neighbours.
      if i > 0 {
        let p = facts[i - 1]
        sink.add("w-1=", p.core)
        sink.add("s-1=", p.shortShape)
        sink.start("l-1=")
        sink.scalar(p.last)
        sink.end()
        sink.start("l-1|s=")
        sink.scalar(p.last)
        sink.text("|")
        sink.string(f.shortShape)
        sink.end()
        sink.start("l-1|w=")
        sink.scalar(p.last)
        sink.text("|")
        sink.string(f.core)
        sink.end()
        if p.isYear { sink.flag("yr-1") }
        if p.isInitial { sink.flag("init-1") }
        if p.endsSentence { sink.flag("stop-1") }
      } else {
        sink.flag("start")
      }
      if i > 1 {
        sink.add("w-2=", facts[i - 2].core)
        sink.add("s-2=", facts[i - 2].shortShape)
      }
      if i + 1 < n {
        let q = facts[i + 1]
        sink.add("w+1=", q.core)
        sink.add("s+1=", q.shortShape)
        if q.isYear { sink.flag("yr+1") }
        if q.isInitial { sink.flag("init+1") }
        sink.start("l|s+1=")
        sink.scalar(f.last)
        sink.text("|")
        sink.string(q.shortShape)
        sink.end()
      } else {
        sink.flag("end")
      }
      if i + 2 < n {
        sink.add("w+2=", facts[i + 2].core)
        sink.add("s+2=", facts[i + 2].shortShape)
      }
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
      let opensContainer =
        f.coreLength <= 4 && markers.container.contains(f.core)
        && (f.isCapitalized || previousEnd == "." || previousEnd == "," || previousEnd == "”"
          || previousEnd == ":")
      if opensContainer || f.shortShape == "/" {
        inSeen = true
        inMarker = i
        stopsAtIn = sentences + (f.endsSentence ? 1 : 0)
      }
      if f.coreLength <= 6 && markers.editor.contains(f.core) {
        edSeen = true
        stopsAtEd = sentences + (f.endsSentence ? 1 : 0)
      }
      if f.endsSentence { sentences += 1 }
      if f.last == ":" { colonSeen = true }
    }
  }

  /// Whether the token's first digits (after an opening bracket) are a year from 1400 to 2099
  /// not followed by another digit: "(2001).", "1999a,", "[2010]".
  package static func startsWithYear(_ scalars: String.UnicodeScalarView) -> Bool {
    var value = 0
    var digits = 0
    for s in scalars {
      if s.value >= 0x30 && s.value <= 0x39 {
        value = value * 10 + Int(s.value - 0x30)
        digits += 1
        if digits > 4 { return false }
      } else if digits == 0 && (s == "(" || s == "[" || s == "（") {
        continue
      } else {
        break
      }
    }
    return digits == 4 && value >= 1400 && value <= 2099
  }

  /// Whether a short token is a container opener on its own: "In", "in:", "dans", "В:", "//"
  /// (the words are `markers.container`).
  package static func isContainerOpener(
    _ scalars: String.UnicodeScalarView, markers: CitationMarkers
  ) -> Bool {
    var word = String.UnicodeScalarView()
    for s in scalars where s != ":" && s != "," { word.append(s) }
    if word.count == 2 && word.allSatisfy({ $0 == "/" }) { return true }
    return markers.container.contains(String(word).lowercased())
  }

  private static let positionLimits = [0, 1, 2, 3, 4, 5, 6, 8, 12, 20]
  private static let remainingLimits = [0, 1, 2, 3, 4, 6, 10]
  private static let lengthLimits = [1, 2, 3, 4, 6, 9, 14]
  private static let distanceLimits = [1, 2, 3, 5, 8, 13]
  private static let stopLimits = [0, 1, 2]
  private static let yearDistanceLimits = [1, 2, 3, 5, 8]

  /// Facts about one token.
  package static func analyze(_ token: String) -> Facts {
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
    var scriptCounts = [Int](repeating: 0, count: scriptNames.count)
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
        scriptCounts[scriptNumber(s)] += 1
      }
      for l in props.lowercaseMapping.unicodeScalars { core.append(l) }
    }
    if core.count > 24 { core = String.UnicodeScalarView(core.prefix(24)) }
    facts.core = String(core)
    facts.coreLength = core.count
    scriptCounts[0] += latinLetters
    // The script with the most letters (the first in `scriptNames` on a tie).
    var best = -1
    for k in scriptCounts.indices
    where scriptCounts[k] > 0 && (best < 0 || scriptCounts[k] > scriptCounts[best]) { best = k }
    facts.script = best >= 0 ? scriptNames[best] : facts.digits > 0 ? "digit" : "none"
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
    facts.isCapitalized =
      lo < hi
      && (scalars[lo].value < 0x80
        ? scalars[lo].value >= 0x41 && scalars[lo].value <= 0x5A
        : scalars[lo].properties.isUppercase)
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
      if let value = Int(run), value >= 1400, value <= 2099, coreLetters <= 2 {
        facts.isYear = true
      }
    }
    // Web addresses and DOIs: only tokens with "." or "/" need the whole lowercased token; in
    // others "http" and "doi" would be in the core.
    if scalars.contains(where: { $0 == "." || $0 == "/" }) {
      let lowerToken = token.lowercased()
      facts.isURL =
        lowerToken.includes("http") || lowerToken.includes("www.") || lowerToken.includes(".html")
        || lowerToken.includes(".org/") || lowerToken.includes(".com")
      facts.isDOI =
        lowerToken.includes("doi") || lowerToken.hasPrefix("10.") && lowerToken.includes("/")
    } else if facts.letters >= 3 {
      facts.isURL = facts.core.includes("http")
      facts.isDOI = facts.core.includes("doi")
    }
    // Initials: "A.", "A.B.", "J.-P.", "AB," (Vancouver), "Ж.".
    if coreLetters >= 1 && coreLetters <= 3 && upper == coreLetters && facts.digits == 0 {
      facts.isInitial =
        scalars.contains(".") || (coreLetters <= 2 && (facts.last == "," || hi == scalars.count))
    }
    facts.isMonth =
      facts.coreLength >= 3 && facts.coreLength <= 10 && facts.digits == 0
      && monthWords.contains(facts.core)
    facts.isRoman =
      coreLetters >= 1 && coreLetters <= 6
      && facts.core.unicodeScalars.allSatisfy { "ivxlc".unicodeScalars.contains($0) }
    // Sentence stops: a token ending with ".", "?", "!" (maybe inside a closing quote or
    // bracket) that is not an initial or a short abbreviation.
    var end = scalars.count - 1
    while end >= 0, isClosingMark(scalars[end]) { end -= 1 }
    if end >= 0,
      scalars[end] == "." || scalars[end] == "?" || scalars[end] == "!" || scalars[end] == "。"
    {
      facts.endsSentence = !facts.isInitial && (coreLetters >= 4 || facts.digits >= 2)
    }
    for s in scalars {
      switch s {
      case "(", "（": facts.opensParen = true
      case ")", "）": facts.closesParen = true
      case "[": facts.opensBracket = true
      case "]": facts.closesBracket = true
      default: break
      }
    }
    if let f = scalars.first, isOpeningQuote(f) { facts.opensQuote = true }
    if end >= 0 {
      var k = scalars.count - 1
      while k >= 0, isPunctuation(scalars[k]) {
        if isClosingQuote(scalars[k]) { facts.closesQuote = true }
        k -= 1
      }
    }
    if facts.opensQuote && facts.closesQuote && scalars.count == 1 { facts.closesQuote = false }
    return facts
  }

  /// Closing quotes and brackets that may follow a sentence's full stop.
  @inline(__always) package static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "”", "’", "'", "»", ")", "]", "›": return true
    default: return ReferenceToken.closesCJKPair(s)
    }
  }

  @inline(__always) package static func isOpeningQuote(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "“", "‘", "«", "„", "‹", "'", "「", "『", "《", "〈", "\u{F0854}": return true
    default: return false
    }
  }

  @inline(__always) package static func isClosingQuote(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "”", "’", "»", "“", "›", "'", "」", "』", "》", "〉", "\u{F0855}": return true
    default: return false
    }
  }

  package static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let v = s.value
      return !((v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A))
    }
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .privateUse, .spaceSeparator,
      .format:
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
      switch scriptNumber(s) {
      case 0: return props.isUppercase ? "X" : "x"
      case 1, 2: return props.isUppercase ? "C" : "c"
      case 5: return "h"
      case 3: return "k"
      case 4: return "g"
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

  /// The names `scriptNumber` numbers.
  package static let scriptNames: [StaticString] = [
    "latn", "grek", "cyrl", "kana", "hang", "hani", "rtl", "other",
  ]

  /// The script of a letter as an index into `scriptNames` (the ranges of `scriptName`).
  package static func scriptNumber(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v < 0x250 { return 0 }
    if v >= 0x370 && v < 0x400 { return 1 }
    if v >= 0x400 && v < 0x530 { return 2 }
    if v >= 0x1E00 && v < 0x1F00 { return 0 }
    if v >= 0x1F00 && v < 0x2000 { return 1 }
    if (v >= 0x3040 && v < 0x3100) || (v >= 0x31F0 && v < 0x3200) { return 3 }
    if (v >= 0xAC00 && v < 0xD7B0) || (v >= 0x1100 && v < 0x1200) || (v >= 0x3130 && v < 0x3190) {
      return 4
    }
    if (v >= 0x4E00 && v < 0xA000) || (v >= 0x3400 && v < 0x4DC0) || (v >= 0x20000 && v < 0x30000)
      || (v >= 0xF900 && v < 0xFB00)
    {
      return 5
    }
    if v >= 0x590 && v < 0x900 { return 6 }
    return 7
  }

  /// The script of a letter: "latn", "grek", "cyrl", "kana", "hang", "hani", "rtl" or "other".
  package static func scriptName(_ s: Unicode.Scalar) -> String {
    let v = s.value
    if v < 0x250 { return "latn" }
    if v >= 0x370 && v < 0x400 { return "grek" }
    if v >= 0x400 && v < 0x530 { return "cyrl" }
    if v >= 0x1E00 && v < 0x1F00 { return "latn" }
    if v >= 0x1F00 && v < 0x2000 { return "grek" }
    if (v >= 0x3040 && v < 0x3100) || (v >= 0x31F0 && v < 0x3200) { return "kana" }
    if (v >= 0xAC00 && v < 0xD7B0) || (v >= 0x1100 && v < 0x1200) || (v >= 0x3130 && v < 0x3190) {
      return "hang"
    }
    if (v >= 0x4E00 && v < 0xA000) || (v >= 0x3400 && v < 0x4DC0) || (v >= 0x20000 && v < 0x30000)
      || (v >= 0xF900 && v < 0xFB00)
    {
      return "hani"
    }
    if v >= 0x590 && v < 0x900 { return "rtl" }
    return "other"
  }

  /// Month names and abbreviations in the languages references are most often written in.
  package static let monthWords: Set<String> = {
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
