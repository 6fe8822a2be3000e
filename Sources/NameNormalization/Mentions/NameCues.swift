import ByteSupport
import NormalizeCore

/// Words that mark a neighbouring capitalised span as a person's name, from every
/// `Lexicons/<lang>/name-cues.tsv`: titles before it ("Foreign Minister Cho Tae-yul",
/// "Mr. Lee", "lawmaker Yoo"), titles after it (Korean "유용원 의원") and verbs after it
/// ("Zelensky said").
///
/// The detector asks once per token (`roles(of:)`); a Bloom filter over the hashes of the
/// lower-cased cue words (`hash(lowering:from:to:)`, computed by the tokenizer) turns most
/// words of running text away without building or hashing a string.
struct NameCues: Sendable {
  static let kind = "name-cues"

  /// What a word can say about its neighbour.
  struct Roles: OptionSet, Sendable, Equatable {
    let rawValue: UInt8
    /// A title before a name ("Mr", "lawmaker", "міністр").
    static let title = Roles(rawValue: 1)
    /// A verb after a name ("said").
    static let verb = Roles(rawValue: 2)
    /// A word that makes a capitalised span an organisation or a thing ("Co", "Agreement").
    static let notPerson = Roles(rawValue: 4)
  }

  /// Lower-cased cue words with their roles (titles before, verbs, not-person words).
  private var roles: [String: Roles] = [:]
  /// Titles written after the name (Korean: 유용원 의원, 장세율 씨).
  private(set) var titlesAfter: Set<String> = []
  /// A quick filter in front of `roles`: which (first byte, byte length) pairs any cue has.
  private var shapes = [Bool](repeating: false, count: 256 * 32)
  /// Bloom filter (2^16 bits, two probes) over `hash(lowering:)` of every key of `roles`.
  private var bloom = [UInt64](repeating: 0, count: 1024)
  /// The keys of `roles` written in ASCII with their roles, for words written in ASCII
  /// (`asciiRoles(of:hash:)`).
  private var asciiCues = ASCIICueTable()

  private static func shape(_ word: String) -> Int? {
    guard let first = word.utf8.first else { return nil }
    let length = word.utf8.count
    guard length < 32 else { return nil }
    let lowered = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
    return Int(lowered) * 32 + length
  }

  init(lexicons: any LexiconProvider) throws {
    for entry in try lexicons.allEntries(kind: Self.kind) {
      guard entry.fields.count == 2 else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message: "expected word<TAB>role, found \(entry.fields.count) fields")
      }
      let word = entry.fields[0].lowercased()
      if let shape = Self.shape(word) { shapes[shape] = true }
      let role: Roles
      switch entry.fields[1] {
      case "title": role = .title
      case "verb": role = .verb
      case "not-person": role = .notPerson
      case "title-after":
        titlesAfter.insert(word)
        continue
      default:
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message: "role \"\(entry.fields[1])\" is not title, title-after, verb or not-person")
      }
      roles[word, default: []].insert(role)
      var bytes = word
      let hash = bytes.withUTF8 { Self.hash(lowering: $0, from: 0, to: $0.count) }
      bloom[Int(hash & 0xFFFF) >> 6] |= 1 << UInt64(hash & 63)
      bloom[Int((hash >> 16) & 0xFFFF) >> 6] |= 1 << UInt64((hash >> 16) & 63)
    }
    asciiCues = ASCIICueTable(roles)
  }

  /// The roles of a word written in ASCII, given as its UTF-8 bytes and `NameToken.hash`: the
  /// same as `roles(of: String(word))`, without making the string. Cue words are stored
  /// lower-case, and an ASCII word equals a stored word only byte for byte (no other cue word
  /// is canonically equivalent to letters, digits, hyphens and apostrophes), so the word's
  /// roles are those of its ASCII lower-case form: "Minister", "minister" and "MINISTER" →
  /// title; "Said" → verb; "Corp" → not a person.
  func asciiRoles(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Roles {
    asciiCues.roles(ofLowering: word, hash: hash)
  }

  /// The roles of a token's word given its fields (`NameToken.hash`, `hashIsLowercase`), so
  /// that the detector's loop over an article's tokens copies no token; `word` (the token's
  /// text) is made only for the words the Bloom filter lets through.
  func roles(of word: () -> String, hash: UInt32, hashIsLowercase: Bool) -> Roles {
    if hashIsLowercase {
      guard bloom[Int(hash & 0xFFFF) >> 6] & (1 << UInt64(hash & 63)) != 0,
        bloom[Int((hash >> 16) & 0xFFFF) >> 6] & (1 << UInt64((hash >> 16) & 63)) != 0
      else { return [] }
    }
    return roles(of: word())
  }

  /// The roles of `word` or of its lower-case form, behind the shape filter. (Non-ASCII first
  /// letters change their byte under lower-casing, so they skip the filter.)
  func roles(of word: String) -> Roles {
    if let first = word.utf8.first, first < 0x80, let shape = Self.shape(word), !shapes[shape] {
      return []
    }
    var found = roles[word] ?? []
    if Self.hasUpper(word), let lowered = roles[word.lowercased()] { found.formUnion(lowered) }
    return found
  }

  /// Whether lower-casing could change the word (cues are stored lower-case).
  private static func hasUpper(_ word: String) -> Bool {
    word.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
  }

  /// FNV-1a over the UTF-8 bytes `from..<to` lower-cased as `String.lowercased()` does for
  /// ASCII and basic Cyrillic (А–Я, Ѐ–Џ); other bytes are taken as they are. `continuing` is
  /// the hash of the bytes before `from` (whole scalars), so a word may be hashed piece by piece.
  @inline(__always)
  static func hash(
    lowering bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
    continuing initial: UInt32 = FNV1a.basis32
  ) -> UInt32 {
    var hash = initial
    var k = start
    while k < end {
      var b = bytes[k]
      if b >= 0x41 && b <= 0x5A {
        b |= 0x20
      } else if b == 0xD0, k + 1 < end {
        let c = bytes[k + 1]
        var lead: UInt8 = 0xD0
        var trail = c
        if c >= 0x90 && c <= 0x9F {
          trail = c + 0x20
        }  // А–П → а–п
        else if c >= 0xA0 && c <= 0xAF {
          lead = 0xD1
          trail = c - 0x20
        }  // Р–Я → р–я
        else if c >= 0x80 && c <= 0x8F {
          lead = 0xD1
          trail = c + 0x10
        }  // Ѐ–Џ → ѐ–џ
        hash = FNV1a.step(hash, lead)
        hash = FNV1a.step(hash, trail)
        k += 2
        continue
      }
      hash = FNV1a.step(hash, b)
      k += 1
    }
    return hash
  }

  /// Whether `word` is a title that follows a name, alone or with a particle (의원은, 씨가).
  func startsWithTitleAfter(_ word: String) -> Bool {
    if titlesAfter.contains(word) { return true }
    var prefix = ""
    for character in word.prefix(6) {
      prefix.append(character)
      if titlesAfter.contains(prefix), word.count - prefix.count <= 2 { return true }
    }
    return false
  }
}

/// The ASCII cue words of `NameCues` by `NameCues.hash(lowering:)`: an open-addressing table
/// probed with the tokenizer's hash of a word, whose entries compare the word's bytes
/// lower-cased (A–Z → a–z) with the stored word's. Looks up a word without a string or a
/// dictionary: "Minister" → title.
private struct ASCIICueTable: Sendable {
  /// One stored word: where its bytes are in `bytes`, its hash and its roles.
  private struct Entry: Sendable {
    var start: Int32
    var length: Int32
    var hash: UInt32
    var roles: NameCues.Roles
  }
  /// Per slot: 0 if empty, else the index + 1 of its entry.
  private var slots: [Int32] = [0]
  private var entries: [Entry] = []
  /// The stored words' bytes, one after another.
  private var bytes: [UInt8] = []

  init() {}

  /// The table of the keys of `roles` written only in ASCII.
  init(_ roles: [String: NameCues.Roles]) {
    // Sorted, so that the table is the same in every run.
    let words = roles.keys.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
    // Mostly empty (an eighth full at most), so that a word that is no cue, as most are,
    // usually meets an empty slot at the first probe.
    var size = 16
    while size < 8 * words.count { size *= 2 }
    slots = [Int32](repeating: 0, count: size)
    for word in words {
      let start = bytes.count
      bytes.append(contentsOf: word.utf8)
      let hash = bytes.withUnsafeBufferPointer {
        NameCues.hash(lowering: $0, from: start, to: $0.count)
      }
      entries.append(
        Entry(
          start: Int32(start), length: Int32(word.utf8.count), hash: hash,
          roles: roles[word] ?? []))
      var slot = Int(hash) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(entries.count)
    }
  }

  /// The roles of the stored word equal to `word` lower-cased (ASCII letters only), `hash`
  /// being `NameCues.hash(lowering:)` of `word`; none when no word is.
  func roles(ofLowering word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> NameCues.Roles {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      entries.withUnsafeBufferPointer { entries in
        bytes.withUnsafeBufferPointer { bytes in
          while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash, Int(entry.length) == word.count,
              Self.equalLowering(word, bytes, at: Int(entry.start))
            {
              return entry.roles
            }
            slot = (slot + 1) & mask
          }
          return []
        }
      }
    }
  }

  @inline(__always)
  private static func equalLowering(
    _ word: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
  ) -> Bool {
    for index in 0..<word.count {
      var byte = word[index]
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      if byte != bytes[start + index] { return false }
    }
    return true
  }
}
