import Citations
import Foundation
import NormalizeCore

/// Maximum-likelihood training of the tagger's linear-chain model (a conditional random field,
/// Lafferty et al. 2001): the same token features and boundary-context transitions the
/// perceptron learns and Viterbi decodes, but weights chosen to maximise the log-probability of
/// the gold label sequences, minus an L2 penalty `l2 / 2 · ‖w‖²` over the training set.
///
/// Optimised by stochastic gradient descent, one reference at a time, in the manner of
/// CRFsuite's `l2sgd`: the gradient of a reference is its expected feature counts (label
/// marginals from forward-backward) minus the gold counts; the learning rate falls as
/// `rate / (1 + t / n)` for the t-th step over n references, and the L2 penalty shrinks every
/// weight by `1 - rate · l2 / n` per step, kept as one scale factor so each step touches only
/// the features of its reference. The last passes' weights are averaged.
///
/// ```swift
/// var crf = ConditionalRandomField(labels: 3, features: 10, epochs: 10)
/// crf.train(data) { pass, loss in print(pass, loss) }
/// crf.weights  // dense, weights[feature * labels + label]
/// ```
struct ConditionalRandomField {
  /// One reference: feature rows per token, boundary context per token, gold label per token.
  typealias Sequence = (features: [[Int32]], contexts: [Int], gold: [Int])

  let labels: Int
  let features: Int
  var epochs: Int
  /// The L2 penalty on the summed log-likelihood of the training set.
  var l2: Double = 1
  /// The first step's learning rate.
  var rate: Double = 0.1
  /// From this pass on (counted from 0), the weights after each reference are averaged.
  var averageFrom: Int = Int.max
  var seed: UInt64 = 7

  /// Token-feature weights, `weights[feature * labels + label]`, after `train`.
  private(set) var weights: [Float] = []
  /// Transition weights in `TaggingStage.transitions` layout, after `train`.
  private(set) var transitions: [Float] = []

  init(labels: Int, features: Int, epochs: Int) {
    self.labels = labels
    self.features = features
    self.epochs = epochs
  }

  /// Trains on `data`; `progress` gets each pass's name and its mean negative log-likelihood per
  /// token (before the penalty).
  mutating func train(_ data: [Sequence], progress: (String, Double) -> Void) {
    let count = labels
    let table = (count + 1) * count
    let tables = TaggingStage.transitionTables
    let emissionCount = features * count
    // One vector: token-feature weights, then the transition tables.
    var v = [Double](repeating: 0, count: emissionCount + tables * table)
    var sum = [Double](repeating: 0, count: v.count)
    // Averaging: weight i is v[i] · scale, and v[i] is constant between updates, so its sum over
    // steps is v[i] times the sum of the scales over those steps (`scaleSum`).
    var sumStamp = [Double](repeating: 0, count: v.count)
    var scaleSum = 0.0
    var averagedSteps = 0
    var scale = 1.0
    var order = Array(data.indices)
    var random = SplitMix(seed: seed)
    let n = Double(max(1, data.count))
    var step = 0.0
    let longest = data.map(\.gold.count).max() ?? 0
    var alpha = [Double](repeating: 0, count: longest * count)
    var beta = [Double](repeating: 0, count: longest * count)
    var psi = [Double](repeating: 0, count: longest * count)
    var norms = [Double](repeating: 0, count: longest)
    var expTables: [[Double]] = Array(repeating: [], count: tables)
    var expStamp = [Int](repeating: -1, count: tables)
    var exampleNumber = 0
    var averaging = false
    // Folds the weight at `index` into the running sum up to the current step.
    func settle(_ index: Int) {
      sum[index] += (scaleSum - sumStamp[index]) * v[index]
      sumStamp[index] = scaleSum
    }
    for epoch in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, Int(random.next() % UInt64(i + 1)))
      }
      if epoch == averageFrom {
        averaging = true
      }
      var loss = 0.0
      var tokens = 0
      for index in order {
        let (feats, contexts, gold) = data[index]
        let length = gold.count
        if length == 0 { continue }
        let eta = rate / (1 + step / n)
        step += 1
        exampleNumber += 1
        // Emission potentials psi[t][k] = exp(score - max).
        var goldScore = 0.0
        var logShift = 0.0
        for t in 0..<length {
          let out = t * count
          for k in 0..<count { psi[out + k] = 0 }
          for f in feats[t] {
            let base = Int(f) * count
            for k in 0..<count { psi[out + k] += v[base + k] }
          }
          var top = -Double.infinity
          for k in 0..<count {
            psi[out + k] *= scale
            top = max(top, psi[out + k])
          }
          goldScore += psi[out + gold[t]]
          logShift += top
          for k in 0..<count { psi[out + k] = exp(psi[out + k] - top) }
        }
        // Transition potentials for the contexts this reference uses.
        for c in Set(contexts) where expStamp[c] != exampleNumber {
          expStamp[c] = exampleNumber
          var m = [Double](repeating: 0, count: table)
          let base = emissionCount + c * table
          let plain = emissionCount
          for k in 0..<table { m[k] = exp((v[plain + k] + v[base + k]) * scale) }
          expTables[c] = m
        }
        for t in 0..<length {
          let previous = t == 0 ? 0 : gold[t - 1] + 1
          goldScore +=
            (v[emissionCount + previous * count + gold[t]]
              + v[emissionCount + contexts[t] * table + previous * count + gold[t]]) * scale
        }
        // Forward, normalising each step (norms[t] is the factor divided out).
        do {
          let m = expTables[contexts[0]]
          var total = 0.0
          for k in 0..<count {
            alpha[k] = m[k] * psi[k]
            total += alpha[k]
          }
          norms[0] = total
          for k in 0..<count { alpha[k] /= total }
        }
        if length > 1 {
          for t in 1..<length {
            let m = expTables[contexts[t]]
            let out = t * count
            let previousRow = out - count
            var total = 0.0
            for k in 0..<count {
              var s = 0.0
              for j in 0..<count { s += alpha[previousRow + j] * m[(j + 1) * count + k] }
              alpha[out + k] = s * psi[out + k]
              total += alpha[out + k]
            }
            norms[t] = total
            for k in 0..<count { alpha[out + k] /= total }
          }
        }
        var logZ = logShift
        for t in 0..<length { logZ += log(norms[t]) }
        loss += logZ - goldScore
        tokens += length
        // Backward, with the same factors.
        let lastRow = (length - 1) * count
        for k in 0..<count { beta[lastRow + k] = 1 }
        if length > 1 {
          for t in stride(from: length - 2, through: 0, by: -1) {
            let m = expTables[contexts[t + 1]]
            let out = t * count
            let nextRow = out + count
            for j in 0..<count {
              var s = 0.0
              for k in 0..<count {
                s += m[(j + 1) * count + k] * psi[nextRow + k] * beta[nextRow + k]
              }
              beta[out + j] = s / norms[t + 1]
            }
          }
        }
        // Shrink every weight (the L2 step), then move along the gradient.
        scale *= 1 - eta * l2 / n
        if scale < 1e-9 {
          if averaging { for i in v.indices { settle(i) } }
          for i in v.indices { v[i] *= scale }
          scale = 1
        }
        let move = eta / scale
        func update(_ index: Int, _ gradient: Double) {
          if averaging { settle(index) }
          v[index] -= move * gradient
        }
        for t in 0..<length {
          let out = t * count
          // Label marginals p(y_t = k) = alpha · beta.
          for f in feats[t] {
            let base = Int(f) * count
            for k in 0..<count {
              let p = alpha[out + k] * beta[out + k]
              let g = p - (k == gold[t] ? 1 : 0)
              if g > 1e-7 || g < -1e-7 { update(base + k, g) }
            }
          }
          let contextBase = emissionCount + contexts[t] * table
          let m = expTables[contexts[t]]
          if t == 0 {
            for k in 0..<count {
              let g = alpha[k] * beta[k] - (k == gold[0] ? 1 : 0)
              update(emissionCount + k, g)
              update(contextBase + k, g)
            }
          } else {
            let previousRow = out - count
            for j in 0..<count {
              let a = alpha[previousRow + j] / norms[t]
              for k in 0..<count {
                let p = a * m[(j + 1) * count + k] * psi[out + k] * beta[out + k]
                let g = p - (j == gold[t - 1] && k == gold[t] ? 1 : 0)
                if g > 1e-9 || g < -1e-9 {
                  update(emissionCount + (j + 1) * count + k, g)
                  update(contextBase + (j + 1) * count + k, g)
                }
              }
            }
          }
        }
        if averaging {
          averagedSteps += 1
          scaleSum += scale
        }
      }
      progress("pass \(epoch + 1)", tokens > 0 ? loss / Double(tokens) : 0)
    }
    var final = v.map { $0 * scale }
    if averaging && averagedSteps > 0 {
      for i in v.indices { settle(i) }
      final = sum.map { $0 / Double(averagedSteps) }
    }
    weights = final[0..<emissionCount].map { Float($0) }
    transitions = final[emissionCount...].map { Float($0) }
  }
}
