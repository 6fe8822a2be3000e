/// A word of running text as mention detection sees it: letters (and digits) with inner hyphens
/// and apostrophes, a trailing possessive split off ("Jong-un’s" → "Jong-un"), with its Unicode
/// scalar span and the facts the detector asks about.
///
/// ```swift
/// let tokens = NameToken.tokenize(Array("Mr. Lee met Kim Jong-un’s envoy.".unicodeScalars))
/// tokens.map(\.text)   // ["Mr", "Lee", "met", "Kim", "Jong-un", "envoy"]
/// tokens[1].isCapitalized   // true
/// tokens[0].followedByPeriod  // true
/// ```
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
  /// Only a single space (or no-break space) separates it from the previous token.
  var joinedToPrevious: Bool
  /// A full stop follows directly ("Mr.", "Dr.").
  var followedByPeriod: Bool
  /// "’s" or "'s" followed it and was split off.
  var possessive: Bool

  /// Splits text into tokens.
  static func tokenize(_ scalars: [Unicode.Scalar]) -> [NameToken] {
    var tokens: [NameToken] = []
    var index = 0
    let count = scalars.count
    var sentenceStart = true
    var gapIsSingleSpace = false
    while index < count {
      let scalar = scalars[index]
      if !isWordScalar(scalar) {
        switch scalar {
        case ".", "!", "?", "\n", "。", "！", "？", ":", "•": sentenceStart = true
        case "\"", "“", "”", "‘", "(", "«", "»", "—", "–": break
        default: break
        }
        gapIsSingleSpace = (scalar == " " || scalar == "\u{00A0}") && (index > 0 && isWordScalar(scalars[index - 1]))
        index += 1
        continue
      }
      let start = index
      var end = index
      var hasLower = false, hasUpper = false, letters = 0, latin = true, cjk = false
      while end < count {
        let s = scalars[end]
        if isWordScalar(s) {
          let p = s.properties
          if p.isLowercase { hasLower = true }
          if p.isUppercase { hasUpper = true }
          if p.isAlphabetic { letters += 1 }
          let v = s.value
          if v >= 0x2E80 && v < 0xD7B0 { cjk = true }
          if !(v < 0x80 || (v >= 0xC0 && v < 0x250) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x300 && v < 0x370)) { latin = false }
          end += 1
          continue
        }
        // Inner hyphen or apostrophe between word scalars.
        if (s == "-" || s == "‐" || s == "'" || s == "’" || s == "ʼ"), end + 1 < count, isWordScalar(scalars[end + 1]), end > start {
          end += 1
          continue
        }
        break
      }
      var wordEnd = end
      var possessive = false
      // Split a trailing possessive: ’s / 's.
      if wordEnd - start > 2, scalars[wordEnd - 1] == "s" || scalars[wordEnd - 1] == "S",
        scalars[wordEnd - 2] == "’" || scalars[wordEnd - 2] == "'" {
        wordEnd -= 2
        possessive = true
      }
      let first = scalars[start]
      let firstUpper = first.properties.isUppercase
      let caseless = !hasLower && !hasUpper
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[start..<wordEnd])
      tokens.append(NameToken(
        text: String(text), start: start, end: wordEnd,
        isCapitalized: firstUpper || (caseless && letters > 0),
        isAllCaps: hasUpper && !hasLower && letters >= 2, isLatin: latin && letters > 0, isCJK: cjk,
        sentenceInitial: sentenceStart, joinedToPrevious: gapIsSingleSpace && !sentenceStart,
        followedByPeriod: end < count && scalars[end] == ".", possessive: possessive))
      sentenceStart = false
      gapIsSingleSpace = false
      index = end
    }
    return tokens
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 {
      return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
    }
    let p = s.properties
    return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .decimalNumber
  }
}
