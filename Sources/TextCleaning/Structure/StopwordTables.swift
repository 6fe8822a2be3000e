import NormalizeCore

/// Stop-word lists per language (`Lexicons/<lang>/stopwords.tsv`), loaded once: the byte-keyed
/// tables the line classifier scores paragraphs with, and the sets ``LanguageGuesser`` guesses
/// the article's language from.
///
/// Latin- and Cyrillic-script lists hold lowercase words ("the", "di", "und", "что"). Chinese and
/// Japanese lists hold single characters (的, 了, の, は): those languages are scored per
/// character. Korean lists hold free-standing words (있다, 것으로), since particles attach to nouns.
///
/// ```swift
/// let tables = try StopwordTables(lexicons: provider)
/// tables.guesser.guess("Последние новости из Киева и Москвы")  // "ru"
/// tables.features(of: ["관련기사 북한군 포로 2명"], language: "ko")  // one ParagraphFeatures
/// ```
struct StopwordTables: Sendable {
  /// One language's stop words, in byte-keyed tables (looked up without creating strings).
  struct Language: Sendable {
    let code: String
    /// Lowercased UTF-8 word -> 1.
    let words: WordTable
    let scalars: ScalarBitmap
    let usesCharacterTokens: Bool

    /// Whether `word` (any case) is a stop word; for tests and tools, the scanner looks up bytes.
    func contains(word: String) -> Bool {
      var lowered = Array(word.lowercased().utf8)
      return lowered.withUnsafeMutableBufferPointer { buffer in
        let bytes = UnsafeBufferPointer(buffer)
        return words.withView { $0.value(of: bytes, hash: ByteHash.hash(bytes)) != 0 }
      }
    }
    func contains(scalar: UInt32) -> Bool { scalars.contains(scalar) }
  }

  /// Languages scored per character.
  static let characterLanguages: Set<String> = ["zh", "ja"]

  let languages: [String: Language]
  /// Lowercased UTF-8 word -> bit set of every word-scored language (index into ``allCodes``,
  /// Korean included) listing it.
  private let allWords: WordTable
  private let allCodes: [String]
  /// The article's language guess over the same lists (``ArticleLayout/language``), the one
  /// the analysis reads its tables in.
  let guesser: LanguageGuesser

  /// Loads every `stopwords` file.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line with more than one field, or a
  ///   multi-character entry in a Chinese or Japanese list.
  init(lexicons: any LexiconProvider) throws {
    var languages: [String: Language] = [:]
    var wordLists: [String: [String]] = [:]
    var guesserLists: [String: Set<String>] = [:]
    for code in lexicons.languages(forKind: "stopwords") {
      let characterTokens = Self.characterLanguages.contains(code)
      var words: [String] = []
      var scalars: Set<UInt32> = []
      for entry in try lexicons.entries(kind: "stopwords", language: code) {
        guard entry.fields.count == 1 else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "expected one word per line")
        }
        let word = entry.fields[0].lowercased()
        guesserLists[code, default: []].insert(word)
        if characterTokens {
          guard word.unicodeScalars.count == 1, let scalar = word.unicodeScalars.first else {
            throw LexiconError.invalidEntry(
              path: entry.path, line: entry.line,
              message: "Chinese and Japanese entries are single characters")
          }
          scalars.insert(scalar.value)
        } else {
          words.append(word)
        }
      }
      wordLists[code] = words
      if guesserLists[code] == nil { guesserLists[code] = [] }
      languages[code] = Language(
        code: code, words: WordTable(words.map { (Array($0.utf8), 1) }),
        scalars: ScalarBitmap(scalars),
        usesCharacterTokens: characterTokens)
    }
    self.languages = languages
    guesser = LanguageGuesser(stopwords: guesserLists)
    let all = Array(
      languages.values.filter { !$0.usesCharacterTokens }.map(\.code).sorted().prefix(32))
    var allIndex: [(word: [UInt8], value: UInt32)] = []
    for (bit, code) in all.enumerated() {
      for word in wordLists[code] ?? [] {
        allIndex.append((Array(word.utf8), UInt32(1) << UInt32(bit)))
      }
    }
    allWords = WordTable(allIndex)
    allCodes = all
  }

  /// The list for `code`, or an empty one.
  func language(_ code: String) -> Language {
    languages[code]
      ?? Language(
        code: code, words: WordTable([]), scalars: ScalarBitmap([]),
        usesCharacterTokens: Self.characterLanguages.contains(code))
  }

  /// The features of every paragraph for `code`'s stop words, in one scan of the text for
  /// word languages (each word is looked up once in a table that lists, per word, every
  /// language it is a stop word of).
  ///
  /// Same result as `ParagraphFeatures(text, stopwords: language(code))` for each paragraph.
  func features(of paragraphs: [String], language code: String) -> [ParagraphFeatures] {
    guard let bit = allCodes.firstIndex(of: code) else {
      let list = language(code)
      return paragraphs.map { ParagraphFeatures($0, stopwords: list) }
    }
    // Only this language's bit of each word's value counts (the table lists every language).
    let stopMask = UInt32(1) << bit
    var features: [ParagraphFeatures] = []
    features.reserveCapacity(paragraphs.count)
    let noScalars = ScalarBitmap([])
    allWords.withView { table in
      for paragraph in paragraphs {
        var paragraphFeatures = ParagraphFeatures()
        var copy = paragraph
        copy.withUTF8 { buffer in
          ParagraphFeatures.scan(
            buffer, into: &paragraphFeatures, words: table, stopScalars: noScalars,
            charTokens: false, stopMask: stopMask)
          if let last = ParagraphFeatures.lastScalar(buffer) {
            paragraphFeatures.endsSentence = ParagraphFeatures.isSentenceEnder(last)
          }
        }
        features.append(paragraphFeatures)
      }
    }
    return features
  }
}
