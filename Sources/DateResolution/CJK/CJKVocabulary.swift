import NormalizeCore

/// The words and numerals of the CJK date scanner for one language, read from
/// `Lexicons/<lang>/cjk-dates.tsv` (`class<TAB>word<TAB>value…`, documented in
/// Lexicons/README.md): "去年 → year-1", "年 → year marker and year unit", "十 → power 10",
/// "星期三 → weekday 3", "令和 → era from 2018", "春节 → lunar 01-01".
///
/// ```
/// # Lexicons/zh/cjk-dates.tsv
/// digit	一	1
/// power	十	10
/// year	年
/// relative	去年	year-1
/// ```
///
/// Words are sequences of scalars matched against one-scalar tokens (Han, kana, Hangul and
/// punctuation), longest first.
struct CJKVocabulary: Sendable {
  static let kind = "cjk-dates"

  /// Every meaning a lexicon gives one word.
  var words: [[UInt32]: CJKWord] = [:]
  /// The words as a trie over their scalars, for the scanner (rebuilt by `parse` and `merge`).
  private(set) var index = CJKWordIndex([:])
  /// First scalars of all words: a token whose scalar is not here starts no word.
  var firstScalars: Set<UInt32> = []
  /// The longest word, in scalars.
  var maxLength = 0
  /// Korean: a word must start a space-separated word (particles follow it, nothing precedes).
  var wordsStartAfterSpace = false

  var isEmpty: Bool { words.isEmpty }
  /// Whether any word is of class `not-date`.
  var hasNotDateWords = false

  mutating func merge(_ other: CJKVocabulary) {
    for (key, word) in other.words { words[key, default: CJKWord()].merge(word) }
    firstScalars.formUnion(other.firstScalars)
    maxLength = max(maxLength, other.maxLength)
    wordsStartAfterSpace = wordsStartAfterSpace || other.wordsStartAfterSpace
    hasNotDateWords = hasNotDateWords || other.hasNotDateWords
    index = CJKWordIndex(words)
  }

  /// Reads `cjk-dates` entries; every malformed line is an error naming `path:line`.
  static func parse(_ entries: [LexiconEntry]) throws -> CJKVocabulary {
    var v = CJKVocabulary()
    for entry in entries {
      let f = entry.fields
      func fail(_ message: String) -> DateResolutionError {
        .badDateWord(location: entry.location, message: message)
      }
      guard f.count >= 2 else {
        throw fail("expected class<TAB>word[<TAB>value…], found \(f.count) field(s)")
      }
      if f[0] == "setting" {
        guard f.count == 3, f[1] == "words-start-after-space", f[2] == "yes" || f[2] == "no" else {
          throw fail("the only setting is words-start-after-space<TAB>yes|no")
        }
        v.wordsStartAfterSpace = f[2] == "yes"
        continue
      }
      let key = f[1].unicodeScalars.map(\.value)
      guard !key.isEmpty else { throw fail("empty word") }
      guard !f[1].unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
        throw fail(
          "\"\(f[1])\" has a space: words are matched within a run of characters (write 이번주, not 이번 주)"
        )
      }
      var word = CJKWord()
      func value(_ index: Int) throws -> String {
        guard f.count > index else {
          throw fail("class \(f[0]) needs a value in field \(index + 1)")
        }
        return f[index]
      }
      func integer(_ index: Int, in range: ClosedRange<Int>) throws -> Int {
        let text = try value(index)
        guard let n = Int(text), range.contains(n) else {
          throw fail("\"\(text)\" is not a number in \(range)")
        }
        return n
      }
      switch f[0] {
      case "digit":
        word.digit = try value(2) == "X" ? -1 : try integer(2, in: 0...9)
      case "power":
        let p = try integer(2, in: 10...100_000_000)
        guard [10, 100, 1000, 10_000, 100_000_000].contains(p) else {
          throw fail("a power is 10, 100, 1000, 10000 or 100000000")
        }
        word.power = p
      case "approx":
        let mod = try value(2)
        guard TemporalMention.mods.contains(mod) else {
          throw fail("\"\(mod)\" is not a TIMEX3 mod")
        }
        word.approx = mod
      case "unit":
        guard let unit = Self.units[try value(2)] else {
          throw fail(
            "unknown unit \"\(f[2])\" (\(Self.units.keys.sorted().joined(separator: ", ")))")
        }
        word.unit = unit
      case "relative":
        guard let r = CJKRelative(try value(2), time: f.count > 3 ? f[3] : nil) else {
          throw fail(
            "\"\(f[2])\" is not <unit><+|-><n>, PRESENT_REF, PAST_REF, FUTURE_REF, narrative, narrative-year[-1|+1] or a duration P…"
          )
        }
        word.relative = r
      case "bound":
        guard let r = CJKRelative(try value(2), time: nil), f.count >= 4 else {
          throw fail(
            "bound needs a meaning and the characters that may follow (and optionally those that may not precede, or =those that must)"
          )
        }
        let previous = f.count > 4 ? f[4] : ""
        let required = previous.hasPrefix("=")
        word.bound.append(
          CJKBound(
            meaning: r, next: Set(f[3].unicodeScalars.map(\.value)),
            previous: Set(previous.unicodeScalars.map(\.value).filter { $0 != 0x3D }),
            previousRequired: required))
      case "annual":
        word.annual = try value(2)
      case "annual-blockers":
        word.annualBlockers = Set(try value(2).unicodeScalars.map(\.value))
      case "weekday":
        word.weekday = try integer(2, in: 1...7)
      case "weekday-short":
        word.shortWeekday = try integer(2, in: 1...7)
      case "part-of-day":
        let code = try value(2)
        guard ["TMO", "TAF", "TEV", "TNI", "TMI", "TDT"].contains(code) else {
          throw fail("part of day is TMO, TAF, TEV, TNI, TMI or TDT")
        }
        word.partOfDay = CJKPartOfDay(code: code, pm: f.count > 3 && f[3] == "pm")
      case "season":
        let s = try value(2)
        guard ["SP", "SU", "FA", "WI"].contains(s) else { throw fail("season is SP, SU, FA or WI") }
        word.season = s
      case "half-year":
        let h = try value(2)
        guard h == "H1" || h == "H2" else { throw fail("half-year is H1 or H2") }
        word.halfYear = h == "H1" ? 1 : 2
      case "part":
        let mod = try value(2)
        guard ["START", "MID", "END"].contains(mod) else { throw fail("part is START, MID or END") }
        word.part = mod
      case "holiday":
        guard let h = CJKHoliday(try value(2)) else {
          throw fail("holiday is MM-DD, lunar-MM-DD or lunar-eve")
        }
        word.holiday = h
      case "era":
        word.era = try integer(2, in: 0...3000)
      default:
        guard let marker = Self.markers[f[0]] else {
          throw fail("unknown class \"\(f[0])\"; see Lexicons/README.md, cjk-dates.tsv")
        }
        word.markers.insert(marker)
      }
      v.words[key, default: CJKWord()].merge(word)
      v.hasNotDateWords = v.hasNotDateWords || word.markers.contains(.notDate)
      v.firstScalars.insert(key[0])
      v.maxLength = max(v.maxLength, key.count)
    }
    v.index = CJKWordIndex(v.words)
    return v
  }

  static let units: [String: TimeUnit] = [
    "second": .second, "minute": .minute, "hour": .hour, "day": .day, "week": .week,
    "month": .month,
    "quarter": .quarter, "year": .year, "decade": .decade, "century": .century,
  ]

  static let markers: [String: CJKMarkers] = [
    "year": .year, "month": .month, "day": .day, "hour": .hour, "minute": .minute, "half": .half,
    "decade": .decade, "century": .century, "quarter": .quarter, "ordinal": .ordinal,
    "range": .range,
    "before": .before, "after": .after, "since": .since, "span-prefix": .spanPrefix,
    "every": .every,
    "time-prefix": .timePrefix, "era-first-year": .eraFirstYear, "dateline-end": .datelineEnd,
    "day-after-month": .dayAfterMonth, "link": .link, "not-date": .notDate,
  ]
}

/// Word classes that are plain markers (no value).
struct CJKMarkers: OptionSet, Sendable {
  let rawValue: UInt32
  static let year = CJKMarkers(rawValue: 1 << 0)
  static let month = CJKMarkers(rawValue: 1 << 1)
  static let day = CJKMarkers(rawValue: 1 << 2)
  static let hour = CJKMarkers(rawValue: 1 << 3)
  static let minute = CJKMarkers(rawValue: 1 << 4)
  static let half = CJKMarkers(rawValue: 1 << 5)
  static let decade = CJKMarkers(rawValue: 1 << 6)
  static let century = CJKMarkers(rawValue: 1 << 7)
  static let quarter = CJKMarkers(rawValue: 1 << 8)
  static let ordinal = CJKMarkers(rawValue: 1 << 9)
  static let range = CJKMarkers(rawValue: 1 << 10)
  static let before = CJKMarkers(rawValue: 1 << 11)
  static let after = CJKMarkers(rawValue: 1 << 12)
  static let since = CJKMarkers(rawValue: 1 << 13)
  static let spanPrefix = CJKMarkers(rawValue: 1 << 14)
  static let every = CJKMarkers(rawValue: 1 << 15)
  static let timePrefix = CJKMarkers(rawValue: 1 << 16)
  static let eraFirstYear = CJKMarkers(rawValue: 1 << 17)
  static let datelineEnd = CJKMarkers(rawValue: 1 << 18)
  static let dayAfterMonth = CJKMarkers(rawValue: 1 << 19)
  static let link = CJKMarkers(rawValue: 1 << 20)
  static let notDate = CJKMarkers(rawValue: 1 << 21)
}

/// Everything the lexicons say about one word ("年" is a year marker and a year unit).
struct CJKWord: Sendable {
  /// 0–9, or -1 for an unknown digit (几 "some").
  var digit: Int?
  var power: Int?
  /// A TIMEX3 mod for "more than" / "about" words (多, 左右).
  var approx: String?
  var markers: CJKMarkers = []
  var unit: TimeUnit?
  var relative: CJKRelative?
  var bound: [CJKBound] = []
  /// "Per year" before this head: the value (P1Y).
  var annual: String?
  /// For the year marker: characters after which it is part of a word (青年, 当年), not "per year".
  var annualBlockers: Set<UInt32>?
  var weekday: Int?
  /// A one-character weekday, read only in brackets after a date (3月5日（火）).
  var shortWeekday: Int?
  var partOfDay: CJKPartOfDay?
  var season: String?
  var halfYear: Int?
  /// START, MID or END: a part of the period before it (初, 中旬, 底).
  var part: String?
  var holiday: CJKHoliday?
  /// An era's year 0 in the Gregorian calendar (令和 2018: 令和5年 = 2023).
  var era: Int?

  mutating func merge(_ o: CJKWord) {
    digit = digit ?? o.digit
    power = power ?? o.power
    approx = approx ?? o.approx
    markers.formUnion(o.markers)
    unit = unit ?? o.unit
    relative = relative ?? o.relative
    bound += o.bound
    annual = annual ?? o.annual
    annualBlockers = annualBlockers ?? o.annualBlockers
    weekday = weekday ?? o.weekday
    shortWeekday = shortWeekday ?? o.shortWeekday
    partOfDay = partOfDay ?? o.partOfDay
    season = season ?? o.season
    halfYear = halfYear ?? o.halfYear
    part = part ?? o.part
    holiday = holiday ?? o.holiday
    era = era ?? o.era
  }
}

/// What a relative word means.
enum CJKRelative: Sendable, Equatable {
  /// A shift of the DCT ("去年" year -1), with a part of the day ("今晚" TEV).
  case shift(TimeUnit, Int, time: String?)
  /// A value that needs no resolution (PRESENT_REF, PAST_REF, FUTURE_REF).
  case reference(String)
  /// A duration (全年 P1Y).
  case duration(String)
  /// The time the narrative is at (当时 "at that time").
  case narrative
  /// The year the narrative is at (当年 "that year"), moved by years (上年 -1 "the year
  /// before", 翌年 +1 "the following year").
  case narrativeYear(Int)

  init?(_ text: String, time: String?) {
    switch text {
    case "PRESENT_REF", "PAST_REF", "FUTURE_REF": self = .reference(text)
    case "narrative": self = .narrative
    case "narrative-year": self = .narrativeYear(0)
    case "narrative-year-1": self = .narrativeYear(-1)
    case "narrative-year+1": self = .narrativeYear(1)
    default:
      if text.hasPrefix("P"), text.count >= 3 {
        self = .duration(text)
        return
      }
      guard let sign = text.firstIndex(where: { $0 == "+" || $0 == "-" }),
        let unit = CJKVocabulary.units[String(text[..<sign])],
        let n = Int(text[sign...].replacingOccurrences(of: "+", with: ""))
      else { return nil }
      self = .shift(unit, n, time: time)
    }
  }
}

/// A one-character reference that counts only between certain neighbours (现 in 现有, 现已).
struct CJKBound: Sendable {
  var meaning: CJKRelative
  /// Scalars one of which must follow.
  var next: Set<UInt32>
  /// Scalars that may not precede (or, when `previousRequired`, one of which must).
  var previous: Set<UInt32>
  var previousRequired: Bool
}

/// A part of the day: its TIMEX3 code and whether hours under 12 are p.m. (下午3点 = 15:00).
struct CJKPartOfDay: Sendable {
  var code: String
  var pm: Bool
}

/// A holiday's date rule: fixed Gregorian, or in the Chinese lunisolar calendar.
enum CJKHoliday: Sendable, Equatable {
  case fixed(month: Int, day: Int)
  case lunar(month: Int, day: Int)
  /// The last day of the lunar year (除夕): the day before the lunar new year.
  case lunarEve

  init?(_ text: String) {
    if text == "lunar-eve" {
      self = .lunarEve
      return
    }
    let lunar = text.hasPrefix("lunar-")
    let parts = (lunar ? text.dropFirst(6) : Substring(text)).split(separator: "-")
    guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
      (1...31).contains(d)
    else { return nil }
    self = lunar ? .lunar(month: m, day: d) : .fixed(month: m, day: d)
  }
}

/// The words of a `CJKVocabulary` as a trie: one dictionary lookup per scalar with an integer
/// key (node, scalar), no allocation while matching.
struct CJKWordIndex: Sendable {
  /// Child node of (parent node << 21 | scalar).
  private var children: [UInt64: Int32] = [:]
  /// The word ending at each node, as an index into `entries`, or -1.
  private var wordAt: [Int32] = [-1]
  /// The words, in no particular order.
  private(set) var entries: [CJKWord] = []

  init(_ words: [[UInt32]: CJKWord]) {
    for (key, word) in words.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      var node: Int32 = 0
      for scalar in key {
        let edge = UInt64(node) << 21 | UInt64(scalar)
        if let child = children[edge] {
          node = child
        } else {
          let child = Int32(wordAt.count)
          children[edge] = child
          wordAt.append(-1)
          node = child
        }
      }
      wordAt[Int(node)] = Int32(entries.count)
      entries.append(word)
    }
  }

  /// The node reached from `node` by `scalar`, or nil.
  @inline(__always) func child(of node: Int32, _ scalar: UInt32) -> Int32? {
    children[UInt64(node) << 21 | UInt64(scalar)]
  }

  /// The word ending at `node`, as an index into `entries`, or nil.
  @inline(__always) func word(at node: Int32) -> Int32? {
    let w = wordAt[Int(node)]
    return w >= 0 ? w : nil
  }
}
