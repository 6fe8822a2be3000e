/// A spelling of up to 12 lowercase ASCII letters packed into an integer (5 bits a letter,
/// a = 1 … z = 26, first letter highest), so that both directions of the Korean engine look
/// spellings up, join and compare them without building arrays or strings. The empty spelling
/// is 0; no other spelling is.
///
/// ```swift
/// SpellingCode.encode(Array("won".utf8)[...])  // 23 << 10 | 15 << 5 | 14
/// SpellingCode.join(SpellingCode.of("byeo"), SpellingCode.of("ng")) == SpellingCode.of("byeong")
/// SpellingCode.letters(SpellingCode.of("won"))  // Array("won".utf8)
/// ```
enum SpellingCode {
  /// Longest spelling that fits.
  static let maximumLength = 12

  /// The code of `letters`, or nil when it is empty, longer than 12, or not all a–z.
  @inline(__always)
  static func encode(_ letters: ArraySlice<UInt8>) -> UInt64? {
    guard !letters.isEmpty, letters.count <= maximumLength else { return nil }
    var code: UInt64 = 0
    for b in letters {
      guard b >= 0x61 && b <= 0x7A else { return nil }
      code = code << 5 | UInt64(b - 0x60)
    }
    return code
  }

  /// The code of a lexicon field's letters ("Yoo" → "yoo"); other characters are skipped.
  /// Nil when more than 12 letters remain; "" and "-" give 0.
  static func of(_ field: String) -> UInt64? {
    var code: UInt64 = 0
    var count = 0
    for b in field.utf8 {
      let lower = b | 0x20
      guard lower >= 0x61 && lower <= 0x7A else { continue }
      count += 1
      if count > maximumLength { return nil }
      code = code << 5 | UInt64(lower - 0x60)
    }
    return code
  }

  /// Appends one letter to a code.
  @inline(__always)
  static func append(_ code: UInt64, _ letter: UInt8) -> UInt64 {
    code << 5 | UInt64(letter &- 0x60)
  }

  /// Number of letters in a code.
  @inline(__always)
  static func length(_ code: UInt64) -> Int { (64 - code.leadingZeroBitCount + 4) / 5 }

  /// The code of `a` followed by `b` (the caller keeps the sum within 12 letters).
  @inline(__always)
  static func join(_ a: UInt64, _ b: UInt64) -> UInt64 {
    b == 0 ? a : a << UInt64(5 * length(b)) | b
  }

  /// The code shifted to the top so that codes compare as their letters do ("ab" < "abc" < "b").
  @inline(__always)
  static func sortKey(_ code: UInt64) -> UInt64 {
    code << UInt64(5 * (maximumLength - length(code)))
  }

  /// The `k`-th letter (0-based) of a code of `length` letters, as an ASCII byte.
  @inline(__always)
  static func letter(_ code: UInt64, _ k: Int, length: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: (code >> UInt64(5 * (length - 1 - k))) & 31) &+ 0x60
  }

  /// The last letter of a non-empty code, as an ASCII byte (0 for the empty code).
  @inline(__always)
  static func last(_ code: UInt64) -> UInt8 {
    code == 0 ? 0 : UInt8(truncatingIfNeeded: code & 31) &+ 0x60
  }

  /// The letters of a code.
  static func letters(_ code: UInt64) -> [UInt8] {
    let n = length(code)
    var out: [UInt8] = []
    out.reserveCapacity(n)
    for k in 0..<n { out.append(letter(code, k, length: n)) }
    return out
  }

  /// Appends the letters of a code to `bytes`, the first one in capitals when `capitalized`.
  @inline(__always)
  static func append(_ code: UInt64, to bytes: inout [UInt8], capitalized: Bool = false) {
    let n = length(code)
    for k in 0..<n {
      let b = letter(code, k, length: n)
      bytes.append(capitalized && k == 0 ? b &- 32 : b)
    }
  }
}
