import ByteSupport

/// What one pass over the raw input text's UTF-8 bytes tells the raw-text rules before they
/// scan: whether a carriage return occurs (``CheckLineEndings``) and whether every scalar is
/// one that NFC leaves alone in any context (``RequireNFC``). Plain ASCII words are taken eight
/// bytes at a time.
///
/// ```swift
/// RawTextSummary("Сеул – 서울\r\n").hasCarriageReturn  // true
/// RawTextSummary("Сеул – 서울").isSurelyNFC          // true: no ICU call needed
/// RawTextSummary("Zu\u{308}rich").isSurelyNFC         // false: a combining mark; ask ICU
/// ```
public struct RawTextSummary: Sendable, Equatable {
  /// A carriage return (U+000D) occurs.
  public var hasCarriageReturn = false
  /// Every scalar has NFC quick-check Yes, combining class 0 and never composes with the
  /// scalar before it, so the text is in NFC. False only means "ask the normalizer".
  public var isSurelyNFC = true

  /// Scans `text` once.
  public init(_ text: String) {
    var found = RawTextSummary()
    ByteText.withBytes(text) { found = RawTextSummary(bytes: $0) }
    self = found
  }

  private init() {}

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let carriageReturns = ones &* 0x0D
    var index = 0
    while index < count {
      if index &+ 8 <= count {
        // Eight bytes at a time: a carriage return among them (exact as a yes/no), and the
        // first non-ASCII byte, a lead byte, since `index` is always at a scalar's start.
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let x = word ^ carriageReturns
        let high = word & highs
        if high == 0 {
          // ASCII only: no byte of `x` has its high bit, so `~x` drops out of the test.
          if (x &- ones) & highs != 0 { hasCarriageReturn = true }
          index &+= 8
          continue
        }
        if (x &- ones) & ~x & highs != 0 { hasCarriageReturn = true }
        index &+= high.trailingZeroBitCount >> 3
      } else if bytes[index] < 0x80 {
        if bytes[index] == 0x0D { hasCarriageReturn = true }
        index &+= 1
        continue
      }
      let decoded = UTF8Scan.decodeScalar(bytes, at: index)
      if isSurelyNFC && !Self.isStarterNFCLeavesAlone(decoded.value) { isSurelyNFC = false }
      index &+= decoded.length
    }
  }

  /// Scalars of the common scripts that NFC never changes nor composes with a neighbour
  /// (checked against the Unicode data for every scalar of these ranges): Latin to U+02FF, basic
  /// Cyrillic, general punctuation (no spaces, no format controls), CJK punctuation, kana, common
  /// Han, Hangul syllables and full-width ASCII.
  private static func isStarterNFCLeavesAlone(_ value: UInt32) -> Bool {
    value < 0x0300 || (0x0400...0x0482).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0x4E00...0x9FFF).contains(value) || (0x2010...0x2027).contains(value)
      || (0x2030...0x205E).contains(value) || (0x3000...0x3003).contains(value)
      || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value)
      || (0xFF01...0xFF5E).contains(value)
  }
}
