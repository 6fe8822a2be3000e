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
    let total = entries.keys.count
    var table = CodeTable(capacity: total)
    var groupOf = [Int32](repeating: 0, count: total)
    var sizes: [Int32] = []
    entries.keys.withUnsafeBufferPointer { keys in
      groupOf.withUnsafeMutableBufferPointer { groupOf in
        for i in 0..<total {
          let g = table.value(keys[i]) {
            sizes.append(0)
            return Int32(sizes.count - 1)
          }
          groupOf[i] = g
          sizes[Int(g)] &+= 1
        }
      }
    }
    // Counting sort: each group's entries together, in the order they came.
    var offsets = [Int32](repeating: 0, count: sizes.count + 1)
    for g in sizes.indices { offsets[g + 1] = offsets[g] + sizes[g] }
    var order = [Int32](repeating: 0, count: total)
    do {
      var fill = offsets
      for i in 0..<total {
        let g = Int(groupOf[i])
        order[Int(fill[g])] = Int32(i)
        fill[g] += 1
      }
    }
    var starts = [Int32](repeating: 0, count: sizes.count + 1)
    var scalars = [UInt32](repeating: 0, count: total)
    var scores = [Double](repeating: 0, count: total)
    var kept = 0
    entries.scalars.withUnsafeBufferPointer { entryScalars in
      entries.scores.withUnsafeBufferPointer { entryScores in
        scalars.withUnsafeMutableBufferPointer { scalars in
          scores.withUnsafeMutableBufferPointer { scores in
            var large: [(scalar: UInt32, score: Double)] = []
            for g in sizes.indices {
              // The group is gathered at the end of the output (merged by scalar when asked),
              // then sorted in place: best first, ties by scalar.
              let first = kept
              var end = kept
              for k in Int(offsets[g])..<Int(offsets[g + 1]) {
                let i = Int(order[k])
                let scalar = entryScalars[i]
                let score = entryScores[i]
                if bestPerScalar, let j = (first..<end).first(where: { scalars[$0] == scalar }) {
                  scores[j] = max(scores[j], score)
                  continue
                }
                scalars[end] = scalar
                scores[end] = score
                end += 1
              }
              if end - first <= 16 {
                // Insertion sort: most groups are this small.
                for a in (first + 1)..<max(end, first + 1) {
                  let scalar = scalars[a]
                  let score = scores[a]
                  var position = a
                  while position > first
                    && Self.precedes(score, scalar, scores[position - 1], scalars[position - 1])
                  {
                    scalars[position] = scalars[position - 1]
                    scores[position] = scores[position - 1]
                    position -= 1
                  }
                  scalars[position] = scalar
                  scores[position] = score
                }
              } else {
                large.removeAll(keepingCapacity: true)
                for a in first..<end { large.append((scalars[a], scores[a])) }
                large.sort { Self.precedes($0.score, $0.scalar, $1.score, $1.scalar) }
                for (offset, item) in large.enumerated() {
                  scalars[first + offset] = item.scalar
                  scores[first + offset] = item.score
                }
              }
              kept = first + min(end - first, limit)
              starts[g + 1] = Int32(kept)
            }
          }
        }
      }
    }
    scalars.removeLast(total - kept)
    scores.removeLast(total - kept)
    self.table = table
    self.starts = starts
    self.scalars = scalars
    self.scores = scores
  }

  /// Whether an entry (score, scalar) goes before another: higher score first, then lower scalar.
  @inline(__always)
  private static func precedes(
    _ score: Double, _ scalar: UInt32, _ other: Double, _ otherScalar: UInt32
  )
    -> Bool
  {
    score != other ? score > other : scalar < otherScalar
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
