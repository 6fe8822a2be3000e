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
