import Foundation
import NormalizeCore

/// The precomputed, read-only tables both directions share: forward spellings per syllable
/// and position (flat arrays indexed by syllable), and the reverse index from a spelling to
/// the syllables it may stand for. Built once at `init`; immutable afterwards, so it is safe to
/// share between threads.
final class KoreanNameTables: Sendable {
  let model: KoreanSpellingModel
  /// Forward spellings, `[position][syllable offset]`; nil where not precomputed.
  private let forward: [[[WeightedSpelling]?]]
  /// The same lists split into parallel arrays, for the romanizer's beam (no reference
  /// counting while it scans the log probabilities).
  private let forwardOptions: [[SpellingOptions?]]
  /// Reverse index: spelling → candidates (syllable, log score) for given-name positions,
  /// best first; the score is log P(spelling | syllable, position) + log P(syllable | position).
  let reverseGiven: [[[UInt8]: [ReverseCandidate]]]
  /// Reverse index for surnames: spelling → surnames, best first.
  let reverseSurname: [[UInt8]: [ReverseCandidate]]
  /// Spellings that are a known form of a surname (observed, listed, RR or MR); what
  /// `isKoreanSurname` accepts.
  let knownSurnameSpellings: Set<[UInt8]>
  /// Every spelling of a given-name syllable in the reverse index (for segmenting fused names).
  let givenSpellings: Set<[UInt8]>
  /// Longest spelling in `givenSpellings`.
  let longestGivenSpelling: Int
  /// Reverse index by loosened spelling (see `loosened`), used when the exact spelling is unknown.
  let looseGiven: [[[UInt8]: [ReverseCandidate]]]
  /// Reverse index by consonant skeleton ("s*ng" for 성, 승, 송, 상 …): the syllables a
  /// spelling with an unusual vowel may stand for, by prior alone, with a penalty.
  let skeletonGiven: [[[UInt8]: [ReverseCandidate]]]
  /// Every key of `looseGiven`.
  let looseSpellings: Set<[UInt8]>
  let longestLooseSpelling: Int

  /// Codes of every exact and every loosened given-name spelling (those of at most
  /// `SpellingCode.maximumLength` letters): the keys of the merged indexes (`merged`).
  let exactCodes: Set<UInt64>
  let looseCodes: Set<UInt64>
  /// Merged lists (see `merged`), computed on first use.
  private let mergedCache = MergedCache()

  /// Most known readings kept per spelling before skeleton readings are added.
  static let knownReadingsPerSpelling = 16
  /// Skeleton readings of a syllable score at least this much (log) below its best known reading.
  static let skeletonGap = log(1.0 / 100)

  /// Known readings, best first, followed by skeleton readings not among them, each scored at
  /// most `skeletonGap` below the best known reading.
  static func merge(_ primary: [ReverseCandidate], skeleton extra: [ReverseCandidate]?) -> [ReverseCandidate] {
    var merged = Array(primary.prefix(knownReadingsPerSpelling))
    guard let extra else { return merged }
    let floor = (merged.first?.logScore ?? 0) + skeletonGap
    var present = Set(merged.map(\.scalar))
    for candidate in extra where present.insert(candidate.scalar).inserted {
      merged.append(ReverseCandidate(scalar: candidate.scalar, logScore: min(candidate.logScore, floor)))
    }
    merged.sort { $0.logScore != $1.logScore ? $0.logScore > $1.logScore : $0.scalar < $1.scalar }
    return merged
  }

  struct ReverseCandidate: Sendable {
    var scalar: UInt32
    var logScore: Double
  }

  /// How many syllables outside the observed ones the reverse index covers, by jamo prior.
  static let unseenSyllablesIndexed = 2500
  /// Weight of the jamo prior against observed syllable counts in P(syllable | position).
  static let priorConcentration = 40.0
  /// Weight of P(syllable | any position) against the counts at one position.
  static let positionConcentration = 20.0
  /// Reverse candidates whose forward probability is below this are not indexed.
  static let minimumSpellingProbability = 0.0005

  init(lexicons: any LexiconProvider) throws {
    let model = try KoreanSpellingModel(lexicons: lexicons)
    self.model = model
    if model.surnamePopulation.isEmpty { throw KoreanNameError.missingLexicon("surname-spellings") }

    // P(syllable | position) for given names: observed counts backed off to a jamo prior
    // (initial × medial × final frequencies in observed given-name syllables).
    var jamoCounts = [[Double]](repeating: [Double](repeating: 0.1, count: 28), count: 3)
    var totalByPosition = [0.0, 0.0, 0.0]
    for (key, count) in model.givenSyllableCounts {
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
      return jamoCounts[0][j.initial] / sums[0] * jamoCounts[1][j.medial] / sums[1] * jamoCounts[2][j.final] / sums[2]
    }
    var indexed = Set(model.givenSyllableCounts.keys.map(\.scalar))
    var byPrior: [(UInt32, Double)] = []
    byPrior.reserveCapacity(Int(Hangul.count))
    for offset in 0..<Hangul.count { byPrior.append((Hangul.first + offset, jamoPrior(Hangul.first + offset))) }
    byPrior.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    for (scalar, _) in byPrior.prefix(Self.unseenSyllablesIndexed) { indexed.insert(scalar) }

    var forward = [[[WeightedSpelling]?]](repeating: [[WeightedSpelling]?](repeating: nil, count: Int(Hangul.count)), count: 3)
    var reverseGiven = [[[UInt8]: [ReverseCandidate]]](repeating: [:], count: 3)
    var looseGiven = [[[UInt8]: [ReverseCandidate]]](repeating: [:], count: 3)
    var skeletonGiven = [[[UInt8]: [ReverseCandidate]]](repeating: [:], count: 3)
    let seen = Set(model.givenSyllableCounts.keys.map(\.scalar))
    for position in [KoreanNamePosition.first, .next] {
      let p = position.rawValue
      let total = totalByPosition[p]
      for scalar in seen { forward[p][Int(scalar - Hangul.first)] = model.spellings(of: scalar, at: position) }
      for scalar in indexed {
        // P(syllable | position) backs off to P(syllable | any given-name position), which backs
        // off to the jamo prior.
        let count = model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: p)] ?? 0
        let anyCount = (model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: 1)] ?? 0)
          + (model.givenSyllableCounts[KoreanSpellingModel.SyllableKey(scalar: scalar, position: 2)] ?? 0)
        let anyPosition = (anyCount + Self.priorConcentration * jamoPrior(scalar)) / (totalByPosition[1] + totalByPosition[2] + Self.priorConcentration)
        let prior = (count + Self.positionConcentration * anyPosition) / (total + Self.positionConcentration)
        guard prior > 0 else { continue }
        var scores: [[UInt8]: Double] = [:]
        for spelling in model.spellings(of: scalar, at: position, wide: true)
        where spelling.probability >= Self.minimumSpellingProbability && !spelling.letters.isEmpty {
          scores[spelling.letters] = spelling.probability
        }
        // The textbook forms are always readable back, even when the data never used them:
        // RR, McCune–Reischauer without diacritics, and their mixtures ("Jong" for 정, "Un" for 은).
        for form in Self.conventionalSpellings(of: scalar) where !form.isEmpty {
          scores[form] = max(scores[form] ?? 0, Self.conventionalSpellingProbability)
        }
        var looseScores: [[UInt8]: Double] = [:]
        for (letters, probability) in scores {
          let logScore = log(probability) + log(prior)
          reverseGiven[p][letters, default: []].append(ReverseCandidate(scalar: scalar, logScore: logScore))
          let loose = Self.loosened(letters)
          looseScores[loose] = max(looseScores[loose] ?? -.infinity, logScore)
        }
        for (loose, logScore) in looseScores {
          looseGiven[p][loose, default: []].append(ReverseCandidate(scalar: scalar, logScore: logScore))
        }
        var skeletons = Set<[UInt8]>()
        for letters in scores.keys { if let k = Self.skeleton(letters) { skeletons.insert(k) } }
        for k in skeletons {
          skeletonGiven[p][k, default: []].append(ReverseCandidate(scalar: scalar, logScore: log(prior) + Self.skeletonPenalty))
        }
      }
    }
    var reverseSurname: [[UInt8]: [ReverseCandidate]] = [:]
    var known = Set<[UInt8]>()
    let population = model.surnamePopulation.values.reduce(0, +)
    for (scalar, people) in model.surnamePopulation {
      forward[0][Int(scalar - Hangul.first)] = model.spellings(of: scalar, at: .surname)
      var scores: [[UInt8]: Double] = [:]
      for spelling in model.spellings(of: scalar, at: .surname, wide: true) where spelling.probability >= 0.001 && !spelling.letters.isEmpty {
        scores[spelling.letters] = spelling.probability
      }
      for form in Self.conventionalSpellings(of: scalar) where !form.isEmpty {
        scores[form] = max(scores[form] ?? 0, Self.conventionalSpellingProbability)
      }
      for (letters, probability) in scores {
        let logScore = log(probability) + log(people / population)
        reverseSurname[letters, default: []].append(ReverseCandidate(scalar: scalar, logScore: logScore))
        let loose = Self.loosened(letters)
        if loose != letters { reverseSurname[loose, default: []].append(ReverseCandidate(scalar: scalar, logScore: logScore + Self.loosePenalty)) }
      }
      if let jamo = Hangul.jamo(of: scalar) {
        known.insert(KoreanSpellingModel.letters(Hangul.rrInitials[jamo.initial] + Hangul.rrMedials[jamo.medial] + Hangul.rrFinals[jamo.final]))
        known.insert(KoreanSpellingModel.letters(Hangul.mrAsciiInitials[jamo.initial] + Hangul.mrAsciiMedials[jamo.medial] + Hangul.mrFinals[jamo.final]))
      }
    }
    for spelling in model.surnameDisplay.keys { known.insert(spelling) }
    for key in reverseSurname.keys {
      // one entry per surname (a loose and an exact spelling may both point at it), best first
      var best: [UInt32: Double] = [:]
      for c in reverseSurname[key] ?? [] { best[c.scalar] = max(best[c.scalar] ?? -.infinity, c.logScore) }
      reverseSurname[key] = best.map { ReverseCandidate(scalar: $0.key, logScore: $0.value) }.sorted { $0.logScore != $1.logScore ? $0.logScore > $1.logScore : $0.scalar < $1.scalar }
    }
    for p in 1...2 {
      for key in reverseGiven[p].keys { reverseGiven[p][key]?.sort { $0.logScore != $1.logScore ? $0.logScore > $1.logScore : $0.scalar < $1.scalar } }
      for key in looseGiven[p].keys { looseGiven[p][key]?.sort { $0.logScore != $1.logScore ? $0.logScore > $1.logScore : $0.scalar < $1.scalar } }
      for key in skeletonGiven[p].keys {
        skeletonGiven[p][key] = Array((skeletonGiven[p][key] ?? []).sorted { $0.logScore != $1.logScore ? $0.logScore > $1.logScore : $0.scalar < $1.scalar }.prefix(Self.skeletonCandidates))
      }
    }
    self.forward = forward
    self.forwardOptions = forward.map { lists in lists.map { $0.map(SpellingOptions.init) } }
    self.reverseGiven = reverseGiven
    self.looseGiven = looseGiven
    self.skeletonGiven = skeletonGiven
    // The parser's lookups go by the spelling's code (no allocation to look up); the merged
    // lists (known readings, then skeleton readings) are built on first use: see `merged`.
    func codes(_ index: [[[UInt8]: [ReverseCandidate]]]) -> Set<UInt64> {
      var out = Set<UInt64>()
      out.reserveCapacity(index[1].count + index[2].count)
      for p in 1...2 {
        for spelling in index[p].keys { if let code = SpellingCode.encode(spelling[...]) { out.insert(code) } }
      }
      return out
    }
    self.exactCodes = codes(reverseGiven)
    self.looseCodes = codes(looseGiven)
    self.reverseSurname = reverseSurname
    self.knownSurnameSpellings = known
    let given = Set(reverseGiven[1].keys).union(reverseGiven[2].keys)
    self.givenSpellings = given
    self.longestGivenSpelling = given.map(\.count).max() ?? 0
    let loose = Set(looseGiven[1].keys).union(looseGiven[2].keys)
    self.looseSpellings = loose
    self.longestLooseSpelling = loose.map(\.count).max() ?? 0
  }

  /// The readings of a given-name spelling at a position (1 or 2), best first, when its code
  /// is in `exactCodes` (or `looseCodes` when `loose`): its known readings at that position
  /// (else at the other one), then skeleton readings not among them. `spelling` holds the
  /// letters of `code`. Nil when the code is not indexed.
  func merged(code: UInt64, spelling: [UInt8], loose: Bool, position p: Int) -> [ReverseCandidate]? {
    guard (loose ? looseCodes : exactCodes).contains(code), p == 1 || p == 2 else { return nil }
    let key = code | UInt64(p) << 61 | (loose ? 1 << 63 : 0)
    if let found = mergedCache.get(key) { return found }
    let index = loose ? looseGiven : reverseGiven
    let primary = index[p][spelling] ?? index[3 - p][spelling] ?? []
    let list = Self.merge(primary, skeleton: Self.skeleton(spelling).flatMap { skeletonGiven[p][$0] ?? skeletonGiven[3 - p][$0] })
    mergedCache.set(key, list)
    return list
  }

  /// Merged reverse lists by (code, position, loose), filled on first use under a lock; each
  /// list is a pure function of the immutable tables, so sharing them is safe.
  final class MergedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [UInt64: [ReverseCandidate]] = [:]

    func get(_ key: UInt64) -> [ReverseCandidate]? {
      lock.lock()
      defer { lock.unlock() }
      return lists[key]
    }

    func set(_ key: UInt64, _ list: [ReverseCandidate]) {
      lock.lock()
      defer { lock.unlock() }
      lists[key] = list
    }
  }

  /// Tables already built, by lexicon provider instance, so that services built from the same
  /// provider in one process (the CLI's parser and its `NameAnalyzer`) share one build. The
  /// provider is retained with its tables, so its identity cannot be reused by another one.
  private static let sharedLock = NSLock()
  nonisolated(unsafe) private static var sharedTables: [ObjectIdentifier: (provider: AnyObject, tables: KoreanNameTables)] = [:]

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

  /// Score (log) of a syllable reached only through its consonant skeleton, added to its prior.
  static let skeletonPenalty = log(0.0003)
  /// Syllables kept per skeleton (most likely first).
  static let skeletonCandidates = 12

  /// The consonant skeleton of a loosened one-syllable spelling: the onset's and coda's
  /// classes (as in the key: g/k → k, j/ch → j, r/l → l …) around "*" for the vowels and
  /// glides; nil when the letters hold two vowel groups.
  static func skeleton(_ letters: [UInt8]) -> [UInt8]? {
    let loose = loosened(letters)
    func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x77 || b == 0x79 }
    var i = 0
    while i < loose.count && !isVowel(loose[i]) { i += 1 }
    var j = i
    while j < loose.count && isVowel(loose[j]) { j += 1 }
    guard j > i, !loose[j...].contains(where: isVowel) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(4)
    if let onset = KoreanNameKey.foldOnsetLetter(loose[..<i]) { out.append(onset) }
    out.append(0x2A)
    KoreanNameKey.appendFoldedCoda(loose[j...], to: &out)
    return out
  }

  /// Score penalty (log) for reading a spelling only through its loosened form.
  static let loosePenalty = log(0.05)

  /// A looser form of a spelling for reading back idiosyncratic spellings: "gh", "kh", "sh",
  /// "ph", "rh" lose their "h"; an "h" between a vowel and a consonant or the end goes ("Ahn",
  /// "Ihk", "Kahng", "Eoh"); doubled consonants are single ("Sanng"); "c" not before "h" is "k"
  /// ("Dong-ic"); "iy" and "ie" before a consonant are "i" ("Kiy", "Jie").
  static func loosened(_ letters: [UInt8]) -> [UInt8] {
    // The rules of `loosenedWithSources`, without recording sources.
    func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
    var out: [UInt8] = []
    out.reserveCapacity(letters.count)
    var i = 0
    while i < letters.count {
      let b = letters[i]
      let next: UInt8? = i + 1 < letters.count ? letters[i + 1] : nil
      i += 1
      if b == 0x68, let previous = out.last {  // h
        if previous == 0x67 || previous == 0x6B || previous == 0x73 || previous == 0x70 || previous == 0x72 { continue }
        if isVowel(previous) && (next == nil || !(isVowel(next ?? 0) || next == 0x77 || next == 0x79)) { continue }
      }
      if b == 0x63 && next != 0x68 {  // c → k
        if out.last != 0x6B { out.append(0x6B) }
        continue
      }
      if !isVowel(b) && b != 0x77 && b != 0x79 && out.last == b { continue }  // doubled consonant
      if b == 0x79 && out.last == 0x69 && (next == nil || !isVowel(next ?? 0)) { continue }  // "iy"
      if b == 0x65 && out.last == 0x69 && (next == nil || !(isVowel(next ?? 0))) { continue }  // "ie"
      out.append(b)
    }
    return out
  }

  /// `loosened`, with the index in `letters` each kept letter came from.
  static func loosenedWithSources(_ letters: [UInt8]) -> (letters: [UInt8], sources: [Int]) {
    var sources: [Int] = []
    func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
    var out: [UInt8] = []
    out.reserveCapacity(letters.count)
    var i = 0
    while i < letters.count {
      let b = letters[i]
      let next: UInt8? = i + 1 < letters.count ? letters[i + 1] : nil
      if b == 0x68, let previous = out.last {  // h
        if previous == 0x67 || previous == 0x6B || previous == 0x73 || previous == 0x70 || previous == 0x72 {
          i += 1
          continue
        }
        if isVowel(previous) && (next == nil || !(isVowel(next ?? 0) || next == 0x77 || next == 0x79)) {
          i += 1
          continue
        }
      }
      if b == 0x63 && next != 0x68 {  // c → k
        if out.last != 0x6B {
          out.append(0x6B)
          sources.append(i)
        }
        i += 1
        continue
      }
      if !isVowel(b) && b != 0x77 && b != 0x79 && out.last == b {  // doubled consonant
        i += 1
        continue
      }
      if b == 0x79 && out.last == 0x69 && (next == nil || !isVowel(next ?? 0)) {  // "iy"
        i += 1
        continue
      }
      if b == 0x65 && out.last == 0x69 && (next == nil || !(isVowel(next ?? 0))) {  // "ie"
        i += 1
        continue
      }
      out.append(b)
      sources.append(i)
      i += 1
    }
    return (out, sources)
  }

  /// Probability given to a textbook spelling the data never showed, for reading it back.
  static let conventionalSpellingProbability = 0.03

  /// RR and McCune–Reischauer (ASCII) letters of a syllable and their mixtures.
  static func conventionalSpellings(of scalar: UInt32) -> [[UInt8]] {
    guard let j = Hangul.jamo(of: scalar) else { return [] }
    var forms: [[UInt8]] = []
    forms.reserveCapacity(8)
    for initial in [Hangul.rrInitialBytes[j.initial], Hangul.mrAsciiInitialBytes[j.initial]] {
      for medial in [Hangul.rrMedialBytes[j.medial], Hangul.mrAsciiMedialBytes[j.medial]] {
        for final in [Hangul.rrFinalBytes[j.final], Hangul.rrTransliteratedFinalBytes[j.final]] {
          let form = initial + medial + final
          if !forms.contains(form) { forms.append(form) }
        }
      }
    }
    return forms
  }

  /// `spellings(of:at:)` as parallel arrays.
  @inline(__always)
  func options(of scalar: UInt32, at position: KoreanNamePosition) -> SpellingOptions {
    guard Hangul.isSyllable(scalar) else { return SpellingOptions([]) }
    if let cached = forwardOptions[position.rawValue][Int(scalar - Hangul.first)] { return cached }
    return SpellingOptions(model.spellings(of: scalar, at: position))
  }

  /// Spellings of a syllable at a position, best first (precomputed or computed now).
  @inline(__always)
  func spellings(of scalar: UInt32, at position: KoreanNamePosition) -> [WeightedSpelling] {
    guard Hangul.isSyllable(scalar) else { return [] }
    if let cached = forward[position.rawValue][Int(scalar - Hangul.first)] { return cached }
    return model.spellings(of: scalar, at: position)
  }
}

/// Spellings of a syllable as parallel arrays (at most 16, best first).
struct SpellingOptions: Sendable {
  var letters: [[UInt8]]
  var probabilities: [Double]
  var logs: [Double]

  init(_ spellings: [WeightedSpelling]) {
    let kept = spellings.prefix(16)
    letters = kept.map(\.letters)
    probabilities = kept.map(\.probability)
    logs = kept.map(\.logProbability)
  }
}
