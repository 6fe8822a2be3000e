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
/// to the Revised Romanization / McCune–Reischauer letters; the end of a syllable without a
/// final backs off further to its vowel (the "h" of "Oh" 오). A syllable never seen still gets
/// sensible spellings from its jamo. Surnames add the observed and listed spellings of
/// `surname-spellings.tsv`. Spellings are `SpellingCode`s throughout.
///
/// ```swift
/// let model = try KoreanSpellingModel(lexicons: lexicons)
/// var scratch = SpellingDistribution()
/// model.spellings(of: 0xBCD1 /* 병 */, at: .first, into: &scratch).best(3, minimum: 0)
/// // byung, byeong, byoung
/// ```
struct KoreanSpellingModel: Sendable {
  /// Smoothing constants, chosen by cross-validation over people of both dev files
  /// (Scripts/eval-names: 5 folds, every table re-derived from the training people). The nine
  /// smoothing constants can be set in `ko/spelling-model.tsv` (`Parameters.lexiconNames`), so
  /// that `Scripts/eval-names --tune` chooses them inside each fold; the option counts are fixed.
  struct Parameters: Sendable {
    var jamoConcentration = 1.0
    var syllableConcentration = 2.0
    var surnameConcentration = 5.0
    var listedWeight = 3.0
    /// Absolute discount of the distributions the reverse index (Latin → Hangul) is built from:
    /// a spelling seen once keeps some mass, so it can still be read back.
    var discount = 0.8
    /// Absolute discount of the distributions romanisation ranks (Hangul → Latin): above 1,
    /// spellings seen once ("Ihk", "Suak", "Kiy") drop out of the specific levels
    /// and keep only what the jamo back-off gives them, so they no longer take top-5 places.
    /// Held-out top-5 went 0.783 → 0.796 (politicians), 0.964 → 0.964 (performers) against 0.8.
    var forwardDiscount = 1.5
    /// Witten–Bell share of a syllable's concentration: each distinct spelling a syllable was
    /// seen with adds this much pseudo-count to its jamo back-off, so a syllable seen spelled
    /// many ways ("Kyung", "Kyoung", "Gyeong" 경) keeps more of the letter-level mass than one
    /// always spelled alike ("Min" 민). 0 keeps the concentration constant.
    var syllableTypeWeight = 0.0
    /// Absolute discount of the jamo levels for romanising; nil uses `forwardDiscount`.
    var jamoDiscount: Double? = nil
    /// The surname's log probability is scaled by this in the romanizer's beam (see
    /// `KoreanRomanizer`): the surname model spreads mass over rare forms ("Rhee", "Bak").
    var surnameSharpness = 1.2
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

    /// The constants `ko/spelling-model.tsv` may set, by the name written there.
    static let lexiconNames = [
      "jamo-concentration", "syllable-concentration", "surname-concentration", "listed-weight",
      "discount", "forward-discount", "syllable-type-weight", "jamo-discount", "surname-sharpness",
    ]

    /// Sets the constant named `name` in `ko/spelling-model.tsv`; false for an unknown name.
    mutating func set(_ name: String, to value: Double) -> Bool {
      switch name {
      case "jamo-concentration": jamoConcentration = value
      case "syllable-concentration": syllableConcentration = value
      case "surname-concentration": surnameConcentration = value
      case "listed-weight": listedWeight = value
      case "discount": discount = value
      case "forward-discount": forwardDiscount = value
      case "syllable-type-weight": syllableTypeWeight = value
      case "jamo-discount": jamoDiscount = value
      case "surname-sharpness": surnameSharpness = value
      default: return false
      }
      return true
    }

    /// These parameters with the constants of `ko/spelling-model.tsv` (`constant<TAB>value`).
    ///
    /// - Throws: `KoreanNameError.invalidLexicon` naming the line of an unknown constant or of a
    ///   value that is not a positive number.
    func reading(_ entries: [LexiconEntry]) throws -> Parameters {
      var parameters = self
      for entry in entries {
        guard entry.fields.count == 2 else {
          throw KoreanNameError.invalidLexicon(
            entry.location, "expected constant<TAB>value, found \(entry.fields.count) fields")
        }
        let mayBeZero = entry.fields[0] == "syllable-type-weight"
        guard let value = Double(entry.fields[1]), value.isFinite,
          value > 0 || (mayBeZero && value == 0)
        else {
          throw KoreanNameError.invalidLexicon(
            entry.location, "\"\(entry.fields[1])\" is not a positive number")
        }
        guard parameters.set(entry.fields[0], to: value) else {
          let known = Self.lexiconNames.joined(separator: ", ")
          throw KoreanNameError.invalidLexicon(
            entry.location, "unknown constant \"\(entry.fields[0])\"; known: \(known)")
        }
      }
      return parameters
    }
  }

  let parameters: Parameters
  /// Counts of jamo spellings by context: (jamo, position, neighbour), (jamo, position) and
  /// (jamo, any given-name position).
  private var jamoFull: [JamoContext: SpellingCounts] = [:]
  private var jamoByPosition: [JamoContext: SpellingCounts] = [:]
  private var jamoGiven: [JamoContext: SpellingCounts] = [:]
  /// Syllable spelling counts: key (scalar, position or -1 for any).
  private var syllableCounts: [SyllableKey: SpellingCounts] = [:]
  /// Surname spellings: observed counts and listed ranks (as 1/rank).
  private var surnameObserved: [UInt32: SpellingCounts] = [:]
  private var surnameListed: [UInt32: SpellingCounts] = [:]
  /// The surnames of the lexicon with their population (census; a floor when unknown).
  private(set) var surnamePopulation: [UInt32: Double] = [:]
  /// Codes of observed and listed surname spellings ("Yoo", "Rhee").
  private(set) var surnameSpellings: Set<UInt64> = []
  /// How often each syllable was seen in given names, by position (for the Latin → Hangul prior).
  private(set) var givenSyllableCounts: [SyllableKey: Double] = [:]
  /// Spellings real given names were seen with, and the Revised Romanization of every syllable
  /// seen in them: the evidence mention detection asks of a romanised Korean reading.
  private(set) var observedGivenSpellings: Set<UInt64> = []
  /// Sorted jamo spelling distributions by context, computed on first use: with
  /// `forwardDiscount` (romanisation) and with `discount` (the wide lists of the reverse index).
  private let jamoLists = JamoListCache()
  private let wideJamoLists = JamoListCache()

  struct JamoContext: Hashable, Sendable {
    var slot: Int
    var jamo: Int
    var position: Int
    var neighbour: Int
  }

  /// The sorted spelling list of each jamo context, filled on first use under a lock (the
  /// lists are pure functions of the immutable counts, so sharing them is safe).
  /// Kept in a flat array indexed by the context's fields (slot 0…4 of `slotNames`, jamo 0…27,
  /// position -1…2, neighbour -2…27): no hashing per lookup.
  final class JamoListCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lists = [SpellingList?](
      repeating: nil, count: KoreanSpellingModel.slotNames.count * 28 * 4 * 30)

    @inline(__always)
    private static func slot(_ c: JamoContext) -> Int {
      ((c.slot * 28 + c.jamo) * 4 + c.position + 1) * 30 + c.neighbour + 2
    }

    func list(_ context: JamoContext, _ make: () -> SpellingList) -> SpellingList {
      let slot = Self.slot(context)
      lock.lock()
      if let found = lists[slot] {
        lock.unlock()
        return found
      }
      lock.unlock()
      let made = make()
      lock.lock()
      lists[slot] = made
      lock.unlock()
      return made
    }
  }

  struct SyllableKey: Hashable, Sendable {
    var scalar: UInt32
    var position: Int
  }

  /// Reads `surnames`, `surname-spellings`, `syllable-spellings`, `jamo-spellings` and
  /// `spelling-model` (constants overriding `parameters`) of language `ko`.
  ///
  /// - Throws: `KoreanNameError.invalidLexicon` naming the file and line of a malformed entry,
  ///   or the provider's `LexiconError`.
  init(lexicons: any LexiconProvider, parameters: Parameters = Parameters()) throws {
    self.parameters = try parameters.reading(
      lexicons.entries(kind: "spelling-model", language: "ko"))
    var jamoFull: [JamoContext: [UInt64: Double]] = [:]
    var jamoByPosition: [JamoContext: [UInt64: Double]] = [:]
    var jamoGiven: [JamoContext: [UInt64: Double]] = [:]
    for entry in try lexicons.entries(kind: "jamo-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 6, let count = Double(f[5]) else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "expected slot, jamo, position, neighbour, spelling, count")
      }
      guard let slot = Self.slotNames.firstIndex(of: f[0]),
        let jamo = Self.jamoIndex(f[1], slot: slot),
        let position = KoreanNamePosition(field: f[2])
      else {
        throw KoreanNameError.invalidLexicon(entry.location, "unknown slot, jamo or position")
      }
      guard let spelling = SpellingCode.of(f[4]), SpellingCode.length(spelling) <= 4 else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "a jamo spelling has at most 4 letters")
      }
      let neighbourSlot = slot == 0 ? 1 : (slot == 2 ? 0 : 2)
      let neighbour = f[3] == "-" ? -1 : (Self.jamoIndex(f[3], slot: neighbourSlot) ?? -1)
      jamoFull[
        JamoContext(slot: slot, jamo: jamo, position: position.rawValue, neighbour: neighbour),
        default: [:]][spelling, default: 0] += count
      jamoByPosition[
        JamoContext(slot: slot, jamo: jamo, position: position.rawValue, neighbour: -2),
        default: [:]][spelling, default: 0] += count
      if position != .surname {
        jamoGiven[JamoContext(slot: slot, jamo: jamo, position: -1, neighbour: -2), default: [:]][
          spelling, default: 0] += count
      }
    }
    self.jamoFull = jamoFull.mapValues(SpellingCounts.init)
    self.jamoByPosition = jamoByPosition.mapValues(SpellingCounts.init)
    self.jamoGiven = jamoGiven.mapValues(SpellingCounts.init)
    var syllableCounts: [SyllableKey: [UInt64: Double]] = [:]
    for entry in try lexicons.entries(kind: "syllable-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]),
        let position = KoreanNamePosition(field: f[1]),
        let count = Double(f[3])
      else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "expected syllable, position (first|next), spelling, count")
      }
      guard let spelling = SpellingCode.of(f[2]), spelling != 0 else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "a syllable spelling has 1 to 12 letters")
      }
      syllableCounts[SyllableKey(scalar: scalar, position: position.rawValue), default: [:]][
        spelling, default: 0] += count
      syllableCounts[SyllableKey(scalar: scalar, position: -1), default: [:]][
        spelling, default: 0] += count
      givenSyllableCounts[SyllableKey(scalar: scalar, position: position.rawValue), default: 0] +=
        count
      if count > 0 {
        observedGivenSpellings.insert(spelling)
        observedGivenSpellings.insert(Hangul.rrCode(scalar))
      }
    }
    self.syllableCounts = syllableCounts.mapValues(SpellingCounts.init)
    for entry in try lexicons.entries(kind: "surnames", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]) else {
        throw KoreanNameError.invalidLexicon(entry.location, "expected hangul, rr, mr, population")
      }
      surnamePopulation[scalar] = Double(f[3]) ?? 0
    }
    var surnameObserved: [UInt32: [UInt64: Double]] = [:]
    var surnameListed: [UInt32: [UInt64: Double]] = [:]
    for entry in try lexicons.entries(kind: "surname-spellings", language: "ko") {
      let f = entry.fields
      guard f.count >= 4, let scalar = Self.singleSyllable(f[0]), let observed = Double(f[2]) else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "expected hangul, spelling, observed, listed rank")
      }
      guard let spelling = SpellingCode.of(f[1]), spelling != 0 else {
        throw KoreanNameError.invalidLexicon(
          entry.location, "a spelling needs 1 to 12 Latin letters")
      }
      if observed > 0 { surnameObserved[scalar, default: [:]][spelling, default: 0] += observed }
      if let rank = Double(f[3]), rank > 0 {
        surnameListed[scalar, default: [:]][spelling, default: 0] += 1 / rank
      }
      if surnamePopulation[scalar] == nil { surnamePopulation[scalar] = 0 }
      surnameSpellings.insert(spelling)
    }
    self.surnameObserved = surnameObserved.mapValues(SpellingCounts.init)
    self.surnameListed = surnameListed.mapValues(SpellingCounts.init)
    // Surnames without a census figure get a small floor, below every counted one.
    let floor = max(1, (surnamePopulation.values.filter { $0 > 0 }.min() ?? 2000) / 2)
    for (scalar, population) in surnamePopulation where population <= 0 {
      surnamePopulation[scalar] = floor
    }
  }

  // MARK: - Distributions

  /// The most likely spellings of a syllable at a position, best first.
  ///
  /// - Parameter wide: enumerate more jamo spellings and keep more results (for the reverse index).
  func spellings(of scalar: UInt32, at position: KoreanNamePosition, wide: Bool = false)
    -> [WeightedSpelling]
  {
    var scratch = SpellingDistribution()
    let list = best(of: scalar, at: position, wide: wide, minimum: 0, scratch: &scratch)
    return zip(list.codes, list.probabilities).map {
      WeightedSpelling(letters: SpellingCode.letters($0), probability: $1)
    }
  }

  /// `spellings(of:at:wide:)` as codes, keeping only probabilities of at least `minimum`;
  /// `scratch` is reused between calls.
  func best(
    of scalar: UInt32, at position: KoreanNamePosition, wide: Bool, minimum: Double,
    scratch: inout SpellingDistribution
  ) -> SpellingList {
    guard let jamo = Hangul.jamo(of: scalar) else { return SpellingList() }
    scratch.removeAll()
    jamoDistribution(jamo, position: position, wide: wide, into: &scratch)
    let d = wide ? parameters.discount : parameters.forwardDiscount
    if position == .surname {
      if let listed = surnameListed[scalar], !listed.codes.isEmpty {
        let w = parameters.listedWeight
        scratch.divide(by: 1 + w)
        for (code, v) in zip(listed.codes, listed.counts) {
          scratch.add(code, w * v / listed.total / (1 + w))
        }
      }
      if let observed = surnameObserved[scalar] {
        scratch.backOff(to: observed, discount: d, concentration: parameters.surnameConcentration)
      }
      return scratch.best(
        wide ? parameters.wideSurnameOptions : parameters.surnameOptions, minimum: minimum)
    }
    let k = parameters.syllableConcentration
    let w = parameters.syllableTypeWeight
    if let any = syllableCounts[SyllableKey(scalar: scalar, position: -1)] {
      scratch.backOff(to: any, discount: d, concentration: k + w * Double(any.codes.count))
    }
    if let here = syllableCounts[SyllableKey(scalar: scalar, position: position.rawValue)] {
      scratch.backOff(to: here, discount: d, concentration: k + w * Double(here.codes.count))
    }
    return scratch.best(
      wide ? parameters.wideSyllableOptions : parameters.syllableOptions, minimum: minimum)
  }

  /// The jamo model: sum over the ways initial + medial + final spell out a string.
  private func jamoDistribution(
    _ jamo: Hangul.Jamo, position: KoreanNamePosition, wide: Bool,
    into out: inout SpellingDistribution
  ) {
    let p = position.rawValue
    let jamoLists = wide ? self.wideJamoLists : self.jamoLists
    let d = wide ? parameters.discount : (parameters.jamoDiscount ?? parameters.forwardDiscount)
    // The jamo distributions depend only on (jamo, position, neighbour): computed once each,
    // sorted best first, and shared by every syllable with that context.
    let initialContext = JamoContext(
      slot: 0, jamo: jamo.initial, position: p, neighbour: jamo.medial)
    let initialSorted = jamoLists.list(initialContext) {
      var levels = [
        jamoGiven[JamoContext(slot: 0, jamo: jamo.initial, position: -1, neighbour: -2)]
      ]
      if position != .surname {
        levels.append(
          jamoByPosition[JamoContext(slot: 0, jamo: jamo.initial, position: p, neighbour: -2)])
      }
      levels.append(jamoFull[initialContext])
      return jamoList(base: Self.baseInitial(jamo.initial), levels: levels, discount: d)
    }
    let medialNeighbour = jamo.final == 0 ? -1 : jamo.final
    // A given-name medial after the silent ㅇ backs off further to the medials seen after it
    // ("woon" for 운 though "oon" is what 준, 순 teach).
    let silent = jamo.initial == Self.silentOnset && position != .surname
    let medialContext = JamoContext(
      slot: silent ? 3 : 1, jamo: jamo.medial, position: p, neighbour: medialNeighbour)
    let medialSorted = jamoLists.list(medialContext) {
      var levels = [
        jamoGiven[JamoContext(slot: 1, jamo: jamo.medial, position: -1, neighbour: -2)],
        jamoByPosition[JamoContext(slot: 1, jamo: jamo.medial, position: p, neighbour: -2)],
        jamoFull[JamoContext(slot: 1, jamo: jamo.medial, position: p, neighbour: medialNeighbour)],
      ]
      if silent {
        levels.append(
          jamoGiven[JamoContext(slot: 3, jamo: jamo.medial, position: -1, neighbour: -2)])
      }
      return jamoList(base: Self.baseMedial(jamo.medial), levels: levels, discount: d)
    }
    let finalContext = JamoContext(slot: 2, jamo: jamo.final, position: p, neighbour: -2)
    // A syllable without a final backs off further to what ends that vowel: the "h" of "Oh" 오
    // stays with ㅗ instead of giving every open syllable a trailing "h" ("Hyoh" 효, "Taeh" 태).
    let open = jamo.final == 0
    let openContext = JamoContext(
      slot: Self.openFinalSlot, jamo: jamo.medial, position: p, neighbour: -2)
    let finalSorted = jamoLists.list(open ? openContext : finalContext) {
      var levels = [
        jamoGiven[JamoContext(slot: 2, jamo: jamo.final, position: -1, neighbour: -2)],
        jamoByPosition[finalContext],
      ]
      if open {
        levels.append(
          jamoGiven[
            JamoContext(slot: Self.openFinalSlot, jamo: jamo.medial, position: -1, neighbour: -2)])
        levels.append(jamoByPosition[openContext])
      }
      return jamoList(base: Self.baseFinal(jamo.final), levels: levels, discount: d)
    }
    let initialCount = min(
      initialSorted.count, wide ? parameters.wideInitialOptions : parameters.initialOptions)
    let medialLimit = wide ? parameters.wideMedialOptions : parameters.medialOptions
    let finalCount = min(
      finalSorted.count, wide ? parameters.wideFinalOptions : parameters.finalOptions)
    // A "w" or "y" written before a plain vowel stands for the silent onset ㅇ ("Woo", "Yi");
    // after a consonant it is noise ("Jwoon", "Myi").
    let dropGlides = jamo.initial != Self.silentOnset && Self.plainMedials.contains(jamo.medial)
    var medials: [Int] = []
    medials.reserveCapacity(medialLimit)
    for m in 0..<medialSorted.count where medials.count < medialLimit {
      let mc = medialSorted.codes[m]
      if dropGlides && mc != 0 {
        let first = SpellingCode.letter(mc, 0, length: SpellingCode.length(mc))
        if first == 0x77 || first == 0x79 { continue }
      }
      medials.append(m)
    }
    for i in 0..<initialCount {
      let ic = initialSorted.codes[i]
      let pi = initialSorted.probabilities[i]
      for m in medials {
        let im = pi * medialSorted.probabilities[m]
        let prefix = SpellingCode.join(ic, medialSorted.codes[m])
        for f in 0..<finalCount {
          out.add(
            SpellingCode.join(prefix, finalSorted.codes[f]), im * finalSorted.probabilities[f])
        }
      }
    }
  }

  /// A jamo's spelling list: `base` backed off from the most general level (first) to the
  /// most specific (last).
  private func jamoList(base: [(UInt64, Double)], levels: [SpellingCounts?], discount: Double)
    -> SpellingList
  {
    var d = SpellingDistribution(capacity: 32)
    for (code, p) in base { d.add(code, p) }
    for level in levels {
      if let level {
        d.backOff(to: level, discount: discount, concentration: parameters.jamoConcentration)
      }
    }
    return d.best(Int.max, minimum: 0)
  }

  /// The `slot` field of `jamo-spellings.tsv`: `silent-medial` repeats the medials after the
  /// silent ㅇ of given names, `open-final` the ends of syllables without a final by their medial.
  static let slotNames = ["initial", "medial", "final", "silent-medial", "open-final"]
  /// Index of `open-final` in `slotNames`.
  static let openFinalSlot = 4
  /// Index of the silent initial ㅇ.
  static let silentOnset = 11
  /// Medials that do not start with a glide: ㅏ ㅐ ㅓ ㅔ ㅗ ㅜ ㅡ ㅣ.
  static let plainMedials: Set<Int> = [0, 1, 4, 5, 8, 13, 18, 20]

  // MARK: - Base spellings (RR and McCune–Reischauer letters)

  private static func baseInitial(_ index: Int) -> [(UInt64, Double)] {
    merged([(Hangul.rrInitialCodes[index], 0.6), (Hangul.mrAsciiInitialCodes[index], 0.4)])
  }

  private static func baseMedial(_ index: Int) -> [(UInt64, Double)] {
    merged([(Hangul.rrMedialCodes[index], 0.6), (Hangul.mrAsciiMedialCodes[index], 0.4)])
  }

  private static func baseFinal(_ index: Int) -> [(UInt64, Double)] {
    [(Hangul.rrFinalCodes[index], 1)]
  }

  /// RR and MR letters share one entry when they agree ("m": 0.6 + 0.4).
  private static func merged(_ pairs: [(UInt64, Double)]) -> [(UInt64, Double)] {
    var out: [(UInt64, Double)] = []
    for (code, p) in pairs {
      if let i = out.firstIndex(where: { $0.0 == code }) {
        out[i].1 += p
      } else {
        out.append((code, 0 + p))
      }
    }
    return out
  }

  // MARK: - Lexicon fields

  /// Lowercase ASCII letters of a field; "-" (the empty spelling) gives [].
  static func letters(_ field: String) -> [UInt8] {
    var out: [UInt8] = []
    for byte in field.utf8 {
      if byte >= 0x61 && byte <= 0x7A {
        out.append(byte)
      } else if byte >= 0x41 && byte <= 0x5A {
        out.append(byte + 32)
      }
    }
    return out
  }

  private static func jamoIndex(_ field: String, slot: Int) -> Int? {
    switch slot {
    case 0:
      return field.count == 1 ? field.first.flatMap { initialIndexes[$0] } : nil
    case 1, 3, 4:
      return field.count == 1 ? field.first.flatMap { medialIndexes[$0] } : nil
    default: return finalIndexes[field]
    }
  }

  /// The positions in `Hangul.initialLetters`, `medialLetters` and `finalLetters` ("ㄱ" → 0),
  /// looked up by hash: comparing a field with each letter in turn cost the model's loading
  /// about 5 million instructions.
  private static let initialIndexes = indexes(Hangul.initialLetters)
  private static let medialIndexes = indexes(Hangul.medialLetters)
  private static let finalIndexes = indexes(Hangul.finalLetters)

  private static func indexes<Letter: Hashable>(_ letters: [Letter]) -> [Letter: Int] {
    var out: [Letter: Int] = [:]
    for (index, letter) in letters.enumerated() where out[letter] == nil { out[letter] = index }
    return out
  }

  private static func singleSyllable(_ field: String) -> UInt32? {
    let scalars = field.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first, Hangul.isSyllable(scalar.value) else {
      return nil
    }
    return scalar.value
  }
}
