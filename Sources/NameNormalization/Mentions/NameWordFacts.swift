import Foundation

/// What the detector needs to know about a capitalised word: its alias match key
/// (`AliasLexicon.wordKey`), the most words of a lexicon spelling starting with it, whether it
/// is a romanised Korean surname, and whether it is a common word that is not a name alone.
struct NameWordFacts: Sendable {
  var key: String
  var maxWords: Int
  var isKoreanSurname: Bool
  var isCommon: Bool
}

/// The facts of every capitalised word a detector has seen, shared by all its articles and
/// threads: names, sentence openers and headline words repeat across a corpus, and folding
/// them (`NameFoldKey`) costs more than looking them up. The facts are a pure function of the
/// word, so the cache changes no result; it is emptied when it holds `limit` words.
///
/// An open-addressing table probed by the tokenizer's hash of the word (`NameToken.hash`), so
/// a lookup hashes nothing and compares one string; its storage is fixed at creation.
final class NameWordFactsCache: @unchecked Sendable {
  static let limit = 1 << 15
  private static let slotCount = 1 << 16  // twice `limit`: probes stay short
  private let lock = NSLock()
  /// Per slot: 0 if empty, else the index + 1 of its entry.
  private let slots = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
  private let hashes = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount)
  private let words = UnsafeMutablePointer<String>.allocate(capacity: limit)
  private let facts = UnsafeMutablePointer<NameWordFacts>.allocate(capacity: limit)
  private let count = UnsafeMutablePointer<Int>.allocate(capacity: 1)

  init() {
    slots.initialize(repeating: 0, count: Self.slotCount)
    hashes.initialize(repeating: 0, count: Self.slotCount)
    count.initialize(to: 0)
  }

  deinit {
    words.deinitialize(count: count.pointee)
    facts.deinitialize(count: count.pointee)
    words.deallocate()
    facts.deallocate()
    slots.deallocate()
    hashes.deallocate()
    count.deallocate()
  }

  /// The cached facts of the token's word, made by `make` the first time.
  func facts(of token: NameToken, make: (String) -> NameWordFacts) -> NameWordFacts {
    let mask = Self.slotCount - 1
    lock.lock()
    var slot = Int(token.hash) & mask
    while slots[slot] != 0 {
      let entry = Int(slots[slot]) - 1
      if hashes[slot] == token.hash, words[entry] == token.text {
        let known = facts[entry]
        lock.unlock()
        return known
      }
      slot = (slot + 1) & mask
    }
    lock.unlock()
    let made = make(token.text)
    lock.lock()
    defer { lock.unlock() }
    if count.pointee >= Self.limit {
      words.deinitialize(count: count.pointee)
      facts.deinitialize(count: count.pointee)
      slots.update(repeating: 0, count: Self.slotCount)
      count.pointee = 0
    }
    // Another thread may have added the word meanwhile: find its slot again.
    slot = Int(token.hash) & mask
    while slots[slot] != 0 {
      let entry = Int(slots[slot]) - 1
      if hashes[slot] == token.hash, words[entry] == token.text { return facts[entry] }
      slot = (slot + 1) & mask
    }
    let entry = count.pointee
    (words + entry).initialize(to: token.text)
    (facts + entry).initialize(to: made)
    count.pointee = entry + 1
    slots[slot] = Int32(entry + 1)
    hashes[slot] = token.hash
    return made
  }
}
