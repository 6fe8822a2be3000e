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
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
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
    return copy.withUTF8 { bytes in
      var continuations = 0
      for byte in bytes where byte & 0xC0 == 0x80 { continuations += 1 }
      return bytes.count - continuations
    }
  }
}
