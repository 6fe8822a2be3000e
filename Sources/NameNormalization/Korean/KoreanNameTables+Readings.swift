/// The Hangul syllables a given-name spelling may stand for, in two steps: where they are
/// (`ReadingSource`, with the best score, enough to bound a search) and, only for the
/// spellings a search goes on to use, the merged list itself.
///
/// ```swift
/// if let source = tables.readingSource(code: SpellingCode.of("won")!, loose: false, position: 2),
///   let best = tables.bestScore(source) {
///   tables.appendReadings(source, limit: 16, scalars: &scalars, scores: &scores)  // scores[0] == best
/// }
/// ```
extension KoreanNameTables {
  /// The readings of a spelling at a position: a range of known readings (of the loose index
  /// when `loose`, else the exact one) and a range of the skeleton index, each sorted best
  /// first, ties by scalar.
  struct ReadingSource {
    var loose: Bool
    var known: Range<Int>
    var skeleton: Range<Int>
  }

  /// Where the readings of a given-name spelling at a position (1 or 2) are: its known readings
  /// at that position (else at the other one), at most `knownReadingsPerSpelling`, and its
  /// skeleton's readings. Nil when the code is not indexed (`loose` picks the loosened index).
  func readingSource(code: UInt64, loose isLoose: Bool, position p: Int) -> ReadingSource? {
    let indexes = readingIndexes
    guard let s = isLoose ? indexes.looseCodes[code] : indexes.exactCodes[code] else { return nil }
    let slice = indexes.slices[Int(s)]
    let known = (p == 1 ? slice.primary.0 : slice.primary.1).prefix(Self.knownReadingsPerSpelling)
    return ReadingSource(
      loose: isLoose, known: known, skeleton: p == 1 ? slice.skeleton.0 : slice.skeleton.1)
  }

  /// Where the readings of a spelling by its consonant skeleton alone (`skeletonCode`) are.
  func skeletonReadingSource(skeleton: UInt64, position p: Int) -> ReadingSource? {
    let skeletons = readingIndexes.skeletons
    guard
      let range = skeletons.range(skeleton | UInt64(p) << 60)
        ?? skeletons.range(skeleton | UInt64(3 - p) << 60)
    else { return nil }
    return ReadingSource(loose: false, known: 0..<0, skeleton: range)
  }

  /// Where the readings of an initial ("Y" of "Y.W. Yoo") are: the syllables whose spellings
  /// start with that letter, by their best score.
  func initialReadingSource(letter: UInt8, position p: Int) -> ReadingSource? {
    let key = Self.initialKey(letter: letter)
    let skeletons = readingIndexes.skeletons
    guard
      let range = skeletons.range(key | UInt64(p) << 60)
        ?? skeletons.range(key | UInt64(3 - p) << 60)
    else { return nil }
    return ReadingSource(loose: false, known: 0..<0, skeleton: range)
  }

  /// The score of the best reading `appendReadings` gives, or nil when it gives none.
  @inline(__always)
  func bestScore(_ source: ReadingSource) -> Double? {
    // Skeleton readings are capped below the best known one, so that one comes first.
    let indexes = readingIndexes
    if !source.known.isEmpty {
      return (source.loose ? indexes.loose : indexes.exact).scores[source.known.lowerBound]
    }
    guard !source.skeleton.isEmpty else { return nil }
    return min(indexes.skeletons.scores[source.skeleton.lowerBound], Self.skeletonGap)
  }

  /// Appends the best `limit` readings of a source to `scalars` and `scores`, best first: its
  /// known readings merged with the skeleton readings not among them, each of these scored at
  /// most `skeletonGap` below the best known reading (ties by scalar).
  func appendReadings(
    _ source: ReadingSource, limit: Int, scalars: inout [UInt32], scores: inout [Double]
  ) {
    let indexes = readingIndexes
    let index = source.loose ? indexes.loose : indexes.exact
    let skeletons = indexes.skeletons
    let known = source.known
    let capacity = min(limit, known.count + source.skeleton.count)
    guard capacity > 0 else { return }
    let floor = (known.isEmpty ? 0 : index.scores[known.lowerBound]) + Self.skeletonGap
    withUnsafeTemporaryAllocation(
      of: (scalar: UInt32, score: Double).self, capacity: source.skeleton.count
    ) { extra in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { outScalars in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { outScores in
          // The skeleton readings to add, capped, sorted as the known ones are (capping makes
          // ties, so a short insertion sort).
          var extraCount = 0
          for i in source.skeleton {
            let scalar = skeletons.scalars[i]
            if index.scalars[known].contains(scalar) { continue }
            let score = min(skeletons.scores[i], floor)
            var position = extraCount
            while position > 0
              && (extra[position - 1].score < score
                || (extra[position - 1].score == score && extra[position - 1].scalar > scalar))
            {
              extra[position] = extra[position - 1]
              position -= 1
            }
            extra[position] = (scalar, score)
            extraCount += 1
          }
          // Merge the two sorted lists, up to `limit`.
          let count = min(limit, known.count + extraCount)
          var k = known.lowerBound
          var e = 0
          for out in 0..<count {
            let takeKnown: Bool
            if k == known.upperBound {
              takeKnown = false
            } else if e == extraCount {
              takeKnown = true
            } else {
              let a = index.scores[k]
              let b = extra[e].score
              takeKnown = a > b || (a == b && index.scalars[k] < extra[e].scalar)
            }
            if takeKnown {
              outScalars[out] = index.scalars[k]
              outScores[out] = index.scores[k]
              k += 1
            } else {
              outScalars[out] = extra[e].scalar
              outScores[out] = extra[e].score
              e += 1
            }
          }
          scalars.append(contentsOf: UnsafeBufferPointer(rebasing: outScalars[..<count]))
          scores.append(contentsOf: UnsafeBufferPointer(rebasing: outScores[..<count]))
        }
      }
    }
  }
}
