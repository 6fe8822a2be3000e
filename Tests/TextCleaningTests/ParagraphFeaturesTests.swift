import ByteSupport
import Testing

@testable import TextCleaning

/// `ParagraphFeatures` against the byte-by-byte, scalar-by-scalar scan of a3cfd6d (kept below
/// as ``ScalarPathFeatures``), the guard for any faster path of the scan: on 400 generated
/// paragraphs of English, Korean, Ukrainian, Chinese and Arabic words with digits,
/// punctuation, control, bidi and zero-width characters, combining marks and scalars whose
/// lowercase is shorter or longer ("K" the Kelvin sign, "ẞ", "İ"), for every shipped stop-word
/// language, one paragraph at a time and through ``StopwordTables/features(of:language:)``.
/// (An eight-bytes-at-a-time scan with short-key lookups passed it but measured slower in
/// release: its word end went out of line, 49.6M -> 60.6M on the bench sample.)
@Suite struct ParagraphFeaturesTests {
  static let pieces: [String] = [
    "the", "The", "THE", "and", "of", "said", "Reuters", "SALVADOR", "temporao", "2024",
    "covid19", "5.93", "mln", "a", "I", "internationalisation", "It's", "U.S.", "Yoo",
    "있다", "것으로", "서울에서", "유용원", "관련기사", "Київ", "що", "це", "ЦЕ", "Зеленський",
    "прошлом", "的", "了", "北京", "去年秋天", "报告说", "の", "は", "カタカナ", "في", "من",
    "القاهرة", "قال", "und", "Der", "über", "ça", "l'état", "e\u{301}", "Ω", "\u{212A}m",
    "\u{1E9E}", "İstanbul", "١٢", "٣", "Ⅻ", "½", "👍", "🇰🇷",
    " ", " ", " ", "  ", ", ", ". ", "!", "?", "…", "。", "！", "”", "’", "»", "」", "\"", ")",
    "-", "—", "–", "\t", "\u{1}", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}", "\u{200F}",
    "\u{202E}", "\u{2066}", "\u{FEFF}", "·", "・", "゠", "\u{E000}", "𠀋",
  ]

  /// Paragraph `index` of a generator seeded with `seed`: 0 to 60 pieces.
  static func paragraphs(seed: UInt64, count: Int) -> [String] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    return (0..<count).map { _ in
      var text = ""
      for _ in 0..<next(61) {
        // Words more often than separators, runs of one script as in real text.
        text += pieces[next(pieces.count)]
        if next(3) > 0 { text += " " }
      }
      return text
    }
  }

  static func same(_ a: ParagraphFeatures, _ b: ParagraphFeatures) -> Bool {
    a.scalars == b.scalars && a.effectiveLength == b.effectiveLength && a.words == b.words
      && a.stopwords == b.stopwords && a.letters == b.letters && a.digits == b.digits
      && a.endsSentence == b.endsSentence && a.isASCII == b.isASCII
  }

  static func describe(_ f: ParagraphFeatures) -> String {
    "scalars \(f.scalars) effective \(f.effectiveLength) words \(f.words) stop \(f.stopwords) "
      + "letters \(f.letters) digits \(f.digits) ends \(f.endsSentence) ascii \(f.isASCII)"
  }

  @Test(arguments: 0..<4)
  func byteScanAgreesWithTheScalarScan(seed: Int) throws {
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    let tables = analyzer.stopwords
    let texts = Self.paragraphs(seed: UInt64(seed), count: 100)
    let codes = tables.languages.keys.sorted()
    #expect(codes.count >= 10)
    var stopwordsSeen = 0
    for code in codes {
      let language = tables.language(code)
      let joined = tables.features(of: texts, language: code)
      #expect(joined.count == texts.count)
      for (index, text) in texts.enumerated() {
        let expected = ScalarPathFeatures.features(text, stopwords: language)
        stopwordsSeen += expected.stopwords
        let alone = ParagraphFeatures(text, stopwords: language)
        #expect(
          Self.same(alone, expected),
          "\(code) \(text.debugDescription): \(Self.describe(alone)) != \(Self.describe(expected))"
        )
        guard index < joined.count else { continue }
        #expect(
          Self.same(joined[index], expected),
          "\(code) (tables) \(text.debugDescription): \(Self.describe(joined[index])) != \(Self.describe(expected))"
        )
      }
    }
    // The generated text holds stop words of several languages: the test can fail on them.
    #expect(stopwordsSeen > 400)
  }
}

/// The scan `ParagraphFeatures` used before its eight-byte paths (a3cfd6d): byte by byte over
/// ASCII, scalar by scalar otherwise, every word hashed byte by byte with FNV-1a. The reference
/// of ``ParagraphFeaturesTests``.
enum ScalarPathFeatures {
  static func features(_ text: String, stopwords: StopwordTables.Language) -> ParagraphFeatures {
    var copy = text
    var features = ParagraphFeatures()
    copy.withUTF8 { buffer in
      stopwords.words.withView { words in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 * 4 + 16) { lowered in
          scan(
            buffer, into: &features, words: words, stopScalars: stopwords.scalars,
            charTokens: stopwords.usesCharacterTokens, lowered: lowered)
        }
      }
      if let last = ParagraphFeatures.lastScalar(buffer) {
        features.endsSentence = ParagraphFeatures.isSentenceEnder(last)
      }
    }
    return features
  }

  static func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, into features: inout ParagraphFeatures,
    words table: WordTable.View, stopScalars: ScalarBitmap, charTokens: Bool,
    lowered: UnsafeMutableBufferPointer<UInt8>
  ) {
    var asciiLetters = 0
    var letters = 0
    var digits = 0
    var words = 0
    var stopwords = 0
    var isASCII = true
    let count = buffer.count
    var index = 0
    var tokenStart = -1
    var tokenASCII = true
    var scalars = 0
    var extra = 0

    func endToken(_ end: Int) {
      guard tokenStart >= 0 else { return }
      words += 1
      let length = end - tokenStart
      if length <= 32 {
        let value: UInt32
        if tokenASCII {
          value = table.valueFoldingASCII(
            of: UnsafeBufferPointer(rebasing: buffer[tokenStart..<end]))
        } else {
          var size = 0
          var k = tokenStart
          while k < end {
            let byte = buffer[k]
            if byte < 0x80 {
              lowered[size] = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
              size += 1
              k += 1
              continue
            }
            let (scalar, length) = UTF8Scan.decodeScalar(buffer, at: k, end: end)
            k += length
            size = ScalarCase.appendLowercasedUTF8(scalar, to: lowered, at: size)
          }
          let word = UnsafeBufferPointer(rebasing: lowered[0..<size])
          value = table.value(of: word, hash: ByteHash.hash(word))
        }
        if value != 0 { stopwords += 1 }
      }
      tokenStart = -1
      tokenASCII = true
    }

    while index < count {
      let byte = buffer[index]
      if byte < 0x80 {
        if (byte | 0x20) &- 0x61 < 26 {
          if tokenStart < 0 { tokenStart = index }
          var end = index + 1
          while end < count, (buffer[end] | 0x20) &- 0x61 < 26 { end += 1 }
          asciiLetters += end - index
          scalars += end - index
          index = end
          continue
        }
        scalars += 1
        if byte &- 0x30 < 10 {
          digits += 1
          if tokenStart < 0 { tokenStart = index }
        } else {
          endToken(index)
        }
        index += 1
        continue
      }
      scalars += 1
      isASCII = false
      let (value, length) = UTF8Scan.decodeScalar(buffer, at: index, end: count)
      switch ScalarClass(value) {
      case .cjk:
        letters += 1
        extra += 2
        if charTokens {
          endToken(index)
          words += 1
          if stopScalars.contains(value) { stopwords += 1 }
        } else {
          if tokenStart < 0 { tokenStart = index }
          tokenASCII = false
        }
      case .hangul:
        letters += 1
        extra += 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .letter:
        letters += 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .mark:
        if tokenStart >= 0 { tokenASCII = false }
      case .digit:
        digits += 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .other:
        endToken(index)
      }
      index += length
    }
    endToken(count)
    features.words += words
    features.stopwords += stopwords
    features.digits += digits
    features.letters += letters + asciiLetters
    if !isASCII { features.isASCII = false }
    features.scalars += scalars
    features.effectiveLength += scalars + extra
  }
}
