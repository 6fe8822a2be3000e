/// Byte-level helpers shared by the rules: they scan UTF-8 bytes with ASCII fast paths and turn
/// byte offsets into Unicode scalar offsets only when a finding is reported.
public enum ByteText {
  /// Runs `body` over the contiguous UTF-8 bytes of `text`.
  @inlinable @inline(__always)
  public static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var copy = text
    return copy.withUTF8(body)
  }

  /// The scalar offset of byte offset `offset` (the number of scalars that start before it).
  public static func scalarOffset(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    UTF8Scan.scalarCount(UnsafeBufferPointer(rebasing: bytes[..<max(0, min(offset, bytes.count))]))
  }

  /// Whether `byte` is an ASCII letter or digit.
  @inlinable @inline(__always)
  public static func isASCIIWord(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
  }

  /// Whether `byte` is part of a word: an ASCII letter or digit, or any byte of a non-ASCII
  /// scalar (letters of other scripts; good enough for word boundaries).
  @inlinable @inline(__always)
  public static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || isASCIIWord(byte) }

  /// Whether the bytes at `index` start with `pattern` (ASCII, lower case), ignoring ASCII case.
  @inlinable @inline(__always)
  public static func hasPrefix(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]
  ) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for k in 0..<pattern.count {
      var byte = bytes[index + k]
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      if byte != pattern[k] { return false }
    }
    return true
  }

  /// Whether `pattern` (ASCII, lower case) occurs in `bytes[range]`, ignoring ASCII case.
  @inlinable
  public static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ pattern: [UInt8]
  ) -> Bool {
    guard range.count >= pattern.count else { return false }
    for start in range.lowerBound...(range.upperBound - pattern.count)
    where hasPrefix(bytes, at: start, pattern) {
      return true
    }
    return false
  }

  /// The string of `bytes[range]` (valid UTF-8 slices at scalar boundaries).
  @inlinable
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
