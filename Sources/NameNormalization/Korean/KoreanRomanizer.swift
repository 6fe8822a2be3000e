import Foundation
import ICUSupport
import NormalizeCore

/// Romanises Korean personal names written in Hangul into the spellings people really use,
/// ranked, plus the Revised Romanization, McCune–Reischauer, Yonhap and passport forms.
///
/// The first syllable is the family name; the rest is the given name, romanised syllable by
/// syllable without sound changes (the RR rules for names). The ranking comes from
/// `Lexicons/ko/` spelling counts (see `KoreanSpellingModel`), combined by a beam over
/// the product of per-syllable probabilities.
///
/// ```swift
/// let romanizer = try KoreanRomanizer(lexicons: lexicons)
/// romanizer.romanizations(of: "유용원").map(\.text)
/// // ["Yoo Yong-won", …, "Yu Yong-won" (rr), "Yu Yongwŏn" (mr)]
/// ```
///
/// Built once; immutable and thread-safe afterwards.
public struct KoreanRomanizer: Sendable {
  let tables: KoreanNameTables

  /// Width of the beam over syllable choices.
  static let beamWidth = 30
  /// Model candidates kept before the Yonhap and passport forms are inserted.
  static let leadingCommon = 3

  /// Builds the romanizer from the `ko` spelling lexicons.
  ///
  /// - Parameter lexicons: a provider with `ko/surnames.tsv`, `ko/surname-spellings.tsv`,
  ///   `ko/syllable-spellings.tsv` and `ko/jamo-spellings.tsv`.
  /// - Throws: `KoreanNameError` or `LexiconError` for a malformed or missing lexicon.
  public init(lexicons: any LexiconProvider) throws {
    self.tables = try KoreanNameTables.shared(for: lexicons)
  }

  init(tables: KoreanNameTables) { self.tables = tables }

  /// Ranked Latin spellings of a Hangul name, most likely real-world spelling first.
  ///
  /// - Parameters:
  ///   - hangul: the name in Hangul, family name first ("유용원", "박연미"); spaces are ignored,
  ///     conjoining jamo are composed first.
  ///   - limit: how many spellings to return at most (the `rr` and `mr` forms are always among them
  ///     when `limit` ≥ 3).
  /// - Returns: the spellings, best first; empty when the input is not 1–5 Hangul syllables.
  public func romanizations(of hangul: String, limit: Int = 10) -> [KoreanRomanization] {
    guard limit > 0, let syllables = Self.syllables(of: hangul) else { return [] }
    return romanizations(syllables: syllables, limit: limit)
  }

  /// The Hangul syllables of a name, or nil when it holds anything else.
  static func syllables(of text: String) -> [UInt32]? {
    var out: [UInt32] = []
    var needsComposition = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if Hangul.isSyllable(v) {
        out.append(v)
      } else if v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x3000 {
        continue
      } else if (0x1100...0x11FF).contains(v) {
        needsComposition = true
        break
      } else {
        return nil
      }
      if out.count > 5 { return nil }
    }
    if needsComposition {
      let composed = Normalizer.nfc(text)
      out = []
      for scalar in composed.unicodeScalars {
        let v = scalar.value
        if Hangul.isSyllable(v) {
          out.append(v)
        } else if v == 0x20 || v == 0xA0 || v == 0x3000 {
          continue
        } else {
          return nil
        }
      }
    }
    return (1...5).contains(out.count) ? out : nil
  }

  /// A beam entry: log probability and the option index chosen for each syllable (4 bits each).
  struct BeamEntry {
    var logProbability: Double
    var choices: UInt32
  }

  /// The spellings of one syllable, best first: slices of the tables' flat arrays (or of a
  /// list computed for a syllable the tables do not hold), at most 16.
  struct Options {
    var codes: ArraySlice<UInt64>
    var probabilities: ArraySlice<Double>
    var logs: ArraySlice<Double>

    /// The probability of a spelling, 0 when it is not among the options.
    func probability(of code: UInt64) -> Double {
      guard let i = codes.firstIndex(of: code) else { return 0 }
      return probabilities[i]
    }

    func code(_ choice: Int) -> UInt64 { codes[codes.startIndex + choice] }
  }

  func options(of scalar: UInt32, at position: KoreanNamePosition) -> Options {
    let forward = tables.forwardSpellings
    if let range = forward.range(of: scalar, at: position) {
      return Options(
        codes: forward.codes[range], probabilities: forward.probabilities[range],
        logs: forward.logs[range])
    }
    var scratch = SpellingDistribution()
    let list = tables.model.best(
      of: scalar, at: position, wide: false, minimum: 0, scratch: &scratch)
    let kept = min(list.count, 16)
    return Options(
      codes: list.codes[..<kept], probabilities: list.probabilities[..<kept],
      logs: list.probabilities[..<kept].map { log($0) }[...])
  }

  /// The best letter sequences for a name (by product of syllable probabilities).
  ///
  /// Both lists are sorted best first, so a bounded insertion (after equal scores) with early
  /// exits keeps the best `width` products without sorting them all; two fixed buffers of
  /// `width + 1` entries take turns, so a step allocates nothing.
  func beam(_ options: [Options], width: Int) -> [BeamEntry] {
    guard width > 0, let firstOptions = options.first else { return [] }
    var current = [BeamEntry](repeating: BeamEntry(logProbability: 0, choices: 0), count: width + 1)
    var next = current
    var count = 0
    // The surname model (observed spellings backed off to name-variants' listed forms) spreads
    // too much mass over rare forms: at 1, "Rhee" or "Bak" push given-name variants out of the
    // top five (`KoreanSpellingModel.Parameters.surnameSharpness`).
    let sharpness = tables.model.parameters.surnameSharpness
    for (j, l) in firstOptions.logs.prefix(width).enumerated() {
      current[count] = BeamEntry(logProbability: l * sharpness, choices: UInt32(j))
      count += 1
    }
    for index in 1..<max(options.count, 1) {
      let shift = UInt32(4 * index)
      var nextCount = 0
      options[index].logs.withUnsafeBufferPointer { logs in
        current.withUnsafeBufferPointer { beam in
          next.withUnsafeMutableBufferPointer { out in
            outer: for e in 0..<count {
              let entry = beam[e]
              for j in 0..<logs.count {
                let score = entry.logProbability + logs[j]
                if nextCount == width && score <= out[nextCount - 1].logProbability {
                  if j == 0 { break outer }
                  break
                }
                var position = nextCount
                while position > 0 && out[position - 1].logProbability < score {
                  out[position] = out[position - 1]
                  position -= 1
                }
                out[position] = BeamEntry(
                  logProbability: score, choices: entry.choices | (UInt32(j) << shift))
                if nextCount < width { nextCount += 1 }
              }
            }
          }
        }
      }
      swap(&current, &next)
      count = nextCount
    }
    current.removeLast(current.count - count)
    return current
  }

  /// The letters of a whole spelling, packed 12 to a word, for telling spellings apart
  /// whatever their syllable cuts.
  struct PackedLetters: Equatable {
    var words = SIMD8<UInt64>(repeating: 0)
    var count = 0

    init(_ codes: some Sequence<UInt64>) {
      for code in codes {
        let n = SpellingCode.length(code)
        for k in 0..<n where count < 96 {
          words[count / 12] =
            words[count / 12] << 5 | UInt64(SpellingCode.letter(code, k, length: n) &- 0x60)
          count += 1
        }
      }
    }
  }

  func romanizations(syllables: [UInt32], limit: Int) -> [KoreanRomanization] {
    var options: [Options] = []
    options.reserveCapacity(syllables.count)
    for (index, scalar) in syllables.enumerated() {
      let position: KoreanNamePosition = index == 0 ? .surname : (index == 1 ? .first : .next)
      // At most 16 options per syllable: the choice of each is packed in 4 bits.
      let list = self.options(of: scalar, at: position)
      if list.codes.isEmpty { return [] }
      options.append(list)
    }
    let entries = beam(options, width: Self.beamWidth)
    guard !entries.isEmpty else { return [] }

    // Diversify: a candidate that only changes the surname spelling of one already chosen is
    // pushed two places down, so the top five cover more given-name spellings.
    let givenMask: UInt32 = ~0xF
    var order: [Int] = []
    order.reserveCapacity(limit + 4)
    var seenGiven: [UInt32] = []
    seenGiven.reserveCapacity(limit + 4)
    var remaining = Array(entries.indices)
    while !remaining.isEmpty && order.count < limit + 4 {
      var best = 0
      var bestRank = Int.max
      // `remaining` is ascending and a rank is the index plus 0 or 2, so only entries within
      // two places of the first remaining one can have the lowest rank.
      let horizon = remaining[0] + 2
      for (k, index) in remaining.enumerated() {
        if index > horizon { break }
        let rank = index + (seenGiven.contains(entries[index].choices & givenMask) ? 2 : 0)
        if rank < bestRank {
          bestRank = rank
          best = k
        }
      }
      let chosen = remaining.remove(at: best)
      order.append(chosen)
      seenGiven.append(entries[chosen].choices & givenMask)
    }

    func parts(_ entry: BeamEntry) -> [UInt64] {
      (0..<syllables.count).map { options[$0].code(Int((entry.choices >> UInt32(4 * $0)) & 0xF)) }
    }
    func probability(_ parts: [UInt64]) -> Double {
      var p = 1.0
      for (index, part) in parts.enumerated() { p *= options[index].probability(of: part) }
      return p
    }
    var results: [KoreanRomanization] = []
    results.reserveCapacity(limit + 2)
    var seen: [PackedLetters] = []
    seen.reserveCapacity(limit + 6)
    func add(
      _ parts: [UInt64], style: KoreanRomanizationStyle, score: Double, passport: Bool = false
    ) {
      let folded = PackedLetters(parts)
      guard folded.count > 0, !seen.contains(folded) else { return }
      seen.append(folded)
      results.append(
        KoreanRomanization(
          text: passport ? Self.passportDisplay(parts) : Self.display(parts), style: style,
          score: score))
    }
    let bestSurname = parts(entries[0])[0]
    // Keep room for the strict RR and MR forms.
    let reserved = limit >= 3 ? 2 : 0
    let room = limit - reserved
    for (rank, index) in order.enumerated() {
      if results.count >= room { break }
      if rank == Self.leadingCommon && syllables.count > 1 {
        let yonhap = [bestSurname] + syllables.dropFirst().map { Hangul.rrCode($0) }
        add(yonhap, style: .yonhap, score: probability(yonhap))
        let passport =
          [bestSurname] + syllables.dropFirst().map { Hangul.rrCode($0, transliterated: true) }
        add(passport, style: .passport, score: probability(passport), passport: true)
      }
      add(parts(entries[index]), style: .common, score: exp(entries[index].logProbability))
    }
    let rr = syllables.map { Hangul.rrCode($0) }
    if results.count > room { results.removeLast(results.count - room) }
    if reserved > 0 {
      let rrText = Self.display(rr)
      if let i = results.firstIndex(where: { $0.text == rrText }) {
        if results[i].style == .common { results[i].style = .rr }
      } else {
        results.append(KoreanRomanization(text: rrText, style: .rr, score: probability(rr)))
      }
      results.append(
        KoreanRomanization(text: Self.mcCuneReischauer(syllables), style: .mr, score: 0))
    }
    if results.count > limit { results.removeLast(results.count - limit) }
    return results
  }

  // MARK: - Conventions

  /// RR letters of one syllable; `transliterated` spells finals letter by letter ("seog").
  static func rrSyllable(_ scalar: UInt32, transliterated: Bool) -> [UInt8] {
    SpellingCode.letters(Hangul.rrCode(scalar, transliterated: transliterated))
  }

  /// McCune–Reischauer: "Yu Yongwŏn", "Cho T'aeyŏl" (no sound changes between syllables,
  /// given name written as one word).
  static func mcCuneReischauer(_ syllables: [UInt32]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for (index, scalar) in syllables.enumerated() {
      guard let j = Hangul.jamo(of: scalar) else { continue }
      if index == 1 { bytes.append(0x20) }
      let start = bytes.count
      bytes += Hangul.mrInitialBytes[j.initial]
      bytes += Hangul.mrMedialBytes[j.medial]
      bytes += Hangul.rrFinalBytes[j.final]
      if index <= 1, start < bytes.count {
        if bytes[start] >= 0x61 && bytes[start] <= 0x7A {
          bytes[start] -= 32
        } else if bytes[start] == 0xC5, start + 1 < bytes.count,
          bytes[start + 1] == 0x8F || bytes[start + 1] == 0xAD
        {
          bytes[start + 1] -= 1  // ŏ → Ŏ, ŭ → Ŭ
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// "Yoo Yong-won": family name, space, hyphenated given name, first letters capitalised.
  static func display(_ parts: [UInt64]) -> String {
    guard let family = parts.first else { return "" }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    SpellingCode.append(family, to: &bytes, capitalized: true)
    if parts.count > 1 {
      bytes.append(0x20)
      for (index, part) in parts.dropFirst().enumerated() {
        if index > 0 { bytes.append(0x2D) }
        SpellingCode.append(part, to: &bytes, capitalized: index == 0)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// "YOO YONGWON".
  static func passportDisplay(_ parts: [UInt64]) -> String {
    guard let family = parts.first else { return "" }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    SpellingCode.append(family, to: &bytes)
    if parts.count > 1 {
      bytes.append(0x20)
      for part in parts.dropFirst() { SpellingCode.append(part, to: &bytes) }
    }
    for i in bytes.indices where bytes[i] >= 0x61 && bytes[i] <= 0x7A { bytes[i] -= 32 }
    return String(decoding: bytes, as: UTF8.self)
  }
}
