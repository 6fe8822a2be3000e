import ByteSupport

/// A cheap hash of a token's text (FNV-1a over its UTF-8 bytes), computed by the tokenizer so
/// that a `WordHash.Filter` can turn away most words before a dictionary lookup hashes them
/// again.
///
/// ```swift
/// var filter = WordHash.Filter()
/// filter.insert("maggio")
/// filter.mayContain(WordHash.of("maggio"))   // true
/// filter.mayContain(WordHash.of("said"))     // false (almost always)
/// ```
enum WordHash {
  /// The hash of UTF-8 bytes.
  @inline(__always) static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    FNV1a.hash32(bytes)
  }

  /// The hash of a string's UTF-8 bytes.
  static func of(_ text: String) -> UInt32 {
    var copy = text
    return copy.withUTF8 { of($0) }
  }

  /// A Bloom filter of 2^16 bits probed twice: no false negatives, few false positives for
  /// the few thousand words of a vocabulary.
  struct Filter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    mutating func insert(_ word: String) {
      let hash = WordHash.of(word)
      bits[Int(hash & 0xFFFF) >> 6] |= 1 << UInt64(hash & 63)
      bits[Int((hash >> 16) & 0xFFFF) >> 6] |= 1 << UInt64((hash >> 16) & 63)
    }

    @inline(__always) func mayContain(_ hash: UInt32) -> Bool {
      bits[Int(hash & 0xFFFF) >> 6] & (1 << UInt64(hash & 63)) != 0
        && bits[Int((hash >> 16) & 0xFFFF) >> 6] & (1 << UInt64((hash >> 16) & 63)) != 0
    }
  }
}
