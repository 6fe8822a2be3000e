/// The scalars that make a cleaning pass act, asked against a `BytePresence`: a pass whose
/// trigger scalars cannot occur is skipped without reading the text. Finer than asking a
/// `ByteScanner` about lead bytes: U+0080–U+00BF and U+2000–U+207F are looked up scalar by
/// scalar, so the curly quotes and dashes of most news text (E2 80 …) do not wake the passes
/// about line separators, bidi controls or zero-width spaces, which share their lead byte.
///
/// ```swift
/// let lineBreaks = ScalarTrigger([0x0D...0x0D, 0x2028...0x2029])
/// lineBreaks.mayMatch(BytePresence("“Kyiv” — Seoul’s view"))    // false
/// lineBreaks.mayMatch(BytePresence("Seoul\u{2028}서울"))          // true
/// ```
public struct ScalarTrigger: Sendable {
  /// ASCII and lead bytes, for scalars outside the two tables below (as `BytePresence.bits`).
  let leads: (UInt64, UInt64, UInt64, UInt64)
  /// Whether a printable ASCII byte other than "`" and "&" triggers (`BytePresence` does not
  /// track those, so the trigger always fires).
  let printableASCII: Bool
  /// U+0080–U+00BF, as `BytePresence.latin1`.
  let latin1: UInt64
  /// U+2000–U+207F, as `BytePresence.generalPunctuation`.
  let generalPunctuation: (UInt64, UInt64)

  /// A trigger for the scalars in `ranges` (any scalar values; surrogates are ignored).
  public init(_ ranges: [ClosedRange<UInt32>]) {
    var leads: [UInt64] = [0, 0, 0, 0]
    var printableASCII = false
    var latin1: UInt64 = 0
    var punctuation: [UInt64] = [0, 0]
    for range in ranges {
      for value in range {
        switch value {
        case 0..<0x80:
          if value >= 0x20 && value < 0x7F && value != 0x60 && value != 0x26 {
            printableASCII = true
          }
          leads[Int(value >> 6)] |= 1 << UInt64(value & 63)
        case 0x80..<0xC0:
          latin1 |= 1 << UInt64(value - 0x80)
        case 0x2000..<0x2080:
          punctuation[Int((value - 0x2000) >> 6)] |= 1 << UInt64(value & 63)
        default:
          guard Unicode.Scalar(value) != nil else { continue }
          // The first byte of the scalar's UTF-8.
          let lead =
            value < 0x800
            ? 0xC0 | value >> 6 : value < 0x10000 ? 0xE0 | value >> 12 : 0xF0 | value >> 18
          leads[Int(lead >> 6)] |= 1 << UInt64(lead & 63)
        }
      }
    }
    self.leads = (leads[0], leads[1], leads[2], leads[3])
    self.printableASCII = printableASCII
    self.latin1 = latin1
    generalPunctuation = (punctuation[0], punctuation[1])
  }

  /// Whether a text with this presence summary may hold one of the trigger scalars.
  @inline(__always)
  public func mayMatch(_ presence: BytePresence) -> Bool {
    if printableASCII { return true }
    let bits = presence.bits
    let punctuation = presence.generalPunctuation
    return (leads.0 & bits.0) | (leads.1 & bits.1) | (leads.2 & bits.2) | (leads.3 & bits.3)
      | (latin1 & presence.latin1) | (generalPunctuation.0 & punctuation.0)
      | (generalPunctuation.1 & punctuation.1) != 0
  }
}
