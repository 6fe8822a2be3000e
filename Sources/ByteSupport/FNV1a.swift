/// FNV-1a, the one byte hash of the project (Fowler–Noll–Vo, variant 1a), in its 32- and 64-bit
/// forms: `hash = (hash ^ byte) &* prime` over UTF-8 bytes from the offset basis. Stable across
/// runs and machines (unlike `Hasher`), so it can name things in output (a reference's CSL id)
/// and key tables built at start-up.
///
/// ```swift
/// FNV1a.hash64("서울대학교출판부")  // the same 64-bit value in every run
/// var hash = FNV1a.basis32
/// for byte in "maggio".utf8 { hash = FNV1a.step(hash, byte) }
/// hash == FNV1a.hash32("maggio")   // true
/// ```
public enum FNV1a {
  /// The 32-bit offset basis.
  public static let basis32: UInt32 = 2_166_136_261
  /// The 32-bit prime.
  public static let prime32: UInt32 = 16_777_619
  /// The 64-bit offset basis.
  public static let basis64: UInt64 = 0xcbf2_9ce4_8422_2325
  /// The 64-bit prime.
  public static let prime64: UInt64 = 0x0000_0100_0000_01B3

  /// One byte into a 32-bit hash.
  @inlinable @inline(__always)
  public static func step(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
    (hash ^ UInt32(byte)) &* prime32
  }

  /// One byte into a 64-bit hash.
  @inlinable @inline(__always)
  public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime64
  }

  /// The 32-bit hash of `bytes`.
  @inlinable @inline(__always)
  public static func hash32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash = basis32
    for byte in bytes { hash = step(hash, byte) }
    return hash
  }

  /// The 64-bit hash of `bytes`.
  @inlinable @inline(__always)
  public static func hash64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = basis64
    for byte in bytes { hash = step(hash, byte) }
    return hash
  }

  /// The 32-bit hash of a string's UTF-8 bytes.
  @inlinable
  public static func hash32(_ text: String) -> UInt32 {
    var copy = text
    return copy.withUTF8 { hash32($0) }
  }

  /// The 64-bit hash of a string's UTF-8 bytes.
  @inlinable
  public static func hash64(_ text: String) -> UInt64 {
    var copy = text
    return copy.withUTF8 { hash64($0) }
  }
}
