/// Chooses among the tagger's `k` best labellings of a reference by whole-sequence features
/// (`CandidateFeatures`): a reranker over the N-best list, as Collins (2000) did for parsers
/// and Sha & Pereira's successors did for field segmentation.
///
/// The tagger's best labelling is usually right, and when it is not the right one is often
/// close behind: on the held-out folds of `Scripts/eval-refs` the best of the 4-best lists
/// would give title F1 0.878 against 0.789 for the first. The reranker learns, from lists the
/// tagger made for references it was not trained on (`CandidateRerankerTrainer`), when to
/// prefer a lower candidate: a title followed by "In" and a capital wants a container after
/// it; a title that swallows a journal leaves the reference without one.
///
/// ```swift
/// // Candidates for "Ade, K. (1999). Salt roads. In B. Obi (Ed.), Trade in Africa (pp. 1–9). Sun Press."
/// // 0: author ×2 | date | title ×9 (through "Africa") | pages ×2 | publisher ×2   (tagger's best)
/// // 1: author ×2 | date | title ×2 | editor ×4 | container-title ×3 | pages ×2 | publisher ×2
/// reranker.choose(tokens: tokens, candidates: candidates)  // 1
/// ```
package struct CandidateReranker: Sendable, Equatable {
  /// How many of the tagger's best labellings are considered.
  package let candidates: Int
  /// Feature name → weight.
  package let weights: [String: Float]
  /// The weights by the FNV-1a key of their names (`FeatureKey`), for scoring.
  private let keyed: [UInt64: Float]
  /// The weight of the real-valued `gap` feature.
  private let gapWeight: Float

  /// Creates a reranker from named weights.
  package init(candidates: Int, weights: [String: Float]) {
    self.candidates = candidates
    self.weights = weights
    var keyed: [UInt64: Float] = [:]
    for (name, weight) in weights where name != "gap" {
      keyed[FeatureKey.of(Substring(name)), default: 0] += weight
    }
    self.keyed = keyed
    gapWeight = weights["gap"] ?? 0
  }

  package static func == (a: CandidateReranker, b: CandidateReranker) -> Bool {
    a.candidates == b.candidates && a.weights == b.weights
  }

  /// A candidate's score from named features: the sum of their weights times their values.
  package func score(_ features: [(name: String, value: Float)]) -> Float {
    var total: Float = 0
    for feature in features {
      if let weight = weights[feature.name] { total += weight * feature.value }
    }
    return total
  }

  /// The index of the chosen candidate (the earlier on ties); 0 for an empty list.
  ///
  /// - Parameters:
  ///   - tokens: the reference's tokens.
  ///   - candidates: the labellings best first, with their tagger scores.
  ///   - markers: the container words after a title (`CitationMarkers.containerAfterTitle`).
  package func choose(
    tokens: [String], candidates: [(labels: [String], score: Float)], markers: CitationMarkers
  ) -> Int {
    guard candidates.count > 1 else { return 0 }
    let best = candidates[0].score
    var chosen = 0
    var chosenScore = -Float.infinity
    for (rank, candidate) in candidates.enumerated() {
      let gap = best - candidate.score
      var sink = RerankScoringSink(weights: keyed)
      CandidateFeatures.extract(
        tokens: tokens, labels: candidate.labels, rank: rank, gap: gap, markers: markers,
        into: &sink)
      let value = sink.total + gapWeight * gap / CandidateFeatures.scoreUnit
      if value > chosenScore {
        chosenScore = value
        chosen = rank
      }
    }
    return chosen
  }
}

/// Adds up the weights of the features `CandidateFeatures` hands it, hashing their names as
/// they are made.
private struct RerankScoringSink: HashingSink {
  package let weights: [UInt64: Float]
  private(set) var total: Float = 0
  package var key = FeatureKey()

  package init(weights: [UInt64: Float]) { self.weights = weights }

  @inline(__always) package mutating func end() { total += weights[key.finished] ?? 0 }
  @inline(__always) package mutating func nextToken() {}
}
