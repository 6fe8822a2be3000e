import ICUSupport
import Foundation

/// One stage of the reference tagger: a first-order linear-chain model over token features
/// (averaged perceptron weights), decoded with Viterbi. `ReferenceTaggingModel` chains two.
struct TaggingStage: Sendable {
  /// The labels, in the order the weights use.
  let labels: [String]
  let featureIndex: [String: Int32]
  /// `weights[feature * labels.count + label]`.
  let weights: [Float]
  /// `transitions[(context * (labels.count + 1) + previous + 1) * labels.count + label]`: the
  /// weight of a label change given the boundary context between the two tokens
  /// (`ReferenceFeatures.boundaryContext`: the punctuation closing the previous token and how
  /// the next one opens); context 0 is the sum over all contexts (plain transitions), and row 0
  /// of each context is the start of the reference.
  let transitions: [Float]

  /// How many transition tables there are: plain, plus one per boundary context.
  static var transitionTables: Int { ReferenceFeatures.boundaryContextCount + 1 }

  init(labels: [String], featureIndex: [String: Int32], weights: [Float], transitions: [Float]) {
    self.labels = labels
    self.featureIndex = featureIndex
    self.weights = weights
    self.transitions = transitions
  }

  /// How many features carry weights.
  var featureCount: Int { featureIndex.count }

  init(rows: [[Substring]], lines: [Int], path: String) throws {
    guard let header = rows.first, header.first == "@labels", header.count > 1 else {
      throw CitationsError.invalidModel(path: path, line: lines.first ?? 1, message: "the first entry must be @labels<TAB>label<TAB>…")
    }
    let labels = header.dropFirst().map(String.init)
    let count = labels.count
    var labelNumber: [Substring: Int] = [:]
    for (k, label) in labels.enumerated() { labelNumber[Substring(label)] = k }
    var transitions = [Float](repeating: 0, count: Self.transitionTables * (count + 1) * count)
    var featureIndex: [String: Int32] = [:]
    featureIndex.reserveCapacity(rows.count)
    var weights: [Float] = []
    weights.reserveCapacity(rows.count * count)
    for (fields, row) in zip(rows.dropFirst(), lines.dropFirst()) {
      guard fields.count == 2 || (fields.first == "@transition" && fields.count == 4) else {
        throw CitationsError.invalidModel(path: path, line: row, message: "expected feature<TAB>label:weight …")
      }
      if fields[0] == "@transition" {
        let context = Int(fields[1]) ?? -1
        let from = fields[2] == "^" ? 0 : (labelNumber[fields[2]].map { $0 + 1 } ?? -1)
        let values = fields[3].split(separator: " ").compactMap { Float($0) }
        guard context >= 0, context < Self.transitionTables, from >= 0, values.count == count else {
          throw CitationsError.invalidModel(
            path: path, line: row, message: "a transition row needs a context 0…\(Self.transitionTables - 1), a known label and \(count) weights")
        }
        for k in 0..<count { transitions[(context * (count + 1) + from) * count + k] = values[k] }
        continue
      }
      let base = weights.count
      weights.append(contentsOf: repeatElement(0, count: count))
      for pair in fields[1].split(separator: " ") {
        guard let colon = pair.firstIndex(of: ":"), let k = Int(pair[..<colon]), k >= 0, k < count,
          let value = Float(pair[pair.index(after: colon)...])
        else {
          throw CitationsError.invalidModel(path: path, line: row, message: "bad weight \"\(pair)\" (label number:weight)")
        }
        weights[base + k] = value
      }
      featureIndex[String(fields[0])] = Int32(base / count)
    }
    self.init(labels: labels, featureIndex: featureIndex, weights: weights, transitions: transitions)
  }

  /// The weights file section for this stage: weights below `threshold` in magnitude are left out.
  func tsv(threshold: Float) -> String {
    var out = ""
    out += "@labels\t" + labels.joined(separator: "\t") + "\n"
    let count = labels.count
    for context in 0..<Self.transitionTables {
      for from in 0...count {
        let name = from == 0 ? "^" : labels[from - 1]
        let base = (context * (count + 1) + from) * count
        let values = (0..<count).map { transitions[base + $0] }
        if context > 0 && values.allSatisfy({ abs($0) < threshold }) { continue }
        out += "@transition\t\(context)\t\(name)\t" + values.map(format).joined(separator: " ") + "\n"
      }
    }
    // Lexicon files must be NFC; a feature from a decomposed input string can never match
    // normalised input anyway, so it is left out.
    for (feature, index) in featureIndex.sorted(by: { $0.key < $1.key }) where Normalizer.isNormalized(feature, form: .nfc) {
      let base = Int(index) * count
      var pairs: [String] = []
      for k in 0..<count where abs(weights[base + k]) >= threshold {
        pairs.append("\(k):\(format(weights[base + k]))")
      }
      if pairs.isEmpty { continue }
      out += feature + "\t" + pairs.joined(separator: " ") + "\n"
    }
    return out
  }

  private func format(_ value: Float) -> String {
    if value == 0 { return "0" }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// The best label sequence for tokens given their features.
  ///
  /// - Parameter features: per token, its feature strings (from `ReferenceFeatures.extract`).
  /// - Returns: one label index per token.
  func decode(features: [[String]], contexts: [Int]) -> [Int] {
    decode(indices: features.map { $0.compactMap { featureIndex[$0] } }, contexts: contexts)
  }

  /// Viterbi over feature indices.
  func decode(indices: [[Int32]], contexts: [Int]) -> [Int] {
    weights.withUnsafeBufferPointer { w in
      transitions.withUnsafeBufferPointer { tr in
        Self.viterbi(indices: indices, contexts: contexts, weights: w, transitions: tr, count: labels.count)
      }
    }
  }

  /// Viterbi over feature indices with the given weights (shared with training).
  static func viterbi(
    indices: [[Int32]], contexts: [Int], weights w: UnsafeBufferPointer<Float>, transitions tr: UnsafeBufferPointer<Float>,
    count: Int
  ) -> [Int] {
    let n = indices.count
    if n == 0 || count == 0 { return [] }
    var emission = [Float](repeating: 0, count: n * count)
    for t in 0..<n {
      let row = t * count
      for f in indices[t] {
        let base = Int(f) * count
        for k in 0..<count { emission[row + k] += w[base + k] }
      }
    }
    var score = [Float](repeating: 0, count: n * count)
    var back = [Int32](repeating: 0, count: n * count)
    let table = (count + 1) * count
    for k in 0..<count { score[k] = tr[k] + tr[contexts[0] * table + k] + emission[k] }
    if n > 1 {
      score.withUnsafeMutableBufferPointer { sc in
        back.withUnsafeMutableBufferPointer { bk in
          emission.withUnsafeBufferPointer { em in
            for t in 1..<n {
              let row = t * count
              let previousRow = (t - 1) * count
              let contextBase = contexts[t] * table
              for k in 0..<count {
                var best = -Float.infinity
                var bestFrom = 0
                var j = 0
                var plain = count + k
                var context = contextBase + count + k
                while j < count {
                  let s = sc[previousRow + j] + tr[plain] + tr[context]
                  if s > best {
                    best = s
                    bestFrom = j
                  }
                  j += 1
                  plain += count
                  context += count
                }
                sc[row + k] = best + em[row + k]
                bk[row + k] = Int32(bestFrom)
              }
            }
          }
        }
      }
    }
    var path = [Int](repeating: 0, count: n)
    var bestLast = 0
    for k in 1..<count where score[(n - 1) * count + k] > score[(n - 1) * count + bestLast] { bestLast = k }
    path[n - 1] = bestLast
    if n > 1 {
      for t in stride(from: n - 1, to: 0, by: -1) { path[t - 1] = Int(back[t * count + path[t]]) }
    }
    return path
  }
}
