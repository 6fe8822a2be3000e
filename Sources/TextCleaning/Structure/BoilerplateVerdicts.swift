import ByteSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the structure analysis found when it matched one article's short lines against the
/// `boilerplate.tsv` rules: each line's bytes, the arguments it was matched with and the rule
/// it matched (or none), so a later look at the same line of the finished body asks this
/// table instead of matching again. IngestValidation's `find-leftover-boilerplate` reads it
/// through ``BoilerplateLines/recordedFurnitureRule(forLine:rules:verdicts:)``: a body line
/// the analysis matched as it stands ("Read More", "Lascia un commento", "관련기사",
/// "Seoul, 12 March 2025") is answered here; a line it never matched alone (two lines it
/// joined, a table row with its column gaps) is matched again.
///
/// An answer is given only for the same bytes, the same rule table of the same
/// ``BoilerplatePatterns``, and the same scalar count, last-scalar and ASCII facts the
/// analysis passed: the arguments of one pure function, so the answer is the one matching
/// again would give.
public struct BoilerplateVerdicts: Sendable, Equatable {
  /// One matched line: its bytes in ``bytes``, the arguments it was matched with, and the rule.
  struct Entry: Sendable, Equatable {
    let hash: UInt64
    let start: Int32
    let end: Int32
    let scalars: Int32
    let endsSentence: Bool
    let isASCII: Bool
    let rule: String?
  }

  /// The ``BoilerplatePatterns`` the lines were matched with (its serial, unique in the
  /// process) and the table (its address: tables live as long as their patterns).
  private(set) var patterns: UInt64 = 0
  private(set) var table: UInt = 0
  /// The lines' bytes, one after another.
  private(set) var bytes: [UInt8] = []
  private(set) var entries: [Entry] = []
  /// Open addressing by hash: entry index + 1, 0 for an empty slot; a power of two in size.
  private(set) var slots: [Int32] = []

  /// No verdicts: every line is matched again.
  public init() {}

  /// An empty table for up to `capacity` lines matched with `table` of `patterns`.
  init(patterns: BoilerplatePatterns, table: BoilerplatePatterns.TableReference?, capacity: Int) {
    guard let table, capacity > 0 else { return }
    self.patterns = patterns.serial
    self.table = table.identity
    var size = 4
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](filling: 0, count: size)
    entries.reserveCapacity(capacity)
  }

  /// Records that `line`, matched with this table's rules and these arguments, gave `rule`
  /// (no more lines than the capacity given at init).
  mutating func record(
    _ line: UnsafeBufferPointer<UInt8>, scalars: Int, endsSentence: Bool, isASCII: Bool,
    rule: String?
  ) {
    guard !slots.isEmpty, entries.count < slots.count / 2 else { return }
    let hash = LongRunHash.hash(line)
    let start = Int32(bytes.count)
    bytes.append(contentsOf: line)
    entries.append(
      Entry(
        hash: hash, start: start, end: Int32(bytes.count), scalars: Int32(scalars),
        endsSentence: endsSentence, isASCII: isASCII, rule: rule))
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entries.count)
  }

  /// The recorded rule of `line` (nil inside: it matched none) when it was matched with
  /// `table` of `patterns` and these arguments; nil when it was not.
  func rule(
    for line: UnsafeBufferPointer<UInt8>, scalars: Int, endsSentence: Bool, isASCII: Bool,
    patterns: BoilerplatePatterns, table: BoilerplatePatterns.TableReference?
  ) -> String?? {
    guard !slots.isEmpty, let table, self.table == table.identity,
      self.patterns == patterns.serial
    else { return nil }
    let hash = LongRunHash.hash(line)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return bytes.withUnsafeBufferPointer { recorded -> String?? in
      while slots[slot] != 0 {
        let entry = entries[Int(slots[slot]) - 1]
        slot = (slot + 1) & mask
        guard entry.hash == hash, Int(entry.end - entry.start) == line.count,
          Int(entry.scalars) == scalars, entry.endsSentence == endsSentence,
          entry.isASCII == isASCII,
          Self.equal(line, recorded, at: Int(entry.start))
        else { continue }
        return .some(entry.rule)
      }
      return nil
    }
  }

  /// Whether `line` equals the `line.count` bytes of `recorded` from `start`.
  private static func equal(
    _ line: UnsafeBufferPointer<UInt8>, _ recorded: UnsafeBufferPointer<UInt8>, at start: Int
  ) -> Bool {
    guard let lineBase = line.baseAddress, let recordedBase = recorded.baseAddress else {
      return line.isEmpty
    }
    return memcmp(lineBase, recordedBase + start, line.count) == 0
  }
}
