/// The `k` best label sequences of a linear-chain model, best first (list Viterbi: each cell
/// keeps its `k` best partial paths instead of one).
///
/// The reranker (`CandidateReranker`) chooses among them. Each cell's list is kept sorted, so
/// a candidate from the previous token's list that cannot beat the cell's `k`-th entry ends the
/// scan of that list; with `k` 4 and the shipped 18 labels a reference of 30 tokens costs about
/// as much again as the token features. Ties keep the earlier label, as `TaggingStage.viterbi`
/// does, so the first path is always Viterbi's.
///
/// ```swift
/// // "Smith, J. (2001). Rivers of stone." with k 3:
/// // [author author date title title title]   score 412
/// // [author author date title title note]    score 398
/// // [author author date journal journal journal] score 377
/// ```
enum KBestViterbi {
  /// One label sequence and its score (the sum of its emission and transition weights).
  struct Path: Equatable {
    var labels: [Int]
    var score: Float
  }

  /// The `k` best paths over per-token label scores (`scores[token * count + label]`) and the
  /// combined transition tables of `TaggingStage`; fewer when fewer exist, empty when the
  /// inputs disagree.
  static func decode(
    scores emission: [Float], contexts: [Int], transitions tr: UnsafeBufferPointer<Float>, count: Int, k: Int
  ) -> [Path] {
    let n = contexts.count
    if n == 0 || count == 0 || k < 1 || emission.count < n * count { return [] }
    let table = (count + 1) * count
    guard contexts.allSatisfy({ $0 >= 0 && ($0 + 1) * table <= tr.count }) else { return [] }
    // Cell (t, label) holds `filled[t * count + label]` entries at `(t * count + label) * k`,
    // best first; `back` is the previous label times k plus its rank.
    var score = [Float](repeating: -.infinity, count: n * count * k)
    var back = [Int32](repeating: -1, count: n * count * k)
    var filled = [Int32](repeating: 0, count: n * count)
    score.withUnsafeMutableBufferPointer { sc in
      back.withUnsafeMutableBufferPointer { bk in
        filled.withUnsafeMutableBufferPointer { fl in
          emission.withUnsafeBufferPointer { em in
            let start = contexts[0] * table
            for label in 0..<count {
              sc[label * k] = tr[start + label] + em[label]
              fl[label] = 1
            }
            if n < 2 { return }
            for t in 1..<n {
              let contextBase = contexts[t] * table + count
              for label in 0..<count {
                let cell = (t * count + label) * k
                var kept = 0
                var transition = contextBase + label
                for from in 0..<count {
                  let previous = ((t - 1) * count + from) * k
                  let available = Int(fl[(t - 1) * count + from])
                  let step = tr[transition]
                  transition += count
                  for rank in 0..<available {
                    let s = sc[previous + rank] + step
                    // The previous list is sorted: nothing further down it can enter.
                    if kept == k && s <= sc[cell + k - 1] { break }
                    var position = kept < k ? kept : k - 1
                    while position > 0 && sc[cell + position - 1] < s {
                      sc[cell + position] = sc[cell + position - 1]
                      bk[cell + position] = bk[cell + position - 1]
                      position -= 1
                    }
                    sc[cell + position] = s
                    bk[cell + position] = Int32(from * k + rank)
                    if kept < k { kept += 1 }
                  }
                }
                let emitted = em[t * count + label]
                for rank in 0..<kept { sc[cell + rank] += emitted }
                fl[t * count + label] = Int32(kept)
              }
            }
          }
        }
      }
    }
    // The k best ends over all labels, best first (earlier label first on ties).
    var ends: [(score: Float, label: Int, rank: Int)] = []
    for label in 0..<count {
      for rank in 0..<Int(filled[(n - 1) * count + label]) {
        ends.append((score[((n - 1) * count + label) * k + rank], label, rank))
      }
    }
    let order = ends.indices.sorted { ends[$0].score > ends[$1].score || ends[$0].score == ends[$1].score && $0 < $1 }
    return order.prefix(k).map { index in
      var labels = [Int](repeating: 0, count: n)
      var label = ends[index].label
      var rank = ends[index].rank
      for t in stride(from: n - 1, through: 0, by: -1) {
        labels[t] = label
        if t == 0 { break }
        let link = Int(back[(t * count + label) * k + rank])
        label = link / k
        rank = link % k
      }
      return Path(labels: labels, score: ends[index].score)
    }
  }
}
