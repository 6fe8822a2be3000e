import ByteSupport
import ICUSupport

/// A hash of UTF-8 bytes (FNV-1a, 64 bits), for the byte-keyed tables of the structure step.
enum ByteHash {
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    FNV1a.hash64(bytes)
  }
}

/// An immutable open-addressing hash table from short UTF-8 words (at most 255 bytes) to a
/// non-zero `UInt32`, looked up by bytes without creating a `String`. Safe to share across
/// threads.
struct WordTable: Sendable {
  /// Per slot: the word's hash, then `value << 32 | offset << 8 | length` (0: empty slot).
  private let slots: [UInt64]
  private let bytes: [UInt8]
  private let mask: Int

  /// Builds the table; a word listed twice gets the bitwise OR of its values.
  init(_ words: [(word: [UInt8], value: UInt32)]) {
    // At least twice as many slots as words (duplicates only leave more room).
    var capacity = 16
    while capacity < words.count * 2 { capacity *= 2 }
    let mask = capacity - 1
    var slots = [UInt64](repeating: 0, count: capacity * 2)
    var bytes: [UInt8] = []
    slots.withUnsafeMutableBufferPointer { slots in
      for (word, value) in words where !word.isEmpty && word.count <= 255 && value != 0 {
        let hash = word.withUnsafeBufferPointer { ByteHash.hash($0) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        var merged = false
        while slots[slot * 2 + 1] != 0 {
          let entry = slots[slot * 2 + 1]
          if slots[slot * 2] == hash, Int(entry & 0xFF) == word.count {
            let offset = Int((entry >> 8) & 0xFF_FFFF)
            if bytes[offset..<(offset + word.count)].elementsEqual(word) {
              slots[slot * 2 + 1] = entry | UInt64(value) << 32
              merged = true
              break
            }
          }
          slot = (slot + 1) & mask
        }
        if merged { continue }
        slots[slot * 2] = hash
        slots[slot * 2 + 1] = UInt64(value) << 32 | UInt64(bytes.count) << 8 | UInt64(word.count)
        bytes += word
      }
    }
    self.slots = slots
    self.bytes = bytes
    self.mask = mask
  }

  /// A borrowed view for lookups inside `body`.
  func withView<R>(_ body: (View) -> R) -> R {
    slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { bytes in body(View(slots: slots, bytes: bytes, mask: mask)) }
    }
  }

  struct View {
    let slots: UnsafeBufferPointer<UInt64>
    let bytes: UnsafeBufferPointer<UInt8>
    let mask: Int

    /// The value of the ASCII `word` lowercased (hashed and compared byte by byte with A–Z
    /// folded, without copying), or 0.
    @inline(__always)
    func valueFoldingASCII(of word: UnsafeBufferPointer<UInt8>) -> UInt32 {
      var hash = FNV1a.basis64
      for byte in word { hash = FNV1a.step(hash, Self.foldASCII(byte)) }
      return probe(word, hash: hash, transform: Self.foldASCII)
    }

    /// The value of the ASCII `word` lowercased, given its hash with A–Z folded (as
    /// ``valueFoldingASCII(of:)`` takes it; a scanner that hashes each word while it reads it
    /// reads its bytes once), or 0: "The" under the hash of "the" → the value of "the".
    @inline(__always)
    func valueFoldingASCII(of word: UnsafeBufferPointer<UInt8>, foldedHash hash: UInt64) -> UInt32 {
      probe(word, hash: hash, transform: Self.foldASCII)
    }

    /// A–Z to a–z, every other byte as it is.
    @inline(__always)
    static func foldASCII(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// The value of `word` (whose ``ByteHash/hash(_:)`` is `hash`), or 0.
    @inline(__always)
    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
      probe(word, hash: hash) { $0 }
    }

    /// Open-addressing lookup of `word` under `hash`, comparing stored bytes with `word`'s
    /// bytes after `transform`.
    @inline(__always)
    private func probe(
      _ word: UnsafeBufferPointer<UInt8>, hash: UInt64, transform: (UInt8) -> UInt8
    ) -> UInt32 {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot &* 2 &+ 1]
        if entry == 0 { return 0 }
        if slots[slot &* 2] == hash, Int(entry & 0xFF) == word.count {
          let offset = Int((entry >> 8) & 0xFF_FFFF)
          var equal = true
          for index in 0..<word.count where bytes[offset + index] != transform(word[index]) {
            equal = false
            break
          }
          if equal { return UInt32(truncatingIfNeeded: entry >> 32) }
        }
        slot = (slot &+ 1) & mask
      }
    }
  }
}

/// An immutable set of Unicode scalars: a bitmap over the Basic Multilingual Plane and a sorted
/// list above it.
struct ScalarBitmap: Sendable {
  private let bits: [UInt64]
  private let astral: [UInt32]

  init(_ scalars: Set<UInt32>) {
    var bits = [UInt64](repeating: 0, count: scalars.isEmpty ? 0 : 1024)
    var astral: [UInt32] = []
    for value in scalars {
      if value < 0x10000 {
        bits[Int(value >> 6)] |= UInt64(1) << UInt64(value & 63)
      } else {
        astral.append(value)
      }
    }
    self.bits = bits
    self.astral = astral.sorted()
  }

  @inline(__always)
  func contains(_ value: UInt32) -> Bool {
    if value < 0x10000 {
      let word = Int(value >> 6)
      return word < bits.count && (bits[word] >> UInt64(value & 63)) & 1 != 0
    }
    return astral.contains(value)
  }
}

/// Per-scalar lowercasing, the same mapping as `String.lowercased()` (each scalar's full
/// lowercase mapping, no context), with table-free fast paths for ASCII, Latin-1, Cyrillic and
/// caseless CJK and Hangul.
enum ScalarCase {
  /// Writes the lowercase of `value` at `out[count...]` as UTF-8 and returns the new count
  /// (at most 12 bytes are written).
  @inline(__always)
  static func appendLowercasedUTF8(
    _ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at count: Int
  ) -> Int {
    if let simple = simpleLowercase(value) { return appendUTF8(simple, to: out, at: count) }
    var count = count
    guard let scalar = Unicode.Scalar(value) else { return appendUTF8(value, to: out, at: count) }
    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
      count = appendUTF8(lower.value, to: out, at: count)
    }
    return count
  }

  /// Writes the lowercase of all of `bytes` (valid UTF-8) into `out` and returns the number of
  /// bytes written, or nil when `out` could be too small (each scalar may take 12 bytes; a
  /// buffer of `3 * bytes.count + 12` holds any line of Latin, Cyrillic, CJK or Hangul text).
  /// The same bytes as `String(decoding: bytes, as: UTF8.self).lowercased().utf8`:
  /// "Лента НОВОСТЕЙ" → "лента новостей", "İSTANBUL" → "i̇stanbul".
  static func lowercaseUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>
  ) -> Int? {
    var count = 0
    var index = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    while index < bytes.count {
      // Eight ASCII bytes at once, where the byte loop's room check would pass for all eight.
      if index + 8 <= bytes.count, count + 19 <= out.count, let source = bytes.baseAddress,
        let target = out.baseAddress
      {
        let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
        if word & (ones &* 0x80) == 0 {
          // A lane's high bit is set from "A" up, and from past "Z" up (no lane carries over).
          let upper = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & (ones &* 0x80)
          UnsafeMutableRawPointer(target + count).storeBytes(
            of: word | (upper >> 2), as: UInt64.self)
          count += 8
          index += 8
          continue
        }
      }
      guard count + 12 <= out.count else { return nil }
      let byte = bytes[index]
      if byte < 0x80 {
        out[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
        count += 1
        index += 1
        continue
      }
      let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
      index += length
      count = appendLowercasedUTF8(value, to: out, at: count)
    }
    return count
  }

  /// The lowercase of `value` when it is one scalar found without Unicode tables (nil: ask
  /// the scalar's properties).
  @inline(__always)
  static func simpleLowercase(_ value: UInt32) -> UInt32? {
    switch value {
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: return value + 0x20
    case 0x400...0x40F: return value + 0x50
    case 0...0x7F, 0xDF...0xFF, 0x430...0x45F, 0x2000...0x20FF, 0x3000...0x9FFF, 0xAC00...0xD7A3:
      return value
    default:
      guard let scalar = Unicode.Scalar(value) else { return value }
      return scalar.properties.changesWhenLowercased ? nil : value
    }
  }

  @inline(__always)
  static func appendUTF8(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at count: Int)
    -> Int
  {
    if value < 0x80 {
      out[count] = UInt8(value)
      return count + 1
    }
    if value < 0x800 {
      out[count] = UInt8(0xC0 | (value >> 6))
      out[count + 1] = UInt8(0x80 | (value & 0x3F))
      return count + 2
    }
    if value < 0x10000 {
      out[count] = UInt8(0xE0 | (value >> 12))
      out[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
      out[count + 2] = UInt8(0x80 | (value & 0x3F))
      return count + 3
    }
    out[count] = UInt8(0xF0 | (value >> 18))
    out[count + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
    out[count + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
    out[count + 3] = UInt8(0x80 | (value & 0x3F))
    return count + 4
  }
}
