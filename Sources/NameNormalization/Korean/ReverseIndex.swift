/// A read-only index from a key (a spelling code, tagged with a position) to the Hangul
/// syllables it may stand for, best first, in flat arrays: one `CodeTable` lookup gives a
/// range of `scalars` and `scores`.
///
/// ```swift
/// var entries = ReverseIndex.Entries()
/// entries.append(key: SpellingCode.of("won")!, scalar: 0xC6D0 /* 원 */, score: -1.2)
/// let index = ReverseIndex(entries)
/// index.range(SpellingCode.of("won")!)  // 0..<1
/// ```
final class ReverseIndex: Sendable {
  /// Entries collected before the index is built (parallel arrays).
  struct Entries {
    var keys: [UInt64] = []
    var scalars: [UInt32] = []
    var scores: [Double] = []

    mutating func append(key: UInt64, scalar: UInt32, score: Double) {
      keys.append(key)
      scalars.append(scalar)
      scores.append(score)
    }
  }

  private let table: CodeTable
  /// Group `g` is `starts[g]..<starts[g + 1]`.
  private let starts: [Int32]
  let scalars: [UInt32]
  let scores: [Double]

  /// Groups the entries by key, each group sorted by score (best first, ties by scalar).
  ///
  /// - Parameters:
  ///   - bestPerScalar: keep one entry per syllable in a group, the best.
  ///   - limit: most entries kept per group.
  init(_ entries: Entries, bestPerScalar: Bool = false, limit: Int = Int.max) {
    var table = CodeTable(capacity: entries.keys.count / 4)
    var groupOf = [Int32](repeating: 0, count: entries.keys.count)
    var sizes: [Int32] = []
    for (i, key) in entries.keys.enumerated() {
      let g = table.value(key) {
        sizes.append(0)
        return Int32(sizes.count - 1)
      }
      groupOf[i] = g
      sizes[Int(g)] += 1
    }
    // Counting sort: each group's entries together, in the order they came.
    var offsets = [Int32](repeating: 0, count: sizes.count + 1)
    for g in sizes.indices { offsets[g + 1] = offsets[g] + sizes[g] }
    var fill = offsets
    var order = [Int32](repeating: 0, count: entries.keys.count)
    for i in entries.keys.indices {
      let g = Int(groupOf[i])
      order[Int(fill[g])] = Int32(i)
      fill[g] += 1
    }
    var starts: [Int32] = [0]
    starts.reserveCapacity(sizes.count + 1)
    var scalars: [UInt32] = []
    var scores: [Double] = []
    scalars.reserveCapacity(entries.keys.count)
    scores.reserveCapacity(entries.keys.count)
    var group: [(scalar: UInt32, score: Double)] = []
    for g in sizes.indices {
      group.removeAll(keepingCapacity: true)
      for k in Int(offsets[g])..<Int(offsets[g + 1]) {
        let i = Int(order[k])
        let item = (scalar: entries.scalars[i], score: entries.scores[i])
        if bestPerScalar, let j = group.firstIndex(where: { $0.scalar == item.scalar }) {
          group[j].score = max(group[j].score, item.score)
        } else {
          group.append(item)
        }
      }
      group.sort { $0.score != $1.score ? $0.score > $1.score : $0.scalar < $1.scalar }
      for item in group.prefix(limit) {
        scalars.append(item.scalar)
        scores.append(item.score)
      }
      starts.append(Int32(scalars.count))
    }
    self.table = table
    self.starts = starts
    self.scalars = scalars
    self.scores = scores
  }

  /// The range of `scalars` and `scores` holding the key's syllables, or nil.
  @inline(__always)
  func range(_ key: UInt64) -> Range<Int>? {
    guard let g = table[key] else { return nil }
    return Int(starts[Int(g)])..<Int(starts[Int(g) + 1])
  }

  /// Every key, in the order first seen.
  var keys: [UInt64] { table.orderedKeys }
}
