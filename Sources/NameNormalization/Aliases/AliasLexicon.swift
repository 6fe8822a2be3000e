import NormalizeCore

/// The alias lexicon: people, places and organisations whose spellings a fold key cannot unite
/// (Kiev → Kyiv, Kharkov → Kharkiv, AndKronos → Adnkronos), loaded from every
/// `Lexicons/<lang>/aliases.tsv`.
///
/// ```swift
/// let aliases = try AliasLexicon(lexicons: provider)
/// aliases.entry(for: "Kiev")?.canonical          // "Kyiv"
/// aliases.entry(for: "Zelenskiy")?.canonical     // "Volodymyr Zelenskyy" (by fold key)
/// aliases.entry(for: "Київ")?.canonical          // "Kyiv"
/// ```
///
/// Spellings are matched by `NameFoldKey` (Latin) or exactly after lower-casing (other
/// scripts), so a listed variant also covers its case, hyphen and scheme variants.
public struct AliasLexicon: Sendable {
  /// The lexicon kind (file name without `.tsv`).
  public static let kind = "aliases"

  /// Every entry loaded, in file order.
  public private(set) var entries: [AliasEntry] = []
  private var byKey: [String: Int] = [:]
  /// The years of the spellings that stand for their entry only in some years, by match key.
  private var yearsByKey: [String: ClosedRange<Int>] = [:]
  /// The most words any spelling has, which bounds the search in running text.
  public private(set) var maxWords = 1
  /// For the key of each spelling's first word, the most words a spelling starting with it has.
  private var firstWords: [String: Int] = [:]
  /// Spellings in Han, kana or Hangul, by their first scalar, longest first: these scripts write
  /// names inside longer runs ("习近平会见…", "서울에서"), so they are matched inside words.
  private var cjkSpellings: [UInt32: [(scalars: [Unicode.Scalar], entry: Int)]] = [:]

  /// Loads every aliases file the provider has.
  ///
  /// - Throws: `LexiconError.invalidEntry` with path:line for a malformed line or a spelling
  ///   that already belongs to another entry.
  public init(lexicons: any LexiconProvider) throws {
    for line in try lexicons.allEntries(kind: Self.kind) {
      try add(Self.parse(line))
    }
  }

  /// An in-memory lexicon of the given entries.
  ///
  /// - Throws: `LexiconError.invalidEntry` when two entries claim one spelling.
  public init(entries: [AliasEntry]) throws {
    for entry in entries { try add(entry) }
  }

  /// The entry a spelling belongs to, if any.
  public func entry(for spelling: some StringProtocol) -> AliasEntry? {
    let key = Self.matchKey(spelling)
    guard !key.isEmpty, let index = byKey[key] else { return nil }
    return entries[index]
  }

  /// The most words of a spelling whose first word has the key `wordKey` (0: none starts so).
  public func maxWords(startingWith wordKey: String) -> Int {
    firstWords[wordKey] ?? 0
  }

  /// For the key of each spelling's first word, the most words a spelling starting with it has
  /// (what `maxWords(startingWith:)` answers).
  var firstWordLengths: [String: Int] { firstWords }

  /// The match key of one word: `NameFoldKey.foldToken` for Latin letters, else lower-cased.
  public static func wordKey(_ word: some StringProtocol) -> String {
    hasLatinLetter(word)
      ? NameFoldKey.foldToken(word) : (lowercasedCyrillicOrCaseless(word) ?? word.lowercased())
  }

  /// `word.lowercased()` for a word of ASCII non-letters, basic Cyrillic (U+0400–U+045F) and
  /// caseless Hangul, Han and kana ("Сеул" → "сеул", "서울" → "서울"), done without the
  /// general case mapping; nil for any other scalar.
  private static func lowercasedCyrillicOrCaseless(_ word: some StringProtocol) -> String? {
    // Written as UTF-8 bytes (every scalar kept here is below U+D800: one to three bytes).
    var out: [UInt8] = []
    out.reserveCapacity(word.utf8.count)
    for scalar in word.unicodeScalars {
      var v = scalar.value
      switch v {
      case 0x0410...0x042F: v += 0x20
      case 0x0400...0x040F: v += 0x50
      case 0x00...0x40, 0x5B...0x60, 0x7B...0x7F, 0x0430...0x045F, 0x3040...0x30FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
        break
      default: return nil
      }
      if v < 0x80 {
        out.append(UInt8(v))
      } else if v < 0x800 {
        out.append(UInt8(0xC0 | v >> 6))
        out.append(UInt8(0x80 | v & 0x3F))
      } else {
        out.append(UInt8(0xE0 | v >> 12))
        out.append(UInt8(0x80 | v >> 6 & 0x3F))
        out.append(UInt8(0x80 | v & 0x3F))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hasLatinLetter(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.contains {
      ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A)
        || ($0.value >= 0xC0 && $0.value < 0x250)
    }
  }

  /// Han, kana and Hangul syllables: scripts written without spaces between words or with
  /// particles attached.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v >= 0x3040 && v <= 0x30FF) || (v >= 0x3400 && v <= 0x9FFF)
      || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF)
  }

  /// The CJK spellings inside `scalars` starting at `offset`, longest first, with their entries.
  public func cjkMatches(in scalars: [Unicode.Scalar], at offset: Int) -> (
    length: Int, entry: AliasEntry
  )? {
    guard offset < scalars.count, let candidates = cjkSpellings[scalars[offset].value] else {
      return nil
    }
    for candidate in candidates where offset + candidate.scalars.count <= scalars.count {
      if scalars[offset..<(offset + candidate.scalars.count)].elementsEqual(candidate.scalars) {
        return (candidate.scalars.count, entries[candidate.entry])
      }
    }
    return nil
  }

  /// The entry for an already computed `matchKey`.
  public func entry(forKey key: String) -> AliasEntry? {
    byKey[key].map { entries[$0] }
  }

  /// The entry for an already computed `matchKey` in an article of `year`: nil when the
  /// spelling stands for its entry only in other years ("Stoltenberg" is Jens Stoltenberg from
  /// 2000 on, not in 1987 newswire). A nil `year` (date unknown) accepts every spelling.
  public func entry(forKey key: String, year: Int?) -> AliasEntry? {
    guard let index = byKey[key] else { return nil }
    if let year, let years = yearsByKey[key], !years.contains(year) { return nil }
    return entries[index]
  }

  /// The key spellings are matched by: `NameFoldKey` for Latin-script text, the lower-cased
  /// text for other scripts (with Latin letters folded if mixed).
  public static func matchKey(_ spelling: some StringProtocol) -> String {
    if hasLatinLetter(spelling) { return NameFoldKey.key(spelling) }
    return spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" })
      .joined(separator: " ")
  }

  private mutating func add(_ entry: AliasEntry) throws {
    // An entry with the canonical form and kind of an earlier one (a built lexicon layered over
    // the shipped one) adds its spellings to it.
    let canonicalKey = Self.matchKey(entry.canonical)
    if let existing = byKey[canonicalKey], entries[existing].canonical == entry.canonical {
      guard entries[existing].kind == entry.kind else {
        throw Self.invalid(
          entry,
          "\"\(entry.canonical)\" is a \(entries[existing].kind.rawValue) at \(entries[existing].location) but a \(entry.kind.rawValue) here; give one kind"
        )
      }
      try merge(entry, into: existing)
      return
    }
    let index = entries.count
    entries.append(entry)
    try claim([entry.canonical] + entry.variants.map(\.text), for: index, from: entry)
    noteYears(of: entry.variants)
  }

  private mutating func noteYears(of variants: [AliasEntry.Variant]) {
    for variant in variants {
      if let years = variant.years { yearsByKey[Self.matchKey(variant.text)] = years }
    }
  }

  private mutating func merge(_ entry: AliasEntry, into index: Int) throws {
    var merged = entries[index]
    for variant in entry.variants {
      if let at = merged.variants.firstIndex(where: { $0.text == variant.text }) {
        if let count = variant.count {
          merged.variants[at].count = (merged.variants[at].count ?? 0) + count
        }
      } else {
        merged.variants.append(variant)
      }
    }
    merged.firstSeen = [merged.firstSeen, entry.firstSeen].compactMap { $0 }.min()
    merged.lastSeen = [merged.lastSeen, entry.lastSeen].compactMap { $0 }.max()
    merged.examples = Array(Set(merged.examples + entry.examples)).sorted()
    entries[index] = merged
    try claim(entry.variants.map(\.text), for: index, from: entry)
    noteYears(of: entry.variants)
  }

  private mutating func claim(_ spellings: [String], for index: Int, from entry: AliasEntry) throws
  {
    for spelling in spellings {
      let key = Self.matchKey(spelling)
      guard !key.isEmpty else {
        throw Self.invalid(entry, "spelling \"\(spelling)\" has no letters to match on")
      }
      if let other = byKey[key], other != index {
        let owner = entries[other]
        throw Self.invalid(
          entry,
          "\"\(spelling)\" already belongs to \"\(owner.canonical)\" (\(owner.location)); a spelling may stand for one entry only — remove it from one of them"
        )
      }
      byKey[key] = index
      let scalars = Array(spelling.unicodeScalars)
      if let first = scalars.first, scalars.count >= 2, scalars.allSatisfy(Self.isCJK) {
        // Kept longest first; entries arrive in file order, so insert in place (stable).
        var list = cjkSpellings[first.value] ?? []
        let at = list.firstIndex { $0.scalars.count < scalars.count } ?? list.count
        list.insert((scalars, index), at: at)
        cjkSpellings[first.value] = list
      }
      let words = key.split(separator: " ")
      maxWords = max(maxWords, words.count)
      if let first = words.first {
        firstWords[String(first), default: 0] = max(firstWords[String(first)] ?? 0, words.count)
      }
    }
  }

  /// Every problem in the alias lines given (malformed lines, a spelling under two entries,
  /// one canonical form with two kinds, a variant listed twice), for `normalize lexicon check`.
  public static func problems(in lines: [LexiconEntry]) -> [LexiconError] {
    var problems: [LexiconError] = []
    var lexicon = AliasLexicon()
    for line in lines {
      do {
        let entry = try parse(line)
        var seen: Set<String> = []
        for variant in entry.variants where !seen.insert(variant.text).inserted {
          problems.append(
            .invalidEntry(
              path: line.path, line: line.line,
              message: "variant \"\(variant.text)\" is listed twice"))
        }
        try lexicon.add(entry)
      } catch let error as LexiconError {
        problems.append(error)
      } catch {
        problems.append(.invalidEntry(path: line.path, line: line.line, message: "\(error)"))
      }
    }
    return problems
  }

  private init() {}

  private static func invalid(_ entry: AliasEntry, _ message: String) -> LexiconError {
    let parts = entry.location.split(separator: ":")
    let line = parts.last.flatMap { Int($0) } ?? 0
    return .invalidEntry(
      path: parts.dropLast().joined(separator: ":"), line: line, message: message)
  }

  /// Parses one line: `canonical kind origin variants [first_seen last_seen examples]`.
  ///
  /// - Throws: `LexiconError.invalidEntry` naming the line.
  public static func parse(_ line: LexiconEntry) throws -> AliasEntry {
    let f = line.fields
    func fail(_ message: String) -> LexiconError {
      .invalidEntry(path: line.path, line: line.line, message: message)
    }
    guard f.count >= 4 && f.count <= 7 else {
      throw fail(
        "expected 4 to 7 TAB-separated fields (canonical, kind, origin, variants[, first_seen, last_seen, examples]), found \(f.count)"
      )
    }
    guard let kind = AliasEntry.Kind(rawValue: f[1]) else {
      throw fail("kind \"\(f[1])\" is not one of person, place, organization")
    }
    var variants: [AliasEntry.Variant] = []
    for item in f[3].split(separator: "|", omittingEmptySubsequences: false) {
      var text = Substring(item)
      var count: Int?
      if let eq = item.lastIndex(of: "="), let n = Int(item[item.index(after: eq)...]), n >= 0 {
        text = item[..<eq]
        count = n
      }
      var years: ClosedRange<Int>?
      if let at = text.lastIndex(of: "@"), text.index(after: at) != text.endIndex,
        text[text.index(after: at)...].allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) })
      {
        guard let range = Self.years(text[text.index(after: at)...]) else {
          throw fail(
            "\"\(text)\": after @ write the years the spelling is in use as 1990-2013, 2000- or -1989"
          )
        }
        years = range
        text = text[..<at]
      }
      let trimmed = text.trimmingSpaces
      guard !trimmed.isEmpty else {
        throw fail("empty variant in \"\(f[3])\"; separate variants with a single |")
      }
      variants.append(AliasEntry.Variant(text: trimmed, count: count, years: years))
    }
    let firstSeen = f.count > 4 && f[4] != "-" ? f[4] : nil
    let lastSeen = f.count > 5 && f[5] != "-" ? f[5] : nil
    let examples = f.count > 6 && f[6] != "-" ? f[6].split(separator: "|").map(String.init) : []
    return AliasEntry(
      canonical: f[0], kind: kind, origin: f[2] == "-" ? nil : f[2], variants: variants,
      firstSeen: firstSeen,
      lastSeen: lastSeen, examples: examples, location: line.location)
  }
}

extension AliasLexicon {
  /// "1990-2013", "2000-" (from 2000 on) or "-1989" (until 1989) as a range of years.
  static func years(_ text: Substring) -> ClosedRange<Int>? {
    let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
    func year(_ part: Substring, empty: Int) -> Int? {
      if part.isEmpty { return empty }
      guard part.count == 4, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int(part)
    }
    guard let from = year(parts[0], empty: Int.min), let to = year(parts[1], empty: Int.max),
      from <= to
    else { return nil }
    return from...to
  }
}

extension Substring {
  /// The text without its leading and trailing spaces (`Character`s equal to " ").
  fileprivate var trimmingSpaces: String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " { formIndex(after: &start) }
    while end > start, self[index(before: end)] == " " { formIndex(before: &end) }
    return String(self[start..<end])
  }
}
