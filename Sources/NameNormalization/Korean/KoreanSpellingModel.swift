import Foundation
import NormalizeCore

/// Where a syllable sits in a Korean name; spellings are learned separately for each.
enum KoreanNamePosition: Int, Sendable, CaseIterable {
  /// The family name (one syllable: 김, 이, 박 …).
  case surname = 0
  /// The first syllable of the given name.
  case first = 1
  /// Any later syllable of the given name.
  case next = 2

  init?(field: String) {
    switch field {
    case "surname": self = .surname
    case "first": self = .first
    case "next": self = .next
    default: return nil
    }
  }
}

/// A spelling of a syllable (or name part) in lowercase ASCII letters, with its probability.
struct WeightedSpelling: Sendable {
  var letters: [UInt8]
  var probability: Double
  /// log(probability), kept for the beam.
  var logProbability: Double

  init(letters: [UInt8], probability: Double) {
    self.letters = letters
    self.probability = probability
    self.logProbability = log(probability)
  }
}

/// The probabilistic model of how Koreans spell their names in Latin letters, built from the
/// counts in `Lexicons/ko/` (see Lexicons/README.md, "Korean name spellings").
///
/// P(spelling | syllable, position) interpolates, with absolute discounting, the counts of the
/// whole syllable at that position, the syllable at any position, and a jamo model: the product
/// of the spelling distributions of its initial, medial and final, each backed off from
/// (jamo, position, neighbouring jamo) to (jamo, position) to (jamo, any given-name position)
/// to the Revised Romanization / McCune–Reischauer letters. A syllable never seen still gets
/// sensible spellings from its jamo. Surnames add the observed and listed spellings of
/// `surname-spellings.tsv`.
struct KoreanSpellingModel: Sendable {
  /// Smoothing constants, chosen by cross-validation on the dev pairs' folds (Scripts/eval-names).
  struct Parameters: Sendable {
    var jamoConcentration = 1.0
    var syllableConcentration = 2.0
    var surnameConcentration = 5.0
    var listedWeight = 3.0
    var discount = 0.8
    var initialOptions = 6
    var medialOptions = 6
    var finalOptions = 4
    var syllableOptions = 12
    var surnameOptions = 10
    /// Wider enumeration for the reverse index (Latin → Hangul), where recall matters.
    var wideInitialOptions = 8
    var wideMedialOptions = 8
    var wideFinalOptions = 5
    var wideSyllableOptions = 40
    var wideSurnameOptions = 24
  }

  let parameters: Parameters
  /// Counts of jamo spellings: [slot][jamo] → per-context counters.
  private var jamoFull: [JamoContext: [[UInt8]: Double]] = [:]
  private var jamoByPosition: [JamoContext: [[UInt8]: Double]] = [:]
  private var jamoGiven: [JamoContext: [[UInt8]: Double]] = [:]
  /// Syllable spelling counts: key (scalar, position or -1 for any).
  private var syllableCounts: [SyllableKey: [[UInt8]: Double]] = [:]
  /// Surname spellings: observed counts and listed ranks.
  private var surnameObserved: [UInt32: [[UInt8]: Double]] = [:]
  private var surnameListed: [UInt32: [[UInt8]: Double]] = [:]
  /// The surnames of the lexicon with their population (census; a floor when unknown).
  private(set) var surnamePopulation: [UInt32: Double] = [:]
  /// Display forms of observed and listed surname spellings ("Yoo", "Rhee").
  private(set) var surnameDisplay: [[UInt8]: String] = [:]
  /// How often each syllable was seen in given names, by position (for the Latin → Hangul prior).
  private(set) var givenSyllableCounts: [SyllableKey: Double] = [:]
  /// Sorted jamo spelling distributions by context, computed on first use.
  private let jamoLists = JamoListCache()

  struct JamoContext: Hashable, Sendable {
    var slot: Int
    var jamo: Int
    var position: Int
    var neighbour: Int
  }

  /// The sorted spelling list of each jamo context, filled on first use under a lock (the
  /// lists are pure functions of the immutable counts, so sharing them is safe).
  final class JamoListCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [JamoContext: [WeightedSpelling]] = [:]

    func list(_ context: JamoContext, _ make: () -> [WeightedSpelling]) -> [WeightedSpelling] {
      lock.lock()
      if let found = lists[context] {
        lock.unlock()
        return found
      }
      lock.unlock()
      let made = make()
      lock.lock()
      lists[context] = made
      lock.unlock()
      return made
    }
  }

  struct SyllableKey: Hashable, Sendable {
    var scalar: UInt32
    var position: Int
  }

  /// Reads `surnames`, `surname-spellings`, `syllable-spellings` and `jamo-spellings` of
  /// language `ko`.
  ///
  /// - Throws: `KoreanNameError.invalidLexicon` naming the file and line of a malformed entry,
  ///   or the provider's `LexiconError`.
  init(lexicons: any LexiconProvider, parameters: Parameters = Parameters()) throws {
    self.parameters = parameters
    for entry in try lexicons.entries(kind: "jamo-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 6, let count = Double(f[5]) else { throw KoreanNameError.invalidLexicon(entry.location, "expected slot, jamo, position, neighbour, spelling, count") }
      guard let slot = ["initial", "medial", "final"].firstIndex(of: f[0]),
        let jamo = Self.jamoIndex(f[1], slot: slot),
        let position = KoreanNamePosition(field: f[2])
      else { throw KoreanNameError.invalidLexicon(entry.location, "unknown slot, jamo or position") }
      let neighbourSlot = slot == 0 ? 1 : (slot == 1 ? 2 : 0)
      let neighbour = f[3] == "-" ? -1 : (Self.jamoIndex(f[3], slot: neighbourSlot) ?? -1)
      let spelling = Self.letters(f[4])
      jamoFull[JamoContext(slot: slot, jamo: jamo, position: position.rawValue, neighbour: neighbour), default: [:]][spelling, default: 0] += count
      jamoByPosition[JamoContext(slot: slot, jamo: jamo, position: position.rawValue, neighbour: -2), default: [:]][spelling, default: 0] += count
      if position != .surname {
        jamoGiven[JamoContext(slot: slot, jamo: jamo, position: -1, neighbour: -2), default: [:]][spelling, default: 0] += count
      }
    }
    for entry in try lexicons.entries(kind: "syllable-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]), let position = KoreanNamePosition(field: f[1]),
        let count = Double(f[3])
      else { throw KoreanNameError.invalidLexicon(entry.location, "expected syllable, position (first|next), spelling, count") }
      let spelling = Self.letters(f[2])
      syllableCounts[SyllableKey(scalar: scalar, position: position.rawValue), default: [:]][spelling, default: 0] += count
      syllableCounts[SyllableKey(scalar: scalar, position: -1), default: [:]][spelling, default: 0] += count
      givenSyllableCounts[SyllableKey(scalar: scalar, position: position.rawValue), default: 0] += count
    }
    for entry in try lexicons.entries(kind: "surnames", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]) else { throw KoreanNameError.invalidLexicon(entry.location, "expected hangul, rr, mr, population") }
      surnamePopulation[scalar] = Double(f[3]) ?? 0
    }
    for entry in try lexicons.entries(kind: "surname-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]), let observed = Double(f[2]) else {
        throw KoreanNameError.invalidLexicon(entry.location, "expected hangul, spelling, observed, listed rank")
      }
      let spelling = Self.letters(f[1])
      guard !spelling.isEmpty else { throw KoreanNameError.invalidLexicon(entry.location, "a spelling needs Latin letters") }
      if observed > 0 { surnameObserved[scalar, default: [:]][spelling, default: 0] += observed }
      if let rank = Double(f[3]), rank > 0 { surnameListed[scalar, default: [:]][spelling, default: 0] += 1 / rank }
      if surnamePopulation[scalar] == nil { surnamePopulation[scalar] = 0 }
      if surnameDisplay[spelling] == nil { surnameDisplay[spelling] = f[1] }
    }
    // Surnames without a census figure get a small floor, below every counted one.
    let floor = max(1, (surnamePopulation.values.filter { $0 > 0 }.min() ?? 2000) / 2)
    for (scalar, population) in surnamePopulation where population <= 0 { surnamePopulation[scalar] = floor }
  }

  // MARK: - Distributions

  /// The most likely spellings of a syllable at a position, best first.
  ///
  /// - Parameter wide: enumerate more jamo spellings and keep more results (for the reverse index).
  func spellings(of scalar: UInt32, at position: KoreanNamePosition, wide: Bool = false) -> [WeightedSpelling] {
    guard let jamo = Hangul.jamo(of: scalar) else { return [] }
    let fromJamo = jamoDistribution(jamo, position: position, wide: wide)
    if position == .surname {
      return top(surnameDistribution(scalar, jamoPrior: fromJamo), wide ? parameters.wideSurnameOptions : parameters.surnameOptions)
    }
    let any = syllableCounts[SyllableKey(scalar: scalar, position: -1)]
    let here = syllableCounts[SyllableKey(scalar: scalar, position: position.rawValue)]
    let distribution = backOff([here, any], base: fromJamo, concentration: parameters.syllableConcentration)
    return top(distribution, wide ? parameters.wideSyllableOptions : parameters.syllableOptions)
  }

  private func surnameDistribution(_ scalar: UInt32, jamoPrior: [[UInt8]: Double]) -> [[UInt8]: Double] {
    var prior = jamoPrior
    if let listed = surnameListed[scalar], !listed.isEmpty {
      let total = listed.values.reduce(0, +)
      let w = parameters.listedWeight
      var mixed: [[UInt8]: Double] = [:]
      for (spelling, p) in jamoPrior { mixed[spelling, default: 0] += p / (1 + w) }
      for (spelling, v) in listed { mixed[spelling, default: 0] += w * v / total / (1 + w) }
      prior = mixed
    }
    return backOff([surnameObserved[scalar]], base: prior, concentration: parameters.surnameConcentration)
  }

  /// The jamo model: sum over the ways initial + medial + final spell out a string.
  private func jamoDistribution(_ jamo: Hangul.Jamo, position: KoreanNamePosition, wide: Bool) -> [[UInt8]: Double] {
    let p = position.rawValue
    let k = parameters.jamoConcentration
    // The jamo distributions depend only on (jamo, position, neighbour): computed once each,
    // sorted best first (as `top` sorts), and shared by every syllable with that context.
    let initialSorted = jamoLists.list(JamoContext(slot: 0, jamo: jamo.initial, position: p, neighbour: jamo.medial)) {
      if position == .surname {
        return top(backOff(
          [jamoFull[JamoContext(slot: 0, jamo: jamo.initial, position: p, neighbour: jamo.medial)],
           jamoGiven[JamoContext(slot: 0, jamo: jamo.initial, position: -1, neighbour: -2)]],
          base: Self.baseInitial(jamo.initial), concentration: k), Int.max)
      }
      return top(backOff(
        [jamoFull[JamoContext(slot: 0, jamo: jamo.initial, position: p, neighbour: jamo.medial)],
         jamoByPosition[JamoContext(slot: 0, jamo: jamo.initial, position: p, neighbour: -2)],
         jamoGiven[JamoContext(slot: 0, jamo: jamo.initial, position: -1, neighbour: -2)]],
        base: Self.baseInitial(jamo.initial), concentration: k), Int.max)
    }
    let medialNeighbour = jamo.final == 0 ? -1 : jamo.final
    let medialSorted = jamoLists.list(JamoContext(slot: 1, jamo: jamo.medial, position: p, neighbour: medialNeighbour)) {
      top(backOff(
        [jamoFull[JamoContext(slot: 1, jamo: jamo.medial, position: p, neighbour: medialNeighbour)],
         jamoByPosition[JamoContext(slot: 1, jamo: jamo.medial, position: p, neighbour: -2)],
         jamoGiven[JamoContext(slot: 1, jamo: jamo.medial, position: -1, neighbour: -2)]],
        base: Self.baseMedial(jamo.medial), concentration: k), Int.max)
    }
    let finalSorted = jamoLists.list(JamoContext(slot: 2, jamo: jamo.final, position: p, neighbour: -2)) {
      top(backOff(
        [jamoByPosition[JamoContext(slot: 2, jamo: jamo.final, position: p, neighbour: -2)],
         jamoGiven[JamoContext(slot: 2, jamo: jamo.final, position: -1, neighbour: -2)]],
        base: Self.baseFinal(jamo.final), concentration: k), Int.max)
    }
    var out: [[UInt8]: Double] = [:]
    let initials = initialSorted.prefix(wide ? parameters.wideInitialOptions : parameters.initialOptions)
    // A "w" or "y" written before a plain vowel stands for the silent onset ㅇ ("Woo", "Yi");
    // after a consonant it is noise ("Jwoon", "Myi"). (Filtering the sorted list keeps its order.)
    let medials: ArraySlice<WeightedSpelling>
    if jamo.initial != Self.silentOnset && Self.plainMedials.contains(jamo.medial) {
      medials = medialSorted.filter { $0.letters.first != 0x77 && $0.letters.first != 0x79 }
        .prefix(wide ? parameters.wideMedialOptions : parameters.medialOptions)
    } else {
      medials = medialSorted.prefix(wide ? parameters.wideMedialOptions : parameters.medialOptions)
    }
    let finals = finalSorted.prefix(wide ? parameters.wideFinalOptions : parameters.finalOptions)
    for i in initials {
      for m in medials {
        let im = i.probability * m.probability
        for f in finals {
          out[i.letters + m.letters + f.letters, default: 0] += im * f.probability
        }
      }
    }
    return out
  }

  /// Interpolates counts from the most specific (first) to the most general context, each
  /// level discounted and backed off to the next, ending at `base`.
  private func backOff(_ levels: [[[UInt8]: Double]?], base: [[UInt8]: Double], concentration k: Double) -> [[UInt8]: Double] {
    var p = base
    let d = parameters.discount
    for level in levels.reversed() {
      guard let counts = level, !counts.isEmpty else { continue }
      let n = counts.values.reduce(0, +)
      let types = Double(counts.count)
      let backWeight = (k + d * types) / (n + k)
      var next: [[UInt8]: Double] = [:]
      next.reserveCapacity(p.count + counts.count)
      for (spelling, q) in p { next[spelling] = backWeight * q }
      for (spelling, c) in counts { next[spelling, default: 0] += max(c - d, 0) / (n + k) }
      p = next
    }
    return p
  }

  /// Index of the silent initial ㅇ.
  static let silentOnset = 11
  /// Medials that do not start with a glide: ㅏ ㅐ ㅓ ㅔ ㅗ ㅜ ㅡ ㅣ.
  static let plainMedials: Set<Int> = [0, 1, 4, 5, 8, 13, 18, 20]

  private func top(_ distribution: [[UInt8]: Double], _ n: Int) -> [WeightedSpelling] {
    let sorted = distribution.filter { $0.value > 0 }.sorted { a, b in
      a.value != b.value ? a.value > b.value : a.key.lexicographicallyPrecedes(b.key)
    }
    return sorted.prefix(n).map { WeightedSpelling(letters: $0.key, probability: $0.value) }
  }

  // MARK: - Base spellings (RR and McCune–Reischauer letters)

  private static func baseInitial(_ index: Int) -> [[UInt8]: Double] {
    var d: [[UInt8]: Double] = [:]
    d[letters(Hangul.rrInitials[index]), default: 0] += 0.6
    d[letters(Hangul.mrAsciiInitials[index]), default: 0] += 0.4
    return d
  }

  private static func baseMedial(_ index: Int) -> [[UInt8]: Double] {
    var d: [[UInt8]: Double] = [:]
    d[letters(Hangul.rrMedials[index]), default: 0] += 0.6
    d[letters(Hangul.mrAsciiMedials[index]), default: 0] += 0.4
    return d
  }

  private static func baseFinal(_ index: Int) -> [[UInt8]: Double] {
    [letters(Hangul.rrFinals[index]): 1]
  }

  // MARK: - Lexicon fields

  /// Lowercase ASCII letters of a field; "-" (the empty spelling) gives [].
  static func letters(_ field: String) -> [UInt8] {
    var out: [UInt8] = []
    for byte in field.utf8 {
      if byte >= 0x61 && byte <= 0x7A { out.append(byte) } else if byte >= 0x41 && byte <= 0x5A { out.append(byte + 32) }
    }
    return out
  }

  private static func jamoIndex(_ field: String, slot: Int) -> Int? {
    switch slot {
    case 0: return field.count == 1 ? field.first.flatMap { Hangul.initialLetters.firstIndex(of: $0) } : nil
    case 1: return field.count == 1 ? field.first.flatMap { Hangul.medialLetters.firstIndex(of: $0) } : nil
    default: return Hangul.finalLetters.firstIndex(of: field)
    }
  }

  private static func singleSyllable(_ field: String) -> UInt32? {
    let scalars = field.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first, Hangul.isSyllable(scalar.value) else { return nil }
    return scalar.value
  }
}
