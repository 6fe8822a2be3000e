import ICUSupport
import NormalizeCore

/// Guesses the language of an article from its scripts and, for Latin and Cyrillic text, from
/// stop words (the `stopwords` lexicons): the one language guess of the article path.
/// ``ArticleStructureAnalyzer`` runs it once on the cleaned text when the input gives no
/// `lang`, reads that language's boilerplate rules and stop words, and hands it on as
/// ``ArticleLayout/language`` (the record's `lang`); it shares the analyzer's stop-word lists
/// instead of loading them again.
///
/// ```swift
/// guesser.guess("지난해 3월 유용원 의원은…")          // "ko"
/// guesser.guess("Il ministro ha detto che la guerra…") // "it" (stop words)
/// guesser.guess("Україна і Росія обмінялися…")        // "uk" (letters і, ї, є, ґ)
/// ```
public struct LanguageGuesser: Sendable {
  /// The languages with a stop-word list, sorted.
  private let languages: [String]
  /// Every stop word (lowercased) -> the indices in ``languages`` of the languages listing it:
  /// one lookup per word instead of one per language.
  private let languagesOfWord: [String: [Int]]

  /// Loads every `stopwords` lexicon; a missing kind just disables the stop-word step.
  public init(lexicons: any LexiconProvider) {
    var stopwords: [String: Set<String>] = [:]
    for language in lexicons.languages(forKind: "stopwords") {
      let words = (try? lexicons.entries(kind: "stopwords", language: language)) ?? []
      stopwords[language] = Set(words.compactMap { $0.fields.first?.lowercased() })
    }
    self.init(stopwords: stopwords)
  }

  /// A guesser over stop-word sets already loaded (language code -> lowercased words).
  init(stopwords: [String: Set<String>]) {
    languages = stopwords.keys.sorted()
    var languagesOfWord: [String: [Int]] = [:]
    for (index, language) in languages.enumerated() {
      for word in stopwords[language] ?? [] { languagesOfWord[word, default: []].append(index) }
    }
    self.languagesOfWord = languagesOfWord
  }

  /// A BCP 47 tag, or nil when the text is too short or ambiguous to tell.
  public func guess(_ text: String) -> String? {
    var counts: [String: Int] = [:]
    var asciiLetters = 0
    var ukrainianLetters = 0
    var russianLetters = 0
    var sampled = 0
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A {
          asciiLetters += 1
        }
        continue
      }
      sampled += 1
      if sampled > 20000 { break }
      switch scalar {
      case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": ukrainianLetters += 1
      case "ы", "э", "ё", "ъ", "Ы", "Э", "Ё": russianLetters += 1
      default: break
      }
      let script = Script.of(scalar)
      if !script.isNeutral { counts[script.code, default: 0] += 1 }
    }
    if asciiLetters > 0 { counts["Latn", default: 0] += asciiLetters }
    guard
      let (top, _) = counts.max(by: {
        $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
      })
    else { return nil }
    switch top {
    case "Hang": return "ko"
    case "Hira", "Kana": return "ja"
    case "Hani": return (counts["Hira", default: 0] + counts["Kana", default: 0]) > 0 ? "ja" : "zh"
    case "Cyrl":
      if ukrainianLetters > russianLetters { return "uk" }
      if russianLetters > ukrainianLetters { return "ru" }
      return byStopWords(text, among: ["ru", "uk", "bg", "sr"])
    case "Latn": return byStopWords(text, among: nil)
    case "Arab": return "ar"
    case "Hebr": return "he"
    case "Grek": return "el"
    case "Thai": return "th"
    default: return nil
    }
  }

  /// Whether `character` belongs to a word: a letter or an apostrophe. An ASCII character is
  /// decided on its byte (A–Z, a–z, "'"; "\r\n" is no letter), no Unicode property asked.
  @inline(__always)
  static func isWordCharacter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return (ascii | 0x20) &- 0x61 < 26 || ascii == 0x27
    }
    return character.isLetter
  }

  private func byStopWords(_ text: String, among candidates: Set<String>?) -> String? {
    var scores: [String: Int] = [:]
    var words = 0
    let allowed = languages.map { candidates?.contains($0) ?? true }
    // The first 400 words of the first 4000 characters, as
    // `split(whereSeparator: { !Self.isWordCharacter($0) }).prefix(400)` gives them, without
    // reading on past the 400th word.
    let sample = text.prefix(4000)
    var wordStart: Substring.Index?
    var index = sample.startIndex
    func count(_ word: Substring) {
      words += 1
      guard let listing = languagesOfWord[word.lowercased()] else { return }
      for index in listing where allowed[index] { scores[languages[index], default: 0] += 1 }
    }
    while index < sample.endIndex, words < 400 {
      if Self.isWordCharacter(sample[index]) {
        if wordStart == nil { wordStart = index }
      } else if let start = wordStart {
        count(sample[start..<index])
        wordStart = nil
      }
      index = sample.index(after: index)
    }
    if words < 400, let start = wordStart { count(sample[start..<sample.endIndex]) }
    guard words >= 5,
      let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      ),
      best.value * 10 >= words
    else { return nil }
    return best.key
  }
}
