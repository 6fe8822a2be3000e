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

  public private(set) var entries: [AliasEntry] = []
  private var byKey: [String: Int] = [:]
  /// The most words any spelling has, which bounds the search in running text.
  public private(set) var maxWords = 1
  /// For the key of each spelling's first word, the most words a spelling starting with it has.
  private var firstWords: [String: Int] = [:]

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

  /// The match key of one word: `NameFoldKey.foldToken` for Latin letters, else lower-cased.
  public static func wordKey(_ word: some StringProtocol) -> String {
    hasLatinLetter(word) ? NameFoldKey.foldToken(word) : word.lowercased()
  }

  private static func hasLatinLetter(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.contains {
      ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0xC0 && $0.value < 0x250)
    }
  }

  /// The entry for an already computed `matchKey`.
  public func entry(forKey key: String) -> AliasEntry? {
    byKey[key].map { entries[$0] }
  }

  /// The key spellings are matched by: `NameFoldKey` for Latin-script text, the lower-cased
  /// text for other scripts (with Latin letters folded if mixed).
  public static func matchKey(_ spelling: some StringProtocol) -> String {
    if hasLatinLetter(spelling) { return NameFoldKey.key(spelling) }
    return spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" }).joined(separator: " ")
  }

  private mutating func add(_ entry: AliasEntry) throws {
    let index = entries.count
    entries.append(entry)
    for spelling in [entry.canonical] + entry.variants.map(\.text) {
      let key = Self.matchKey(spelling)
      guard !key.isEmpty else {
        throw Self.invalid(entry, "spelling \"\(spelling)\" has no letters to match on")
      }
      if let other = byKey[key], other != index {
        let owner = entries[other]
        throw Self.invalid(
          entry,
          "\"\(spelling)\" already belongs to \"\(owner.canonical)\" (\(owner.location)); a spelling may stand for one entry only — remove it from one of them")
      }
      byKey[key] = index
      let words = key.split(separator: " ")
      maxWords = max(maxWords, words.count)
      if let first = words.first { firstWords[String(first), default: 0] = max(firstWords[String(first)] ?? 0, words.count) }
    }
  }

  private static func invalid(_ entry: AliasEntry, _ message: String) -> LexiconError {
    let parts = entry.location.split(separator: ":")
    let line = parts.last.flatMap { Int($0) } ?? 0
    return .invalidEntry(path: parts.dropLast().joined(separator: ":"), line: line, message: message)
  }

  /// Parses one line: `canonical kind origin variants [first_seen last_seen examples]`.
  static func parse(_ line: LexiconEntry) throws -> AliasEntry {
    let f = line.fields
    func fail(_ message: String) -> LexiconError { .invalidEntry(path: line.path, line: line.line, message: message) }
    guard f.count >= 4 && f.count <= 7 else {
      throw fail("expected 4 to 7 TAB-separated fields (canonical, kind, origin, variants[, first_seen, last_seen, examples]), found \(f.count)")
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
      let trimmed = text.trimmingSpaces
      guard !trimmed.isEmpty else { throw fail("empty variant in \"\(f[3])\"; separate variants with a single |") }
      variants.append(AliasEntry.Variant(text: trimmed, count: count))
    }
    let firstSeen = f.count > 4 && f[4] != "-" ? f[4] : nil
    let lastSeen = f.count > 5 && f[5] != "-" ? f[5] : nil
    let examples = f.count > 6 && f[6] != "-" ? f[6].split(separator: "|").map(String.init) : []
    return AliasEntry(
      canonical: f[0], kind: kind, origin: f[2] == "-" ? nil : f[2], variants: variants, firstSeen: firstSeen,
      lastSeen: lastSeen, examples: examples, location: line.location)
  }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
