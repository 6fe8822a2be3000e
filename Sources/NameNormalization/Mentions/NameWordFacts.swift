import ByteSupport
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

/// The facts of every capitalised word a detector has seen, kept per thread across its
/// articles: names, sentence openers and headline words repeat across a corpus, and folding
/// them (`NameFoldKey`) costs more than looking them up. The facts are a pure function of the
/// word, so the cache changes no result. Each thread has its own table (a POSIX thread-specific
/// value), so that with `--jobs 2` the workers share no lock and no reference counts.
final class NameWordFactsCache: @unchecked Sendable {
  /// Constant once made, so that reading it needs no exclusivity check.
  private let key: pthread_key_t
  private let hasKey: Bool
  /// Guards `tables`, touched only when a thread makes its table.
  private let lock = NSLock()
  /// Every thread's table, owned here and freed with the cache.
  private var tables: [NameWordFactsTable] = []
  /// Computes the facts of a word the first time a thread meets it.
  private let make: @Sendable (String) -> NameWordFacts

  init(make: @escaping @Sendable (String) -> NameWordFacts) {
    self.make = make
    var key = pthread_key_t()
    hasKey = pthread_key_create(&key, nil) == 0
    self.key = key
  }

  deinit {
    if hasKey { pthread_key_delete(key) }
  }

  /// The cached facts of a word given as UTF-8 bytes (`hash`: the tokenizer's `NameToken.hash`
  /// of it), made the first time this thread meets it. Bytes and hash, not the token, so that
  /// no token is copied and a word already met is not made into a string.
  func facts(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> NameWordFacts {
    guard hasKey else { return make(String(utf8Bytes: word)) }
    if let raw = pthread_getspecific(key) {
      // The table lives as long as the cache (`tables`): read without a retain and release.
      return Unmanaged<NameWordFactsTable>.fromOpaque(raw)._withUnsafeGuaranteedRef {
        $0.facts(of: word, hash: hash, make: make)
      }
    }
    let table = NameWordFactsTable()
    lock.lock()
    tables.append(table)
    lock.unlock()
    pthread_setspecific(key, Unmanaged.passUnretained(table).toOpaque())
    return table.facts(of: word, hash: hash, make: make)
  }
}

/// One thread's word facts: an open-addressing table probed by the tokenizer's hash of the word
/// (`NameToken.hash`), so a lookup hashes nothing and compares one word's bytes; its storage is fixed
/// at creation and it is emptied when it holds `limit` words. A probe reads one 4-byte slot
/// (the entry's number and the hash's high bits) and then one entry (the word beside its
/// facts): two cache lines, in tables larger than the cache.
final class NameWordFactsTable {
  static let limit = 1 << 15
  private static let slotCount = 1 << 16  // twice `limit`: probes stay short
  /// A word and its facts, side by side.
  private struct Entry {
    var word: String
    var facts: NameWordFacts
  }
  /// Per slot: 0 if empty, else the index + 1 of its entry (at most `limit`, in the low 16
  /// bits) and the high 16 bits of the word's hash (the low bits chose the slot).
  private let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount)
  private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: limit)
  private var count = 0

  init() {
    slots.initialize(repeating: 0, count: Self.slotCount)
  }

  deinit {
    entries.deinitialize(count: count)
    entries.deallocate()
    slots.deallocate()
  }

  func facts(of word: UnsafeBufferPointer<UInt8>, hash: UInt32, make: (String) -> NameWordFacts)
    -> NameWordFacts
  {
    let mask = Self.slotCount - 1
    let tag = hash & 0xFFFF_0000
    var slot = Int(hash) & mask
    while slots[slot] != 0 {
      let value = slots[slot]
      if value & 0xFFFF_0000 == tag {
        let entry = entries + (Int(value & 0xFFFF) - 1)
        if Self.equal(&entry.pointee.word, word) { return entry.pointee.facts }
      }
      slot = (slot + 1) & mask
    }
    let text = String(utf8Bytes: word)
    let made = make(text)
    if count >= Self.limit {
      entries.deinitialize(count: count)
      slots.update(repeating: 0, count: Self.slotCount)
      count = 0
      slot = Int(hash) & mask
    }
    (entries + count).initialize(to: Entry(word: text, facts: made))
    count += 1
    slots[slot] = tag | UInt32(count)
    return made
  }

  /// Whether the stored word's UTF-8 is `bytes` (`inout` only to read its bytes in place).
  @inline(__always)
  private static func equal(_ word: inout String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    word.withUTF8 { stored in
      guard stored.count == bytes.count else { return false }
      guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, stored.count) == 0
    }
  }
}
