import ByteSupport
import Foundation

/// A read-only map from words to numbers that answers as a `[String: Int]` does, for less:
/// a word written in ASCII ("the", "The", "kim") is looked up in an open-addressing table
/// probed by its FNV-1a hash and compared byte for byte (no `Hasher`, no string comparison);
/// any other word ("Сеул", "Zürich") goes to the dictionary itself, so that canonically
/// equivalent spellings still meet as `String` equality has them.
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
  /// Every word, for the words that are not ASCII.
  private let dictionary: [String: Int]

  init(_ dictionary: [String: Int]) {
    self.dictionary = dictionary
    // The ASCII words, and the other words whose canonical composition is ASCII (the Kelvin
    // sign "K" is "K" to a `String`), sorted so that the table is the same in every run.
    var ascii: [(word: [UInt8], value: Int)] = []
    for (word, value) in dictionary {
      if Self.isASCII(word) {
        ascii.append((Array(word.utf8), value))
      } else {
        let composed = word.precomposedStringWithCanonicalMapping
        if Self.isASCII(composed) { ascii.append((Array(composed.utf8), value)) }
      }
    }
    ascii.sort { $0.word.lexicographicallyPrecedes($1.word) }
    // At most a quarter full, so that a word that is not there usually meets an empty slot.
    var size = 16
    while size < 4 * ascii.count { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    for (word, value) in ascii {
      bytes.append(contentsOf: word)
      starts.append(Int32(bytes.count))
      let hash = word.withUnsafeBufferPointer { FNV1a.hash32($0) }
      hashes.append(hash)
      values.append(value)
      var slot = Int(hash) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(values.count)
    }
  }

  /// The words of a set, each with the value 1.
  init(_ words: Set<String>) {
    self.init(Dictionary(uniqueKeysWithValues: words.map { ($0, 1) }))
  }

  /// The value of `word`, as `dictionary[word]`.
  func value(of word: String) -> Int? {
    var word = word
    let found = word.withUTF8 { utf8 -> Int?? in
      var hash = FNV1a.basis32
      for byte in utf8 {
        if byte >= 0x80 { return .none }
        hash = FNV1a.step(hash, byte)
      }
      return .some(asciiValue(of: utf8, hash: hash))
    }
    return found ?? dictionary[word]
  }

  /// Whether `word` is a key.
  func contains(_ word: String) -> Bool { value(of: word) != nil }

  /// The value of an ASCII word with FNV-1a hash `hash`.
  private func asciiValue(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
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

  private static func isASCII(_ word: String) -> Bool {
    word.utf8.allSatisfy { $0 < 0x80 }
  }
}
