import NormalizeCore

/// Stop-word lists per language (`Lexicons/<lang>/stopwords.tsv`) and the cheap language guess
/// the classifier needs to pick one.
///
/// Latin- and Cyrillic-script lists hold lowercase words ("the", "di", "und", "что"). Chinese and
/// Japanese lists hold single characters (的, 了, の, は): those languages are scored per
/// character. Korean lists hold free-standing words (있다, 것으로), since particles attach to nouns.
///
/// ```swift
/// let tables = try StopwordTables(lexicons: provider)
/// tables.detectLanguage(["Последние новости из Киева и Москвы"])  // "ru"
/// tables.detectLanguage(["관련기사 북한군 포로 2명"])               // "ko"
/// ```
struct StopwordTables: Sendable {
  /// One language's stop words.
  struct Language: Sendable {
    let code: String
    let words: Set<String>
    let scalars: Set<UInt32>
    let usesCharacterTokens: Bool

    func contains(word: String) -> Bool { words.contains(word) }
    func contains(scalar: UInt32) -> Bool { scalars.contains(scalar) }
  }

  /// Languages scored per character.
  static let characterLanguages: Set<String> = ["zh", "ja"]

  let languages: [String: Language]
  /// Word -> bit set of the word languages (index into ``wordLanguageCodes``) listing it.
  private let wordIndex: [String: UInt32]
  private let wordLanguageCodes: [String]

  /// Loads every `stopwords` file.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line with more than one field, or a
  ///   multi-character entry in a Chinese or Japanese list.
  init(lexicons: any LexiconProvider) throws {
    var languages: [String: Language] = [:]
    for code in lexicons.languages(forKind: "stopwords") {
      let characterTokens = Self.characterLanguages.contains(code)
      var words: Set<String> = []
      var scalars: Set<UInt32> = []
      for entry in try lexicons.entries(kind: "stopwords", language: code) {
        guard entry.fields.count == 1 else {
          throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "expected one word per line")
        }
        let word = entry.fields[0].lowercased()
        if characterTokens {
          guard word.unicodeScalars.count == 1, let scalar = word.unicodeScalars.first else {
            throw LexiconError.invalidEntry(
              path: entry.path, line: entry.line, message: "Chinese and Japanese entries are single characters")
          }
          scalars.insert(scalar.value)
        } else {
          words.insert(word)
        }
      }
      languages[code] = Language(code: code, words: words, scalars: scalars, usesCharacterTokens: characterTokens)
    }
    self.languages = languages
    let codes = languages.values.filter { !$0.usesCharacterTokens && $0.code != "ko" }.map(\.code).sorted()
    var index: [String: UInt32] = [:]
    for (bit, code) in codes.prefix(32).enumerated() {
      for word in languages[code]?.words ?? [] { index[word, default: 0] |= UInt32(1) << UInt32(bit) }
    }
    wordIndex = index
    wordLanguageCodes = Array(codes.prefix(32))
  }

  /// The list for `code`, or an empty one.
  func language(_ code: String) -> Language {
    languages[code]
      ?? Language(code: code, words: [], scalars: [], usesCharacterTokens: Self.characterLanguages.contains(code))
  }

  /// Guesses the language of an article from its first paragraphs: Hangul, kana or Han script
  /// when they dominate the letters, otherwise the language whose stop words cover most words
  /// ("en" when nothing matches).
  func detectLanguage<S: Sequence>(_ paragraphs: S) -> String where S.Element == String {
    var scriptCounts = (hangul: 0, kana: 0, han: 0, letters: 0)
    var hits = [Int](repeating: 0, count: wordLanguageCodes.count)
    var seenWords = 0
    for paragraph in paragraphs {
      for scalar in paragraph.unicodeScalars {
        let value = scalar.value
        if value < 0x80 {
          if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { scriptCounts.letters += 1 }
          continue
        }
        switch value {
        case 0xAC00...0xD7A3: scriptCounts.hangul += 1; scriptCounts.letters += 1
        case 0x3040...0x30FF: scriptCounts.kana += 1; scriptCounts.letters += 1
        case 0x3400...0x9FFF: scriptCounts.han += 1; scriptCounts.letters += 1
        default: if scalar.properties.isAlphabetic { scriptCounts.letters += 1 }
        }
      }
      var features = ParagraphFeatures()
      var copy = paragraph
      copy.withUTF8 { buffer in
        ParagraphFeatures.scan(
          buffer, into: &features,
          isStopword: { word in
            if var bits = wordIndex[word] {
              while bits != 0 {
                hits[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
              }
            }
            return false
          }, isStopScalar: { _ in false }, charTokens: false)
      }
      seenWords += features.words
      if seenWords > 600 { break }
    }
    let letters = max(scriptCounts.letters, 1)
    if scriptCounts.hangul * 10 > letters * 3 { return "ko" }
    if scriptCounts.kana * 20 > letters { return "ja" }
    if scriptCounts.han * 10 > letters * 3 { return "zh" }
    var best: (code: String, hits: Int)?
    for (bit, code) in wordLanguageCodes.enumerated() where hits[bit] > (best?.hits ?? 0) {
      best = (code, hits[bit])
    }
    return best?.code ?? "en"
  }
}
