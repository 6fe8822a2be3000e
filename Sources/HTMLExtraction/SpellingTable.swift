import ByteSupport

/// Distinct byte strings, each kept once and numbered in order of first appearance: a page's tag
/// names and its `class` and `id` spellings (``HTMLDocument/classAndID(of:)``). Pages repeat a
/// few of them thousands of times ("div", "article__body", "news-item__date"), and what is worked
/// out from them (class hints, date words, a tag's role) is worked out once per number.
///
/// ```swift
/// var table = SpellingTable()
/// table.intern(Array("post-meta date".utf8))   // 0
/// table.intern(Array("kommentare".utf8))       // 1
/// table.intern(Array("post-meta date".utf8))   // 0
/// table.bytes(of: 1)                           // "kommentare"
/// ```
struct SpellingTable: Sendable {
  /// The spellings end to end; spelling `k` is `storage[starts[k]..<starts[k + 1]]`.
  private var storage: [UInt8] = []
  private var starts: [Int] = [0]
  /// Open addressing: a spelling's number + 1 per slot, 0 for an empty slot.
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  /// Per spelling, its hash (kept for growing the slots).
  private var hashes: [UInt64] = []

  /// Number of distinct spellings.
  var count: Int { starts.count - 1 }

  /// The spelling numbered `key`.
  func bytes(of key: Int) -> ArraySlice<UInt8> { storage[starts[key]..<starts[key + 1]] }

  /// The number of `bytes`, a new one when it has not been seen.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = LongRunHash.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let key = Int(slots[slot]) - 1
      if hashes[key] == hash && spelling(key, equals: bytes) { return key }
      slot = (slot + 1) & mask
    }
    let key = count
    storage.append(contentsOf: bytes)
    starts.append(storage.count)
    hashes.append(hash)
    slots[slot] = Int32(key + 1)
    if count * 2 > slots.count { grow() }
    return key
  }

  /// ``intern(_:)`` on an array.
  mutating func intern(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { intern($0) }
  }

  private func spelling(_ key: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[key]
    guard starts[key + 1] - start == bytes.count else { return false }
    return storage.withUnsafeBufferPointer { storage in
      for offset in 0..<bytes.count where storage[start + offset] != bytes[offset] { return false }
      return true
    }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for key in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[key]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(key + 1)
    }
  }
}
