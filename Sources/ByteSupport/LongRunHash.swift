/// A 64-bit hash of a long byte run taken eight bytes per step and mixed at the end (murmur3's
/// finalizer), so the low bits depend on every byte: for tables keyed by whole paragraphs or by a
/// page's class and id spellings, where FNV-1a's byte-at-a-time loop is the cost. Deterministic
/// across runs (unlike `Hasher`); not a stable identifier: nothing written out depends on it.
///
/// ```swift
/// let a = Array("Yoo Yong-won said on Thursday".utf8).withUnsafeBufferPointer(LongRunHash.hash)
/// let b = Array("Yoo Yong-won said on Thursday".utf8).withUnsafeBufferPointer(LongRunHash.hash)
/// a == b  // true, in every run
/// ```
public enum LongRunHash {
  /// The hash of `bytes`.
  public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      index += 8
    }
    while index < bytes.count {
      hash = FNV1a.step(hash, bytes[index])
      index += 1
    }
    hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}
