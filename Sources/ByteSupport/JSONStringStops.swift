/// Where a run of plain bytes inside a JSON string stops, eight bytes at a time: at a quote, a
/// backslash or a control byte (below 0x20), the bytes a reader must decode and a writer must
/// escape. One test for the JSON Lines reader's copy of plain runs and the record writer's
/// escaping, so both agree on what is plain.
///
/// ```swift
/// // "Yoo said" followed by a quote: seven plain bytes, then the stop.
/// let word = Array("Yoo sai\"".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
/// JSONStringStops.flags(word).trailingZeroBitCount >> 3  // 7
/// JSONStringStops.flags(Array("Київ".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })  // 0
/// ```
public enum JSONStringStops {
  /// The high bit of each lane of `word` (eight bytes loaded little-endian) that may be a quote, a
  /// backslash or a control byte. Zero when none of the eight is; otherwise the lowest flagged
  /// lane is exactly the first such byte (a lane above it can be a false alarm left by a
  /// borrow), so `flags.trailingZeroBitCount >> 3` counts the plain bytes before it. Bytes of
  /// multi-byte UTF-8 scalars (0x80 and above) are never flagged.
  @inlinable @inline(__always)
  public static func flags(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
    let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
    return
      ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash
      | (word &- ones &* 0x20) & ~word) & highs
  }
}
