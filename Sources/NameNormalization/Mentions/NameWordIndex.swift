import ByteSupport
import Foundation

/// A read-only map from words to numbers that answers as a `[String: Int]` does, for less:
/// a word written in scalars that are in NFC on their own and compose with nothing before them
/// (ASCII, Latin letters with diacritics up to U+017F, basic Cyrillic, kana, common Han, Hangul
/// syllables: "the", "Zürich", "Сеул", "서울") is in NFC, so it equals a key exactly when its
/// bytes are the key's NFC bytes: it is looked up in an open-addressing table probed by its
/// FNV-1a hash and compared byte for byte (no `Hasher`, no normalisation). Any other word
/// (decomposed "Zu\u{308}rich", rarer scripts) goes to the dictionary itself.
///
/// ```swift
/// let index = NameWordIndex(["the": 1, "The": 1, "kim": 3, "сеул": 2])
/// index.value(of: "The")    // 1
/// index.value(of: "THE")    // nil: words are matched as written
/// index.value(of: "сеул")   // 2
/// ```
///
/// The detector asks it once for each capitalised word new to its facts cache: whether the
/// word is a common word, and how many words the longest lexicon spelling it starts has.
struct NameWordIndex: Sendable {
  /// Per slot: 0 if empty, else the index + 1 of its entry.
  private var slots: [Int32] = [0]
  /// Entry `i` is the word `bytes[starts[i]..<starts[i + 1]]`, its hash and its value.
  private var starts: [Int32] = [0]
  private var hashes: [UInt32] = []
  private var values: [Int] = []
  private var bytes: [UInt8] = []
  /// The answer for the words outside the table's scalars: the dictionary (or set) itself.
  private let fallback: @Sendable (String) -> Int?

  init(_ dictionary: [String: Int]) {
    self.init(keys: dictionary, fallback: { dictionary[$0] })
  }

  /// The words of a set, each with the value 1.
  init(_ words: Set<String>) {
    self.init(
      keys: words.lazy.map { (key: $0, value: 1) }, fallback: { words.contains($0) ? 1 : nil })
  }

  private init(
    keys: some Collection<(key: String, value: Int)>,
    fallback: @escaping @Sendable (String) -> Int?
  ) {
    self.fallback = fallback
    // At most a quarter full, so that a word that is not there usually meets an empty slot.
    // (The layout depends on the keys' order, what a lookup answers does not.)
    var size = 16
    while size < 4 * keys.count { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    for (word, value) in keys {
      // Each key under its NFC bytes when they are all in the table's scalars (the Kelvin sign
      // "K" is "K" to a `String`); a key of the table's scalars is in NFC already.
      var word = word
      var hash = word.withUTF8 { Self.tableHash($0) }
      if hash == nil {
        word = word.precomposedStringWithCanonicalMapping
        hash = word.withUTF8 { Self.tableHash($0) }
      }
      guard let hash else { continue }
      bytes.append(contentsOf: word.utf8)
      starts.append(Int32(bytes.count))
      hashes.append(hash)
      values.append(value)
      var slot = Int(hash) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(values.count)
    }
  }

  /// The value of `word`, as the dictionary's (1 or nil for a set).
  func value(of word: String) -> Int? {
    var word = word
    let found = word.withUTF8 { utf8 -> Int?? in
      guard let hash = Self.tableHash(utf8) else { return .none }
      return .some(tableValue(of: utf8, hash: hash))
    }
    return found ?? fallback(word)
  }

  /// Whether `word` is a key.
  func contains(_ word: String) -> Bool { value(of: word) != nil }

  /// The value of a word of the table's scalars with FNV-1a hash `hash`.
  private func tableValue(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      starts.withUnsafeBufferPointer { starts in
        bytes.withUnsafeBufferPointer { bytes in
          while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            let start = Int(starts[entry])
            if hashes[entry] == hash, Int(starts[entry + 1]) - start == word.count,
              Self.equal(word, UnsafeBufferPointer(rebasing: bytes[start..<(start + word.count)]))
            {
              return values[entry]
            }
            slot = (slot + 1) & mask
          }
          return nil
        }
      }
    }
  }

  @inline(__always)
  private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == b.count }
    return a.count == b.count && memcmp(left, right, a.count) == 0
  }

  /// The FNV-1a hash of a word's UTF-8 bytes when every scalar is one the table holds (in
  /// NFC alone and composing with nothing before it), else nil.
  static func tableHash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
    var hash = FNV1a.basis32
    var index = 0
    while index < utf8.count {
      let lead = utf8[index]
      if lead < 0x80 {
        hash = FNV1a.step(hash, lead)
        index += 1
        continue
      }
      let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
      guard length < 4, index + length <= utf8.count else { return nil }
      var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
      for k in 1..<length { value = value << 6 | UInt32(utf8[index + k] & 0x3F) }
      switch value {
      case 0xC0...0x17F, 0x400...0x45F, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF,
        0xAC00...0xD7A3:
        break
      default: return nil
      }
      for k in 0..<length { hash = FNV1a.step(hash, utf8[index + k]) }
      index += length
    }
    return hash
  }
}
