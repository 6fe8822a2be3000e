/// Learns `ReferenceTaggingModel` weights from tagged references with the averaged structured
/// perceptron (Collins 2002): decode each training reference with the current weights, and
/// where the best path differs from the gold labels, add the gold path's features and subtract
/// the predicted path's; the model keeps the average of the weights over all steps.
///
/// ```swift
/// let examples = [ReferenceTaggerTrainer.Example(tokens: ["Smith,", "J.", "(2001)."], labels: ["author", "author", "date"])]
/// let model = ReferenceTaggerTrainer(epochs: 12).train(examples)
/// ```
public struct ReferenceTaggerTrainer: Sendable {
  /// One tagged reference.
  public struct Example: Sendable {
    public var tokens: [String]
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

  /// Creates a trainer.
  public init(epochs: Int = 12, minimumCount: Int = 2, seed: UInt64 = 7) {
    self.epochs = epochs
    self.minimumCount = minimumCount
    self.seed = seed
  }

  /// How many parts the training data is cut into to give the second stage first-stage labels
  /// made by weights that did not see the reference (0: train one stage only).
  public var stackingFolds: Int = 0

  /// Trains both stages on `examples` (examples whose lengths disagree are skipped).
  ///
  /// The second stage learns from first-stage labels of references the first stage was not
  /// trained on (jackknife over `stackingFolds` parts), as it will meet them on new input.
  ///
  /// - Parameters:
  ///   - examples: tagged references.
  ///   - progress: called after each pass with a description and the share of tokens the
  ///     weights labelled wrongly during it.
  /// - Returns: the model.
  public func train(_ examples: [Example], progress: (String, Double) -> Void = { _, _ in }) -> ReferenceTaggingModel {
    let usable = examples.filter { $0.tokens.count == $0.labels.count && !$0.tokens.isEmpty }
    let baseFeatures = usable.map { ReferenceFeatures.extract($0.tokens) }
    let contexts = usable.map { ReferenceFeatures.boundaryContexts($0.tokens) }
    let first = trainStage(usable, features: baseFeatures, contexts: contexts) { progress("stage 1, pass \($0)", $1) }
    guard stackingFolds >= 2, usable.count >= stackingFolds * 2 else { return ReferenceTaggingModel(stages: [first]) }
    var firstLabels = [[String]](repeating: [], count: usable.count)
    for fold in 0..<stackingFolds {
      let trainIndices = usable.indices.filter { $0 % stackingFolds != fold }
      let stage = trainStage(
        trainIndices.map { usable[$0] }, features: trainIndices.map { baseFeatures[$0] }, contexts: trainIndices.map { contexts[$0] },
        epochs: max(1, epochs * 2 / 3)
      ) { _, _ in }
      for index in usable.indices where index % stackingFolds == fold {
        firstLabels[index] = stage.decode(features: baseFeatures[index], contexts: contexts[index]).map { stage.labels[$0] }
      }
      progress("jackknife part \(fold + 1) of \(stackingFolds)", 0)
    }
    let stackedFeatures = usable.indices.map { ReferenceFeatures.stacked(baseFeatures[$0], firstLabels: firstLabels[$0]) }
    let second = trainStage(usable, features: stackedFeatures, contexts: contexts) { progress("stage 2, pass \($0)", $1) }
    return ReferenceTaggingModel(stages: [first, second])
  }

  func trainStage(
    _ usable: [Example], features featureLists: [[[String]]], contexts allContexts: [[Int]], epochs: Int? = nil,
    progress: (Int, Double) -> Void
  ) -> TaggingStage {
    let epochs = epochs ?? self.epochs
    var labels = Array(Set(usable.flatMap(\.labels))).sorted()
    if labels.isEmpty { labels = ["note"] }
    var labelNumber: [String: Int] = [:]
    for (k, label) in labels.enumerated() { labelNumber[label] = k }
    let count = labels.count
    var frequency: [String: Int] = [:]
    for list in featureLists { for token in list { for feature in token { frequency[feature, default: 0] += 1 } } }
    var featureIndex: [String: Int32] = [:]
    for (feature, seen) in frequency where seen >= minimumCount { featureIndex[feature] = Int32(featureIndex.count) }
    let data: [(features: [[Int32]], contexts: [Int], gold: [Int])] = usable.indices.map { index in
      (
        featureLists[index].map { $0.compactMap { featureIndex[$0] } }, allContexts[index],
        usable[index].labels.map { labelNumber[$0] ?? 0 }
      )
    }
    let weightCount = featureIndex.count * count
    let table = (count + 1) * count
    let transitionCount = TaggingStage.transitionTables * table
    var weights = [Float](repeating: 0, count: weightCount)
    var totals = [Double](repeating: 0, count: weightCount)
    var stamps = [Int32](repeating: 0, count: weightCount)
    var transitions = [Float](repeating: 0, count: transitionCount)
    var transitionTotals = [Double](repeating: 0, count: transitionCount)
    var transitionStamps = [Int32](repeating: 0, count: transitionCount)
    var step: Int32 = 1
    var order = Array(data.indices)
    var random = SplitMix(seed: seed)
    func bump(_ index: Int, _ delta: Float) {
      totals[index] += Double(step - stamps[index]) * Double(weights[index])
      stamps[index] = step
      weights[index] += delta
    }
    func bumpTransition(_ index: Int, _ delta: Float) {
      transitionTotals[index] += Double(step - transitionStamps[index]) * Double(transitions[index])
      transitionStamps[index] = step
      transitions[index] += delta
    }
    for epoch in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, Int(random.next() % UInt64(i + 1)))
      }
      var wrong = 0
      var total = 0
      for index in order {
        let (features, contexts, gold) = data[index]
        let predicted = weights.withUnsafeBufferPointer { w in
          transitions.withUnsafeBufferPointer { tr in
            TaggingStage.viterbi(indices: features, contexts: contexts, weights: w, transitions: tr, count: count)
          }
        }
        total += gold.count
        if predicted != gold {
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
      progress(epoch + 1, total > 0 ? Double(wrong) / Double(total) : 0)
    }
    var averaged = [Float](repeating: 0, count: weightCount)
    for i in 0..<weightCount {
      averaged[i] = Float((totals[i] + Double(step - stamps[i]) * Double(weights[i])) / Double(step))
    }
    var averagedTransitions = [Float](repeating: 0, count: transitionCount)
    for i in 0..<transitionCount {
      averagedTransitions[i] = Float(
        (transitionTotals[i] + Double(step - transitionStamps[i]) * Double(transitions[i])) / Double(step))
    }
    return TaggingStage(labels: labels, featureIndex: featureIndex, weights: averaged, transitions: averagedTransitions)
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
