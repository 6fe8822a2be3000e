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
///
/// Words of up to eight bytes are also kept in a second table keyed by their bytes as one
/// `UInt64` (most stop words: "the", "und", "что", "있다"), which ``View/valueFoldingASCII(in:_:)``
/// and ``View/value(in:_:)`` read with one load and one multiply instead of hashing byte by byte;
/// a word longer than every listed word is answered 0 at once.
struct WordTable: Sendable {
  /// Per slot: the word's hash, then `value << 32 | offset << 8 | length` (0: empty slot).
  private let slots: [UInt64]
  private let bytes: [UInt8]
  private let mask: Int
  /// Words of 1 to 8 bytes without a zero byte, as ``ShortKey`` keys (0: empty slot), and
  /// their values, slot by slot.
  private let shortKeys: [UInt64]
  private let shortValues: [UInt32]
  private let shortShift: UInt64
  /// The byte length of the longest word.
  private let longest: Int

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
    // The short words, values OR'd as above, at most half the slots filled.
    var short: [UInt64: UInt32] = [:]
    var longest = 0
    for (word, value) in words where !word.isEmpty && word.count <= 255 && value != 0 {
      longest = max(longest, word.count)
      if let key = word.withUnsafeBufferPointer({ ShortKey.key($0, 0..<$0.count) }) {
        short[key, default: 0] |= value
      }
    }
    var shortBits = 4
    while 1 << shortBits < short.count * 2 { shortBits += 1 }
    var shortKeys = [UInt64](repeating: 0, count: 1 << shortBits)
    var shortValues = [UInt32](repeating: 0, count: 1 << shortBits)
    let shortShift = UInt64(64 - shortBits)
    for (key, value) in short {
      var slot = ShortKey.slot(key, shift: shortShift)
      while shortKeys[slot] != 0 { slot = (slot + 1) & (shortKeys.count - 1) }
      shortKeys[slot] = key
      shortValues[slot] = value
    }
    self.shortKeys = shortKeys
    self.shortValues = shortValues
    self.shortShift = shortShift
    self.longest = longest
  }

  /// A borrowed view for lookups inside `body`.
  func withView<R>(_ body: (View) -> R) -> R {
    slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { bytes in
        shortKeys.withUnsafeBufferPointer { shortKeys in
          shortValues.withUnsafeBufferPointer { shortValues in
            body(
              View(
                slots: slots, bytes: bytes, mask: mask, shortKeys: shortKeys,
                shortValues: shortValues, shortShift: shortShift, longest: longest))
          }
        }
      }
    }
  }

  struct View {
    let slots: UnsafeBufferPointer<UInt64>
    let bytes: UnsafeBufferPointer<UInt8>
    let mask: Int
    let shortKeys: UnsafeBufferPointer<UInt64>
    let shortValues: UnsafeBufferPointer<UInt32>
    let shortShift: UInt64
    let longest: Int

    /// The value of the ASCII word `text[range]` lowercased, or 0: a word of up to eight bytes
    /// by its ``ShortKey`` (A–Z folded in the key), a longer one as
    /// ``valueFoldingASCII(of:)``.
    @inline(__always)
    func valueFoldingASCII(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
      if range.count > longest { return 0 }
      if range.count <= 8, let key = ShortKey.key(text, range) {
        return shortValue(ASCIILanes.lowercased(key))
      }
      return valueFoldingASCII(of: UnsafeBufferPointer(rebasing: text[range]))
    }

    /// The value of the word `text[range]`, or 0: a word of up to eight bytes by its
    /// ``ShortKey``, a longer one by its ``ByteHash/hash(_:)``.
    @inline(__always)
    func value(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
      if range.count > longest { return 0 }
      if range.count <= 8, let key = ShortKey.key(text, range) { return shortValue(key) }
      let word = UnsafeBufferPointer(rebasing: text[range])
      return value(of: word, hash: ByteHash.hash(word))
    }

    /// The value stored under a short word's key, or 0.
    @inline(__always)
    private func shortValue(_ key: UInt64) -> UInt32 {
      let mask = shortKeys.count &- 1
      var slot = ShortKey.slot(key, shift: shortShift)
      while true {
        let stored = shortKeys[slot]
        if stored == key { return shortValues[slot] }
        if stored == 0 { return 0 }
        slot = (slot &+ 1) & mask
      }
    }

    /// The value of the ASCII `word` lowercased (hashed and compared byte by byte with A–Z
    /// folded, without copying), or 0.
    @inline(__always)
    func valueFoldingASCII(of word: UnsafeBufferPointer<UInt8>) -> UInt32 {
      @inline(__always) func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
      var hash = FNV1a.basis64
      for byte in word { hash = FNV1a.step(hash, fold(byte)) }
      return probe(word, hash: hash, transform: fold)
    }

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

/// A word of one to eight bytes as one `UInt64`: its bytes little-endian, zero above its length
/// ("und" is 0x64_6E75), the key of ``WordTable``'s table of short words. Words with a zero byte
/// have no key ("a\u{0}" would read as "a").
enum ShortKey {
  /// The key of `text[range]`, or nil when the range is empty, longer than eight bytes or holds
  /// a zero byte. Loads eight bytes at once when they lie inside `text`.
  @inline(__always)
  static func key(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
    let length = range.count
    guard length > 0, length <= 8, let base = text.baseAddress else { return nil }
    var key: UInt64 = 0
    if range.lowerBound &+ 8 <= text.count {
      key = UInt64(
        littleEndian: UnsafeRawPointer(base).loadUnaligned(
          fromByteOffset: range.lowerBound, as: UInt64.self))
      if length < 8 { key &= (1 << UInt64(length &* 8)) &- 1 }
    } else {
      for offset in 0..<length {
        key |= UInt64(text[range.lowerBound &+ offset]) << UInt64(offset &* 8)
      }
    }
    // A zero lane below the length would make the key ambiguous.
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let zeroLanes = ~(((key & low7) &+ low7) | key | low7)
    let lanes: UInt64 = length == 8 ? ~0 : (1 << UInt64(length &* 8)) &- 1
    return zeroLanes & lanes == 0 ? key : nil
  }

  /// The slot of `key` in a table of `1 << (64 - shift)` slots (Fibonacci hashing).
  @inline(__always)
  static func slot(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
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
          UnsafeMutableRawPointer(target + count).storeBytes(
            of: ASCIILanes.lowercased(word), as: UInt64.self)
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
