import Foundation
import NormalizeCore

/// The precomputed, read-only tables both directions share: forward spellings per syllable
/// and position (flat arrays indexed by syllable), and the reverse indexes from a spelling
/// code to the syllables it may stand for. Built once at `init`; immutable afterwards, so it is
/// safe to share between threads.
///
/// ```swift
/// let tables = try KoreanNameTables(lexicons: lexicons)
/// tables.spellings(of: 0xC6A9 /* 용 */, at: .first).first?.letters  // "yong"
/// ```
final class KoreanNameTables: Sendable {
  let model: KoreanSpellingModel

  // Forward: the spellings of syllable `s` at position `p` are entries
  // `forwardStart[p * Hangul.count + s] ..< + forwardCount[…]` of the flat arrays (count 0:
  // not precomputed).
  private let forwardStart: [Int32]
  private let forwardCount: [UInt8]
  let forwardCodes: [UInt64]
  let forwardProbabilities: [Double]
  let forwardLogs: [Double]

  /// Reverse index for surnames: spelling code (exact or loosened) → surnames, best first.
  let surnames: ReverseIndex
  /// Spellings that are a known form of a surname (observed, listed, RR or MR); what
  /// `isKoreanSurname` accepts.
  let knownSurnames: CodeTable
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

  /// Most known readings kept per spelling before skeleton readings are added.
  static let knownReadingsPerSpelling = 16
  /// Skeleton readings of a syllable score at least this much (log) below its best known reading.
  static let skeletonGap = log(1.0 / 100)
  /// How many syllables outside the observed ones the reverse index covers, by jamo prior.
  static let unseenSyllablesIndexed = 2500
  /// Weight of the jamo prior against observed syllable counts in P(syllable | position).
  static let priorConcentration = 600.0
  /// Weight of P(syllable | any position) against the counts at one position.
  static let positionConcentration = 60.0
  /// Reverse candidates whose forward probability is below this are not indexed.
  static let minimumSpellingProbability = 0.0005
  /// Probability given to a textbook spelling the data never showed, for reading it back.
  static let conventionalSpellingProbability = 0.03

  /// The key of an initial's readings in `skeletons` (bit 59 marks it; skeleton codes stay
  /// below 2^40), tagged with a position like the other keys.
  static func initialKey(letter: UInt8) -> UInt64 { UInt64(letter &- 0x60) | 1 << 59 }

  struct ReverseCandidate: Sendable {
    var scalar: UInt32
    var logScore: Double
  }

  init(lexicons: any LexiconProvider) throws {
    let model = try KoreanSpellingModel(lexicons: lexicons)
    self.model = model
    if model.surnamePopulation.isEmpty { throw KoreanNameError.missingLexicon("surname-spellings") }

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
    let seen = Set(model.givenSyllableCounts.keys.map(\.scalar))
    var isIndexed = [Bool](repeating: false, count: Int(Hangul.count))
    for scalar in seen { isIndexed[Int(scalar - Hangul.first)] = true }
    var byPrior: [(UInt32, Double)] = []
    byPrior.reserveCapacity(Int(Hangul.count))
    for offset in 0..<Hangul.count {
      byPrior.append((Hangul.first + offset, jamoPrior(Hangul.first + offset)))
    }
    byPrior.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    for (scalar, _) in byPrior.prefix(Self.unseenSyllablesIndexed) {
      isIndexed[Int(scalar - Hangul.first)] = true
    }

    var forwardStart = [Int32](repeating: 0, count: 3 * Int(Hangul.count))
    var forwardCount = [UInt8](repeating: 0, count: 3 * Int(Hangul.count))
    var forwardCodes: [UInt64] = []
    var forwardProbabilities: [Double] = []
    func store(_ list: SpellingList, _ scalar: UInt32, _ position: Int) {
      let slot = position * Int(Hangul.count) + Int(scalar - Hangul.first)
      forwardStart[slot] = Int32(forwardCodes.count)
      forwardCount[slot] = UInt8(min(list.count, 16))
      forwardCodes += list.codes.prefix(16)
      forwardProbabilities += list.probabilities.prefix(16)
    }

    // Loosened form and skeleton of each spelling, computed once per spelling.
    var variants = CodeTable(capacity: 1 << 14)
    var variantLoose: [UInt64] = []
    var variantSkeleton: [UInt64] = []
    func variant(_ code: UInt64) -> Int {
      Int(
        variants.value(code) {
          variantLoose.append(Self.loosened(code: code))
          variantSkeleton.append(Self.skeletonCode(code) ?? 0)
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
      for form in Self.conventionalSpellings(of: scalar) where form != 0 {
        if let i = scoreCodes.firstIndex(of: form) {
          scoreValues[i] = max(scoreValues[i], Self.conventionalSpellingProbability)
        } else {
          scoreCodes.append(form)
          scoreValues.append(Self.conventionalSpellingProbability)
        }
      }
    }

    for position in [KoreanNamePosition.first, .next] {
      let p = position.rawValue
      let tag = UInt64(p) << 60
      let total = totalByPosition[p]
      for offset in 0..<Int(Hangul.count) where isIndexed[offset] {
        let scalar = Hangul.first + UInt32(offset)
        if seen.contains(scalar) {
          store(
            model.best(of: scalar, at: position, wide: false, minimum: 0, scratch: &scratch),
            scalar, p)
        }
        // P(syllable | position) backs off to P(syllable | any given-name position), which backs
        // off to the jamo prior.
        let count =
          model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: p)]
          ?? 0
        let anyCount =
          (model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: 1)]
            ?? 0)
          + (model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: 2)]
            ?? 0)
        let anyPosition =
          (anyCount + Self.priorConcentration * jamoPrior(scalar))
          / (totalByPosition[1] + totalByPosition[2] + Self.priorConcentration)
        let prior =
          (count + Self.positionConcentration * anyPosition) / (total + Self.positionConcentration)
        guard prior > 0 else { continue }
        let logPrior = log(prior)
        collectScores(scalar, position, minimum: Self.minimumSpellingProbability)
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
            key: skeleton | tag, scalar: scalar, score: logPrior + Self.skeletonPenalty)
        }
      }
    }

    var surnameEntries = ReverseIndex.Entries()
    var known = CodeTable(capacity: 1024)
    let population = model.surnamePopulation.values.sorted().reduce(0, +)
    for (scalar, people) in model.surnamePopulation.sorted(by: { $0.key < $1.key }) {
      store(
        model.best(of: scalar, at: .surname, wide: false, minimum: 0, scratch: &scratch), scalar, 0)
      collectScores(scalar, .surname, minimum: 0.001)
      for (code, probability) in zip(scoreCodes, scoreValues) {
        let logScore = log(probability) + log(people / population)
        surnameEntries.append(key: code, scalar: scalar, score: logScore)
        let looseCode = Self.loosened(code: code)
        if looseCode != code && looseCode != 0 {
          surnameEntries.append(key: looseCode, scalar: scalar, score: logScore + Self.loosePenalty)
        }
      }
      if let jamo = Hangul.jamo(of: scalar) {
        known.insert(Hangul.rrCode(scalar), 0)
        known.insert(
          SpellingCode.join(
            SpellingCode.join(
              Hangul.mrAsciiInitialCodes[jamo.initial], Hangul.mrAsciiMedialCodes[jamo.medial]),
            Hangul.rrFinalCodes[jamo.final]), 0)
      }
    }
    for code in model.surnameSpellings.sorted() { known.insert(code, 0) }

    self.forwardStart = forwardStart
    self.forwardCount = forwardCount
    self.forwardCodes = forwardCodes
    self.forwardProbabilities = forwardProbabilities
    self.forwardLogs = forwardProbabilities.map { log($0) }
    self.surnames = ReverseIndex(surnameEntries, bestPerScalar: true)
    self.knownSurnames = known
    let exact = ReverseIndex(exactEntries)
    let loose = ReverseIndex(looseEntries)
    // Initials ("Y.W. Yoo"): the syllables a given-name spelling starting with that letter
    // may stand for, each at its best exact score, kept in the skeleton index under keys
    // skeleton codes never take (`initialKey`).
    var bestInitial: [UInt64: (key: UInt64, scalar: UInt32, score: Double)] = [:]
    for i in exactEntries.keys.indices {
      let key = exactEntries.keys[i]
      let code = key & (1 << 60 - 1)
      let length = SpellingCode.length(code)
      guard length > 0 else { continue }
      let initial =
        Self.initialKey(letter: SpellingCode.letter(code, 0, length: length)) | (key & (3 << 60))
      let scalar = exactEntries.scalars[i]
      let slot = initial ^ UInt64(scalar) << 32
      if let found = bestInitial[slot], found.score >= exactEntries.scores[i] { continue }
      bestInitial[slot] = (initial, scalar, exactEntries.scores[i])
    }
    for (_, entry) in bestInitial.sorted(by: { $0.key < $1.key }) {
      skeletonEntries.append(key: entry.key, scalar: entry.scalar, score: entry.score)
    }
    let skeletons = ReverseIndex(skeletonEntries, limit: Self.skeletonCandidates)
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
        let skeleton = loosened ? (Self.skeletonCode(code) ?? 0) : variantSkeleton[variant(code)]
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

  /// Tables already built, by lexicon provider instance, so that services built from the same
  /// provider in one process (the CLI's parser and its `NameAnalyzer`) share one build. The
  /// provider is retained with its tables, so its identity cannot be reused by another one.
  private static let sharedLock = NSLock()
  nonisolated(unsafe) private static var sharedTables:
    [ObjectIdentifier: (provider: AnyObject, tables: KoreanNameTables)] = [:]

  /// The tables for `lexicons`: shared when the provider is a class instance, built afresh otherwise.
  static func shared(for lexicons: any LexiconProvider) throws -> KoreanNameTables {
    guard type(of: lexicons) is AnyClass else { return try KoreanNameTables(lexicons: lexicons) }
    let object = lexicons as AnyObject
    let id = ObjectIdentifier(object)
    sharedLock.lock()
    defer { sharedLock.unlock() }
    if let entry = sharedTables[id], entry.provider === object { return entry.tables }
    let tables = try KoreanNameTables(lexicons: lexicons)
    sharedTables[id] = (object, tables)
    return tables
  }

  /// RR and McCune–Reischauer (ASCII) letters of a syllable and their mixtures, as codes.
  static func conventionalSpellings(of scalar: UInt32) -> [UInt64] {
    guard let j = Hangul.jamo(of: scalar) else { return [] }
    var forms: [UInt64] = []
    forms.reserveCapacity(8)
    for initial in [Hangul.rrInitialCodes[j.initial], Hangul.mrAsciiInitialCodes[j.initial]] {
      for medial in [Hangul.rrMedialCodes[j.medial], Hangul.mrAsciiMedialCodes[j.medial]] {
        for final in [Hangul.rrFinalCodes[j.final], Hangul.rrTransliteratedFinalCodes[j.final]] {
          let form = SpellingCode.join(SpellingCode.join(initial, medial), final)
          if !forms.contains(form) { forms.append(form) }
        }
      }
    }
    return forms
  }

  /// The spellings of a syllable at a position as ranges of the flat forward arrays, or nil
  /// when not precomputed (a syllable never seen in a given name, a surname not in the lexicon).
  @inline(__always)
  func forwardRange(of scalar: UInt32, at position: KoreanNamePosition) -> Range<Int>? {
    guard Hangul.isSyllable(scalar) else { return nil }
    let slot = position.rawValue * Int(Hangul.count) + Int(scalar - Hangul.first)
    let count = Int(forwardCount[slot])
    guard count > 0 else { return nil }
    let start = Int(forwardStart[slot])
    return start..<start + count
  }

  /// Spellings of a syllable at a position, best first (precomputed or computed now).
  func spellings(of scalar: UInt32, at position: KoreanNamePosition) -> [WeightedSpelling] {
    guard Hangul.isSyllable(scalar) else { return [] }
    if let range = forwardRange(of: scalar, at: position) {
      return range.map {
        WeightedSpelling(
          letters: SpellingCode.letters(forwardCodes[$0]), probability: forwardProbabilities[$0])
      }
    }
    return model.spellings(of: scalar, at: position)
  }
}
