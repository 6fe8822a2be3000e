import ICUSupport

/// Byte-level helpers shared by the rules: they scan UTF-8 bytes with ASCII fast paths and turn
/// byte offsets into Unicode scalar offsets only when a finding is reported.
enum ByteText {
  /// Runs `body` over the contiguous UTF-8 bytes of `text`.
  @inline(__always)
  static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var copy = text
    return copy.withUTF8(body)
  }

  /// The scalar offset of byte offset `offset` (the number of scalars that start before it).
  static func scalarOffset(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    var count = 0
    var index = 0
    let end = min(offset, bytes.count)
    while index + 8 <= end {
      var word: UInt64 = 0
      for k in 0..<8 { word |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
      // Continuation bytes are 10xxxxxx: count the bytes that are not.
      let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
      count += 8 - continuation.nonzeroBitCount
      index += 8
    }
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  /// Whether `byte` is an ASCII letter or digit.
  @inline(__always)
  static func isASCIIWord(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
  }

  /// Whether `byte` is part of a word: an ASCII letter or digit, or any byte of a non-ASCII
  /// scalar (letters of other scripts; good enough for word boundaries).
  @inline(__always)
  static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || isASCIIWord(byte) }

  /// Whether the bytes at `index` start with `pattern` (ASCII, lower case), ignoring ASCII case.
  @inline(__always)
  static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for k in 0..<pattern.count {
      var byte = bytes[index + k]
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      if byte != pattern[k] { return false }
    }
    return true
  }

  /// Whether `pattern` (ASCII, lower case) occurs in `bytes[range]`, ignoring ASCII case.
  static func contains(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ pattern: [UInt8]) -> Bool {
    guard range.count >= pattern.count else { return false }
    for start in range.lowerBound...(range.upperBound - pattern.count) where hasPrefix(bytes, at: start, pattern) {
      return true
    }
    return false
  }

  /// The string of `bytes[range]` (valid UTF-8 slices at scalar boundaries).
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
