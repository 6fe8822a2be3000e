import ByteSupport
import ICUSupport

/// Counts that describe one paragraph for the line classifier, taken in one pass over its
/// UTF-8 bytes (ASCII fast path; Unicode properties only for scalars outside the common
/// Latin, Cyrillic, Hangul and CJK ranges).
///
/// A *word* is a run of letters and digits; in Chinese and Japanese every Han or kana
/// character is a word of its own, so that stop-word density means the share of function
/// characters (的, 了, の, は). The *effective length* counts a Han or kana character as three
/// Latin characters and a Hangul syllable as two, since they carry that much more text.
///
/// ```swift
/// ParagraphFeatures("The prisoner swap, agreed upon on May 16th, saw both sides …", stopwords: en)
/// // words 40, stopwords 15, endsSentence true
/// ParagraphFeatures("相关新闻", stopwords: zh)  // words 4, stopwords 0, effectiveLength 12
/// ```
struct ParagraphFeatures: Sendable {
  /// Unicode scalars.
  var scalars = 0
  /// Scalars, with Han/kana counted 3 times and Hangul twice.
  var effectiveLength = 0
  /// Words (see the type's summary).
  var words = 0
  /// Words that are stop words of the article's language.
  var stopwords = 0
  /// Letters (any script).
  var letters = 0
  /// Decimal digits.
  var digits = 0
  /// Whether the last scalar closes a sentence: . ! ? … 。 ！ ？ or a closing quote/bracket.
  var endsSentence = false
  /// Whether every scalar is ASCII.
  var isASCII = true

  /// The share of words that are stop words, 0 for a paragraph without words.
  var stopwordDensity: Double { words > 0 ? Double(stopwords) / Double(words) : 0 }

  /// Scans `text` against one language's stop words.
  init(_ text: String, stopwords: StopwordTables.Language) {
    var copy = text
    var features = ParagraphFeatures()
    copy.withUTF8 { buffer in
      stopwords.words.withView { words in
        Self.scan(
          buffer, into: &features, words: words, stopScalars: stopwords.scalars,
          charTokens: stopwords.usesCharacterTokens, stopMask: .max)
      }
      if let last = Self.lastScalar(buffer) { features.endsSentence = Self.isSentenceEnder(last) }
    }
    self = features
  }

  /// An empty feature set (for the detector's scan).
  init() {}

  /// The features of this paragraph and `next` joined with one space.
  mutating func join(_ next: ParagraphFeatures) {
    scalars += next.scalars + 1
    effectiveLength += next.effectiveLength + 1
    words += next.words
    stopwords += next.stopwords
    letters += next.letters
    digits += next.digits
    endsSentence = next.endsSentence
    isASCII = isASCII && next.isASCII
  }

  /// . ! ? " ) … 。 ！ ？ ” ’ » 」 』
  @inline(__always)
  static func isSentenceEnder(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E, 0x21, 0x3F, 0x22, 0x29, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0xBB, 0x300D,
      0x300F:
      return true
    default: return false
    }
  }

  /// The last scalar of valid UTF-8, or nil for an empty buffer.
  static func lastScalar(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard var start = buffer.indices.last else { return nil }
    while start > 0, buffer[start] & 0xC0 == 0x80 { start -= 1 }
    let byte = buffer[start]
    if byte < 0x80 { return UInt32(byte) }
    var value = UInt32(byte < 0xE0 ? byte & 0x1F : byte < 0xF0 ? byte & 0x0F : byte & 0x07)
    for index in (start + 1)..<buffer.count { value = (value << 6) | UInt32(buffer[index] & 0x3F) }
    return value
  }

  /// Walks the UTF-8 of a paragraph, counting into `features`, and looks every word up in
  /// `words` lowercased (at most 32 bytes long; longer words are counted but never stop words),
  /// with no `String` per word: a word whose value shares a bit with `stopMask` is a stop word
  /// (`.max`: any non-zero value; one bit: a stop word of that language of a table that lists
  /// several).
  /// With `charTokens`, Han and kana characters are words of their own, stop words when in
  /// `stopScalars`.
  static func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, into features: inout ParagraphFeatures,
    words: WordTable.View,
    stopScalars: ScalarBitmap, charTokens: Bool, stopMask: UInt32
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 * 4 + 16) { lowered in
      scan(
        buffer, into: &features, words: words, stopScalars: stopScalars, charTokens: charTokens,
        stopMask: stopMask, lowered: lowered)
    }
  }

  private static func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, into features: inout ParagraphFeatures,
    words table: WordTable.View,
    stopScalars: ScalarBitmap, charTokens: Bool, stopMask: UInt32,
    lowered: UnsafeMutableBufferPointer<UInt8>
  ) {
    // Counts in locals (registers), added to `features` at the end.
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
    // The hash of the token's ASCII letters (A–Z folded) and digits, taken as they are read:
    // what the word table is probed with when the token is all ASCII.
    var tokenHash = FNV1a.basis64
    var scalars = 0
    var extra = 0

    func endToken(_ end: Int) {
      guard tokenStart >= 0 else { return }
      words &+= 1
      let length = end &- tokenStart
      if length <= 32 {
        let value: UInt32
        if tokenASCII {
          value = table.valueFoldingASCII(
            of: UnsafeBufferPointer(rebasing: buffer[tokenStart..<end]), foldedHash: tokenHash)
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
        if value & stopMask != 0 { stopwords &+= 1 }
      }
      tokenStart = -1
      tokenASCII = true
      tokenHash = FNV1a.basis64
    }

    while index < count {
      let byte = buffer[index]
      if byte < 0x80 {
        if (byte | 0x20) &- 0x61 < 26 {
          // A run of ASCII letters, in one go.
          if tokenStart < 0 { tokenStart = index }
          var end = index &+ 1
          var hash = FNV1a.step(tokenHash, byte | 0x20)
          while end < count {
            let letter = buffer[end] | 0x20
            guard letter &- 0x61 < 26 else { break }
            hash = FNV1a.step(hash, letter)
            end &+= 1
          }
          tokenHash = hash
          asciiLetters &+= end &- index
          scalars &+= end &- index
          index = end
          continue
        }
        scalars &+= 1
        if byte &- 0x30 < 10 {
          digits &+= 1
          if tokenStart < 0 { tokenStart = index }
          tokenHash = FNV1a.step(tokenHash, byte)
        } else {
          endToken(index)
        }
        index &+= 1
        continue
      }
      scalars &+= 1
      isASCII = false
      // Decode one multi-byte scalar (the buffer comes from a String: valid UTF-8).
      let (value, length) = UTF8Scan.decodeScalar(buffer, at: index, end: count)
      switch ScalarClass(value) {
      case .cjk:
        letters &+= 1
        extra &+= 2
        if charTokens {
          endToken(index)
          words &+= 1
          if stopScalars.contains(value) { stopwords &+= 1 }
        } else {
          if tokenStart < 0 { tokenStart = index }
          tokenASCII = false
        }
      case .hangul:
        letters &+= 1
        extra &+= 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .letter:
        letters &+= 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .mark:
        if tokenStart >= 0 { tokenASCII = false }
      case .digit:
        digits &+= 1
        if tokenStart < 0 { tokenStart = index }
        tokenASCII = false
      case .other:
        endToken(index)
      }
      index &+= length
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

/// The classes of non-ASCII scalars the scanner needs, by range first and by Unicode property
/// only outside the ranges.
enum ScalarClass {
  case cjk, hangul, letter, mark, digit, other

  /// The ranges inline (the scanner meets them in every non-ASCII text), the properties of
  /// other scalars in ``init(properties:)``.
  @inline(__always)
  init(_ value: UInt32) {
    switch value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
      self = (value == 0x30FB || value == 0x30A0) ? .other : .cjk
    case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F:
      self = .hangul
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x370...0x3FF, 0x400...0x52F, 0x1E00...0x1FFF:
      self = (value >= 0x37E && value <= 0x387 && value != 0x386) ? .other : .letter
    case 0x300...0x36F:
      self = .mark
    case 0x80...0xBF, 0x2000...0x2BFF, 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20:
      self = .other
    default:
      self = ScalarClass(properties: value)
    }
  }

  /// The class of a scalar outside the ranges ``init(_:)`` knows, by its Unicode properties.
  @inline(never)
  init(properties value: UInt32) {
    guard let scalar = Unicode.Scalar(value) else {
      self = .other
      return
    }
    let properties = scalar.properties
    if properties.isAlphabetic {
      self = .letter
    } else if properties.numericType != nil {
      self = .digit
    } else {
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: self = .mark
      default: self = .other
      }
    }
  }
}
