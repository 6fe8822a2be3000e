import ICUSupport
import NormalizeCore

/// Generates a language's `Vocabulary` from ICU's CLDR data: no hand lists.
///
/// - Month and weekday names from the calendar symbols ("maggio", "мая", "Donnerstag").
/// - Relative phrases: ICU formats numbers of every plural category as relative offsets
///   ("23 ore fa", "vor 23 Stunden", "23시간 전", "23小时前", "через 23 часа"); the parts shared
///   by all units of one direction are the direction words ("fa", "vor", "전", "前", "через"),
///   the rest are the unit words ("ore", "Stunden", "시간", "小时", "часа"). Non-numeric forms
///   become whole phrases ("ieri", "anno scorso", "в прошлом году", "작년").
/// - Date layouts: the locale's patterns for a sample date ("27 maggio 2025",
///   "2025년 5월 27일", "2025年5月27日", "27. Mai 2025") with the numbers and month name
///   replaced by slots.
enum CLDRVocabulary {
  /// Builds the vocabulary of `language` (an ICU locale id such as "it", "ru", "zh").
  static func build(language: String, wholePhrases: Bool = true) -> Vocabulary {
    build(language: language, parts: wholePhrases ? .all : [.names, .numericPhrases, .layouts])
  }

  /// The parts of a language's vocabulary, each read from its own ICU data: each fills tables
  /// of its own (and `triggers`), so a vocabulary merged from parts built one by one equals
  /// the one built with them all.
  struct Parts: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// Month and weekday names ("maggio", "четверг"): `months`, `standaloneMonths`, `weekdays`.
    static let names = Parts(rawValue: 1)
    /// Unit and direction words of numeric relative phrases ("23 ore fa"): `units`,
    /// `pastPrefixes`, `pastSuffixes`, `futurePrefixes`, `futureSuffixes`.
    static let numericPhrases = Parts(rawValue: 2)
    /// Whole relative phrases ("ieri", "anno scorso"): `phrases`.
    static let wholePhrases = Parts(rawValue: 4)
    /// Date layouts ("27 maggio 2025"): `layouts`.
    static let layouts = Parts(rawValue: 8)
    static let all: Parts = [.names, .numericPhrases, .wholePhrases, .layouts]
  }

  /// Builds the `parts` of the vocabulary of `language`: an English text reads only the unit
  /// and direction words of other languages ("23 ore ago"), without opening their calendar
  /// symbols and date patterns.
  ///
  /// `samplesPerCategory` is how many numbers of each plural category are formatted as
  /// relative phrases: one is enough, as ICU picks a phrase's pattern by the category alone and
  /// only the number's digits differ ("23 часа назад", "24 часа назад"); the tests build with
  /// two and compare.
  static func build(language: String, parts: Parts, samplesPerCategory: Int = 1) -> Vocabulary {
    var v = Vocabulary()
    if parts.contains(.names) { addCalendarNames(language, to: &v) }
    if !parts.isDisjoint(with: [.numericPhrases, .wholePhrases]) {
      addRelativePhrases(
        language, to: &v, numeric: parts.contains(.numericPhrases),
        wholePhrases: parts.contains(.wholePhrases), samplesPerCategory: samplesPerCategory)
    }
    if parts.contains(.layouts) { addLayouts(language, to: &v) }
    return v
  }

  private static func words(_ text: String) -> [String] {
    Tokenizer.tokenize(text).map(\.text)
  }

  // MARK: Names

  /// The calendar symbols of each language, read from ICU once: the names and the layouts of a
  /// language are built as separate parts, and both read them.
  private static let calendarSymbols = BuildOnceMap<String, CalendarSymbols?>()

  private static func symbols(_ language: String) -> CalendarSymbols? {
    calendarSymbols.value(language) { try? CalendarSymbols(locale: language) }
  }

  private static func addCalendarNames(_ language: String, to v: inout Vocabulary) {
    guard let symbols = symbols(language) else { return }
    for width in CalendarSymbols.Width.allCases {
      for (index, name) in symbols.months(width).enumerated() {
        let tokens = Tokenizer.tokenize(name).filter { $0.kind != .punctuation }
        guard tokens.count == 1, tokens[0].kind == .word, tokens[0].text.unicodeScalars.count >= 3
        else { continue }
        v.months[tokens[0].text] = index + 1
        if width == .wide || width == .standaloneWide, tokens[0].text.unicodeScalars.count >= 4 {
          v.standaloneMonths.insert(tokens[0].text)
        }
        v.triggers.insert(tokens[0].text)
      }
      for (index, name) in symbols.weekdays(width).enumerated() {
        let tokens = Tokenizer.tokenize(name).filter { $0.kind != .punctuation }
        guard tokens.count == 1, tokens[0].kind == .word, tokens[0].text.unicodeScalars.count >= 3
        else { continue }
        // ICU lists Sunday first; TIMEX3 weekdays are ISO (Monday 1 … Sunday 7).
        v.weekdays[tokens[0].text] = index == 0 ? 7 : index
        v.triggers.insert(tokens[0].text)
      }
    }
  }

  // MARK: Relative phrases

  private static let numericUnits: [(RelativeDateSymbols.Unit, TimeUnit)] = [
    (.year, .year), (.quarter, .quarter), (.month, .month), (.week, .week), (.day, .day),
    (.hour, .hour),
    (.minute, .minute), (.second, .second),
  ]

  /// Sample numbers covering every plural category of the language (`perCategory` of each,
  /// the smallest first).
  private static func sampleNumbers(_ language: String, perCategory: Int) -> [Int] {
    guard let rules = try? PluralRules(locale: language) else { return [1, 2, 5, 23] }
    var seen: [String: Int] = [:]
    var out: [Int] = []
    for n in Array(1...30) + [100, 101, 102, 105, 111] {
      let category = rules.category(Double(n))
      if seen[category, default: 0] < perCategory {
        seen[category, default: 0] += 1
        out.append(n)
      }
    }
    return out
  }

  private static func addRelativePhrases(
    _ language: String, to v: inout Vocabulary, numeric: Bool, wholePhrases: Bool,
    samplesPerCategory: Int
  ) {
    let numbers = numeric ? sampleNumbers(language, perCategory: samplesPerCategory) : []
    for style in [RelativeDateSymbols.Style.long, .short] {
      guard let formatter = try? RelativeDateSymbols(locale: language, style: style) else {
        continue
      }
      for sign in [-1, 1] where numeric {
        // (prefix, suffix, unit) of every formatted phrase of this direction.
        var parts: [([String], [String], TimeUnit)] = []
        for (icuUnit, unit) in numericUnits {
          for n in numbers {
            guard let phrase = formatter.format(Double(sign * n), icuUnit, numeric: true) else {
              continue
            }
            let tokens = Tokenizer.tokenize(phrase)
            guard let at = tokens.firstIndex(where: { $0.kind == .number && $0.number == n }) else {
              continue
            }
            parts.append((tokens[..<at].map(\.text), tokens[(at + 1)...].map(\.text), unit))
          }
        }
        guard !parts.isEmpty else { continue }
        let commonPrefix = parts.map(\.0).reduce(parts[0].0) { commonHead($0, $1) }
        let commonSuffix = parts.map(\.1).reduce(parts[0].1) { commonTail($0, $1) }
        if !commonPrefix.isEmpty {
          if sign < 0 {
            v.pastPrefixes.add(commonPrefix, true)
          } else {
            v.futurePrefixes.add(commonPrefix, true)
          }
          v.triggers.insert(commonPrefix[0])
        }
        if !commonSuffix.isEmpty {
          if sign < 0 {
            v.pastSuffixes.add(commonSuffix, true)
          } else {
            v.futureSuffixes.add(commonSuffix, true)
          }
        }
        // Only a prefix or only a suffix may carry the direction; otherwise nothing is learnt.
        guard !commonPrefix.isEmpty || !commonSuffix.isEmpty else { continue }
        for (prefix, suffix, unit) in parts {
          let head = Array(prefix.dropFirst(commonPrefix.count))
          let tail = Array(suffix.dropLast(commonSuffix.count))
          var unitWords = tail.isEmpty ? head : tail
          while let last = unitWords.last,
            last.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic })
          { unitWords.removeLast() }
          guard !unitWords.isEmpty else { continue }
          v.units.add(unitWords, unit)
        }
      }
      guard wholePhrases else { continue }
      // Words: "ieri", "anno scorso", "작년", "в прошлом году", "lunedì scorso".
      for (icuUnit, unit) in numericUnits where unit >= .day {
        for offset in -2...2 {
          guard let phrase = formatter.format(Double(offset), icuUnit, numeric: false) else {
            continue
          }
          let tokens = Tokenizer.tokenize(phrase)
          guard !tokens.isEmpty, !tokens.contains(where: { $0.kind == .number }) else { continue }
          let texts = tokens.map(\.text)
          v.phrases.add(texts, .shift(unit, offset))
          v.triggers.insert(texts[0])
        }
      }
      let weekdays: [RelativeDateSymbols.Unit] = [
        .sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday,
      ]
      for (index, icuUnit) in weekdays.enumerated() {
        for offset in -1...1 {
          guard let phrase = formatter.format(Double(offset), icuUnit, numeric: false) else {
            continue
          }
          let tokens = Tokenizer.tokenize(phrase)
          guard tokens.count > 1, !tokens.contains(where: { $0.kind == .number }) else { continue }
          let texts = tokens.map(\.text)
          v.phrases.add(texts, .weekday(index == 0 ? 7 : index, offset: offset))
          v.triggers.insert(texts[0])
        }
      }
    }
  }

  private static func commonHead(_ a: [String], _ b: [String]) -> [String] {
    var out: [String] = []
    for (x, y) in zip(a, b) {
      guard x == y else { break }
      out.append(x)
    }
    return out
  }

  private static func commonTail(_ a: [String], _ b: [String]) -> [String] {
    Array(commonHead(Array(a.reversed()), Array(b.reversed())).reversed())
  }

  // MARK: Layouts

  /// 2025-05-27T12:00Z in milliseconds: day 27 and month 5 cannot be confused.
  private static let sampleMillis =
    Double(CivilDate(year: 2025, month: 5, day: 27).dayNumber) * 86_400_000 + 43_200_000

  private static func addLayouts(_ language: String, to v: inout Vocabulary) {
    var mayNames: Set<String> = []
    if let symbols = symbols(language) {
      for width in CalendarSymbols.Width.allCases {
        let names = symbols.months(width)
        guard names.count == 12 else { continue }
        // Tokens every month name shares ("월" of "5월", "月" of "5月") are markers, not names.
        let january = Set(Tokenizer.tokenize(names[0]).map(\.text))
        mayNames.formUnion(
          Tokenizer.tokenize(names[4]).filter { $0.kind == .word && !january.contains($0.text) }
            .map(\.text))
      }
    }
    // One pattern generator and one formatter for the seven skeletons: the formatter opened for
    // the first takes the others' patterns in turn, formatting as one opened for each would.
    let patterns = try? DatePatternGenerator(locale: language)
    var formatter: SkeletonDateFormatter?
    for skeleton in ["yMMMMd", "yMMMd", "MMMMd", "MMMd", "yMMMM", "yMMM", "yMd"] {
      guard let patterns else { continue }
      if let formatter {
        guard (try? formatter.apply(patterns: patterns, skeleton: skeleton)) != nil else {
          continue
        }
      } else {
        formatter = try? SkeletonDateFormatter(patterns: patterns, skeleton: skeleton)
      }
      guard let sample = formatter?.format(sampleMillis) else { continue }
      var elements: [DateLayout.Element] = []
      for token in Tokenizer.tokenize(sample) {
        if token.kind == .number {
          switch token.number {
          case 2025: elements.append(.year)
          case 27: elements.append(.day)
          case 5: elements.append(.monthNumber)
          default: elements.append(.literal(token.text))
          }
        } else if mayNames.contains(token.text) {
          if elements.last != .monthName { elements.append(.monthName) }
        } else {
          elements.append(.literal(token.text))
        }
      }
      let slots = elements.filter { if case .literal = $0 { return false } else { return true } }
      let hasMonth = elements.contains(.monthName) || elements.contains(.monthNumber)
      guard slots.count >= 2, hasMonth else { continue }
      // Purely numeric layouts without any word marker are left to the numeric-date rule.
      let hasWordLiteral = elements.contains {
        if case .literal(let s) = $0 {
          return s.unicodeScalars.contains { $0.properties.isAlphabetic }
        } else {
          return false
        }
      }
      guard elements.contains(.monthName) || hasWordLiteral else { continue }
      let layout = DateLayout(elements: elements)
      if !v.layouts.contains(layout) { v.layouts.append(layout) }
      if case .literal(let first) = elements[0] { v.triggers.insert(first) }
    }
    v.layouts.sort { $0.elements.count > $1.elements.count }
  }
}
