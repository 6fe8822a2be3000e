/// Decodes UTF-8 bytes into a `String`, replacing each invalid sequence with U+FFFD and
/// reporting where it was: input is never dropped silently.
///
/// Invalid sequences are replaced per "maximal subpart" (Unicode §3.9, what Python's
/// `errors="replace"` and browsers do): a truncated `E2 82` before "A" is one U+FFFD.
///
/// ```swift
/// let result = UTF8Decoding.decode([0x4B, 0x79, 0x69, 0x76, 0xE9])  // "Kyiv" + a Latin-1 é
/// // result.text == "Kyiv\u{FFFD}", result.invalidOffsets == [4]
/// ```
public enum UTF8Decoding {
  /// The decoded text and where the input was broken.
  public struct Result: Sendable {
    /// The decoded text, U+FFFD where the input was invalid ("Kyiv\u{FFFD}").
    public var text: String
    /// Byte offsets (relative to the decoded bytes) of the first `limit` invalid sequences.
    public var invalidOffsets: [Int]
    /// How many invalid sequences were replaced in all.
    public var invalidCount: Int

    /// Creates a result.
    public init(text: String, invalidOffsets: [Int], invalidCount: Int) {
      self.text = text
      self.invalidOffsets = invalidOffsets
      self.invalidCount = invalidCount
    }
  }

  /// Decodes `bytes`, repairing invalid sequences.
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 100) -> Result {
    if let valid = String(validating: bytes, as: UTF8.self) {
      return Result(text: valid, invalidOffsets: [], invalidCount: 0)
    }
    var output = [UInt8]()
    output.reserveCapacity(bytes.count + 16)
    var offsets: [Int] = []
    var count = 0
    var i = 0
    let n = bytes.count
    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    while i < n {
      let lead = bytes[i]
      if lead < 0x80 {
        output.append(lead)
        i += 1
        continue
      }
      let valid = validSequenceLength(bytes, at: i)
      if valid.complete > 0 {
        output.append(contentsOf: bytes[i..<(i + valid.complete)])
        i += valid.complete
      } else {
        count += 1
        if offsets.count < limit { offsets.append(i) }
        output.append(contentsOf: replacement)
        i += max(valid.maximalSubpart, 1)
      }
    }
    return Result(
      text: String(decoding: output, as: UTF8.self), invalidOffsets: offsets, invalidCount: count)
  }

  /// Whether `bytes` are valid UTF-8, checked in place (no `String` is made): ASCII runs eight
  /// bytes at a time, other sequences by the table of Unicode §3.9.
  ///
  /// ```swift
  /// UTF8Decoding.isValid(Array("Київ, 유용원".utf8))  // true
  /// UTF8Decoding.isValid([0x4B, 0x79, 0x69, 0x76, 0xE9])  // false: a Latin-1 é
  /// ```
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    while i < n {
      if i + 8 <= n {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      if bytes[i] < 0x80 {
        i += 1
        continue
      }
      let valid = validSequenceLength(bytes, at: i)
      if valid.complete == 0 { return false }
      i += valid.complete
    }
    return true
  }

  /// Decodes an array of bytes, repairing invalid sequences.
  public static func decode(_ bytes: [UInt8], limit: Int = 100) -> Result {
    bytes.withUnsafeBufferPointer { decode($0, limit: limit) }
  }

  /// For the sequence starting at `i`: its length if it is a complete valid scalar (else 0),
  /// and the length of its maximal valid prefix (the bytes one U+FFFD replaces).
  private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (
    complete: Int, maximalSubpart: Int
  ) {
    let lead = bytes[i]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return (0, 1)
    }
    var j = 1
    while j < length {
      guard i + j < bytes.count else { return (0, j) }
      let byte = bytes[i + j]
      let (lo, hi): (UInt8, UInt8) = j == 1 ? (low, high) : (0x80, 0xBF)
      if byte < lo || byte > hi { return (0, j) }
      j += 1
    }
    return (length, length)
  }
}
