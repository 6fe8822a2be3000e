/// A word of running text as mention detection sees it: letters (and digits) with inner hyphens
/// and apostrophes, a trailing possessive split off ("Jong-un’s" → "Jong-un"), with its Unicode
/// scalar span and the facts the detector asks about.
///
/// ```swift
/// let tokens = NameToken.tokenize(Array("Mr. Lee met Kim Jong-un’s envoy.".utf8))
/// tokens.map(\.text)   // ["Mr", "Lee", "met", "Kim", "Jong-un", "envoy"]
/// tokens[1].isCapitalized   // true
/// tokens[0].followedByPeriod  // true
/// ```
///
/// Works on UTF-8 bytes with an ASCII fast path: most words of a news text are ASCII, and only
/// the others pay for Unicode property lookups.
struct NameToken: Sendable, Equatable {
  var text: String
  /// Scalar offsets, end exclusive.
  var start: Int
  var end: Int
  /// First letter upper-case (Latin, Cyrillic, Greek…), or a letter of a caseless script.
  var isCapitalized: Bool
  /// Every letter upper-case and at least two letters ("YOO", "NATO").
  var isAllCaps: Bool
  /// Only Latin letters (with diacritics), hyphens and apostrophes.
  var isLatin: Bool
  /// Han, kana or Hangul letters (no case; names are matched only from the lexicon).
  var isCJK: Bool
  /// The token starts a sentence or a paragraph.
  var sentenceInitial: Bool
  /// Only a single space separates it from the previous token.
  var joinedToPrevious: Bool
  /// A full stop follows directly ("Mr.", "Dr.").
  var followedByPeriod: Bool
  /// "’s" or "'s" followed it and was split off.
  var possessive: Bool
  /// Filled by the detector for capitalised tokens: the alias match key of the word
  /// (`AliasLexicon.wordKey`), whether it is a romanised Korean surname, and whether it is a
  /// common word (stop word, month, weekday) that is not a name on its own.
  var key = ""
  var isKoreanSurname = false
  var isCommon = false

  /// One decoded scalar with its byte length.
  private struct Decoded {
    var scalar: Unicode.Scalar
    var length: Int
  }

  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Decoded {
    let b0 = bytes[index]
    if b0 < 0x80 { return Decoded(scalar: Unicode.Scalar(b0), length: 1) }
    var length = 1
    var value: UInt32
    if b0 >= 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
    else if b0 >= 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
    else { length = 2; value = UInt32(b0 & 0x1F) }
    guard index + length <= bytes.count else { return Decoded(scalar: "\u{FFFD}", length: 1) }
    for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
    return Decoded(scalar: Unicode.Scalar(value) ?? "\u{FFFD}", length: length)
  }

  private enum Kind { case letterLower, letterUpper, letterCaseless, digit, other }

  private static func kind(of scalar: Unicode.Scalar) -> Kind {
    let v = scalar.value
    if v < 0x80 {
      if v >= 0x61 && v <= 0x7A { return .letterLower }
      if v >= 0x41 && v <= 0x5A { return .letterUpper }
      if v >= 0x30 && v <= 0x39 { return .digit }
      return .other
    }
    if v >= 0x0430 && v <= 0x045F { return .letterLower }  // Cyrillic
    if v >= 0x0400 && v <= 0x042F { return .letterUpper }
    if v >= 0xAC00 && v <= 0xD7A3 { return .letterCaseless }  // Hangul syllables
    if v >= 0x4E00 && v <= 0x9FFF { return .letterCaseless }  // common Han
    if v >= 0x3041 && v <= 0x30FA { return .letterCaseless }  // kana
    let p = scalar.properties
    if p.isLowercase { return .letterLower }
    if p.isUppercase { return .letterUpper }
    if p.isAlphabetic { return .letterCaseless }
    if p.generalCategory == .nonspacingMark { return .letterLower }
    if p.generalCategory == .decimalNumber { return .digit }
    return .other
  }

  /// Splits UTF-8 text into tokens.
  static func tokenize(_ text: String) -> [NameToken] {
    var utf8 = text
    return utf8.withUTF8 { tokenize($0) }
  }

  static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [NameToken] {
    var tokens: [NameToken] = []
    let count = bytes.count
    tokens.reserveCapacity(count / 6 + 4)
    var index = 0
    var scalarIndex = 0
    var sentenceStart = true
    var gapIsSingleSpace = false
    var previousWasWord = false
    while index < count {
      let byte = bytes[index]
      if byte == 0x20 {  // the commonest separator
        gapIsSingleSpace = previousWasWord
        previousWasWord = false
        index += 1
        scalarIndex += 1
        continue
      }
      let decoded = decode(bytes, at: index)
      let scalar = decoded.scalar
      let scalarKind = kind(of: scalar)
      if scalarKind == .other {
        switch scalar {
        case ".", "!", "?", "\n", "。", "！", "？", ":", "•": sentenceStart = true
        default: break
        }
        gapIsSingleSpace = scalar == " " && previousWasWord
        previousWasWord = false
        index += decoded.length
        scalarIndex += 1
        continue
      }
      // A word: letters, digits, marks, and inner hyphens/apostrophes.
      let byteStart = index, start = scalarIndex
      var hasLower = false, hasUpper = false, letters = 0, latin = true, cjk = false
      var firstKind = scalarKind
      var first = true
      var lastTwo: (Unicode.Scalar, Unicode.Scalar) = (" ", " ")
      var endByte = index, endScalar = scalarIndex
      var pos = index, posScalar = scalarIndex
      while pos < count {
        // ASCII fast path: lower-case letters and digits need no decoding or bookkeeping beyond this.
        let byte = bytes[pos]
        if !first && byte < 0x80 && ((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
          if byte >= 0x61 { hasLower = true; letters += 1 }
          lastTwo = (lastTwo.1, Unicode.Scalar(byte))
          pos += 1
          posScalar += 1
          endByte = pos
          endScalar = posScalar
          continue
        }
        let d = decode(bytes, at: pos)
        let k = first ? scalarKind : kind(of: d.scalar)
        if k != .other {
          if first { firstKind = k; first = false }
          switch k {
          case .letterLower: hasLower = true; letters += 1
          case .letterUpper: hasUpper = true; letters += 1
          case .letterCaseless: letters += 1
          default: break
          }
          let v = d.scalar.value
          if v >= 0x2E80 && v < 0xD7B0 { cjk = true }
          if !(v < 0x80 || (v >= 0xC0 && v < 0x250) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x300 && v < 0x370)) { latin = false }
          lastTwo = (lastTwo.1, d.scalar)
          pos += d.length
          posScalar += 1
          endByte = pos
          endScalar = posScalar
          continue
        }
        let s = d.scalar
        if s == "-" || s == "‐" || s == "'" || s == "’" || s == "ʼ", pos + d.length < count, endByte > byteStart {
          let next = decode(bytes, at: pos + d.length)
          if kind(of: next.scalar) != .other {
            lastTwo = (lastTwo.1, s)
            pos += d.length
            posScalar += 1
            continue
          }
        }
        break
      }
      var wordEndByte = endByte, wordEnd = endScalar
      var possessive = false
      if endScalar - start > 2, lastTwo.1 == "s" || lastTwo.1 == "S" {
        // lastTwo holds the final two scalars; the apostrophe is ASCII (1 byte) or ’ (3 bytes).
        let apostropheBytes = bytes[endByte - 2] == 0x27 ? 1 : (endByte >= 4 && bytes[endByte - 4] == 0xE2 && bytes[endByte - 3] == 0x80 && bytes[endByte - 2] == 0x99 ? 3 : 0)
        if apostropheBytes > 0 {
          wordEndByte = endByte - 1 - apostropheBytes
          wordEnd = endScalar - 2
          possessive = true
        }
      }
      let caseless = !hasLower && !hasUpper
      tokens.append(NameToken(
        text: String(decoding: UnsafeBufferPointer(rebasing: bytes[byteStart..<wordEndByte]), as: UTF8.self),
        start: start, end: wordEnd,
        isCapitalized: firstKind == .letterUpper || (caseless && letters > 0),
        isAllCaps: hasUpper && !hasLower && letters >= 2, isLatin: latin && letters > 0, isCJK: cjk,
        sentenceInitial: sentenceStart, joinedToPrevious: gapIsSingleSpace && !sentenceStart,
        followedByPeriod: endByte < count && bytes[endByte] == 0x2E, possessive: possessive))
      sentenceStart = false
      gapIsSingleSpace = false
      previousWasWord = true
      index = endByte
      scalarIndex = endScalar
    }
    return tokens
  }
}
