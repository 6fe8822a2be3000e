import ByteSupport

/// Splits text into `Token`s in one pass over its UTF-8 bytes, counting Unicode scalar offsets.
///
/// ASCII letters and digits take a byte fast path; other scalars are decoded and classified
/// once. Han, kana and Hangul scalars become one token each ("2025年5月27日" → `2025` `年` `5`
/// `月` `27` `日`); other letters and combining marks form words ("мая", "maggio").
enum Tokenizer {
  /// Tokenises `text`; sentence and paragraph indexes are filled in.
  static func tokenize(_ text: String) -> [Token] {
    var copy = text
    return copy.withUTF8 { tokenize(bytes: $0) }
  }

  static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 5 + 4)
    let n = bytes.count
    var i = 0
    var scalar = 0  // scalar offset of byte i
    var space = false
    var newlines: UInt8 = 0
    var sentence = 0
    var paragraph = 0
    var pendingSentenceEnd = false
    // The lower-cased bytes of the current word, reused from word to word. Lower-casing a
    // scalar at most doubles its UTF-8 length (İ → i̇), so 2n + 16 bytes always suffice.
    let capacity = 2 * n + 16
    let lowered = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    // Its first 16 bytes zeroed, so that they can always be read (`smallASCIIText(_:count:)`
    // reads no others); the rest is written before it is read.
    lowered.initialize(repeating: 0, count: 16)
    defer { lowered.deallocate() }
    // Checked once per text rather than at every token.
    let smallStrings = smallASCIILayoutHolds
    var loweredCount = 0
    func append(_ byte: UInt8) {
      if loweredCount < capacity {
        lowered[loweredCount] = byte
        loweredCount += 1
      }
    }
    /// Appends the UTF-8 bytes of a scalar below U+0800 (`simpleLowercase` gives no other).
    func appendUTF8(_ value: UInt32) {
      if value < 0x80 {
        append(UInt8(value))
      } else {
        append(UInt8(0xC0 | (value >> 6)))
        append(UInt8(0x80 | (value & 0x3F)))
      }
    }
    var loweredBytes: UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(start: lowered, count: loweredCount)
    }

    // Consuming: the token moves into the array, with no copy and release of its text.
    func push(_ token: consuming Token) {
      token.spaceBefore = space
      token.newlinesBefore = newlines
      if newlines >= 2 { paragraph += 1 }
      if pendingSentenceEnd && (newlines > 0 || (space && token.isCapitalized)) {
        sentence += 1
      } else if newlines > 0 && token.isCapitalized {
        sentence += 1
      }
      pendingSentenceEnd = false
      token.sentence = sentence
      token.paragraph = paragraph
      tokens.append(token)
      space = false
      newlines = 0
    }

    while i < n {
      let byte = bytes[i]
      if byte < 0x80 {
        if isASCIILetter(byte) {
          let start = i
          let startScalar = scalar
          var j = i
          // Most words are ASCII letters only ("said", "May"): lowered and hashed in one pass,
          // with no bounds test (a run of n bytes at most fits the 2n + 16 bytes).
          var hash = FNV1a.basis32
          while j < n {
            let b = bytes[j]
            guard isASCIILetter(b) else { break }
            let lower = b | 0x20
            lowered[j &- i] = lower
            hash = FNV1a.step(hash, lower)
            j += 1
          }
          loweredCount = j - i
          scalar += j - i
          var plain = true
          var onlyASCII = true
          // Non-ASCII letters attached to them continue the word ("café", "für").
          if j < n, bytes[j] >= 0x80 {
            while j < n {
              let b = bytes[j]
              if isASCIILetter(b) {
                append(b | 0x20)
                j += 1
                scalar += 1
              } else if b >= 0x80 {
                let (value, length) = decode(bytes, j)
                guard let s = Unicode.Scalar(value), isWordScalar(s), !isSpacelessScript(value)
                else {
                  break
                }
                onlyASCII = false
                if let lower = Self.simpleLowercase(value) {
                  // The scalar's lower case regardless of context, as `lowercased()` gives it.
                  appendUTF8(lower)
                } else {
                  for byte in String(s).lowercased().utf8 { append(byte) }
                  plain = false
                }
                j += length
                scalar += 1
              } else {
                break
              }
            }
            hash = WordHash.of(loweredBytes)
          }
          // ASCII letters only (most words): a small string made from their bits.
          let text =
            smallStrings && onlyASCII && loweredCount <= 15
            ? Self.smallASCIIText(lowered, count: loweredCount) : Self.text(of: loweredBytes)
          var token = Token(start: startScalar, end: scalar, kind: .word, text: text)
          token.hash = hash
          token.isPlain = plain
          token.isCapitalized = bytes[start] < 0x5B
          push(consume token)
          i = j
        } else if byte >= 0x30 && byte <= 0x39 {
          let startScalar = scalar
          var j = i
          var value = 0
          var hash = FNV1a.basis32
          while j < n, bytes[j] >= 0x30 && bytes[j] <= 0x39 {
            if j - i < 10 { value = value &* 10 &+ Int(bytes[j] - 0x30) }
            hash = FNV1a.step(hash, bytes[j])
            // Copied for `smallASCIIText` (a run of n bytes at most fits the 2n + 16 bytes).
            lowered[j &- i] = bytes[j]
            j += 1
          }
          let digits = j - i
          // Very long digit runs are kept as one token without a value (no overflow, no copy).
          var token = Token(
            start: startScalar, end: startScalar + digits, kind: .number,
            text: digits > 12
              ? ""
              : smallStrings
                ? Self.smallASCIIText(lowered, count: digits)
                : Self.text(of: UnsafeBufferPointer(rebasing: bytes[i..<j])))
          token.number = digits <= 9 ? value : -1
          token.digits = digits
          token.hash = digits <= 12 ? hash : WordHash.emptyText
          token.isPlain = true
          push(consume token)
          scalar += digits
          i = j
        } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          space = true
          i += 1
          scalar += 1
        } else if byte == 0x0A {
          if newlines < 255 { newlines += 1 }
          i += 1
          scalar += 1
        } else if byte < 0x20 || byte == 0x7F {
          space = true
          i += 1
          scalar += 1
        } else {
          var token = Token(
            start: scalar, end: scalar + 1, kind: .punctuation, text: Self.asciiText[Int(byte)])
          token.hash = WordHash.of(UnsafeBufferPointer(rebasing: bytes[i..<(i + 1)]))
          token.isPlain = true
          push(consume token)
          if byte == 0x21 || byte == 0x3F || (byte == 0x2E && !Self.endsTitle(tokens)) {
            pendingSentenceEnd = true
          }
          i += 1
          scalar += 1
        }
        continue
      }
      // Non-ASCII scalar.
      let (value, length) = decode(bytes, i)
      guard let s = Unicode.Scalar(value) else {
        i += max(length, 1)
        scalar += 1
        continue
      }
      if isSpacelessScript(value) {
        var token = Token(start: scalar, end: scalar + 1, kind: .ideograph, text: String(s))
        token.hash = WordHash.of(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
        // CJK compatibility ideographs decompose to unified ones: not plain.
        token.isPlain =
          !(value >= 0xF900 && value <= 0xFAFF) && !(value >= 0x2F800 && value <= 0x2FA1F)
        push(consume token)
        if value == 0x3002 { pendingSentenceEnd = true }
        i += length
        scalar += 1
      } else if let digit = decimalDigit(s) {
        // Non-ASCII decimal digits (full-width, Arabic-Indic, …) as a number token.
        let startScalar = scalar
        var j = i
        var number = 0
        var count = 0
        var d = digit
        while true {
          if count < 10 { number = number &* 10 &+ d }
          count += 1
          scalar += 1
          j += decode(bytes, j).length
          guard j < n else { break }
          let (next, _) = decode(bytes, j)
          if next >= 0x30 && next <= 0x39 {
            d = Int(next - 0x30)
          } else if let ns = Unicode.Scalar(next), next >= 0x80, let nd = decimalDigit(ns) {
            d = nd
          } else {
            break
          }
        }
        var token = Token(
          start: startScalar, end: scalar, kind: .number, text: count <= 12 ? String(number) : "")
        token.number = count <= 9 ? number : -1
        token.digits = count
        token.hash = WordHash.of(token.text)
        token.isPlain = true
        push(consume token)
        i = j
      } else if isWordScalar(s) {
        let startScalar = scalar
        var j = i
        // Lower-cased on the fly while every scalar is ASCII, Latin-1 or basic Cyrillic, whose
        // lower case is one scalar regardless of context; else `String.lowercased()` at the end.
        loweredCount = 0
        var simple = true
        while j < n {
          let b = bytes[j]
          if b < 0x80 {
            guard isASCIILetter(b) else { break }
            append(b | 0x20)
            j += 1
            scalar += 1
            continue
          }
          let (v, len) = decode(bytes, j)
          guard let ws = Unicode.Scalar(v), isWordScalar(ws), !isSpacelessScript(v) else { break }
          if simple, let lower = Self.simpleLowercase(v) {
            if lower < 0x80 {
              append(UInt8(lower))
            } else {
              append(UInt8(0xC0 | (lower >> 6)))
              append(UInt8(0x80 | (lower & 0x3F)))
            }
          } else {
            simple = false
          }
          j += len
          scalar += 1
        }
        let text =
          simple
          ? Self.text(of: loweredBytes)
          : String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
            .lowercased()
        var token = Token(start: startScalar, end: scalar, kind: .word, text: text)
        token.isPlain = simple
        if simple {
          token.hash = WordHash.of(loweredBytes)
        } else {
          var copy = text
          token.hash = copy.withUTF8 { WordHash.of($0) }
        }
        // A Latin-1 or basic Cyrillic letter is uppercase exactly when its lower case differs
        // ("É", "Ж"): no property lookup for those.
        if let lower = Self.simpleLowercase(value) {
          token.isCapitalized = lower != value
        } else {
          token.isCapitalized = s.properties.isUppercase
        }
        push(consume token)
        i = j
      } else if s.properties.isWhitespace {
        if value == 0x2028 || value == 0x2029 || value == 0x85 {
          if newlines < 255 { newlines += 1 }
        } else {
          space = true
        }
        i += length
        scalar += 1
      } else {
        var token = Token(start: scalar, end: scalar + 1, kind: .punctuation, text: String(s))
        // Not plain: a sign such as U+037E GREEK QUESTION MARK equals ";" under equivalence.
        token.hash = WordHash.of(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
        push(consume token)
        if value == 0x2026 || value == 0xFF0E || value == 0xFF01 || value == 0xFF1F {
          pendingSentenceEnd = true
        }
        i += length
        scalar += 1
      }
    }
    return tokens
  }

  /// The string of `bytes`, the one `String(decoding: bytes, as: UTF8.self)` gives, made
  /// without that initializer's validation pass when it is short ASCII (most tokens: "may",
  /// "2025"): up to 15 ASCII bytes become an inline string, checked as ASCII in one mask test;
  /// longer or other bytes are validated (and repaired) as there.
  @inline(__always) static func text(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
      target.update(from: source, count: bytes.count)
      return bytes.count
    }
  }

  /// The string of the `count` (at most 15) ASCII bytes at `bytes`, which has at least 16
  /// readable bytes, made from its bits in the standard library's small-string form for 64-bit
  /// platforms: the bytes in place, and in the top byte the flags "immortal, ASCII, small"
  /// (0xE0) with the count. No validation pass, no temporary buffer: two loads and a mask.
  /// Only called when `smallASCIILayoutHolds`.
  ///
  /// ```swift
  /// // the bytes "may" followed by 13 others
  /// smallASCIIText(pointer, count: 3)   // "may"
  /// ```
  @inline(__always) static func smallASCIIText(_ bytes: UnsafePointer<UInt8>, count: Int)
    -> String
  {
    let raw = UnsafeRawPointer(bytes)
    var low = raw.loadUnaligned(as: UInt64.self)
    var high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    if count < 8 {
      low &= (1 &<< UInt64(8 * count)) &- 1
      high = 0
    } else {
      high &= (1 &<< UInt64(8 * (count - 8))) &- 1
    }
    return smallASCII(low: low, high: high, count: count)
  }

  /// The small ASCII string of `count` bytes packed little-endian into `low` (bytes 0–7) and
  /// `high` (bytes 8–14).
  @inline(__always) static func smallASCII(low: UInt64, high: UInt64, count: Int) -> String {
    unsafeBitCast((low, high | (UInt64(0xE0 | count) &<< 56)), to: String.self)
  }

  /// Whether strings of up to 15 ASCII bytes are the two words `smallASCII` makes, checked on
  /// every length from 0 to 15 against `String(decoding:as:)` (bits and bytes) once per run.
  static let smallASCIILayoutHolds: Bool = {
    guard MemoryLayout<String>.size == 16, MemoryLayout<(UInt64, UInt64)>.size == 16 else {
      return false
    }
    let sample = Array("maggio2025-XIX.".utf8)
    for count in 0...15 {
      let bytes = Array(sample.prefix(count))
      let made = String(decoding: bytes, as: UTF8.self)
      var low: UInt64 = 0
      var high: UInt64 = 0
      for (k, b) in bytes.enumerated() {
        if k < 8 {
          low |= UInt64(b) &<< UInt64(8 * k)
        } else {
          high |= UInt64(b) &<< UInt64(8 * (k - 8))
        }
      }
      let expected = (low, high | (UInt64(0xE0 | count) &<< 56))
      let actual = unsafeBitCast(made, to: (UInt64, UInt64).self)
      guard actual == expected else { return false }
      let crafted = smallASCII(low: low, high: high, count: count)
      guard crafted == made, Array(crafted.utf8) == bytes, crafted.utf8.count == count else {
        return false
      }
    }
    return true
  }()

  /// The one-scalar string of each ASCII byte, made once (punctuation tokens' text).
  /// Whether the period just pushed ends a title or "vs." ("Mr. Smith", "Gen. Powell", "Roe
  /// vs. Wade"), which a capitalised name follows inside the sentence.
  @inline(__always) static func endsTitle(_ tokens: [Token]) -> Bool {
    let n = tokens.count
    guard n >= 2, tokens[n - 1].isAttached, tokens[n - 2].kind == .word, tokens[n - 2].isPlain
    else { return false }
    return titleAbbreviations[tokens[n - 2]] != nil || endsDottedInitials(tokens)
  }

  /// Whether the period just pushed closes capitals written with periods ("U.S.", "U.N.",
  /// "U.K."), which in news mostly stand before a name ("the U.S. Embassy", "U.N. Secretary
  /// General") rather than at a sentence's end.
  @inline(__always) private static func endsDottedInitials(_ tokens: [Token]) -> Bool {
    let n = tokens.count
    guard n >= 4 else { return false }
    let second = tokens[n - 2]
    let period = tokens[n - 3]
    let first = tokens[n - 4]
    return second.isCapitalized && second.end - second.start == 1 && second.isAttached
      && period.kind == .punctuation && period.text == "." && period.isAttached
      && first.kind == .word && first.isCapitalized && first.end - first.start == 1
  }

  /// Abbreviations a period follows inside a sentence, before a capitalised name (looked up by
  /// the token's hash).
  private static let titleAbbreviations = WordHash.Table(words: [
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "sgt", "rev", "vs",
  ])

  private static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

  /// The lower case of a Latin-1 or basic Cyrillic (U+0400–U+045F) scalar, or nil for others.
  @inline(__always) static func simpleLowercase(_ v: UInt32) -> UInt32? {
    switch v {
    case 0xC0...0xDE where v != 0xD7: return v + 0x20
    case 0x80...0xFF: return v
    case 0x0410...0x042F: return v + 0x20
    case 0x0400...0x040F: return v + 0x50
    case 0x0430...0x045F: return v
    default: return nil
    }
  }

  @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
  }

  @inline(__always) private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (
    value: UInt32, length: Int
  ) {
    let b0 = UInt32(bytes[i])
    let n = bytes.count
    if b0 < 0x80 { return (b0, 1) }
    if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < n {
      return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
    }
    if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
      return (
        ((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F),
        3
      )
    }
    if b0 >= 0xF0 && i + 3 < n {
      return (
        ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
          | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
          | (UInt32(bytes[i + 3]) & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// Letters and combining marks (a word continues through "é", "ё", "̈").
  @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    // Without a property lookup: Latin-1 and Latin Extended-A/B letters, Cyrillic letters and
    // marks (not U+0482 "҂"), and the dashes, quotes and dots of General Punctuation.
    switch s.value {
    case 0xC0...0x24F: return s.value != 0xD7 && s.value != 0xF7
    case 0x400...0x481, 0x483...0x52F: return true
    case 0x2010...0x2027, 0x2030...0x205E: return false
    default: break
    }
    let p = s.properties
    if p.isAlphabetic { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Han, kana and Hangul: scripts written without spaces between words (one token per scalar).
  @inline(__always) static func isSpacelessScript(_ v: UInt32) -> Bool {
    (v >= 0x1100 && v <= 0x11FF) || (v >= 0x3040 && v <= 0x30FF) || (v >= 0x3130 && v <= 0x318F)
      || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
      || (v >= 0xAC00 && v <= 0xD7A3)
      || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF) || v == 0x3005
      || v == 0x3007
  }

  /// The value of a decimal digit (Nd) scalar.
  @inline(__always) static func decimalDigit(_ s: Unicode.Scalar) -> Int? {
    // No decimal digits among Latin-1 and Latin Extended letters, Cyrillic or General
    // Punctuation: no property lookup there.
    switch s.value {
    case 0x80...0x24F, 0x400...0x52F, 0x2000...0x206F: return nil
    default: break
    }
    guard s.properties.numericType == .decimal, let v = s.properties.numericValue else {
      return nil
    }
    return Int(v)
  }
}
