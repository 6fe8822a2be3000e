import Citations
import Foundation
import NormalizeCore

/// Learns `CandidateReranker` weights with the averaged perceptron over candidate lists.
///
/// Each training reference brings the tagger's `k` best labellings, made by a tagger that was
/// not trained on it (`ReferenceTaggerTrainer` trains one tagger per jackknife fold for
/// this); lists from a tagger that saw the reference would almost always have the right
/// answer first, and the reranker would learn to trust rank 0. Each candidate's gain is
/// measured against the gold labels the way `../shared/eval/refs/score.py` counts fields: a
/// field is its label and its text without surrounding punctuation; gain is fields right minus
/// fields wrong, with title fields counted twice (titles are the hardest field and the one
/// users search by). For each reference the perceptron takes the candidate it currently
/// scores highest, and when a candidate with more gain exists it adds that one's features and
/// subtracts its own; the weights kept are the average over all steps.
///
/// ```swift
/// var builder = CandidateRerankerTrainer.ListBuilder()
/// let list = builder.add(tokens: tokens, gold: goldLabels, candidates: taggerKBest)
/// let reranker = CandidateRerankerTrainer(epochs: 10).train([list], names: builder.names, candidates: 4)
/// ```
struct CandidateRerankerTrainer {
  /// One candidate labelling, featurised: feature numbers with values, and its gain.
  struct Candidate {
    var features: [(index: Int32, value: Float)]
    var gain: Float
  }

  /// Turns candidate labellings into `Candidate`s, numbering feature names as they appear.
  struct ListBuilder {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]
    private var scratch: [(name: String, value: Float)] = []

    init() {}

    /// The featurised list of one reference.
    ///
    /// - Parameters:
    ///   - tokens: the reference's tokens.
    ///   - gold: the gold label of each token.
    ///   - candidates: the tagger's labellings (repaired), best first, with their scores.
    ///   - markers: the container words after a title that the features read.
    mutating func add(
      tokens: [String], gold: [String], candidates: [(labels: [String], score: Float)],
      markers: CitationMarkers
    ) -> [Candidate] {
      guard let best = candidates.first?.score else { return [] }
      let goldFields = CandidateFeatures.fields(tokens: tokens, labels: gold)
      let fields = candidates.map { CandidateFeatures.fields(tokens: tokens, labels: $0.labels) }
      return candidates.enumerated().map { rank, candidate in
        scratch.removeAll(keepingCapacity: true)
        CandidateFeatures.extract(
          tokens: tokens, labels: candidate.labels, rank: rank, gap: best - candidate.score,
          markers: markers, into: &scratch)
        let features = scratch.map { feature -> (index: Int32, value: Float) in
          if let number = numbers[feature.name] { return (number, feature.value) }
          let number = Int32(names.count)
          numbers[feature.name] = number
          names.append(feature.name)
          return (number, feature.value)
        }
        let gain = CandidateRerankerTrainer.gain(gold: goldFields, predicted: fields[rank])
        return Candidate(features: features, gain: gain)
      }
    }
  }

  /// Passes over the lists.
  var epochs = 10
  /// Seed of the shuffle before each pass.
  var seed: UInt64 = 7

  /// Trains on `lists` (one per reference); lists of fewer than two candidates teach nothing.
  ///
  /// - Parameters:
  ///   - names: the feature names by number (`ListBuilder.names`).
  ///   - candidates: how many candidates the reranker will see (what the lists were made with).
  func train(_ lists: [[Candidate]], names: [String], candidates: Int) -> CandidateReranker {
    var weights = [Float](repeating: 0, count: names.count)
    var totals = [Double](repeating: 0, count: names.count)
    var stamps = [Int](repeating: 0, count: names.count)
    var step = 1
    func bump(_ features: [(index: Int32, value: Float)], by sign: Float) {
      for feature in features {
        let i = Int(feature.index)
        totals[i] += Double(step - stamps[i]) * Double(weights[i])
        stamps[i] = step
        weights[i] += sign * feature.value
      }
    }
    func score(_ candidate: Candidate) -> Float {
      var total: Float = 0
      for feature in candidate.features { total += weights[Int(feature.index)] * feature.value }
      return total
    }
    var order = lists.indices.filter { lists[$0].count > 1 }
    var random = SplitMix(seed: seed)
    for _ in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, Int(random.next() % UInt64(i + 1)))
      }
      for index in order {
        let list = lists[index]
        var predicted = 0
        var predictedScore = score(list[0])
        var oracle = 0
        for c in list.indices.dropFirst() {
          let s = score(list[c])
          if s > predictedScore {
            predicted = c
            predictedScore = s
          }
          if list[c].gain > list[oracle].gain { oracle = c }
        }
        if list[predicted].gain < list[oracle].gain {
          bump(list[oracle].features, by: 1)
          bump(list[predicted].features, by: -1)
        }
        step += 1
      }
    }
    var kept: [String: Float] = [:]
    for (i, name) in names.enumerated() {
      let average = Float(
        (totals[i] + Double(step - stamps[i]) * Double(weights[i])) / Double(step))
      if average != 0 { kept[name] = average }
    }
    return CandidateReranker(candidates: candidates, weights: kept)
  }

  /// Fields right minus fields wrong, title fields twice.
  static func gain(gold: [String: Int], predicted: [String: Int]) -> Float {
    var gain: Float = 0
    for (field, count) in predicted {
      let right = min(count, gold[field] ?? 0)
      let wrong = count - right
      let weight: Float = field.hasPrefix("title\t") ? 2 : 1
      gain += weight * Float(right - wrong)
    }
    return gain
  }
}
