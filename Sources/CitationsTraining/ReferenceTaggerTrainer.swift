import Citations
import Foundation
import NormalizeCore

/// Learns `ReferenceTaggingModel` weights from tagged references, by one of two algorithms
/// over the same features and boundary-context transitions:
///
/// - `.crf` (what `normalize-dev train-refs` uses): a linear-chain conditional random field trained
///   by maximum likelihood with an L2 penalty, by stochastic gradient descent with the last
///   passes averaged (`ConditionalRandomField`). On the 5-fold held-out split of
///   `Scripts/eval-refs` it scores about 1.5 points of field F1 above the perceptron, and its
///   smaller weights make a smaller file.
/// - `.perceptron`: the averaged structured perceptron (Collins 2002): decode each training
///   reference with the current weights, and where the best path differs from the gold labels,
///   add the gold path's features and subtract the predicted path's; the model keeps the
///   average of the weights over all steps.
///
/// Either way the tagger decodes with Viterbi, so tagging speed does not depend on the choice.
/// With `rerankerFolds` (what `normalize-dev train-refs` sets) a `CandidateReranker` is trained
/// beside it, over the tagger's `candidates` best labellings (`trainReranked`).
///
/// ```swift
/// let examples = [ReferenceTaggerTrainer.Example(tokens: ["Smith,", "J.", "(2001)."], labels: ["author", "author", "date"])]
/// let markers = try CitationMarkers(lexicons: provider)
/// let model = ReferenceTaggerTrainer(markers: markers, epochs: 12).train(examples)
/// var crf = ReferenceTaggerTrainer(markers: markers, epochs: 20)
/// crf.algorithm = .crf
/// crf.scale = 40  // CRF weights are small: keep them at 40× as integers
/// ```
public struct ReferenceTaggerTrainer: Sendable {
  /// One tagged reference.
  public struct Example: Sendable {
    /// The reference's tokens ("Smith,", "J.", "(2001).").
    public var tokens: [String]
    /// One gold label per token ("author", "date", "title").
    public var labels: [String]

    /// Creates an example; `tokens` and `labels` have the same length.
    public init(tokens: [String], labels: [String]) {
      self.tokens = tokens
      self.labels = labels
    }
  }

  /// Passes over the training data.
  public var epochs: Int
  /// Features seen fewer times than this in training are dropped.
  public var minimumCount: Int
  /// Seed of the shuffle between passes (results are reproducible).
  public var seed: UInt64
  /// The container and editor words the features read (`citation-markers.tsv`): the ones
  /// tagging will read, so that the weights fit them.
  public var markers: CitationMarkers

  /// Creates a trainer whose features read `markers`.
  public init(markers: CitationMarkers, epochs: Int = 12, minimumCount: Int = 2, seed: UInt64 = 7) {
    self.markers = markers
    self.epochs = epochs
    self.minimumCount = minimumCount
    self.seed = seed
  }

  /// How many models (perceptrons or CRFs) are trained, each on its own shuffle order, and
  /// averaged into the model.
  public var runs = 1

  /// The weights are kept as integers, this many times the trained values (see
  /// `TaggingStage.quantized`). The default suits the shipped data (20 passes over 5,000
  /// references give weights up to about 160); a toy set needs a larger factor.
  public var scale: Float = 1
  /// Features none of whose integer weights reaches this are dropped.
  public var featureFloor: Float = 2
  /// Integer weights smaller than this in magnitude are dropped (with `scale` 1 and floor 2,
  /// trained weights below 1.5: that halves the file and costs no held-out accuracy).
  public var weightFloor: Int = 2

  /// With 2 or more: a reranker is trained over the tagger's best labellings, from lists made
  /// by this many jackknife taggers (each trained without one part of the data, listing that
  /// part); 0: no reranker. `normalize-dev train-refs` uses 6 (taggers on 5/6 of the data list
  /// much as the full one does; 4 scored 0.001 lower on held-out titles, 10 no higher).
  public var rerankerFolds = 0
  /// How many of the tagger's best labellings the reranker chooses among.
  public var candidates = 4
  /// Passes of the reranker's perceptron over the lists.
  public var rerankerEpochs = 10

  /// How the weights are learned.
  public enum Algorithm: String, Sendable, CaseIterable {
    /// The averaged structured perceptron (mistake-driven updates).
    case perceptron
    /// A conditional random field trained by maximum likelihood (`ConditionalRandomField`).
    case crf
  }

  /// The training algorithm.
  public var algorithm: Algorithm = .perceptron
  /// With `.crf`: the L2 penalty (see `ConditionalRandomField.l2`); 6 suits the shipped data
  /// (on held-out folds 1 and 3 overfit, 30 underfits, 10 scores 0.2 points lower).
  public var l2: Double = 6
  /// With `.crf`: the first step's learning rate.
  public var rate: Double = 0.1
  /// With `.crf`: how many of the last passes are averaged (0: none). Averaging is what makes
  /// SGD's weights good: without it held-out F1 drops by 3 points. `normalize-dev train-refs`
  /// averages the last 15 of 30 passes (0.2 points above 10 of 20).
  public var averagedPasses = 15

  /// Trains the tagger on `examples` (examples whose lengths disagree are skipped), and with
  /// `rerankerFolds` of 2 or more a reranker over its `candidates` best labellings
  /// (`trainReranked`).
  ///
  /// - Parameters:
  ///   - examples: tagged references.
  ///   - progress: called after each pass with a description and the share of tokens the
  ///     weights labelled wrongly during it (or the log-loss, for the CRF).
  /// - Returns: the model.
  public func train(_ examples: [Example], progress: (String, Double) -> Void = { _, _ in })
    -> ReferenceTaggingModel
  {
    if rerankerFolds >= 2 && candidates >= 2 { return trainReranked(examples, progress: progress) }
    return trainTagger(examples, progress: progress)
  }

  /// Trains the tagger alone.
  func trainTagger(_ examples: [Example], progress: (String, Double) -> Void)
    -> ReferenceTaggingModel
  {
    let usable = examples.filter { $0.tokens.count == $0.labels.count && !$0.tokens.isEmpty }
    var labels = Array(Set(usable.flatMap(\.labels))).sorted()
    if labels.isEmpty { labels = ["note"] }
    var labelNumber: [String: Int] = [:]
    for (k, label) in labels.enumerated() { labelNumber[label] = k }
    let count = labels.count
    // Features: keys per token, and a name for each key.
    var extracted: [[[UInt64]]] = []
    extracted.reserveCapacity(usable.count)
    var frequency: [UInt64: Int] = [:]
    var nameOf: [UInt64: String] = [:]
    for example in usable {
      var sink = NamingSink(tokens: example.tokens.count)
      ReferenceFeatures.extract(example.tokens, markers: markers, into: &sink)
      for (keys, names) in zip(sink.keys, sink.names) {
        for (key, name) in zip(keys, names) {
          frequency[key, default: 0] += 1
          if nameOf[key] == nil { nameOf[key] = name }
        }
      }
      extracted.append(sink.keys)
    }
    // Rows in name order, so the same data gives the same weights in every run.
    let kept = frequency.filter { $0.value >= minimumCount }.keys.compactMap { key in
      nameOf[key].map { (key, $0) }
    }
    .sorted { $0.1 < $1.1 }
    var row: [UInt64: Int32] = [:]
    for (k, entry) in kept.enumerated() { row[entry.0] = Int32(k) }
    let data: [(features: [[Int32]], contexts: [Int], gold: [Int])] = usable.indices.map { index in
      (
        extracted[index].map { $0.compactMap { row[$0] } },
        ReferenceFeatures.boundaryContexts(usable[index].tokens, markers: markers),
        usable[index].labels.map { labelNumber[$0] ?? 0 }
      )
    }
    if algorithm == .crf {
      var crf = ConditionalRandomField(labels: count, features: kept.count, epochs: epochs)
      crf.l2 = l2
      crf.rate = rate
      if averagedPasses > 0 { crf.averageFrom = max(0, epochs - averagedPasses) }
      // With several runs, each on its own shuffle order, their weights are averaged.
      let runs = max(1, self.runs)
      var weights = [Float](repeating: 0, count: kept.count * count)
      var transitions = [Float](
        repeating: 0, count: TaggingStage.transitionTables * (count + 1) * count)
      for run in 0..<runs {
        crf.seed = seed &+ UInt64(run)
        crf.train(data) { pass, loss in progress(runs > 1 ? "run \(run + 1), \(pass)" : pass, loss)
        }
        for i in weights.indices { weights[i] += crf.weights[i] / Float(runs) }
        for i in transitions.indices { transitions[i] += crf.transitions[i] / Float(runs) }
      }
      let stage = TaggingStage.quantized(
        labels: labels, names: kept.map(\.1), weights: weights, transitions: transitions,
        scale: scale, floor: featureFloor,
        weightFloor: weightFloor)
      return ReferenceTaggingModel(stage: stage)
    }
    let weightCount = kept.count * count
    let table = (count + 1) * count
    let transitionCount = TaggingStage.transitionTables * table
    // Several runs over differently shuffled data, their averaged weights averaged again.
    let runs = max(1, self.runs)
    var averaged = [Float](repeating: 0, count: weightCount)
    var averagedTransitions = [Float](repeating: 0, count: transitionCount)
    for run in 0..<runs {
      var weights = [Float](repeating: 0, count: weightCount)
      var totals = [Double](repeating: 0, count: weightCount)
      var stamps = [Int32](repeating: 0, count: weightCount)
      var transitions = [Float](repeating: 0, count: transitionCount)
      var transitionTotals = [Double](repeating: 0, count: transitionCount)
      var transitionStamps = [Int32](repeating: 0, count: transitionCount)
      var combined = [Float](repeating: 0, count: transitionCount)
      var step: Int32 = 1
      var order = Array(data.indices)
      var random = SplitMix(seed: seed &+ UInt64(run))
      func bump(_ index: Int, _ delta: Float) {
        totals[index] += Double(step - stamps[index]) * Double(weights[index])
        stamps[index] = step
        weights[index] += delta
      }
      func bumpTransition(_ index: Int, _ delta: Float) {
        transitionTotals[index] +=
          Double(step - transitionStamps[index]) * Double(transitions[index])
        transitionStamps[index] = step
        transitions[index] += delta
        // Keep the combined tables (plain + context) that Viterbi reads in step.
        if index < table {
          for context in 1..<TaggingStage.transitionTables {
            combined[context * table + index] += delta
          }
        } else {
          combined[index] += delta
        }
      }
      for epoch in 0..<epochs {
        for i in stride(from: order.count - 1, to: 0, by: -1) {
          order.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        var wrong = 0
        var total = 0
        for index in order {
          let (features, contexts, gold) = data[index]
          var scores = [Float](repeating: 0, count: gold.count * count)
          for t in 0..<gold.count {
            let out = t * count
            for f in features[t] {
              let base = Int(f) * count
              for k in 0..<count { scores[out + k] += weights[base + k] }
            }
          }
          let predicted = combined.withUnsafeBufferPointer { tr in
            TaggingStage.viterbi(scores: scores, contexts: contexts, transitions: tr, count: count)
          }
          total += gold.count
          if predicted != gold, predicted.count == gold.count {
            for t in 0..<gold.count {
              let g = gold[t]
              let p = predicted[t]
              if g != p {
                wrong += 1
                for f in features[t] {
                  bump(Int(f) * count + g, 1)
                  bump(Int(f) * count + p, -1)
                }
              }
              let gPrevious = t == 0 ? 0 : gold[t - 1] + 1
              let pPrevious = t == 0 ? 0 : predicted[t - 1] + 1
              if g != p || gPrevious != pPrevious {
                let context = contexts[t] * table
                bumpTransition(gPrevious * count + g, 1)
                bumpTransition(pPrevious * count + p, -1)
                bumpTransition(context + gPrevious * count + g, 1)
                bumpTransition(context + pPrevious * count + p, -1)
              }
            }
          }
          step += 1
        }
        progress(
          runs > 1 ? "run \(run + 1), pass \(epoch + 1)" : "pass \(epoch + 1)",
          total > 0 ? Double(wrong) / Double(total) : 0)
      }
      for i in 0..<weightCount {
        averaged[i] +=
          Float((totals[i] + Double(step - stamps[i]) * Double(weights[i])) / Double(step))
          / Float(runs)
      }
      for i in 0..<transitionCount {
        averagedTransitions[i] +=
          Float(
            (transitionTotals[i] + Double(step - transitionStamps[i]) * Double(transitions[i]))
              / Double(step)) / Float(runs)
      }
    }
    let stage = TaggingStage.quantized(
      labels: labels, names: kept.map(\.1), weights: averaged, transitions: averagedTransitions,
      scale: scale, floor: featureFloor, weightFloor: weightFloor)
    return ReferenceTaggingModel(stage: stage)
  }
}

/// A small deterministic random number generator (SplitMix64) for reproducible shuffles.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
