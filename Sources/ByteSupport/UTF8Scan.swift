/// Fast scans over a string's UTF-8 bytes, eight bytes at a time where possible.
///
/// ```swift
/// UTF8Scan.isASCII("Kyiv")          // true
/// UTF8Scan.scalarCount("유용원 said") // 8 (what Python's len gives)
/// ```
public enum UTF8Scan {
  /// Whether every byte is ASCII.
  public static func isASCII(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { isASCII($0) }
  }

  /// Whether every byte of the buffer is ASCII.
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    let raw = UnsafeRawPointer(base)
    while index + 8 <= count {
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        return false
      }
      index += 8
    }
    while index < count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// The number of Unicode scalars (bytes that are not UTF-8 continuation bytes).
  public static func scalarCount(_ text: String) -> Int {
    var copy = text
    return copy.withUTF8 { scalarCount($0) }
  }

  /// The number of Unicode scalars in valid UTF-8 (eight bytes at a time: a continuation byte
  /// is 10xxxxxx, bit 7 set and bit 6 clear).
  public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    let raw = UnsafeRawPointer(base)
    var continuations = 0
    var index = 0
    while index + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      index += 8
    }
    while index < count {
      if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
      index += 1
    }
    return count - continuations
  }
}

extension UTF8Scan {
  /// Decodes the scalar whose UTF-8 sequence starts at `index` (a lead or ASCII byte) and
  /// returns its value and byte length. A sequence cut short by `end` decodes to what is there
  /// (strings are valid UTF-8, so that only happens with a slice boundary inside a scalar).
  ///
  /// ```swift
  /// var text = "Київ"
  /// text.withUTF8 { UTF8Scan.decodeScalar($0, at: 0) }  // (0x41A, 2): "К"
  /// ```
  @inlinable @inline(__always)
  public static func decodeScalar(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int? = nil
  ) -> (value: UInt32, length: Int) {
    let byte = bytes[index]
    if byte < 0x80 { return (UInt32(byte), 1) }
    let full = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    var value = UInt32(byte) & (full == 2 ? 0x1F : full == 3 ? 0x0F : 0x07)
    let length = max(1, min(full, (end ?? bytes.count) - index))
    for offset in 1..<length { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
    return (value, length)
  }
}
