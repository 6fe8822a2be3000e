/// A legacy single-byte code page (Latin-1, Windows-125x, MacRoman, CP437) as a 128-entry table
/// for bytes 0x80...0xFF, with the reverse map used to re-encode mis-decoded text.
///
/// Bytes 0x00...0x7F are ASCII in every table. Re-encoding is how mojibake is undone: text that
/// was UTF-8 read as Windows-1252 ("cafÃ©") encodes back to the original UTF-8 bytes
/// (`63 61 66 C3 A9`), which then decode to "café".
///
/// ```swift
/// SingleByteEncoding.windows1252.encode("cafÃ©".unicodeScalars)  // [0x63, 0x61, 0x66, 0xC3, 0xA9]
/// ```
public struct SingleByteEncoding: Sendable {
  /// The encoding's name as used in findings ("sloppy-windows-1252", "macroman").
  public let name: String
  /// Scalars for bytes 0x80...0xFF; 0 where the byte is undefined.
  let high: [UInt32]
  /// Scalar → byte for the non-ASCII scalars.
  private let reverse: [UInt32: UInt8]

  init(name: String, high: [UInt32]) {
    self.name = name
    self.high = high
    var reverse: [UInt32: UInt8] = [:]
    for (index, scalar) in high.enumerated() where scalar != 0 && reverse[scalar] == nil {
      reverse[scalar] = UInt8(0x80 + index)
    }
    self.reverse = reverse
  }

  /// The byte for `scalar`, or nil when the code page has none.
  @inline(__always)
  func byte(for scalar: UInt32) -> UInt8? {
    if scalar < 0x80 { return UInt8(scalar) }
    return reverse[scalar]
  }

  /// The scalar for `byte`, or nil when undefined.
  @inline(__always)
  func scalar(for byte: UInt8) -> UInt32? {
    if byte < 0x80 { return UInt32(byte) }
    let value = high[Int(byte) - 0x80]
    return value == 0 ? nil : value
  }

  /// Whether the code page can represent `scalar`.
  func contains(_ scalar: UInt32) -> Bool { byte(for: scalar) != nil }

  /// The bytes of `scalars` in this code page, or nil if one cannot be encoded. U+FFFD (a byte
  /// lost by an earlier lossy decoding) becomes `ByteStream.lost`.
  func encode(_ scalars: some Sequence<Unicode.Scalar>) -> [UInt16]? {
    var out: [UInt16] = []
    out.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars {
      if let byte = byte(for: scalar.value) {
        out.append(UInt16(byte))
      } else if scalar.value == 0xFFFD {
        out.append(ByteStream.lost)
      } else {
        return nil
      }
    }
    return out
  }

  /// The code pages tried when repairing mojibake, most common confusion first.
  public static let all: [SingleByteEncoding] = [
    .windows1252, .latin1, .windows1251, .macRoman, .windows1250, .iso8859_2, .windows1257,
    .windows1253, .windows1254, .cp437,
  ]
}

/// Markers used in re-encoded byte streams, which hold bytes as `UInt16` so a lost byte can be
/// told apart from a real one.
enum ByteStream {
  /// A byte that an earlier lossy decoding replaced with U+FFFD.
  static let lost: UInt16 = 0x100
}
