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
  /// Lowercased UTF-8 word -> bit set of the word languages (index into ``wordLanguageCodes``)
  /// listing it.
  private let wordIndex: WordTable
  private let wordLanguageCodes: [String]
  /// Lowercased UTF-8 word -> bit set of every word-scored language (index into ``allCodes``,
  /// Korean included) listing it.
  private let allWords: WordTable
  private let allCodes: [String]
  /// The record's language guess over the same lists (``ArticleLayout/language``).
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
    let codes = languages.values.filter { !$0.usesCharacterTokens && $0.code != "ko" }.map(\.code)
      .sorted()
    var index: [(word: [UInt8], value: UInt32)] = []
    for (bit, code) in codes.prefix(32).enumerated() {
      for word in wordLists[code] ?? [] {
        index.append((Array(word.utf8), UInt32(1) << UInt32(bit)))
      }
    }
    wordIndex = WordTable(index)
    wordLanguageCodes = Array(codes.prefix(32))
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

  /// Scalar counts for the script part of the language guess.
  struct ScriptCounts {
    var hangul = 0
    var kana = 0
    var han = 0
    /// Alphabetic scalars (any script).
    var letters = 0

    /// Counts one non-ASCII scalar.
    @inline(__always)
    mutating func add(nonASCII value: UInt32) {
      switch value {
      case 0xAC00...0xD7A3:
        hangul += 1
        letters += 1
      case 0x3040...0x30FF:
        kana += 1
        letters += 1
      case 0x3400...0x9FFF:
        han += 1
        letters += 1
      // Blocks that are letters throughout (Latin-1 letters, Latin Extended-A/B, Cyrillic).
      case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F:
        letters += 1
      default:
        if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic { letters += 1 }
      }
    }
  }

  /// Guesses the language of an article from its first paragraphs (at most 400, until more than
  /// 600 words were seen) and returns the features of every paragraph for that language, in one
  /// scan of the text for word languages (each word is looked up once in a table that lists,
  /// per word, every language it is a stop word of).
  ///
  /// Same result as ``detectLanguage(_:)`` followed by
  /// `ParagraphFeatures(text, stopwords: language(code))` for each paragraph.
  func languageAndFeatures(of paragraphs: [String]) -> (
    language: String, features: [ParagraphFeatures]
  ) {
    let width = max(allCodes.count, 1)
    var perParagraph = [Int](repeating: 0, count: paragraphs.count * width)
    var features: [ParagraphFeatures] = []
    features.reserveCapacity(paragraphs.count)
    var scripts = ScriptCounts()
    var hits = [Int](repeating: 0, count: width)
    var seenWords = 0
    var detecting = true
    let noScalars = ScalarBitmap([])
    allWords.withView { table in
      perParagraph.withUnsafeMutableBufferPointer { perParagraph in
        for (number, paragraph) in paragraphs.enumerated() {
          if number >= 400 { detecting = false }
          var paragraphFeatures = ParagraphFeatures()
          let slice = UnsafeMutableBufferPointer(
            rebasing: perParagraph[(number * width)..<((number + 1) * width)])
          var copy = paragraph
          copy.withUTF8 { buffer in
            if detecting {
              withUnsafeMutablePointer(to: &scripts) { scripts in
                ParagraphFeatures.scan(
                  buffer, into: &paragraphFeatures, words: table, stopScalars: noScalars,
                  charTokens: false,
                  hits: slice, scripts: scripts)
              }
            } else {
              ParagraphFeatures.scan(
                buffer, into: &paragraphFeatures, words: table, stopScalars: noScalars,
                charTokens: false,
                hits: slice, scripts: nil)
            }
            if let last = ParagraphFeatures.lastScalar(buffer) {
              paragraphFeatures.endsSentence = ParagraphFeatures.isSentenceEnder(last)
            }
          }
          if detecting {
            for bit in 0..<width { hits[bit] += slice[bit] }
            seenWords += paragraphFeatures.words
            if seenWords > 600 { detecting = false }
          }
          features.append(paragraphFeatures)
        }
      }
    }
    var detectionHits = [Int](repeating: 0, count: wordLanguageCodes.count)
    for (bit, code) in allCodes.enumerated() {
      if let index = wordLanguageCodes.firstIndex(of: code) { detectionHits[index] = hits[bit] }
    }
    let code = decide(scripts, hits: detectionHits)
    if let bit = allCodes.firstIndex(of: code) {
      for number in features.indices {
        features[number].stopwords = perParagraph[number * width + bit]
      }
    } else {
      let list = language(code)
      features = paragraphs.map { ParagraphFeatures($0, stopwords: list) }
    }
    return (code, features)
  }

  private func decide(_ scripts: ScriptCounts, hits: [Int]) -> String {
    let letters = max(scripts.letters, 1)
    if scripts.hangul * 10 > letters * 3 { return "ko" }
    if scripts.kana * 20 > letters { return "ja" }
    if scripts.han * 10 > letters * 3 { return "zh" }
    var best: (code: String, hits: Int)?
    for (bit, code) in wordLanguageCodes.enumerated() where hits[bit] > (best?.hits ?? 0) {
      best = (code, hits[bit])
    }
    return best?.code ?? "en"
  }

  /// Guesses the language of an article from its first paragraphs: Hangul, kana or Han script
  /// when they dominate the letters, otherwise the language whose stop words cover most words
  /// ("en" when nothing matches).
  func detectLanguage<S: Sequence>(_ paragraphs: S) -> String where S.Element == String {
    var scripts = ScriptCounts()
    var hits = [Int](repeating: 0, count: max(wordLanguageCodes.count, 1))
    var seenWords = 0
    let noScalars = ScalarBitmap([])
    wordIndex.withView { index in
      hits.withUnsafeMutableBufferPointer { hits in
        for paragraph in paragraphs {
          var copy = paragraph
          copy.withUTF8 { buffer in
            var features = ParagraphFeatures()
            withUnsafeMutablePointer(to: &scripts) { scripts in
              ParagraphFeatures.scan(
                buffer, into: &features, words: index, stopScalars: noScalars, charTokens: false,
                hits: hits,
                scripts: scripts)
            }
            seenWords += features.words
          }
          if seenWords > 600 { break }
        }
      }
    }
    return decide(scripts, hits: hits)
  }
}
