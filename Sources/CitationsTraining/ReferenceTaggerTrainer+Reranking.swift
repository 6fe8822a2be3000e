import Citations
import Foundation
import NormalizeCore

extension ReferenceTaggerTrainer {
  /// Trains the tagger on all `examples` and a `CandidateReranker` over its best labellings.
  ///
  /// The reranker must learn from lists like those the tagger makes for references it has never
  /// seen, so the lists come from a jackknife: the examples are dealt into `rerankerFolds`
  /// parts (example i into part i mod folds), a tagger is trained on all but each part and
  /// lists the `candidates` best labellings of that part, repaired by `ReferenceRules` as
  /// tagging does. The folds' taggers and the full one are trained in parallel; the same data
  /// and seed give the same weights.
  func trainReranked(_ examples: [Example], progress: (String, Double) -> Void)
    -> ReferenceTaggingModel
  {
    let usable = examples.filter { $0.tokens.count == $0.labels.count && !$0.tokens.isEmpty }
    let folds = rerankerFolds
    var inner = self
    inner.rerankerFolds = 0
    // Job 0 is the tagger that ships, on all the data; job f + 1 leaves out part f.
    let models = ResultSlots<ReferenceTaggingModel>(count: folds + 1)
    withoutActuallyEscaping(progress) { progress in
      let report = UncheckedSendable(progress)
      DispatchQueue.concurrentPerform(iterations: folds + 1) { job in
        if job == 0 {
          models[0] = inner.trainTagger(usable, progress: report.value)
        } else {
          let part = usable.indices.filter { $0 % folds != job - 1 }.map { usable[$0] }
          models[job] = inner.trainTagger(part, progress: { _, _ in })
        }
      }
    }
    guard let full = models[0] else { return trainTagger(usable, progress: progress) }
    var builder = CandidateRerankerTrainer.ListBuilder()
    var lists: [[CandidateRerankerTrainer.Candidate]] = []
    lists.reserveCapacity(usable.count)
    for (index, example) in usable.enumerated() {
      guard let tagger = models[index % folds + 1] else { continue }
      let tokens = Array(example.tokens.prefix(ReferenceParser.maximumTokens))
      let gold = Array(example.labels.prefix(ReferenceParser.maximumTokens))
      let candidates = tagger.candidates(tokens, k: candidates, markers: markers) {
        ReferenceRules.repair(tokens: tokens, labels: $0, markers: markers)
      }
      lists.append(
        builder.add(tokens: tokens, gold: gold, candidates: candidates, markers: markers))
    }
    var reranking = CandidateRerankerTrainer()
    reranking.epochs = rerankerEpochs
    reranking.seed = seed
    let reranker = reranking.train(lists, names: builder.names, candidates: candidates)
    // No mistake in any list leaves no weights: the tagger's best is all there is to take.
    return reranker.weights.isEmpty ? full : full.with(reranker: reranker)
  }
}

/// Slots that parallel jobs fill, one each.
private final class ResultSlots<Value>: @unchecked Sendable {
  private var values: [Value?]
  private let lock = NSLock()

  init(count: Int) { values = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get { lock.withLock { values[index] } }
    set { lock.withLock { values[index] = newValue } }
  }
}

/// A value handed to parallel jobs that only one of them uses.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
