import Foundation

/// The precomputed spellings of syllables (Hangul → Latin, best first, at most 16) that
/// romanising a name reads (`KoreanRomanizer`): every syllable seen in a given name at the two
/// given-name positions, and every surname of the lexicon. Built by
/// `KoreanNameTables.forwardSpellings` on first need, apart from the reverse indexes, so that
/// reading names back (Latin → Hangul, mention detection) never pays for them. Immutable once
/// built, so safe to share between threads.
///
/// ```swift
/// let forward = KoreanForwardSpellings(model: model)
/// if let range = forward.range(of: 0xC6A9 /* 용 */, at: .first) {
///   SpellingCode.letters(forward.codes[range.lowerBound])  // "yong"
/// }
/// ```
final class KoreanForwardSpellings: Sendable {
  /// The spellings of syllable `s` at position `p` are entries
  /// `starts[p * Hangul.count + s] ..< + counts[…]` of the flat arrays (count 0: not
  /// precomputed).
  private let starts: [Int32]
  private let counts: [UInt8]
  let codes: [UInt64]
  let probabilities: [Double]
  let logs: [Double]

  /// Most spellings kept per syllable and position.
  static let kept = 16

  init(model: KoreanSpellingModel) {
    var starts = [Int32](repeating: 0, count: 3 * Int(Hangul.count))
    var counts = [UInt8](repeating: 0, count: 3 * Int(Hangul.count))
    var codes: [UInt64] = []
    var probabilities: [Double] = []
    var scratch = SpellingDistribution()
    func store(_ scalar: UInt32, _ position: KoreanNamePosition) {
      let list = model.best(of: scalar, at: position, wide: false, minimum: 0, scratch: &scratch)
      let slot = position.rawValue * Int(Hangul.count) + Int(scalar - Hangul.first)
      starts[slot] = Int32(codes.count)
      counts[slot] = UInt8(min(list.count, Self.kept))
      codes += list.codes.prefix(Self.kept)
      probabilities += list.probabilities.prefix(Self.kept)
    }
    var seen = [Bool](repeating: false, count: Int(Hangul.count))
    for key in model.givenSyllableCounts.keys where Hangul.isSyllable(key.scalar) {
      seen[Int(key.scalar - Hangul.first)] = true
    }
    for position in [KoreanNamePosition.first, .next] {
      for offset in seen.indices where seen[offset] {
        store(Hangul.first + UInt32(offset), position)
      }
    }
    for scalar in model.surnamePopulation.keys.sorted() { store(scalar, .surname) }
    self.starts = starts
    self.counts = counts
    self.codes = codes
    self.probabilities = probabilities
    self.logs = probabilities.map { log($0) }
  }

  /// The spellings of a syllable at a position as a range of the flat arrays, or nil when not
  /// precomputed (a syllable never seen in a given name, a surname not in the lexicon).
  @inline(__always)
  func range(of scalar: UInt32, at position: KoreanNamePosition) -> Range<Int>? {
    guard Hangul.isSyllable(scalar) else { return nil }
    let slot = position.rawValue * Int(Hangul.count) + Int(scalar - Hangul.first)
    let count = Int(counts[slot])
    guard count > 0 else { return nil }
    let start = Int(starts[slot])
    return start..<start + count
  }
}
