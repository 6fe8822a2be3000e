/// The reference tagger's weights: a first-order linear-chain model over token features
/// (CRF or averaged perceptron weights, see `ReferenceTaggerTrainer`), decoded with Viterbi. `ReferenceTaggingModel` wraps it.
package struct TaggingStage: Sendable {
  /// The labels, in the order the weights use.
  package let labels: [String]
  /// Feature names by row (what the weights file lists).
  package let names: [String]
  /// Each row's nonzero weights, `starts[row]..<starts[row + 1]`, packed as
  /// `label << 16 | UInt16(bitPattern: weight)` (see `FeatureTable`).
  package let pairs: [UInt32]
  package let starts: [Int]
  /// Feature key (`FeatureKey`) → the feature's pairs.
  package let table: FeatureTable
  /// `transitions[(context * (labels.count + 1) + previous + 1) * labels.count + label]`: the
  /// weight of a label change given the boundary context between the two tokens
  /// (`ReferenceFeatures.boundaryContexts`: the punctuation closing the previous token and how
  /// the next one opens); context 0 holds the plain transitions, added to every context, and
  /// row 0 of each context is the start of the reference.
  package let transitions: [Float]
  /// `transitions` with the plain table added into each context's (what Viterbi reads).
  package let combined: [Float]

  /// How many transition tables there are: plain, plus one per boundary context.
  package static var transitionTables: Int { ReferenceFeatures.boundaryContextCount + 1 }

  /// Builds the stage; `failedRow` is the first row whose feature could not be entered (its
  /// name repeats an earlier one, or it has too many weights), nil when all were.
  package static func make(
    labels: [String], names: [String], pairs: [UInt32], starts: [Int], transitions: [Float]
  )
    -> (stage: TaggingStage, failedRow: Int?)
  {
    var table = FeatureTable(capacity: names.count)
    var failedRow: Int? = nil
    for (row, name) in names.enumerated() where row + 1 < starts.count {
      let ok = table.insert(
        FeatureKey.of(Substring(name)), offset: starts[row], count: starts[row + 1] - starts[row])
      if !ok && failedRow == nil { failedRow = row }
    }
    let size = (labels.count + 1) * labels.count
    var combined = transitions
    if transitions.count == Self.transitionTables * size {
      for context in 1..<Self.transitionTables {
        for k in 0..<size { combined[context * size + k] += transitions[k] }
      }
    }
    let stage = TaggingStage(
      labels: labels, names: names, pairs: pairs, starts: starts, table: table,
      transitions: transitions, combined: combined)
    return (stage, failedRow)
  }

  /// Rounds trained weights to the integers the file holds: `scale` times each weight (one
  /// factor for all weights leaves the tagging as it was), zeros dropped, and features whose
  /// largest scaled weight is below `floor` dropped altogether.
  ///
  /// - Parameter weights: dense, `weights[row * labels.count + label]`.
  package static func quantized(
    labels: [String], names: [String], weights: [Float], transitions: [Float], scale: Float,
    floor: Float, weightFloor: Int = 1
  ) -> TaggingStage {
    let count = labels.count
    var keptNames: [String] = []
    var pairs: [UInt32] = []
    var starts = [0]
    func integer(_ value: Float) -> Int { Int(max(-32767, min(32767, (value * scale).rounded()))) }
    for (row, name) in names.enumerated() where (row + 1) * count <= weights.count {
      let base = row * count
      var largest = 0
      for k in 0..<count { largest = max(largest, abs(integer(weights[base + k]))) }
      if Float(largest) < floor || largest < max(1, weightFloor) { continue }
      for k in 0..<count {
        let value = integer(weights[base + k])
        if value != 0 && abs(value) >= weightFloor {
          pairs.append(Self.pack(label: k, weight: value))
        }
      }
      starts.append(pairs.count)
      keptNames.append(name)
    }
    let roundedTransitions = transitions.map { Float(integer($0)) }
    return make(
      labels: labels, names: keptNames, pairs: pairs, starts: starts,
      transitions: roundedTransitions
    ).stage
  }

  /// A (label, weight) pair as stored.
  @inline(__always) package static func pack(label: Int, weight: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: label) << 16
      | UInt32(UInt16(bitPattern: Int16(truncatingIfNeeded: weight)))
  }

  /// The label and weight of a stored pair.
  @inline(__always) package static func unpack(_ pair: UInt32) -> (label: Int, weight: Int) {
    (Int(pair >> 16), Int(Int16(truncatingIfNeeded: pair & 0xFFFF)))
  }

  /// How many features carry weights.
  package var featureCount: Int { names.count }

  /// The best label sequence for `tokens`; `markers` gives the features' container and editor
  /// words.
  ///
  /// - Returns: one label index per token.
  package func decode(_ tokens: [String], markers: CitationMarkers) -> [Int] {
    let scores = emissionScores(tokens, markers: markers)
    return combined.withUnsafeBufferPointer { tr in
      Self.viterbi(
        scores: scores, contexts: ReferenceFeatures.boundaryContexts(tokens, markers: markers),
        transitions: tr, count: labels.count)
    }
  }

  /// The `k` best label sequences for `tokens`, best first (`KBestViterbi`); the first is
  /// `decode`'s.
  package func decodeKBest(_ tokens: [String], k: Int, markers: CitationMarkers)
    -> [KBestViterbi.Path]
  {
    let scores = emissionScores(tokens, markers: markers)
    return combined.withUnsafeBufferPointer { tr in
      KBestViterbi.decode(
        scores: scores, contexts: ReferenceFeatures.boundaryContexts(tokens, markers: markers),
        transitions: tr, count: labels.count, k: k)
    }
  }

  /// Each token's score for each label (`scores[token * labels.count + label]`): the sum of
  /// its features' weights.
  private func emissionScores(_ tokens: [String], markers: CitationMarkers) -> [Float] {
    var scores = [Float](repeating: 0, count: tokens.count * labels.count)
    pairs.withUnsafeBufferPointer { w in
      scores.withUnsafeMutableBufferPointer { out in
        var sink = ScoringSink(table: table, pairs: w, labels: labels.count, scores: out)
        ReferenceFeatures.extract(tokens, markers: markers, into: &sink)
      }
    }
    return scores
  }

  /// Viterbi over per-token label scores (`scores[token * count + label]`) and the combined
  /// transition tables (shared with training).
  package static func viterbi(
    scores emission: [Float], contexts: [Int], transitions tr: UnsafeBufferPointer<Float>,
    count: Int
  ) -> [Int] {
    let n = contexts.count
    if n == 0 || count == 0 || emission.count < n * count { return [] }
    let table = (count + 1) * count
    guard contexts.allSatisfy({ $0 >= 0 && ($0 + 1) * table <= tr.count }) else { return [] }
    var score = [Float](repeating: 0, count: n * count)
    var back = [Int32](repeating: 0, count: n * count)
    score.withUnsafeMutableBufferPointer { sc in
      back.withUnsafeMutableBufferPointer { bk in
        emission.withUnsafeBufferPointer { em in
          let start = contexts[0] * table
          for k in 0..<count { sc[k] = tr[start + k] + em[k] }
          if n < 2 { return }
          for t in 1..<n {
            let row = t * count
            let previousRow = row - count
            let contextBase = contexts[t] * table + count
            for k in 0..<count {
              var best = -Float.infinity
              var bestFrom = 0
              var transition = contextBase + k
              for j in 0..<count {
                let s = sc[previousRow + j] + tr[transition]
                if s > best {
                  best = s
                  bestFrom = j
                }
                transition += count
              }
              sc[row + k] = best + em[row + k]
              bk[row + k] = Int32(bestFrom)
            }
          }
        }
      }
    }
    var path = [Int](repeating: 0, count: n)
    var bestLast = 0
    for k in 1..<count where score[(n - 1) * count + k] > score[(n - 1) * count + bestLast] {
      bestLast = k
    }
    path[n - 1] = bestLast
    if n > 1 {
      for t in stride(from: n - 1, to: 0, by: -1) { path[t - 1] = Int(back[t * count + path[t]]) }
    }
    return path
  }
}
