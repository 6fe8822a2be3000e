import ByteSupport
import Foundation

/// A cheap hash of a token's text (FNV-1a over its UTF-8 bytes), computed by the tokenizer for
/// every token (`Token.hash`), so that a `WordHash.Filter` can turn away most tokens before a
/// dictionary lookup hashes them again, and a `WordHash.Table` can look them up without
/// hashing their text at all.
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

  /// Whether `word` is in NFC (then a plain token equals it exactly when their bytes are equal).
  ///
  /// Without normalising when every scalar is below U+0300 (ASCII, Latin-1, Latin Extended,
  /// IPA, spacing modifiers) or Cyrillic (U+0400–U+052F): none of those decomposes, composes
  /// with another or is reordered, so any string of them is in NFC ("maggio", "травня", "mẽs"
  /// is normalised to compare).
  static func isNFC(_ word: String) -> Bool {
    word.unicodeScalars.allSatisfy { $0.value < 0x300 || ($0.value >= 0x400 && $0.value < 0x530) }
      || word.utf8.elementsEqual(word.precomposedStringWithCanonicalMapping.utf8)
  }

  /// The hash of the empty text (a number token too long to keep its digits).
  static let emptyText = FNV1a.basis32

  /// A Bloom filter of 2^16 bits (or fewer, for small tables) probed twice: no false
  /// negatives, few false positives for the few thousand words of a vocabulary.
  struct Filter: Sendable {
    private var bits: [UInt64]
    private let mask: UInt32

    /// An empty filter of `bitCount` bits (a power of two from 64 to 65,536).
    init(bitCount: Int = 1 << 16) {
      let count = min(max(bitCount, 64), 1 << 16)
      bits = [UInt64](repeating: 0, count: count / 64)
      mask = UInt32(count - 1)
    }

    mutating func insert(_ word: String) { insert(hash: WordHash.of(word)) }

    mutating func insert(hash: UInt32) {
      let a = hash & mask
      let b = (hash >> 16) & mask
      bits[Int(a >> 6)] |= 1 << UInt64(a & 63)
      bits[Int(b >> 6)] |= 1 << UInt64(b & 63)
    }

    @inline(__always) func mayContain(_ hash: UInt32) -> Bool {
      let a = hash & mask
      let b = (hash >> 16) & mask
      return bits[Int(a >> 6)] & (1 << UInt64(a & 63)) != 0
        && bits[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0
    }

    /// Whether `token` may be one of the inserted words. A token whose text is not plain
    /// (`Token.isPlain`) may equal a word under Unicode equivalence with other bytes, so it is
    /// never turned away.
    @inline(__always) func mayContain(_ token: Token) -> Bool {
      !token.isPlain || mayContain(token.hash)
    }

    /// `mayContain(tokens[index])`, reading the token's fields where they are.
    @inline(__always) func mayContain(tokenAt index: Int, in tokens: [Token]) -> Bool {
      !tokens[index].isPlain || mayContain(tokens[index].hash)
    }
  }

  /// A read-only map from words to values looked up by a token's precomputed hash, with no
  /// hashing of the token's text: open addressing over the FNV-1a hashes, each hit confirmed
  /// by comparing the words. It answers as a `[String: Value]` would (Unicode equivalence
  /// included): tokens that are not plain, or tables with a key that is not in NFC, fall back
  /// to the dictionary.
  ///
  /// ```swift
  /// let table = WordHash.Table(["будущем": 1, "maggio": 5])
  /// table[token]   // 5 for the token "maggio", nil for "said"
  /// ```
  struct Table<Value: Sendable>: Sendable {
    private let dictionary: [String: Value]
    /// Index + 1 into `entries` per slot; 0: empty.
    private let slots: [Int32]
    private let entries: [(hash: UInt32, word: String, value: Value)]
    private let mask: Int
    /// Every key is in NFC, so a plain token equals a key exactly when their bytes are equal.
    private let keysAreNFC: Bool

    init(_ dictionary: [String: Value]) {
      self.dictionary = dictionary
      var capacity = 16
      while capacity < dictionary.count * 2 { capacity *= 2 }
      var slots = [Int32](repeating: 0, count: capacity)
      var entries: [(hash: UInt32, word: String, value: Value)] = []
      entries.reserveCapacity(dictionary.count)
      var nfc = true
      // A fixed order of insertion (by hash, then bytes), so the slots are the same in every
      // run; lookups answer the same in any order. Hashes compare faster than the words.
      var keyed = dictionary.map { (hash: WordHash.of($0.key), word: $0.key, value: $0.value) }
      keyed.sort {
        $0.hash != $1.hash
          ? $0.hash < $1.hash : $0.word.utf8.lexicographicallyPrecedes($1.word.utf8)
      }
      for (hash, word, value) in keyed {
        if !WordHash.isNFC(word) { nfc = false }
        var i = Int(hash) & (capacity - 1)
        while slots[i] != 0 { i = (i + 1) & (capacity - 1) }
        entries.append((hash, word, value))
        slots[i] = Int32(entries.count)
      }
      self.slots = slots
      self.entries = entries
      mask = capacity - 1
      keysAreNFC = nfc
    }

    /// The value of the token's text, as `dictionary[token.text]`.
    @inline(__always) subscript(token: Token) -> Value? {
      guard token.isPlain, keysAreNFC else { return dictionary[token.text] }
      let hash = token.hash
      var i = Int(hash) & mask
      while true {
        let e = Int(slots[i])
        if e == 0 { return nil }
        if entries[e - 1].hash == hash, entries[e - 1].word == token.text {
          return entries[e - 1].value
        }
        i = (i + 1) & mask
      }
    }

    /// The value of the text of `tokens[index]`, as `self[tokens[index]]` answers it, reading
    /// the token's fields where they are instead of copying the token (its text is retained
    /// and released with it): what the grammar's lookups at a token index use.
    @inline(__always) func value(ofTokenAt index: Int, in tokens: [Token]) -> Value? {
      guard tokens[index].isPlain, keysAreNFC else { return dictionary[tokens[index].text] }
      let hash = tokens[index].hash
      var i = Int(hash) & mask
      while true {
        let e = Int(slots[i])
        if e == 0 { return nil }
        if entries[e - 1].hash == hash, entries[e - 1].word == tokens[index].text {
          return entries[e - 1].value
        }
        i = (i + 1) & mask
      }
    }

    /// Every key.
    var keys: Dictionary<String, Value>.Keys { dictionary.keys }
  }
}

extension WordHash.Table where Value == Bool {
  /// A set of words, looked up by a token's hash: `table[token] != nil` answers as
  /// `Set(words).contains(token.text)` would.
  ///
  /// ```swift
  /// let cues = WordHash.Table(words: ["in", "since", "während"])
  /// cues[token] != nil   // true for the token "since"
  /// ```
  init(words: [String]) {
    var dictionary: [String: Bool] = [:]
    for word in words { dictionary[word] = true }
    self.init(dictionary)
  }
}
