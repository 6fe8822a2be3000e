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

  /// Loads every `stopwords` file.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line with more than one field, or a
  ///   multi-character entry in a Chinese or Japanese list.
  init(lexicons: any LexiconProvider) throws {
    var languages: [String: Language] = [:]
    var wordLists: [String: [String]] = [:]
    for code in lexicons.languages(forKind: "stopwords") {
      let characterTokens = Self.characterLanguages.contains(code)
      var words: [String] = []
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
          words.append(word)
        }
      }
      wordLists[code] = words
      languages[code] = Language(
        code: code, words: WordTable(words.map { (Array($0.utf8), 1) }), scalars: ScalarBitmap(scalars),
        usesCharacterTokens: characterTokens)
    }
    self.languages = languages
    let codes = languages.values.filter { !$0.usesCharacterTokens && $0.code != "ko" }.map(\.code).sorted()
    var index: [(word: [UInt8], value: UInt32)] = []
    for (bit, code) in codes.prefix(32).enumerated() {
      for word in wordLists[code] ?? [] { index.append((Array(word.utf8), UInt32(1) << UInt32(bit))) }
    }
    wordIndex = WordTable(index)
    wordLanguageCodes = Array(codes.prefix(32))
  }

  /// The list for `code`, or an empty one.
  func language(_ code: String) -> Language {
    languages[code]
      ?? Language(
        code: code, words: WordTable([]), scalars: ScalarBitmap([]),
        usesCharacterTokens: Self.characterLanguages.contains(code))
  }

  /// Guesses the language of an article from its first paragraphs: Hangul, kana or Han script
  /// when they dominate the letters, otherwise the language whose stop words cover most words
  /// ("en" when nothing matches).
  func detectLanguage<S: Sequence>(_ paragraphs: S) -> String where S.Element == String {
    var scriptCounts = (hangul: 0, kana: 0, han: 0, letters: 0)
    var hits = [Int](repeating: 0, count: max(wordLanguageCodes.count, 1))
    var seenWords = 0
    let noScalars = ScalarBitmap([])
    wordIndex.withView { index in
      hits.withUnsafeMutableBufferPointer { hits in
        for paragraph in paragraphs {
          var copy = paragraph
          copy.withUTF8 { buffer in
            Self.countScripts(buffer, into: &scriptCounts)
            var features = ParagraphFeatures()
            ParagraphFeatures.scan(
              buffer, into: &features, words: index, stopScalars: noScalars, charTokens: false, hits: hits)
            seenWords += features.words
          }
          if seenWords > 600 { break }
        }
      }
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

  /// Counts letters (alphabetic scalars) and Hangul, kana and Han scalars.
  private static func countScripts(
    _ buffer: UnsafeBufferPointer<UInt8>, into counts: inout (hangul: Int, kana: Int, han: Int, letters: Int)
  ) {
    var index = 0
    let count = buffer.count
    while index < count {
      let byte = buffer[index]
      if byte < 0x80 {
        if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { counts.letters += 1 }
        index += 1
        continue
      }
      var value: UInt32
      var length: Int
      if byte < 0xE0 {
        length = 2
        value = UInt32(byte & 0x1F)
      } else if byte < 0xF0 {
        length = 3
        value = UInt32(byte & 0x0F)
      } else {
        length = 4
        value = UInt32(byte & 0x07)
      }
      length = min(length, count - index)
      for offset in 1..<max(length, 1) { value = (value << 6) | UInt32(buffer[index + offset] & 0x3F) }
      index += max(length, 1)
      switch value {
      case 0xAC00...0xD7A3:
        counts.hangul += 1
        counts.letters += 1
      case 0x3040...0x30FF:
        counts.kana += 1
        counts.letters += 1
      case 0x3400...0x9FFF:
        counts.han += 1
        counts.letters += 1
      // Blocks that are letters throughout (Latin-1 letters, Latin Extended-A/B, Cyrillic).
      case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F:
        counts.letters += 1
      default:
        if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic { counts.letters += 1 }
      }
    }
  }
}
