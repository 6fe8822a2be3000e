import ICUSupport
import NormalizeCore

/// Identifies the language of a title from its letters: kana makes it Japanese, Hangul Korean,
/// Han alone Chinese (simplified or traditional by which of ICU's Hans-Hant / Hant-Hans
/// conversions changes it); Cyrillic letters tell Ukrainian (і ї є ґ), Russian (ы э ё),
/// Belarusian (ў), Serbian (ђ ћ љ њ џ), Macedonian (ѓ ќ ѕ) and Bulgarian (ъ without ы/э); Latin
/// titles go to the language whose stop-word list (`Lexicons/<lang>/stopwords.tsv`) covers
/// most of their words.
///
/// ```swift
/// let identifier = try TitleLanguage(lexicons: provider)
/// identifier.identify("消息：俄乌战俘互换名单中未含两名朝军").language  // "zh-Hans"
/// identifier.identify("Зеленський відвідав Харків").language          // "uk"
/// identifier.identify("La guerra in Ucraina e il ruolo della Corea").language  // "it"
/// ```
struct TitleLanguage: Sendable {
  /// Stop word → the languages whose list has it.
  let stopwords: [String: [String]]
  static let latinLanguages = ["en", "it", "de", "fr", "es", "pt", "hr", "id"]
  static let cyrillicLanguages = ["ru", "uk"]

  init(lexicons: any LexiconProvider) throws {
    var stopwords: [String: [String]] = [:]
    for language in Self.latinLanguages + Self.cyrillicLanguages {
      for entry in try lexicons.entries(kind: "stopwords", language: language) {
        guard let word = entry.fields.first else { continue }
        stopwords[word.lowercased(), default: []].append(language)
      }
    }
    self.stopwords = stopwords
  }

  /// The title's language (BCP 47) and main script (ISO 15924), each nil when unsure.
  func identify(_ title: String) -> (language: String?, script: String?) {
    var han = 0
    var kana = 0
    var hangul = 0
    var cyrillic = 0
    var greek = 0
    var latin = 0
    var arabic = 0
    var hebrew = 0
    for scalar in title.unicodeScalars where scalar.properties.isAlphabetic {
      switch ReferenceFeatures.scriptName(scalar) {
      case "hani": han += 1
      case "kana": kana += 1
      case "hang": hangul += 1
      case "cyrl": cyrillic += 1
      case "grek": greek += 1
      case "latn": latin += 1
      case "rtl":
        if scalar.value < 0x600 { hebrew += 1 } else { arabic += 1 }
      default: break
      }
    }
    if kana > 0 && kana + han >= latin { return ("ja", "Jpan") }
    if hangul > 0 && hangul + han >= latin { return ("ko", "Kore") }
    if han > 0 && han >= latin { return chineseVariant(title) }
    if cyrillic > 0 && cyrillic >= latin { return (cyrillicLanguage(title), "Cyrl") }
    if greek > 0 && greek >= latin { return ("el", "Grek") }
    if arabic > 0 && arabic >= latin { return ("ar", "Arab") }
    if hebrew > 0 && hebrew >= latin { return ("he", "Hebr") }
    if latin == 0 { return (nil, nil) }
    return (latinLanguage(title), "Latn")
  }

  private func chineseVariant(_ title: String) -> (String?, String?) {
    let hans = title.unicodeScalars.filter { ReferenceFeatures.scriptName($0) == "hani" }
    let text = String(String.UnicodeScalarView(hans))
    guard let toTraditional = try? Transliterator.cached("Hans-Hant"),
      let toSimplified = try? Transliterator.cached("Hant-Hans")
    else { return ("zh", "Hani") }
    let traditional = toTraditional.transliterate(text)
    let simplified = toSimplified.transliterate(text)
    let simplifiedChars = zip(text.unicodeScalars, traditional.unicodeScalars).filter { $0 != $1 }
      .count
    let traditionalChars = zip(text.unicodeScalars, simplified.unicodeScalars).filter { $0 != $1 }
      .count
    if simplifiedChars > traditionalChars { return ("zh-Hans", "Hans") }
    if traditionalChars > simplifiedChars { return ("zh-Hant", "Hant") }
    return ("zh", "Hani")
  }

  private func cyrillicLanguage(_ title: String) -> String {
    if let language = cyrillicByLetters(title) { return language }
    // The best score; on a tie, the language listed first (a dictionary's order would change
    // from run to run).
    let scores = stopwordScores(title, among: Self.cyrillicLanguages)
    var best = "ru"
    var bestScore = 0.0
    for language in Self.cyrillicLanguages where (scores[language] ?? 0) > bestScore {
      best = language
      bestScore = scores[language] ?? 0
    }
    return best
  }

  /// The language a Cyrillic text's distinctive letters name (і ї є ґ Ukrainian, ы э ё
  /// Russian, ў Belarusian, ђ ћ љ њ џ ј Serbian, ѓ ќ ѕ Macedonian, ъ without the Russian letters
  /// Bulgarian), or nil when it has none: "Кобзар" could be either, "Київ" is Ukrainian.
  func cyrillicByLetters(_ title: String) -> String? {
    var marks: [String: Int] = [:]
    for scalar in title.lowercased().unicodeScalars {
      switch scalar {
      case "і", "ї", "є", "ґ": marks["uk", default: 0] += 1
      case "ы", "э", "ё": marks["ru", default: 0] += 1
      case "ў": marks["be", default: 0] += 1
      case "ђ", "ћ", "љ", "њ", "џ", "ј": marks["sr", default: 0] += 1
      case "ѓ", "ќ", "ѕ": marks["mk", default: 0] += 1
      case "ъ": marks["bg?", default: 0] += 1
      default: break
      }
    }
    if (marks["be"] ?? 0) > 0 && (marks["uk"] ?? 0) == 0 { return "be" }
    if (marks["uk"] ?? 0) > (marks["ru"] ?? 0) { return "uk" }
    if (marks["ru"] ?? 0) > 0 { return "ru" }
    if (marks["mk"] ?? 0) > 0 { return "mk" }
    if (marks["sr"] ?? 0) > 0 { return "sr" }
    if (marks["bg?"] ?? 0) > 0 { return "bg" }
    return nil
  }

  private func latinLanguage(_ title: String) -> String? {
    let scores = stopwordScores(title, among: Self.latinLanguages)
    guard
      let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      ), best.value >= 0.5
    else { return nil }
    return best.key
  }

  private func stopwordScores(_ title: String, among languages: [String]) -> [String: Double] {
    var scores: [String: Double] = [:]
    for word in title.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
    {
      guard let owners = stopwords[String(word)] else { continue }
      let relevant = owners.filter { languages.contains($0) }
      for owner in relevant { scores[owner, default: 0] += 1 / Double(relevant.count) }
    }
    return scores
  }
}
