/// Which of eight bytes (a little-endian `UInt64`: lane 0 is the first byte in memory) are ASCII
/// letters, digits or capitals, as the high bit of each lane (SWAR). Bytes of multi-byte UTF-8
/// scalars (0x80 and above) are never flagged, and no lane borrows from or carries into its
/// neighbour, so every lane's answer is exact.
///
/// ```swift
/// let word = Array("Kyiv 24,".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
/// ASCIILanes.letters(word).nonzeroBitCount  // 4 ("Kyiv")
/// ASCIILanes.digits(word).trailingZeroBitCount >> 3  // 5 (the "2")
/// ASCIILanes.lowercased(word)  // the bytes of "kyiv 24,"
/// ```
public enum ASCIILanes {
  @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
  @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of every lane whose byte is in `lower...upper` (ASCII bounds, `lower` at
  /// least 1): the lane's low seven bits plus `0x80 - lower` reach bit 7 from `lower` up, plus
  /// `0x7F - upper` from past `upper` up, and neither sum leaves the lane.
  @inlinable @inline(__always)
  static func inRange(_ word: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
    let low = word & (ones &* 0x7F)
    return (low &+ ones &* UInt64(0x80 &- lower)) & ~(low &+ ones &* UInt64(0x7F &- upper))
      & ~word & highs
  }

  /// Lanes holding an ASCII letter (A–Z, a–z).
  @inlinable @inline(__always)
  public static func letters(_ word: UInt64) -> UInt64 {
    inRange(word | ones &* 0x20, 0x61, 0x7A)
  }

  /// Lanes holding an ASCII digit (0–9).
  @inlinable @inline(__always)
  public static func digits(_ word: UInt64) -> UInt64 {
    inRange(word, 0x30, 0x39)
  }

  /// Lanes holding an ASCII capital (A–Z).
  @inlinable @inline(__always)
  public static func capitals(_ word: UInt64) -> UInt64 {
    inRange(word, 0x41, 0x5A)
  }

  /// `word` with its ASCII capitals lowercased (every other byte as it is).
  @inlinable @inline(__always)
  public static func lowercased(_ word: UInt64) -> UInt64 {
    word | capitals(word) >> 2
  }
}
