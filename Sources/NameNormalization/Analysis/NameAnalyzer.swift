import ICUSupport
import NormalizeCore

/// Analyses one name in any script: the alias lexicon first, then the Korean engine (Hangul,
/// or Latin that parses as a Korean name), then transliteration of Cyrillic, Han and kana, and
/// finally the name as written with its fold key.
///
/// ```swift
/// let analyzer = try NameAnalyzer(lexicons: provider)
/// analyzer.analyze("Yoo Yong Won").canonical      // "Yoo Yong-won"  (korean-syllables, hangul 유용원 …)
/// analyzer.analyze("유용원").spellings.first?.text  // "Yoo Yong-won"  (korean-hangul)
/// analyzer.analyze("Kiev").canonical              // "Kyiv"          (lexicon, place)
/// analyzer.analyze("Зеленський").canonical        // "Volodymyr Zelenskyy" (lexicon)
/// analyzer.analyze("习近平").canonical             // "Xi Jinping"
/// analyzer.analyze("John Kirby").key              // "name:john.kirby" (as-written)
/// ```
public struct NameAnalyzer: Sendable {
  /// Longer inputs are not names; they are answered with a note instead of being parsed.
  public static let maxScalars = 200

  private let aliases: AliasLexicon
  private let romanizer: KoreanRomanizer
  private let parser: KoreanNameParser
  /// Two-character Chinese family names (`zh/compound-surnames.tsv`).
  private let compoundSurnames: Set<String>

  /// - Throws: `LexiconError` for a malformed lexicon.
  public init(lexicons: any LexiconProvider) throws {
    aliases = try AliasLexicon(lexicons: lexicons)
    parser = try SharedKoreanParser.parser(for: lexicons)
    romanizer = parser.romanizer
    compoundSurnames = try ScriptNameRomanizer.compoundSurnames(lexicons: lexicons)
  }

  /// The alias lexicon the analyzer uses.
  public var aliasLexicon: AliasLexicon { aliases }

  /// The Korean name parser the analyzer uses (and its romaniser, `koreanParser.romanizer`).
  public var koreanParser: KoreanNameParser { parser }

  /// Analyses `input` (surrounding spaces ignored). Never fails: input that is not a name gets
  /// an analysis with a `note`.
  ///
  /// - Parameter spellings: false when only the key, canonical form and kind matter (building a
  ///   lexicon): a Cyrillic, Han or kana name the alias lexicon knows is then not romanised, so
  ///   its analysis has no `spellings` (and no transliterator is opened for it).
  public func analyze(_ input: String, spellings wantsSpellings: Bool = true) -> NameAnalysis {
    let name = String(input.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " })
      .split(separator: " ").joined(separator: " ")
    let script = Self.mainScript(of: name)
    if name.unicodeScalars.count > Self.maxScalars {
      return NameAnalysis(
        input: input, script: script, canonical: name, key: "", rule: "as-written",
        note: "longer than \(Self.maxScalars) characters: not analysed as a name")
    }
    guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
      return NameAnalysis(
        input: input, script: script, canonical: name, key: "", rule: "as-written",
        note: name.isEmpty ? "empty name" : "no letters: not a name")
    }
    var analysis: NameAnalysis
    if script == "Hang" {
      analysis = hangulName(name, input: input)
    } else if let reading = parser.parse(name).first, !isUnbackedGivenFirst(reading, written: name)
    {
      analysis = NameAnalysis(
        input: input, script: script, kind: "person", origin: "ko", canonical: reading.display,
        family: reading.family,
        given: reading.given, order: reading.order.rawValue, hangul: reading.hangul,
        key: reading.key, rule: "korean-syllables")
    } else if !wantsSpellings, let entry = aliases.entry(for: name),
      !(entry.kind == .person && entry.origin == "ko")
    {
      // The lexicon entry below decides canonical form, parts and key; only the origin is kept.
      analysis = NameAnalysis(
        input: input, script: script, origin: ScriptNameRomanizer.origin(of: name), canonical: name,
        key: "",
        rule: "transliteration")
    } else {
      let native = ScriptNameRomanizer.romanize(name, compoundSurnames: compoundSurnames)
      if let first = native.spellings.first {
        let parts = Self.parts(of: first.text, familyFirst: native.origin == "zh")
        analysis = NameAnalysis(
          input: input, script: script, origin: native.origin, canonical: first.text,
          family: parts.family,
          given: parts.given, spellings: native.spellings,
          key: "name:" + Self.dotted(NameFoldKey.key(first.text)),
          rule: "transliteration")
      } else {
        let written = Self.mendCase(name)
        let parts = Self.parts(of: written, familyFirst: false)
        analysis = NameAnalysis(
          input: input, script: script, canonical: written, family: parts.family,
          given: parts.given,
          key: "name:" + Self.dotted(NameFoldKey.key(written)), rule: "as-written")
      }
    }
    if let entry = aliases.entry(for: name) {
      analysis.kind = entry.kind.rawValue
      analysis.origin = entry.origin ?? analysis.origin
      analysis.canonical = entry.canonical
      analysis.family = entry.family
      analysis.given = entry.given
      analysis.lexicon = entry.location
      analysis.rule = "lexicon"
      if entry.kind == .person && entry.origin == "ko" {
        let written = entry.variants.map(\.text).filter {
          $0.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) }
        }
        let reading = parser.parse(entry.canonical).first
        analysis.hangul =
          written + (analysis.hangul ?? reading?.hangul ?? []).filter { !written.contains($0) }
        analysis.key =
          written.first.flatMap { parser.key(ofHangul: $0) } ?? reading?.key ?? analysis.key
      } else if entry.kind == .person {
        analysis.key = "name:" + Self.dotted(NameFoldKey.key(entry.canonical))
      } else {
        analysis.key = entry.kind.rawValue + ":" + Self.dotted(NameFoldKey.key(entry.canonical))
      }
    }
    return analysis
  }

  /// Whether a reading puts a Western-looking given name first without evidence: given name
  /// first, written as one word without a hyphen, with a syllable spelling no real Korean name
  /// was seen with ("Daniel Lee" is not Lee Dan-iel, "Joseph Tan" not Tan Jo-seph; "Yeonmi
  /// Park" is Park Yeon-mi). Such a name stays as written.
  private func isUnbackedGivenFirst(_ reading: KoreanNameReading, written name: String) -> Bool {
    guard reading.order == .givenFirst, let given = reading.given else { return false }
    let words = name.split(separator: " ")
    guard words.count == 2, let first = words.first, !first.contains("-") else { return false }
    let observed = parser.tables.model.observedGivenSpellings
    return given.split(separator: "-").contains { piece in
      guard let code = SpellingCode.of(piece.lowercased()) else { return true }
      return !observed.contains(code)
    }
  }

  private func hangulName(_ name: String, input: String) -> NameAnalysis {
    let romanizations = romanizer.romanizations(of: name.replacingSpaces())
    guard let best = romanizations.first else {
      return NameAnalysis(
        input: input, script: "Hang", origin: "ko", canonical: name, hangul: [name], key: "",
        rule: "korean-hangul",
        note: "not a Korean name the romaniser can read (lone jamo or old syllables?)")
    }
    let reading =
      parser.parse(best.text).first { $0.hangul.contains(name.replacingSpaces()) }
      ?? parser.parse(best.text).first
    return NameAnalysis(
      input: input, script: "Hang", kind: "person", origin: "ko",
      canonical: reading?.display ?? best.text,
      family: reading?.family, given: reading?.given, order: NameOrder.familyFirst.rawValue,
      hangul: [name.replacingSpaces()],
      spellings: romanizations.map { NameSpelling(text: $0.text, scheme: $0.style.rawValue) },
      key: parser.key(ofHangul: name.replacingSpaces()) ?? reading?.key ?? "",
      rule: "korean-hangul")
  }

  // MARK: - Helpers

  static func mainScript(of name: String) -> String {
    var counts: [String: Int] = [:]
    for scalar in name.unicodeScalars where scalar.properties.isAlphabetic {
      let script = Script.of(scalar)
      guard !script.isNeutral else { continue }
      let code = script.code == "Hira" || script.code == "Kata" ? "Kana" : script.code
      counts[code, default: 0] += 1
    }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
      ?? "Zyyy"
  }

  static func parts(of name: String, familyFirst: Bool) -> (family: String?, given: String?) {
    let words = name.split(separator: " ")
    guard words.count > 1 else { return (words.first.map(String.init), nil) }
    if familyFirst { return (String(words[0]), words.dropFirst().joined(separator: " ")) }
    return (String(words[words.count - 1]), words.dropLast().joined(separator: " "))
  }

  /// "KIRBY" → "Kirby"; words in mixed case stay as written.
  static func mendCase(_ name: String) -> String {
    name.split(separator: " ").map { word -> String in
      guard word.count > 1, word == word.uppercased(), word != word.lowercased() else {
        return String(word)
      }
      return word.split(separator: "-", omittingEmptySubsequences: false).map {
        $0.prefix(1) + $0.dropFirst().lowercased()
      }
      .joined(separator: "-")
    }.joined(separator: " ")
  }

  static func dotted(_ key: String) -> String { key.split(separator: " ").joined(separator: ".") }
}

extension String {
  fileprivate func replacingSpaces() -> String { split(separator: " ").joined() }
}
