/// A spelling of up to 12 lowercase ASCII letters packed into an integer (5 bits a letter),
/// so the parser can look spellings up while it scans a name, without building arrays.
///
/// ```swift
/// SpellingCode.encode(Array("won".utf8)[...])  // 23 << 10 | 15 << 5 | 14
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

  /// Appends one letter to a code.
  @inline(__always)
  static func append(_ code: UInt64, _ letter: UInt8) -> UInt64 { code << 5 | UInt64(letter &- 0x60) }
}
