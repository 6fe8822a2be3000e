/// The `k` best label sequences of a linear-chain model, best first (list Viterbi: each cell
/// keeps its `k` best partial paths instead of one).
///
/// The reranker (`CandidateReranker`) chooses among them. A backward Viterbi pass first gives
/// each cell's best completion, so prefixes that cannot reach the `k` best paths are dropped as
/// they appear and most cells stay empty; each cell's list is kept sorted, so a candidate from
/// the previous token's list that cannot beat the cell's `k`-th entry ends the scan of that
/// list. Ties keep the earlier label, as `TaggingStage.viterbi` does, so the first path is
/// always Viterbi's.
///
/// ```swift
/// // "Smith, J. (2001). Rivers of stone." with k 3:
/// // [author author date title title title]   score 412
/// // [author author date title title note]    score 398
/// // [author author date journal journal journal] score 377
/// ```
package enum KBestViterbi {
  /// One label sequence and its score (the sum of its emission and transition weights).
  package struct Path: Equatable {
    var labels: [Int]
    var score: Float
  }

  /// The `k` best paths over per-token label scores (`scores[token * count + label]`) and the
  /// combined transition tables of `TaggingStage`; fewer when fewer exist, empty when the
  /// inputs disagree.
  package static func decode(
    scores emission: [Float], contexts: [Int], transitions tr: UnsafeBufferPointer<Float>,
    count: Int, k: Int
  ) -> [Path] {
    let n = contexts.count
    if n == 0 || count == 0 || k < 1 || emission.count < n * count { return [] }
    let table = (count + 1) * count
    guard contexts.allSatisfy({ $0 >= 0 && ($0 + 1) * table <= tr.count }) else { return [] }
    // suffix[t * count + label]: the best score of the tokens after t given `label` at t (a
    // backward Viterbi pass). A prefix scoring s at (t, label) can end no better than
    // s + suffix, and the best completions of distinct prefixes are distinct paths, so the k-th
    // best of those bounds the k-th best path from below (`floor`): a prefix whose best
    // completion falls below it cannot be part of any of the k best, and is dropped. Most cells
    // are left empty, and the next token only looks at the labels still alive.
    var suffix = [Float](repeating: 0, count: n * count)
    var score = [Float](repeating: -.infinity, count: n * count * k)
    var back = [Int32](repeating: -1, count: n * count * k)
    var filled = [Int32](repeating: 0, count: n * count)
    suffix.withUnsafeMutableBufferPointer { su in
      emission.withUnsafeBufferPointer { em in
        if n < 2 { return }
        for t in stride(from: n - 2, through: 0, by: -1) {
          let contextBase = contexts[t + 1] * table + count
          let next = (t + 1) * count
          for from in 0..<count {
            var best = -Float.infinity
            let row = contextBase + from * count
            for label in 0..<count {
              let s = tr[row + label] + em[next + label] + su[next + label]
              if s > best { best = s }
            }
            su[t * count + from] = best
          }
        }
      }
    }
    score.withUnsafeMutableBufferPointer { sc in
      back.withUnsafeMutableBufferPointer { bk in
        filled.withUnsafeMutableBufferPointer { fl in
          emission.withUnsafeBufferPointer { em in
            suffix.withUnsafeBufferPointer { su in
              // The k best completions of this token's prefixes, best first (distinct paths
              // only within one token: the best completion of a prefix at t is also that of
              // its extension at t + 1).
              var completions = [Float](repeating: -.infinity, count: k)
              func offer(_ value: Float) {
                if value <= completions[k - 1] { return }
                var position = k - 1
                while position > 0 && completions[position - 1] < value {
                  completions[position] = completions[position - 1]
                  position -= 1
                }
                completions[position] = value
              }
              // Integer weights give exact sums; the slack covers rounding of others.
              func floor() -> Float {
                let kth = completions[k - 1]
                return kth - max(1e-3, abs(kth) * 1e-5)
              }
              var alive: [Int] = []
              let start = contexts[0] * table
              for label in 0..<count {
                sc[label * k] = tr[start + label] + em[label]
                fl[label] = 1
                offer(sc[label * k] + su[label])
              }
              var threshold = floor()
              for label in 0..<count where sc[label * k] + su[label] >= threshold {
                alive.append(label)
              }
              if n < 2 { return }
              var nextAlive: [Int] = []
              for t in 1..<n {
                let contextBase = contexts[t] * table + count
                nextAlive.removeAll(keepingCapacity: true)
                for i in 0..<k { completions[i] = -.infinity }
                for label in 0..<count {
                  let cell = (t * count + label) * k
                  // What this cell adds to every prefix: its emission and best completion.
                  let emitted = em[t * count + label]
                  let ahead = emitted + su[t * count + label]
                  var kept = 0
                  for from in alive {
                    let previous = ((t - 1) * count + from) * k
                    let available = Int(fl[(t - 1) * count + from])
                    let step = tr[contextBase + from * count + label]
                    for rank in 0..<available {
                      let s = sc[previous + rank] + step
                      // The previous list is sorted: nothing further down it can do better.
                      if s + ahead < threshold { break }
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
                  if kept == 0 { continue }
                  for rank in 0..<kept {
                    sc[cell + rank] += emitted
                    offer(sc[cell + rank] + su[t * count + label])
                  }
                  fl[t * count + label] = Int32(kept)
                  nextAlive.append(label)
                }
                swap(&alive, &nextAlive)
                threshold = max(threshold, floor())
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
    let order = ends.indices.sorted {
      ends[$0].score > ends[$1].score || ends[$0].score == ends[$1].score && $0 < $1
    }
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
