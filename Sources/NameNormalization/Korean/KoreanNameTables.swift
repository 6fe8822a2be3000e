import Foundation
import NormalizeCore

/// The precomputed, read-only tables both directions share: forward spellings per syllable
/// and position (`forwardSpellings`, for romanising), and the reverse indexes from a spelling
/// code to the syllables it may stand for (`readingIndexes`, for reading a name back). The
/// model and the known surname spellings are built at `init`, the rest on first need, each
/// apart; immutable once built, so safe to share between threads.
///
/// ```swift
/// let tables = try KoreanNameTables(lexicons: lexicons)
/// tables.spellings(of: 0xC6A9 /* 용 */, at: .first).first?.letters  // "yong"
/// ```
final class KoreanNameTables: Sendable {
  let model: KoreanSpellingModel

  /// Spellings that are a known form of a surname (observed, listed, RR or MR); what
  /// `isKoreanSurname` accepts.
  let knownSurnames: CodeTable

  /// The reverse indexes and the forward spellings, each built on first need.
  private let lazyLock = NSLock()
  nonisolated(unsafe) private var builtReadingIndexes: KoreanReadingIndexes?
  nonisolated(unsafe) private var builtForwardSpellings: KoreanForwardSpellings?

  /// The reverse indexes reading a name back needs: built from `model` by the first caller
  /// (under a lock), then shared. Each access takes the lock: a hot caller holds the result.
  var readingIndexes: KoreanReadingIndexes {
    lazyLock.lock()
    defer { lazyLock.unlock() }
    if let built = builtReadingIndexes { return built }
    let built = KoreanReadingIndexes(model: model)
    builtReadingIndexes = built
    return built
  }

  /// The precomputed spellings romanising a name reads: built from `model` by the first caller
  /// (under a lock), then shared. Each access takes the lock: a hot caller holds the result.
  var forwardSpellings: KoreanForwardSpellings {
    lazyLock.lock()
    defer { lazyLock.unlock() }
    if let built = builtForwardSpellings { return built }
    let built = KoreanForwardSpellings(model: model)
    builtForwardSpellings = built
    return built
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

    var known = CodeTable(capacity: 1024)
    for scalar in model.surnamePopulation.keys.sorted() {
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
    self.knownSurnames = known
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

  /// Spellings of a syllable at a position, best first (precomputed or computed now).
  func spellings(of scalar: UInt32, at position: KoreanNamePosition) -> [WeightedSpelling] {
    guard Hangul.isSyllable(scalar) else { return [] }
    let forward = forwardSpellings
    if let range = forward.range(of: scalar, at: position) {
      return range.map {
        WeightedSpelling(
          letters: SpellingCode.letters(forward.codes[$0]),
          probability: forward.probabilities[$0])
      }
    }
    return model.spellings(of: scalar, at: position)
  }
}
