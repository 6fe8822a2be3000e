import Foundation
import ICUSupport
import NormalizeCore

/// Romanises a person or place name written in Cyrillic, Han or Japanese kana, giving the
/// spellings English-language news actually meets, best first. (Hangul names go to the Korean
/// engine, `KoreanRomanizer`.)
///
/// ```swift
/// ScriptNameRomanizer.romanize("Володимир Зеленський")
/// // origin "uk": Volodymyr Zelenskyi (uk-national), Volodymyr Zelenskyy (bgn, primes dropped)
/// ScriptNameRomanizer.romanize("Владимир Зеленский") // origin "ru": Vladimir Zelensky (common), Vladimir Zelenskiy (bgn)
/// ScriptNameRomanizer.romanize("习近平")            // origin "zh": Xi Jinping (pinyin), Hsi Chin-p'ing (wade-giles)
/// ScriptNameRomanizer.romanize("欧阳修", compoundSurnames: ["欧阳"]) // Ouyang Xiu (zh/compound-surnames.tsv)
/// ScriptNameRomanizer.romanize("オオノ ショウヘイ")  // origin "ja": Ōno Shōhei, Ono Shohei, Ohno Shohei
/// ```
///
/// Ukrainian is told from Russian by the letters only Ukrainian has (і ї є ґ); Chinese names are
/// read with ICU's Han-Latin/Names (surname readings) and written surname first with the given
/// name fused; Japanese kana by ICU's Katakana/Hiragana-Latin, then long vowels as macrons (ō),
/// plain (o) or passport-style (oh). Kanji names are not read (their readings are not derivable).
public enum ScriptNameRomanizer {
  /// The result for one name.
  public struct Result: Sendable, Equatable {
    /// "uk", "ru", "zh" or "ja"; nil when the name has none of these scripts.
    public var origin: String?
    /// Spellings, best first, without duplicates.
    public var spellings: [NameSpelling]
  }

  /// Romanises `name`; a Latin-script name comes back with no origin and no spellings.
  ///
  /// - Parameter compoundSurnames: two-character Chinese family names (欧阳, 司马), from
  ///   `compoundSurnames(lexicons:)`; a Han name starting with one is read with that surname
  ///   ("欧阳修" → "Ouyang Xiu", not "Ou Yangxiu").
  public static func romanize(_ name: String, compoundSurnames: Set<String> = []) -> Result {
    switch scriptFamily(of: name) {
    case .cyrillic: return cyrillic(name)
    case .kana: return japanese(name)
    case .han: return chinese(name, compoundSurnames: compoundSurnames)
    case .other: return Result(origin: nil, spellings: [])
    }
  }

  /// The origin and the first spelling `romanize(_:compoundSurnames:)` gives `name` (nil: no
  /// spelling), making only what the first needs: a Ukrainian name's national romanisation
  /// is native, and when it is not empty its BGN spelling (an ICU transform, whose registry
  /// costs ~140M instructions to load once) is not made. "Андрій Сибіга" → ("uk", "Andrii
  /// Sybiha").
  public static func firstSpelling(of name: String, compoundSurnames: Set<String> = [])
    -> (origin: String?, text: String?)
  {
    if scriptFamily(of: name) == .cyrillic, isUkrainian(name) {
      let national = UkrainianNationalRomanizer.romanize(name)
      if !national.isEmpty { return ("uk", national) }
    }
    let result = romanize(name, compoundSurnames: compoundSurnames)
    return (result.origin, result.spellings.first?.text)
  }

  /// The origin `romanize(_:)` gives `name` ("uk" for Зеленський, "ru" for Москва, "ja", "zh"),
  /// without romanising it (no transliterator is opened).
  public static func origin(of name: String) -> String? {
    switch scriptFamily(of: name) {
    case .cyrillic: return isUkrainian(name) ? "uk" : "ru"
    case .kana: return "ja"
    case .han: return "zh"
    case .other: return nil
    }
  }

  private enum ScriptFamily { case cyrillic, kana, han, other }

  private static func scriptFamily(of name: String) -> ScriptFamily {
    var hasCyrillic = false
    var hasHan = false
    var hasKana = false
    for scalar in name.unicodeScalars {
      switch scalar.value {
      case 0x0400...0x04FF: hasCyrillic = true
      case 0x3040...0x30FF, 0x31F0...0x31FF: hasKana = true
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: hasHan = true
      default: break
      }
    }
    if hasCyrillic { return .cyrillic }
    if hasKana { return .kana }
    if hasHan { return .han }
    return .other
  }

  private static func isUkrainian(_ name: String) -> Bool {
    UkrainianNationalRomanizer.hasUkrainianLetters(name) || name.hasSuffix("ський")
      || name.hasSuffix("ій")
  }

  // MARK: - Cyrillic

  private static func cyrillic(_ name: String) -> Result {
    if isUkrainian(name) {
      // The national system is Ukraine's official one (passports, the press's Kyiv and Odesa);
      // BGN/PCGN, primes dropped, is the older English-press form (Zelenskyy, Andriy).
      return Result(
        origin: "uk",
        spellings: unique([
          NameSpelling(text: UkrainianNationalRomanizer.romanize(name), scheme: "uk-national"),
          NameSpelling(text: dropPrimes(transliterate(name, "Ukrainian-Latin/BGN")), scheme: "bgn"),
        ]))
    }
    // Written natively for names in Russian letters (ICU's rules, the same output), so that
    // the first Russian name of a process does not load ICU's transliterator registry.
    let bgn = RussianBGNRomanizer.romanize(name) ?? transliterate(name, "Russian-Latin/BGN")
    let common = englishPressRussian(dropPrimes(bgn))
    return Result(
      origin: "ru",
      spellings: unique([
        NameSpelling(text: common, scheme: "common"),
        NameSpelling(text: bgn, scheme: "bgn"),
      ]))
  }

  /// BGN/PCGN marks the soft and hard signs with primes (ʹ ʺ) and uses ë; the press drops them.
  private static func dropPrimes(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "ʹ", "ʺ": continue
      case "·": out.append("g")  // Ukrainian BGN writes зг as z·h; the press writes zgh
      case "ë": out.append("e")
      case "Ë": out.append("E")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// English-language press spellings of Russian names: -skiy/-iy → -sky/-y at the end of a
  /// word ("Zelenskiy" → "Zelensky", "Dmitriy" → "Dmitry").
  private static func englishPressRussian(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
      word.hasSuffix("iy") && word.count > 4 ? String(word.dropLast(2)) + "y" : String(word)
    }.joined(separator: " ")
  }

  // MARK: - Chinese

  /// The two-character Chinese family names of the `compound-surnames` lexicon kind
  /// (`Lexicons/zh/compound-surnames.tsv`: 欧阳, 司马, 诸葛 …), which pinyin writes as one word
  /// (Ouyang Xiu, Sima Qian).
  ///
  /// - Throws: `LexiconError.invalidEntry` naming `path:line` of an entry that is not two Han
  ///   characters.
  public static func compoundSurnames(lexicons: any LexiconProvider) throws -> Set<String> {
    var out: Set<String> = []
    for entry in try lexicons.allEntries(kind: "compound-surnames") {
      let text = entry.fields.first ?? ""
      let scalars = text.unicodeScalars
      guard entry.fields.count == 1, scalars.count == 2, scalars.allSatisfy(isHan) else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message:
            "a compound-surnames line holds one family name of two Han characters (欧阳), found \"\(entry.fields.joined(separator: "\t"))\""
        )
      }
      out.insert(text)
    }
    return out
  }

  private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
    default: return false
    }
  }

  private static func chinese(_ name: String, compoundSurnames: Set<String>) -> Result {
    let han = name.unicodeScalars.filter { !($0.properties.isWhitespace || $0 == "·" || $0 == "・") }
    let chars = han.map { String($0) }
    guard !chars.isEmpty else { return Result(origin: "zh", spellings: []) }
    let surnameLength = chars.count >= 3 && compoundSurnames.contains(chars[0] + chars[1]) ? 2 : 1
    let surnameSyllables = syllables(
      transliterate(chars.prefix(surnameLength).joined(), "Han-Latin/Names"))
    let givenSyllables = syllables(
      transliterate(chars.dropFirst(surnameLength).joined(), "Han-Latin"))
    guard !surnameSyllables.isEmpty else { return Result(origin: "zh", spellings: []) }
    func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    let pinyinSurname = capitalized(surnameSyllables.joined())
    let pinyinGiven = capitalized(givenSyllables.joined())
    let pinyin = givenSyllables.isEmpty ? pinyinSurname : "\(pinyinSurname) \(pinyinGiven)"
    let wgSurname = capitalized(surnameSyllables.map(WadeGiles.syllable).joined())
    let wgGiven = capitalized(givenSyllables.map(WadeGiles.syllable).joined(separator: "-"))
    let wade = givenSyllables.isEmpty ? wgSurname : "\(wgSurname) \(wgGiven)"
    return Result(
      origin: "zh",
      spellings: unique([
        NameSpelling(text: pinyin, scheme: "pinyin"),
        NameSpelling(text: wade, scheme: "wade-giles"),
      ]))
  }

  /// Toneless lower-case syllables of ICU's spaced pinyin ("xí jìn píng" → xi, jin, ping).
  private static func syllables(_ pinyin: String) -> [String] {
    let plain = transliterate(pinyin, "Latin-ASCII").lowercased()
    return plain.split(whereSeparator: { !$0.isLetter }).map(String.init)
  }

  // MARK: - Japanese

  private static func japanese(_ name: String) -> Result {
    let raw = transliterate(transliterate(name, "Katakana-Hiragana"), "Hiragana-Latin")
    let words = raw.split(whereSeparator: { $0 == " " || $0 == "・" || $0 == "　" }).map(String.init)
    func spell(_ longO: String, _ longU: String) -> String {
      words.map { word -> String in
        var s = word
        for long in ["oo", "ou"] {
          s = s.replacingOccurrences(of: long + "h", with: (longO == "oh" ? "o" : longO) + "h")
          s = s.replacingOccurrences(of: long, with: longO)
        }
        s = s.replacingOccurrences(of: "uu", with: longU)
        return s.prefix(1).uppercased() + s.dropFirst()
      }.joined(separator: " ")
    }
    return Result(
      origin: "ja",
      spellings: unique([
        NameSpelling(text: spell("ō", "ū"), scheme: "hepburn"),
        NameSpelling(text: spell("o", "u"), scheme: "hepburn-ascii"),
        NameSpelling(text: spell("oh", "u"), scheme: "passport"),
      ]))
  }

  // MARK: - Helpers

  private static func transliterate(_ text: String, _ id: String) -> String {
    (try? Transliterator.cached(id))?.transliterate(text) ?? text
  }

  private static func unique(_ spellings: [NameSpelling]) -> [NameSpelling] {
    var seen: Set<String> = []
    return spellings.filter { !$0.text.isEmpty && seen.insert($0.text).inserted }
  }
}
