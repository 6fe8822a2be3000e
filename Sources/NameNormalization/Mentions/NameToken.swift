import ByteSupport

/// A word of running text as mention detection sees it: letters (and digits) with inner hyphens
/// and apostrophes, a trailing possessive split off ("Jong-un’s" → "Jong-un"), with its Unicode
/// scalar span and the facts the detector asks about.
///
/// ```swift
/// let tokens = NameTokenList("Mr. Lee met Kim Jong-un’s envoy.")
/// tokens.map(tokens.text)   // ["Mr", "Lee", "met", "Kim", "Jong-un", "envoy"]
/// tokens[1].isCapitalized   // true
/// tokens[0].followedByPeriod  // true
/// ```
///
/// Works on UTF-8 bytes with an ASCII fast path: most words of a news text are ASCII, and only
/// the others pay for Unicode property lookups. A token holds the byte span of its word, not a
/// string: most words are looked at only through their hash and flags, and the few the
/// detector reads are made into strings then (`NameTokenList.text(_:)`).
struct NameToken: Sendable, Equatable {
  // Offsets are stored as 32 bits (a token is 40 bytes, not 72: tokenizing writes one per
  // word); `tokenize` looks at no more than the first `maximumBytes` bytes of a text.
  private var storedByteStart: UInt32
  private var storedByteEnd: UInt32
  private var storedStart: UInt32
  private var storedEnd: UInt32
  /// `NameCues.hash(lowering:from:to:)` of the text, which lower-cases ASCII and basic Cyrillic.
  var hash: UInt32
  private var storedKeyIndex: Int32 = -1
  private var storedMaxWords: Int32 = 0
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
  /// Whether `hash` is also the hash of `text.lowercased()` (no letters with case outside
  /// ASCII and basic Cyrillic), so that the cue filter may use it.
  var hashIsLowercase: Bool
  /// Filled by the detector: the cue roles of the word (`NameCues.roles`). (Not `= []`: an
  /// option set's array literal makes and releases an empty array per token.)
  var cues = NameCues.Roles(rawValue: 0)
  /// Filled by the detector for capitalised tokens (`NameWordFacts`): whether the word is a
  /// romanised Korean surname, and whether it is a common word (stop word, month, weekday)
  /// that is not a name on its own.
  var isKoreanSurname = false
  var isCommon = false

  /// The most bytes of one text `tokenize` reads (offsets are 32-bit).
  static let maximumBytes = Int(UInt32.max - 1)

  /// UTF-8 offsets of the word in the tokenized text, end exclusive (a split-off possessive
  /// excluded).
  var byteStart: Int { Int(storedByteStart) }
  var byteEnd: Int { Int(storedByteEnd) }
  /// Scalar offsets, end exclusive.
  var start: Int { Int(storedStart) }
  var end: Int { Int(storedEnd) }
  /// Filled by the detector for capitalised tokens (`NameWordFacts`): where the alias match key
  /// of the word (`AliasLexicon.wordKey`) is in `NameTokenList.keys` (-1: none, the key is
  /// empty). (An index, not the key itself, so that a token holds no reference and an
  /// article's tokens are freed without visiting each.)
  var keyIndex: Int {
    get { Int(storedKeyIndex) }
    set { storedKeyIndex = Int32(clamping: newValue) }
  }
  /// Filled by the detector: the most words of a lexicon spelling starting with the word.
  var maxWords: Int {
    get { Int(storedMaxWords) }
    set { storedMaxWords = Int32(clamping: newValue) }
  }

  fileprivate init(
    byteStart: Int, byteEnd: Int, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool,
    isLatin: Bool, isCJK: Bool, sentenceInitial: Bool, joinedToPrevious: Bool,
    followedByPeriod: Bool, possessive: Bool, hash: UInt32, hashIsLowercase: Bool
  ) {
    storedByteStart = UInt32(truncatingIfNeeded: byteStart)
    storedByteEnd = UInt32(truncatingIfNeeded: byteEnd)
    storedStart = UInt32(truncatingIfNeeded: start)
    storedEnd = UInt32(truncatingIfNeeded: end)
    self.hash = hash
    self.isCapitalized = isCapitalized
    self.isAllCaps = isAllCaps
    self.isLatin = isLatin
    self.isCJK = isCJK
    self.sentenceInitial = sentenceInitial
    self.joinedToPrevious = joinedToPrevious
    self.followedByPeriod = followedByPeriod
    self.possessive = possessive
    self.hashIsLowercase = hashIsLowercase
  }

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
    if b0 >= 0xF0 {
      length = 4
      value = UInt32(b0 & 0x07)
    } else if b0 >= 0xE0 {
      length = 3
      value = UInt32(b0 & 0x0F)
    } else {
      length = 2
      value = UInt32(b0 & 0x1F)
    }
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

  /// Whether lower-casing the scalar may give something the tokenizer's own lower-casing
  /// (ASCII, basic Cyrillic) does not: then the token gets no `cueHash`.
  private static func foldsBeyondTokenizer(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 || (v >= 0x0400 && v <= 0x045F) || (v >= 0xAC00 && v <= 0xD7A3)
      || (v >= 0x4E00 && v <= 0x9FFF)
      || (v >= 0x3041 && v <= 0x30FA)
    {
      return false
    }
    return scalar.properties.changesWhenLowercased
  }

  @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
  }

  /// Splits UTF-8 text into tokens (`NameTokenList` keeps the bytes beside them), at most the
  /// first `maximumBytes` bytes.
  static func tokenize(_ text: UnsafeBufferPointer<UInt8>) -> [NameToken] {
    var tokens: [NameToken] = []
    let count = tokenize(text, into: &tokens)
    tokens.removeSubrange(count...)
    return tokens
  }

  /// Splits UTF-8 text into tokens written over the first elements of `tokens` (lengthened
  /// when too short, never shortened: a buffer reused from text to text is not cleared), at
  /// most the first `maximumBytes` bytes; returns how many there are.
  static func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [NameToken]) -> Int {
    let bytes = UnsafeBufferPointer(rebasing: text[..<min(text.count, maximumBytes)])
    // Running text has a word at most every four bytes or so; denser text is tokenized again
    // with room for a token per byte (a token takes at least one).
    if let count = tokenize(bytes, into: &tokens, capacity: bytes.count / 4 + 4) { return count }
    return tokenize(bytes, into: &tokens, capacity: bytes.count + 1) ?? 0
  }

  /// A token of no word, for lengthening a buffer of tokens.
  private static let unused = NameToken(
    byteStart: 0, byteEnd: 0, start: 0, end: 0, isCapitalized: false, isAllCaps: false,
    isLatin: false, isCJK: false, sentenceInitial: false, joinedToPrevious: false,
    followedByPeriod: false, possessive: false, hash: 0, hashIsLowercase: false)

  /// How many tokens `bytes` has, written straight over the first elements of `tokens`
  /// (lengthened to at least `capacity`; no growth check per token), or nil when they do not
  /// fit in `capacity`.
  private static func tokenize(
    _ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [NameToken], capacity: Int
  ) -> Int? {
    if tokens.count < capacity {
      tokens.append(contentsOf: repeatElement(unused, count: capacity - tokens.count))
    }
    var tokenCount = 0
    let fits = tokens.withUnsafeMutableBufferPointer { all in
      var room = UnsafeMutableBufferPointer(rebasing: all[..<capacity])
      return fill(&room, count: &tokenCount, from: bytes)
    }
    return fits ? tokenCount : nil
  }

  /// Writes the tokens of `bytes` into `tokens` from index 0, `tokenCount` counting them;
  /// false when they do not all fit.
  @inline(__always)
  private static func fill(
    _ tokens: inout UnsafeMutableBufferPointer<NameToken>, count tokenCount: inout Int,
    from bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let count = bytes.count
    var index = 0
    var scalarIndex = 0
    var sentenceStart = true
    var gapIsSingleSpace = false
    var previousWasWord = false
    while index < count {
      let byte = bytes[index]
      var firstKind = Kind.other
      if byte < 0x80 {
        if byte >= 0x61 && byte <= 0x7A {
          firstKind = .letterLower
        } else if byte >= 0x41 && byte <= 0x5A {
          firstKind = .letterUpper
        } else if byte >= 0x30 && byte <= 0x39 {
          firstKind = .digit
        } else {
          if byte == 0x20 {  // the commonest separator
            gapIsSingleSpace = previousWasWord
          } else if byte == 0x0A, previousWasWord, index + 1 < count,
            Self.isASCIILetter(bytes[index + 1])
          {
            // A line wrapped inside a sentence, as newswire is ("Foreign Minister Choi\nKwang-soo
            // said"): a word straight after the break joins the word before it like a space.
            // A break after punctuation or before an indent still starts a sentence.
            gapIsSingleSpace = true
          } else {
            switch byte {
            case 0x2E, 0x21, 0x3F, 0x0A, 0x3A: sentenceStart = true  // . ! ? \n :
            default: break
            }
            gapIsSingleSpace = false
          }
          previousWasWord = false
          index += 1
          scalarIndex += 1
          continue
        }
      } else {
        let decoded = decode(bytes, at: index)
        firstKind = kind(of: decoded.scalar)
        if firstKind == .other {
          switch decoded.scalar {
          case "。", "！", "？", "•": sentenceStart = true
          default: break
          }
          gapIsSingleSpace = false
          previousWasWord = false
          index += decoded.length
          scalarIndex += 1
          continue
        }
      }
      // Most words are ASCII letters, lower-case after the first ("said", "The"), in capitals
      // ("NATO", a headline's "COCOA") or digits ("1987"), followed by a space or a mark:
      // taken in one tight loop. Any other word (a letter of another case, a hyphen,
      // apostrophe or non-ASCII scalar inside or right after it) is read below.
      if byte < 0x80, let word = simpleWord(bytes, from: index), tokenCount < tokens.count {
        let end = word.end
        let hash = word.hash
        let length = end - index
        tokens.initializeElement(
          at: tokenCount,
          to: NameToken(
            byteStart: index, byteEnd: end, start: scalarIndex, end: scalarIndex + length,
            isCapitalized: firstKind == .letterUpper, isAllCaps: word.allCaps,
            isLatin: firstKind != .digit, isCJK: false, sentenceInitial: sentenceStart,
            joinedToPrevious: gapIsSingleSpace && !sentenceStart,
            followedByPeriod: end < count && bytes[end] == 0x2E, possessive: false, hash: hash,
            hashIsLowercase: true))
        tokenCount += 1
        sentenceStart = false
        gapIsSingleSpace = false
        previousWasWord = true
        index = end
        scalarIndex += length
        continue
      }
      // A word: letters, digits, marks, and inner hyphens/apostrophes.
      let byteStart = index
      let start = scalarIndex
      var hasLower = false
      var hasUpper = false
      var letters = 0
      var latin = true
      var cjk = false
      var hashable = true
      // `NameCues.hash(lowering:from:to:)` of the word, taken as it is scanned; the hash before
      // the last inner hyphen or apostrophe is the word's when a possessive "’s" is split off.
      var hash = FNV1a.basis32
      var hashBeforeConnector = hash
      var pos = index
      var posScalar = scalarIndex
      var endByte = index
      var endScalar = scalarIndex
      while pos < count {
        let byte = bytes[pos]
        if byte < 0x80 {
          // ASCII fast path: letters and digits need no decoding; a run of letters is taken in
          // one go (bit 5 clear: a capital).
          if (byte | 0x20) &- 0x61 < 26 {
            var run = pos
            var capitals = 0
            repeat {
              let letter = bytes[run]
              capitals &+= Int(~letter >> 5 & 1)
              hash = FNV1a.step(hash, letter | 0x20)
              run &+= 1
            } while run < count && (bytes[run] | 0x20) &- 0x61 < 26
            let length = run &- pos
            if capitals > 0 { hasUpper = true }
            if capitals < length { hasLower = true }
            letters &+= length
            pos = run
            posScalar &+= length
            endByte = pos
            endScalar = posScalar
            continue
          } else if !(byte >= 0x30 && byte <= 0x39) {
            if byte == 0x2D || byte == 0x27, pos + 1 < count, endByte > byteStart,
              isWordStart(bytes, at: pos + 1)
            {
              hashBeforeConnector = hash
              hash = FNV1a.step(hash, byte)
              pos += 1
              posScalar += 1
              continue
            }
            break
          }
          hash = FNV1a.step(hash, byte)
          pos += 1
          posScalar += 1
          endByte = pos
          endScalar = posScalar
          continue
        }
        let d = decode(bytes, at: pos)
        let k = pos == byteStart ? firstKind : kind(of: d.scalar)
        let scalar = d.scalar
        if k != .other {
          switch k {
          case .letterLower:
            hasLower = true
            letters += 1
          case .letterUpper:
            hasUpper = true
            letters += 1
          case .letterCaseless: letters += 1
          default: break
          }
          let v = scalar.value
          if v >= 0x2E80 && v < 0xD7B0 { cjk = true }
          if !(v < 0x80 || (v >= 0xC0 && v < 0x250) || (v >= 0x1E00 && v < 0x1F00)
            || (v >= 0x300 && v < 0x370))
          {
            latin = false
          }
          if hashable && foldsBeyondTokenizer(scalar) { hashable = false }
          hash = NameCues.hash(lowering: bytes, from: pos, to: pos + d.length, continuing: hash)
          pos += d.length
          posScalar += 1
          endByte = pos
          endScalar = posScalar
          continue
        }
        if scalar == "‐" || scalar == "’" || scalar == "ʼ", pos + d.length < count,
          endByte > byteStart,
          isWordStart(bytes, at: pos + d.length)
        {
          hashBeforeConnector = hash
          hash = NameCues.hash(lowering: bytes, from: pos, to: pos + d.length, continuing: hash)
          pos += d.length
          posScalar += 1
          continue
        }
        break
      }
      var wordEndByte = endByte
      var wordEnd = endScalar
      var possessive = false
      if endScalar - start > 2, bytes[endByte - 1] == 0x73 || bytes[endByte - 1] == 0x53 {
        // The final scalar is "s"; the apostrophe before it is ASCII (1 byte) or ’ (3 bytes).
        let apostropheBytes =
          bytes[endByte - 2] == 0x27
          ? 1
          : (endByte >= 4 && bytes[endByte - 4] == 0xE2 && bytes[endByte - 3] == 0x80
            && bytes[endByte - 2] == 0x99 ? 3 : 0)
        if apostropheBytes > 0 {
          wordEndByte = endByte - 1 - apostropheBytes
          wordEnd = endScalar - 2
          possessive = true
          hash = hashBeforeConnector
        }
      }
      let caseless = !hasLower && !hasUpper
      guard tokenCount < tokens.count else { return false }
      tokens.initializeElement(
        at: tokenCount,
        to: NameToken(
          byteStart: byteStart, byteEnd: wordEndByte, start: start, end: wordEnd,
          isCapitalized: firstKind == .letterUpper || (caseless && letters > 0),
          isAllCaps: hasUpper && !hasLower && letters >= 2, isLatin: latin && letters > 0,
          isCJK: cjk,
          sentenceInitial: sentenceStart, joinedToPrevious: gapIsSingleSpace && !sentenceStart,
          followedByPeriod: endByte < count && bytes[endByte] == 0x2E, possessive: possessive,
          hash: hash,
          hashIsLowercase: hashable))
      tokenCount += 1
      sentenceStart = false
      gapIsSingleSpace = false
      previousWasWord = true
      index = endByte
      scalarIndex = endScalar
    }
    return true
  }

  /// The end and `NameCues.hash(lowering:)` of the word starting with the ASCII letter or
  /// digit at `start` when the word is lower-case letters after the first letter ("said",
  /// "Seoul"), capitals ("NATO", `allCaps`) or digits ("1987") and the byte after it (if any) is
  /// ASCII and no letter, digit, hyphen or apostrophe: a word the general loop of `fill` would
  /// read as exactly these bytes, Latin unless digits, and with no possessive. Nil for any other.
  @inline(__always)
  private static func simpleWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (
    end: Int, hash: UInt32, allCaps: Bool
  )? {
    let first = bytes[start]
    var end = start + 1
    var allCaps = false
    var hash: UInt32
    if first &- 0x30 < 10 {
      hash = FNV1a.step(FNV1a.basis32, first)
      while end < bytes.count, bytes[end] &- 0x30 < 10 {
        hash = FNV1a.step(hash, bytes[end])
        end += 1
      }
    } else {
      hash = FNV1a.step(FNV1a.basis32, first | 0x20)
      if first &- 0x41 < 26, end < bytes.count, bytes[end] &- 0x41 < 26 {
        allCaps = true
        while end < bytes.count, bytes[end] &- 0x41 < 26 {
          hash = FNV1a.step(hash, bytes[end] | 0x20)
          end += 1
        }
      } else {
        while end < bytes.count, bytes[end] &- 0x61 < 26 {
          hash = FNV1a.step(hash, bytes[end])
          end += 1
        }
      }
    }
    guard end < bytes.count else { return (end, hash, allCaps) }
    let next = bytes[end]
    if next >= 0x80 || next == 0x2D || next == 0x27 || (next | 0x20) &- 0x61 < 26
      || next &- 0x30 < 10
    {
      return nil
    }
    return (end, hash, allCaps)
  }

  /// Whether the scalar at `index` can be part of a word (a hyphen or apostrophe before it is inner).
  private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 {
      return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39)
    }
    return kind(of: decode(bytes, at: index).scalar) != .other
  }
}
