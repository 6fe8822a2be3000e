/// A probability distribution over spellings (by `SpellingCode`) being built: the scratch
/// space of `KoreanSpellingModel`, reused from one syllable to the next so that building the
/// tables allocates almost nothing per syllable. Entries keep their insertion order.
///
/// ```swift
/// var d = SpellingDistribution()
/// d.add(SpellingCode.of("byeong")!, 0.4)
/// d.add(SpellingCode.of("byung")!, 0.3)
/// d.best(2, minimum: 0).codes  // [byeong, byung]
/// ```
struct SpellingDistribution {
  private var keys: [UInt64]
  private var stamps: [UInt32]
  private var slots: [Int32]
  private var generation: UInt32 = 1
  private var mask: Int
  /// Codes and values in insertion order.
  private(set) var codes: [UInt64] = []
  private(set) var values: [Double] = []

  init(capacity: Int = 512) {
    var size = 64
    while size < 2 * capacity { size <<= 1 }
    keys = [UInt64](repeating: 0, count: size)
    stamps = [UInt32](repeating: 0, count: size)
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    codes.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  var isEmpty: Bool { codes.isEmpty }

  /// Empties the distribution (in constant time).
  mutating func removeAll() {
    codes.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    generation &+= 1
    if generation == 0 {
      for i in stamps.indices { stamps[i] = 0 }
      generation = 1
    }
  }

  /// Adds `p` to the probability of `code` (0, the empty spelling, included).
  @inline(__always)
  mutating func add(_ code: UInt64, _ p: Double) {
    if 2 * (codes.count + 1) > keys.count { grow() }
    var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    while stamps[i] == generation {
      if keys[i] == code {
        values[Int(slots[i])] += p
        return
      }
      i = (i + 1) & mask
    }
    stamps[i] = generation
    keys[i] = code
    slots[i] = Int32(codes.count)
    codes.append(code)
    values.append(0 + p)
  }

  /// Multiplies every probability by `w`.
  mutating func scale(by w: Double) {
    for i in values.indices { values[i] = w * values[i] }
  }

  /// Divides every probability by `w`.
  mutating func divide(by w: Double) {
    for i in values.indices { values[i] = values[i] / w }
  }

  /// Interpolates with counts, discounted absolutely: every probability is scaled by the
  /// back-off weight `(k + Σ min(c, d)) / (n + k)` (the mass the discount took, so the sum
  /// stays 1 also when `d` exceeds a count), then each count adds `max(c − d, 0) / (n + k)`.
  mutating func backOff(to counts: SpellingCounts, discount d: Double, concentration k: Double) {
    guard !counts.codes.isEmpty else { return }
    let n = counts.total
    var removed = 0.0
    for c in counts.counts { removed += min(c, d) }
    let backWeight = (k + removed) / (n + k)
    scale(by: backWeight)
    for (code, c) in zip(counts.codes, counts.counts) { add(code, max(c - d, 0) / (n + k)) }
  }

  /// The `n` most likely spellings with a probability above 0 and at least `minimum`, best
  /// first; equal probabilities in the letters' order.
  func best(_ n: Int, minimum: Double) -> SpellingList {
    var out = SpellingList()
    guard n > 0 else { return out }
    var order: [Int] = []
    order.reserveCapacity(min(n, codes.count) + 1)
    func precedes(_ a: Int, _ b: Int) -> Bool {
      values[a] != values[b]
        ? values[a] > values[b] : SpellingCode.sortKey(codes[a]) < SpellingCode.sortKey(codes[b])
    }
    for i in codes.indices where values[i] > 0 && values[i] >= minimum {
      if order.count == n, let worst = order.last, !precedes(i, worst) { continue }
      var position = order.count
      while position > 0 && precedes(i, order[position - 1]) { position -= 1 }
      order.insert(i, at: position)
      if order.count > n { order.removeLast() }
    }
    out.codes = order.map { codes[$0] }
    out.probabilities = order.map { values[$0] }
    return out
  }

  private mutating func grow() {
    let size = keys.count * 2
    keys = [UInt64](repeating: 0, count: size)
    stamps = [UInt32](repeating: 0, count: size)
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    generation = 1
    for (index, code) in codes.enumerated() {
      var i = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
      while stamps[i] == generation { i = (i + 1) & mask }
      stamps[i] = generation
      keys[i] = code
      slots[i] = Int32(index)
    }
  }
}

/// Spellings with their probabilities, best first (parallel arrays).
struct SpellingList: Sendable {
  var codes: [UInt64] = []
  var probabilities: [Double] = []

  var count: Int { codes.count }
}

/// Observed counts of spellings in one context, with their total, in a fixed order.
struct SpellingCounts: Sendable {
  var codes: [UInt64] = []
  var counts: [Double] = []
  var total = 0.0

  /// The counts of a dictionary, ordered by code (so sums never depend on hashing).
  init(_ dictionary: [UInt64: Double]) {
    for (code, count) in dictionary.sorted(by: { $0.key < $1.key }) {
      codes.append(code)
      counts.append(count)
    }
    total = counts.reduce(0, +)
  }

  init() {}
}
