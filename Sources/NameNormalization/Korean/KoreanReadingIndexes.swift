import Foundation

/// The reverse indexes of `KoreanNameTables` that reading a name back needs
/// (`KoreanNameParser.parse`: Latin → Hangul), built from the spelling model.
/// `KoreanNameTables.readingIndexes` builds them on first need: a run that meets no Korean
/// name candidate never pays for them. Immutable once built, so safe to share between threads;
/// a hot caller fetches them once and holds them (each access to `readingIndexes` takes a lock).
///
/// ```swift
/// let indexes = KoreanReadingIndexes(model: model)
/// let yong = SpellingCode.encode(Array("yong".utf8)[...]) ?? 0
/// indexes.exactCodes.contains(yong)                        // true
/// indexes.exact.range(yong | 1 << 60)  // first given syllables spelt "yong": 용, 영, …
/// ```
final class KoreanReadingIndexes: Sendable {
  /// Reverse index for surnames: spelling code (exact or loosened) → surnames, best first.
  let surnames: ReverseIndex
  /// Reverse indexes for given-name syllables, keyed by `code | position << 60`: exact
  /// spellings, loosened spellings (see `loosened`), and consonant skeletons (see `skeleton`),
  /// the score being log P(spelling | syllable, position) + log P(syllable | position).
  let exact: ReverseIndex
  let loose: ReverseIndex
  let skeletons: ReverseIndex
  /// Codes of every exact and every loosened given-name spelling → their `ReadingSlices`.
  let exactCodes: CodeTable
  let looseCodes: CodeTable
  let slices: [ReadingSlices]

  /// Where the readings of one spelling are, for each given-name position (1 and 2): its own
  /// readings (at that position, else at the other) and its skeleton's.
  struct ReadingSlices: Sendable {
    var primary: (Range<Int>, Range<Int>)
    var skeleton: (Range<Int>, Range<Int>)
  }

  init(model: KoreanSpellingModel) {
    // P(syllable | position) for given names: observed counts backed off to a jamo prior
    // (initial × medial × final frequencies in observed given-name syllables).
    var jamoCounts = [[Double]](repeating: [Double](repeating: 0.1, count: 28), count: 3)
    var totalByPosition = [0.0, 0.0, 0.0]
    for (key, count) in model.givenSyllableCounts.sorted(by: {
      ($0.key.scalar, $0.key.position) < ($1.key.scalar, $1.key.position)
    }) {
      guard let jamo = Hangul.jamo(of: key.scalar) else { continue }
      jamoCounts[0][jamo.initial] += count
      jamoCounts[1][jamo.medial] += count
      jamoCounts[2][jamo.final] += count
      totalByPosition[key.position] += count
    }
    let sums = jamoCounts.enumerated().map { slot, counts in
      counts.prefix(slot == 0 ? 19 : (slot == 1 ? 21 : 28)).reduce(0, +)
    }
    func jamoPrior(_ scalar: UInt32) -> Double {
      guard let j = Hangul.jamo(of: scalar) else { return 0 }
      return jamoCounts[0][j.initial] / sums[0] * jamoCounts[1][j.medial] / sums[1]
        * jamoCounts[2][j.final] / sums[2]
    }
    // Counts of each syllable at given-name positions 1 and 2, by offset from 가 (flat arrays:
    // no hashing per syllable).
    var countAt = [[Double]](repeating: [Double](repeating: 0, count: Int(Hangul.count)), count: 3)
    var isIndexed = [Bool](repeating: false, count: Int(Hangul.count))
    for (key, count) in model.givenSyllableCounts where Hangul.isSyllable(key.scalar) {
      let offset = Int(key.scalar - Hangul.first)
      isIndexed[offset] = true
      if key.position == 1 || key.position == 2 { countAt[key.position][offset] = count }
    }
    var byPrior: [(UInt32, Double)] = []
    byPrior.reserveCapacity(Int(Hangul.count))
    for offset in 0..<Hangul.count {
      byPrior.append((Hangul.first + offset, jamoPrior(Hangul.first + offset)))
    }
    byPrior.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    for (scalar, _) in byPrior.prefix(KoreanNameTables.unseenSyllablesIndexed) {
      isIndexed[Int(scalar - Hangul.first)] = true
    }

    // Loosened form and skeleton of each spelling, computed once per spelling.
    var variants = CodeTable(capacity: 1 << 14)
    var variantLoose: [UInt64] = []
    var variantSkeleton: [UInt64] = []
    func variant(_ code: UInt64) -> Int {
      Int(
        variants.value(code) {
          let loose = KoreanNameTables.loosened(code: code)
          variantLoose.append(loose)
          variantSkeleton.append(KoreanNameTables.skeletonCode(loosenedCode: loose) ?? 0)
          return Int32(variantLoose.count - 1)
        })
    }

    var scratch = SpellingDistribution()
    var exactEntries = ReverseIndex.Entries()
    var looseEntries = ReverseIndex.Entries()
    var skeletonEntries = ReverseIndex.Entries()
    var scoreCodes: [UInt64] = []
    var scoreValues: [Double] = []
    var looseCodes: [UInt64] = []
    var looseValues: [Double] = []
    var skeletonCodes: [UInt64] = []
    /// The indexed spellings of a syllable: its model spellings from `minimum` on, and the
    /// textbook forms at `conventionalSpellingProbability` at least.
    func collectScores(_ scalar: UInt32, _ position: KoreanNamePosition, minimum: Double) {
      let list = model.best(
        of: scalar, at: position, wide: true, minimum: minimum, scratch: &scratch)
      scoreCodes.removeAll(keepingCapacity: true)
      scoreValues.removeAll(keepingCapacity: true)
      for (code, p) in zip(list.codes, list.probabilities) where code != 0 {
        scoreCodes.append(code)
        scoreValues.append(p)
      }
      for form in KoreanNameTables.conventionalSpellings(of: scalar) where form != 0 {
        if let i = scoreCodes.firstIndex(of: form) {
          scoreValues[i] = max(scoreValues[i], KoreanNameTables.conventionalSpellingProbability)
        } else {
          scoreCodes.append(form)
          scoreValues.append(KoreanNameTables.conventionalSpellingProbability)
        }
      }
    }

    for position in [KoreanNamePosition.first, .next] {
      let p = position.rawValue
      let tag = UInt64(p) << 60
      let total = totalByPosition[p]
      for offset in 0..<Int(Hangul.count) where isIndexed[offset] {
        let scalar = Hangul.first + UInt32(offset)
        // P(syllable | position) backs off to P(syllable | any given-name position), which backs
        // off to the jamo prior.
        let count = countAt[p][offset]
        let anyCount = countAt[1][offset] + countAt[2][offset]
        let anyPosition =
          (anyCount + KoreanNameTables.priorConcentration * jamoPrior(scalar))
          / (totalByPosition[1] + totalByPosition[2] + KoreanNameTables.priorConcentration)
        let prior =
          (count + KoreanNameTables.positionConcentration * anyPosition)
          / (total + KoreanNameTables.positionConcentration)
        guard prior > 0 else { continue }
        let logPrior = log(prior)
        collectScores(scalar, position, minimum: KoreanNameTables.minimumSpellingProbability)
        looseCodes.removeAll(keepingCapacity: true)
        looseValues.removeAll(keepingCapacity: true)
        skeletonCodes.removeAll(keepingCapacity: true)
        for (code, probability) in zip(scoreCodes, scoreValues) {
          let logScore = log(probability) + logPrior
          exactEntries.append(key: code | tag, scalar: scalar, score: logScore)
          let v = variant(code)
          let looseCode = variantLoose[v]
          if let i = looseCodes.firstIndex(of: looseCode) {
            looseValues[i] = max(looseValues[i], logScore)
          } else {
            looseCodes.append(looseCode)
            looseValues.append(logScore)
          }
          let skeleton = variantSkeleton[v]
          if skeleton != 0 && !skeletonCodes.contains(skeleton) { skeletonCodes.append(skeleton) }
        }
        for (code, logScore) in zip(looseCodes, looseValues) where code != 0 {
          looseEntries.append(key: code | tag, scalar: scalar, score: logScore)
        }
        for skeleton in skeletonCodes {
          skeletonEntries.append(
            key: skeleton | tag, scalar: scalar, score: logPrior + KoreanNameTables.skeletonPenalty)
        }
      }
    }

    var surnameEntries = ReverseIndex.Entries()
    let population = model.surnamePopulation.values.sorted().reduce(0, +)
    for (scalar, people) in model.surnamePopulation.sorted(by: { $0.key < $1.key }) {
      collectScores(scalar, .surname, minimum: 0.001)
      for (code, probability) in zip(scoreCodes, scoreValues) {
        let logScore = log(probability) + log(people / population)
        surnameEntries.append(key: code, scalar: scalar, score: logScore)
        let looseCode = KoreanNameTables.loosened(code: code)
        if looseCode != code && looseCode != 0 {
          surnameEntries.append(
            key: looseCode, scalar: scalar, score: logScore + KoreanNameTables.loosePenalty)
        }
      }
    }

    self.surnames = ReverseIndex(surnameEntries, bestPerScalar: true)
    let exact = ReverseIndex(exactEntries)
    let loose = ReverseIndex(looseEntries)
    // Initials ("Y.W. Yoo"): the syllables a given-name spelling starting with that letter
    // may stand for, each at its best exact score, kept in the skeleton index under keys
    // skeleton codes never take (`initialKey`).
    // One entry per (initial key, syllable), by a `CodeTable` slot (never 0: the key has bit
    // 59), in ascending slot order at the end.
    var initialSlots = CodeTable(capacity: 1 << 14)
    var initialBest: [(slot: UInt64, key: UInt64, scalar: UInt32, score: Double)] = []
    for i in exactEntries.keys.indices {
      let key = exactEntries.keys[i]
      let code = key & (1 << 60 - 1)
      let length = SpellingCode.length(code)
      guard length > 0 else { continue }
      let initial =
        KoreanNameTables.initialKey(letter: SpellingCode.letter(code, 0, length: length))
        | (key & (3 << 60))
      let scalar = exactEntries.scalars[i]
      let slot = initial ^ UInt64(scalar) << 32
      let score = exactEntries.scores[i]
      if let found = initialSlots[slot] {
        if initialBest[Int(found)].score >= score { continue }
        initialBest[Int(found)] = (slot, initial, scalar, score)
      } else {
        initialSlots.insert(slot, Int32(initialBest.count))
        initialBest.append((slot, initial, scalar, score))
      }
    }
    initialBest.sort { $0.slot < $1.slot }
    for entry in initialBest {
      skeletonEntries.append(key: entry.key, scalar: entry.scalar, score: entry.score)
    }
    let skeletons = ReverseIndex(skeletonEntries, limit: KoreanNameTables.skeletonCandidates)
    self.exact = exact
    self.loose = loose
    self.skeletons = skeletons

    // For each spelling, where its readings are at each position: the parser's lookups then go
    // by code alone.
    var slices: [ReadingSlices] = []
    func codes(_ index: ReverseIndex, loosened: Bool) -> CodeTable {
      var table = CodeTable(capacity: index.keys.count)
      let empty = 0..<0
      for key in index.keys {
        let code = key & (1 << 60 - 1)
        if table.contains(code) { continue }
        let first = index.range(code | 1 << 60)
        let next = index.range(code | 2 << 60)
        let skeleton =
          loosened ? (KoreanNameTables.skeletonCode(code) ?? 0) : variantSkeleton[variant(code)]
        let s1 = skeleton == 0 ? nil : skeletons.range(skeleton | 1 << 60)
        let s2 = skeleton == 0 ? nil : skeletons.range(skeleton | 2 << 60)
        table.insert(code, Int32(slices.count))
        slices.append(
          ReadingSlices(
            primary: (first ?? next ?? empty, next ?? first ?? empty),
            skeleton: (s1 ?? s2 ?? empty, s2 ?? s1 ?? empty)))
      }
      return table
    }
    self.exactCodes = codes(exact, loosened: false)
    self.looseCodes = codes(loose, loosened: true)
    self.slices = slices
  }
}
