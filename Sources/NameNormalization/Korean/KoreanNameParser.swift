import Foundation
import ICUSupport
import NormalizeCore

/// Parses romanised Korean names — spaced, hyphenated, fused ("Byoungsam"), all capitals,
/// comma form ("Kim, Jaeyun"), given name first ("Yeonmi Park") — into family name and
/// syllables, and maps them back to ranked Hangul candidates.
///
/// A fused given name is segmented against every syllable spelling the model knows (RR, MR,
/// and the real-world variants of `Lexicons/ko/`). A string that cannot be read as a known
/// surname plus one to three syllables is not a Korean name: `parse` returns `[]`.
///
/// ```swift
/// let parser = try KoreanNameParser(lexicons: lexicons)
/// parser.parse("Koo Byoungsam").first?.display   // "Koo Byoung-sam"
/// parser.parse("Koo Byoungsam").first?.hangul    // ["구병삼", …]
/// parser.parse("Yeonmi Park").first?.order       // .givenFirst
/// parser.parse("Volodymyr Zelenskyy")            // []
/// parser.isKoreanSurname("Baek")                 // true
/// ```
///
/// Built once; immutable and thread-safe afterwards.
public struct KoreanNameParser: Sendable {
  let tables: KoreanNameTables
  /// The romanizer over the same tables (for the other direction without building twice).
  public let romanizer: KoreanRomanizer

  /// Longest input considered, in scalars; longer strings are not names.
  static let maximumLength = 80
  /// Most Hangul candidates offered per reading.
  static let maximumCandidates = 20
  /// Candidates less likely than the best by this factor are dropped.
  static let candidateRatio = 5e-5
  static let familyFirstPrior = log(0.92)
  static let givenFirstPrior = log(0.08)
  /// Weight (log) of the typographic cue "family name in capitals, given name not" ("KANG Gi Yun").
  static let capitalFamilyCue = log(1000.0)
  /// log P(number of given-name syllables): 1, 2, 3.
  static let syllableCountPrior = [log(0.12), log(0.85), log(0.03)]

  /// Builds the parser (and its romanizer) from the `ko` spelling lexicons.
  ///
  /// - Throws: `KoreanNameError` or `LexiconError` for a malformed or missing lexicon.
  public init(lexicons: any LexiconProvider) throws {
    let tables = try KoreanNameTables.shared(for: lexicons)
    self.tables = tables
    self.romanizer = KoreanRomanizer(tables: tables)
  }

  /// Whether a token is a known spelling of a Korean family name ("Lee", "Baek", "Rhee",
  /// "Gim"), case-insensitively; for partial mentions such as "Mr. Lee" or "Baek said".
  ///
  /// Only spellings observed in the data, listed by name-variants, or the RR/MR form count
  /// (not every spelling the model can generate). Short forms such as "An", "O", "So" or
  /// "Ha" are surnames too: callers should require a cue for them.
  public func isKoreanSurname(_ token: String) -> Bool {
    guard let letters = Self.asciiLetters(token), !letters.isEmpty, letters.count <= 8 else { return false }
    return tables.knownSurnameSpellings.contains(letters)
  }

  /// The key of a Hangul name ("유용원" → "ko:yu.yong.won"), or nil when it is not Hangul.
  public func key(ofHangul hangul: String) -> String? {
    guard let syllables = KoreanRomanizer.syllables(of: hangul) else { return nil }
    return KoreanNameKey.key(hangul: syllables)
  }

  // MARK: - Parsing

  /// A token of the input: its hyphen-separated pieces in lowercase letters.
  struct Token {
    var pieces: [[UInt8]]
    var allCapitals: Bool
  }

  /// Reads a romanised Korean name.
  ///
  /// - Parameter latin: the name as written ("Yoo Yong Won", "KOO BYOUNGSAM", "Kim, Jaeyun",
  ///   "Yeonmi Park", "Ch'oe T'ae-yŏl").
  /// - Returns: readings, best first (usually one; two when both name orders are plausible);
  ///   empty when the string is not a Korean name.
  public func parse(_ latin: String) -> [KoreanNameReading] {
    guard let (tokens, commaAfterFirst) = Self.tokens(of: latin), (2...4).contains(tokens.count) else { return [] }
    var readings: [(reading: KoreanNameReading, logScore: Double)] = []
    var orders: [(NameOrder, Int)] = [(.familyFirst, 0)]
    // Given name first only after a known surname spelling ("Yeonmi Park", "IN-SOOK PARK").
    if !commaAfterFirst, let last = tokens.last, last.pieces.count == 1, let letters = last.pieces.first,
      tables.knownSurnameSpellings.contains(letters) || tables.knownSurnameSpellings.contains(KoreanNameTables.loosened(letters))
    {
      orders.append((.givenFirst, tokens.count - 1))
    }
    for (order, familyIndex) in orders {
      var given = tokens
      let family = given.remove(at: familyIndex)
      guard family.pieces.count == 1, let familyLetters = family.pieces.first else { continue }
      var prior = order == .familyFirst ? Self.familyFirstPrior : Self.givenFirstPrior
      let givenCapitals = given.allSatisfy(\.allCapitals)
      if family.allCapitals && !givenCapitals { prior += Self.capitalFamilyCue } else if !family.allCapitals && given.contains(where: \.allCapitals) { prior -= Self.capitalFamilyCue }
      if let reading = read(familyLetters: familyLetters, given: given.flatMap(\.pieces), order: order) {
        readings.append((reading.0, reading.1 + prior))
      }
    }
    guard let best = readings.map(\.logScore).max() else { return [] }
    // Ties broken by the reading itself, so the order never depends on hashing.
    readings.sort { a, b in
      if a.logScore != b.logScore { return a.logScore > b.logScore }
      if a.reading.display != b.reading.display { return a.reading.display < b.reading.display }
      return a.reading.hangul.lexicographicallyPrecedes(b.reading.hangul)
    }
    let total = readings.reduce(0) { $0 + exp($1.logScore - best) }
    return readings.map { entry in
      var reading = entry.reading
      reading.score = exp(entry.logScore - best) / total
      return reading
    }
  }


  /// A way to read one piece (a token or a hyphen-separated part) as syllable spellings.
  private struct PieceReading {
    var spellings: [[UInt8]]
    var codes: [UInt64]
    /// Whether the spellings are loosened forms (looked up in the loose index).
    var loose: Bool
    var logPenalty: Double
  }

  /// A segmentation of the whole given name.
  private struct Segmentation {
    var spellings: [[UInt8]] = []
    var codes: [UInt64] = []
    var loose: [Bool] = []
    var penalty = 0.0
  }

  /// Penalty (log) for each syllable beyond the first in a piece when the given name is
  /// already written in several pieces ("Woan" in "SUNG Woan Jong" is one syllable).
  static let splitPiecePenalty = log(0.05)
  /// Penalty (log) for cutting a fused name between two vowels ("Jiewon" as 지에원): writers
  /// hyphenate or space such names.
  static let vowelJunctionPenalty = log(0.1)
  /// Beam width over (surname, syllable…) choices.
  static let beamWidth = 32

  private func read(familyLetters: [UInt8], given pieces: [[UInt8]], order: NameOrder) -> (KoreanNameReading, Double)? {
    guard !pieces.isEmpty else { return nil }
    guard let surnames = tables.reverseSurname[familyLetters] ?? tables.reverseSurname[KoreanNameTables.loosened(familyLetters)],
      !surnames.isEmpty
    else { return nil }
    // Read each piece, then combine the pieces' readings (1–3 syllables in all).
    var combined = [Segmentation()]
    for piece in pieces {
      let options = readings(of: piece, severalPieces: pieces.count > 1)
      if options.isEmpty { return nil }
      var next: [Segmentation] = []
      for prefix in combined {
        for option in options where prefix.spellings.count + option.spellings.count <= 3 {
          var s = prefix
          s.spellings += option.spellings
          s.codes += option.codes
          s.loose += Array(repeating: option.loose, count: option.spellings.count)
          s.penalty += option.logPenalty
          next.append(s)
        }
      }
      combined = next
      if combined.isEmpty { return nil }
    }
    // Score every (segmentation, Hangul) pair; keep the best per Hangul string. Hangul names
    // are packed: 14 bits per syllable offset, the syllable count in the top bits.
    var best: [UInt64: Double] = [:]
    best.reserveCapacity(4 * Self.beamWidth)
    var bestSegmentation: (Double, Int)? = nil
    var beam: [(Double, UInt64)] = []
    beam.reserveCapacity(Self.beamWidth + 1)
    // A fixed buffer of `beamWidth + 1` entries for each step's bounded insertion.
    var next = [(Double, UInt64)](repeating: (0, 0), count: Self.beamWidth + 1)
    for (segmentationIndex, segmentation) in combined.enumerated() {
      let count = segmentation.spellings.count
      guard (1...3).contains(count) else { continue }
      beam.removeAll(keepingCapacity: true)
      for s in surnames.prefix(3) { beam.append((s.logScore, UInt64(s.scalar - Hangul.first))) }
      beam.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
      for index in 0..<count {
        let position = index == 0 ? 1 : 2
        let candidates = candidates(code: segmentation.codes[index], spelling: segmentation.spellings[index], loose: segmentation.loose[index], position: position)
        guard !candidates.isEmpty else {
          beam.removeAll()
          break
        }
        let shift = UInt64(14 * (index + 1))
        let width = Self.beamWidth
        let considered = min(candidates.count, 16)
        var nextCount = 0
        // Both lists are sorted best first, so a bounded insertion (after equal scores) with
        // early exits keeps the best `width` products without sorting them all.
        candidates.withUnsafeBufferPointer { candidates in
          next.withUnsafeMutableBufferPointer { out in
            outer: for (score, packed) in beam {
              for j in 0..<considered {
                let total = score + candidates[j].logScore
                if nextCount == width && total <= out[nextCount - 1].0 {
                  if j == 0 { break outer }
                  break
                }
                var position = nextCount
                while position > 0 && out[position - 1].0 < total {
                  out[position] = out[position - 1]
                  position -= 1
                }
                out[position] = (total, packed | UInt64(candidates[j].scalar - Hangul.first) << shift)
                if nextCount < width { nextCount += 1 }
              }
            }
          }
        }
        beam.removeAll(keepingCapacity: true)
        beam.append(contentsOf: next[..<nextCount])
      }
      let prior = Self.syllableCountPrior[count - 1] + segmentation.penalty
      let lengthTag = UInt64(count + 1) << 60
      for (score, packed) in beam {
        let total = score + prior
        let key = packed | lengthTag
        if let existing = best[key], existing >= total { continue }
        best[key] = total
        if bestSegmentation == nil || total > bestSegmentation?.0 ?? -.infinity { bestSegmentation = (total, segmentationIndex) }
      }
    }
    guard let top = bestSegmentation else { return nil }
    let threshold = top.0 + log(Self.candidateRatio)
    let ranked = best.filter { $0.value >= threshold }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(Self.maximumCandidates)
    let hangul = ranked.map { Self.hangul(packed: $0.key) }
    // Display and key use the writer's own letters, cut where the best reading cuts them.
    let reading = combined[top.1]
    let spellings = displaySpellings(pieces: pieces, spellings: reading.spellings, loose: reading.loose)
    let family = Self.capitalized(familyLetters)
    let given = spellings.enumerated().map { $0.offset == 0 ? Self.capitalized($0.element) : String(decoding: $0.element, as: UTF8.self) }
      .joined(separator: "-")
    let surname = ranked.first.map { UInt32($0.key & 0x3FFF) + Hangul.first } ?? surnames[0].scalar
    let result = KoreanNameReading(
      display: family + " " + given, family: family, given: given, order: order, hangul: hangul,
      key: KoreanNameKey.key(surname: surname, givenSpellings: spellings), score: 1)
    return (result, top.0)
  }

  /// The Hangul string of a packed name (UTF-8 built directly: three bytes a syllable).
  private static func hangul(packed: UInt64) -> String {
    let count = Int(packed >> 60)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(3 * count)
    for k in 0..<count {
      let scalar = Hangul.first + UInt32((packed >> UInt64(14 * k)) & 0x3FFF)
      bytes.append(UInt8(0xE0 | (scalar >> 12)))
      bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The writer's letters cut into syllables: a loosened reading is cut at the same places
  /// in the original piece ("Ihkpyo" read as "ik|pyo" displays as "Ihk-pyo").
  private func displaySpellings(pieces: [[UInt8]], spellings: [[UInt8]], loose: [Bool]) -> [[UInt8]] {
    guard loose.contains(true) else { return spellings }
    var out: [[UInt8]] = []
    var k = 0
    for piece in pieces {
      guard k < spellings.count else { return spellings }
      if !loose[k] {
        var consumed = 0
        while k < spellings.count && consumed < piece.count {
          out.append(spellings[k])
          consumed += spellings[k].count
          k += 1
        }
        continue
      }
      let (looseLetters, sources) = KoreanNameTables.loosenedWithSources(piece)
      var consumed = 0
      var start = 0
      while k < spellings.count && consumed < looseLetters.count {
        consumed += spellings[k].count
        k += 1
        let end = consumed >= looseLetters.count ? piece.count : sources[consumed]
        guard start < end else { return spellings }
        out.append(Array(piece[start..<end]))
        start = end
      }
    }
    return out.count == spellings.count ? out : spellings
  }

  /// Hangul syllables a spelling may stand for, best first: the precomputed exact or loose
  /// index (known readings, then consonant-skeleton readings); a spelling in neither (a piece
  /// read by its skeleton alone) is looked up by skeleton.
  private func candidates(code: UInt64, spelling: [UInt8], loose: Bool, position: Int) -> [KoreanNameTables.ReverseCandidate] {
    if let found = tables.merged(code: code, spelling: spelling, loose: loose, position: position) { return found }
    guard let skeleton = KoreanNameTables.skeleton(spelling),
      let extra = tables.skeletonGiven[position][skeleton] ?? tables.skeletonGiven[3 - position][skeleton]
    else { return [] }
    return KoreanNameTables.merge([], skeleton: extra)
  }

  /// The ways to read a piece: segmentations into known syllable spellings and into known
  /// loosened spellings (penalised); for one piece of several, its consonant skeleton as one
  /// syllable when nothing else reads it as one.
  private func readings(of piece: [UInt8], severalPieces: Bool) -> [PieceReading] {
    var out: [PieceReading] = []
    for (spellings, codes) in segmentations(of: piece, in: tables.exactCodes) {
      out.append(PieceReading(spellings: spellings, codes: codes, loose: false, logPenalty: penalty(spellings, severalPieces: severalPieces)))
    }
    let loose = KoreanNameTables.loosened(piece)
    if out.isEmpty || loose != piece {
      for (spellings, codes) in segmentations(of: loose, in: tables.looseCodes) {
        out.append(PieceReading(
          spellings: spellings, codes: codes, loose: true,
          logPenalty: KoreanNameTables.loosePenalty + penalty(spellings, severalPieces: severalPieces)))
      }
    }
    // A piece of a spaced or hyphenated name is one syllable: when no known spelling reads it
    // as one ("Woan", "Suak"), its consonant skeleton may.
    if severalPieces && !out.contains(where: { $0.spellings.count == 1 }), KoreanNameTables.skeleton(piece) != nil {
      out.append(PieceReading(spellings: [loose], codes: [SpellingCode.encode(loose[...]) ?? 0], loose: true, logPenalty: 0))
    }
    return out
  }

  private func penalty(_ spellings: [[UInt8]], severalPieces: Bool) -> Double {
    var penalty = 0.0
    if severalPieces && spellings.count > 1 { penalty += Double(spellings.count - 1) * Self.splitPiecePenalty }
    for k in 1..<max(spellings.count, 1) {
      if let last = spellings[k - 1].last, let first = spellings[k].first, Self.isVowelLetter(last), Self.isVowelLetter(first) {
        penalty += Self.vowelJunctionPenalty
      }
    }
    return penalty
  }

  private static func isVowelLetter(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

  /// Every way to cut `piece` into 1…3 spellings whose codes are in `known` (at most 16 ways).
  private func segmentations(of piece: [UInt8], in known: Set<UInt64>) -> [([[UInt8]], [UInt64])] {
    var results: [([[UInt8]], [UInt64])] = []
    var cuts: [(Int, Int, UInt64)] = []
    func walk(_ start: Int) {
      if start == piece.count {
        results.append((cuts.map { Array(piece[$0.0..<$0.1]) }, cuts.map(\.2)))
        return
      }
      guard cuts.count < 3, results.count < 16 else { return }
      var code: UInt64 = 0
      var end = start
      while end < piece.count && end - start < SpellingCode.maximumLength {
        code = SpellingCode.append(code, piece[end])
        end += 1
        if known.contains(code) {
          cuts.append((start, end, code))
          walk(end)
          cuts.removeLast()
        }
      }
    }
    walk(0)
    return results
  }

  // MARK: - Input

  /// Splits the input into tokens of lowercase ASCII letters; nil when it holds digits, letters
  /// of other scripts, or anything a name cannot contain.
  static func tokens(of text: String) -> ([Token], Bool)? {
    var tokens: [Token] = []
    var pieces: [[UInt8]] = []
    var piece: [UInt8] = []
    var upper = 0
    var lower = 0
    var commaAfterFirst = false
    var length = 0
    func endPiece() {
      if !piece.isEmpty { pieces.append(piece) }
      piece = []
    }
    func endToken() {
      endPiece()
      if !pieces.isEmpty { tokens.append(Token(pieces: pieces, allCapitals: upper >= 2 && lower == 0)) }
      pieces = []
      upper = 0
      lower = 0
    }
    for scalar in text.unicodeScalars {
      length += 1
      if length > maximumLength { return nil }
      var v = scalar.value
      if v >= 0x80, let folded = foldLatin(scalar) { v = folded }
      switch v {
      case 0x61...0x7A:
        piece.append(UInt8(v))
        lower += 1
      case 0x41...0x5A:
        piece.append(UInt8(v + 32))
        upper += 1
      case 0x20, 0x09, 0xA0, 0x3000, 0x2E:  // space, tab, no-break space, ideographic space, "."
        endToken()
      case 0x2C, 0xFF0C:  // comma
        endToken()
        if tokens.count == 1 { commaAfterFirst = true } else { return nil }
      case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0xAD:  // hyphens
        endPiece()
      case 0x27, 0x2019, 0x2018, 0x2BC, 0x60:  // apostrophes (McCune–Reischauer "Ch'oe")
        continue
      default:
        return nil
      }
    }
    endToken()
    return (tokens, commaAfterFirst)
  }

  /// A Latin letter with diacritics (ŏ, ŭ, é) as its base ASCII letter.
  private static func foldLatin(_ scalar: Unicode.Scalar) -> UInt32? {
    let v = scalar.value
    guard (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) else { return nil }
    let decomposed = Normalizer.normalize(String(scalar), form: .nfd).unicodeScalars
    guard let base = decomposed.first, base.isASCII, (0x41...0x5A).contains(base.value) || (0x61...0x7A).contains(base.value) else {
      return nil
    }
    return base.value
  }

  static func asciiLetters(_ token: String) -> [UInt8]? {
    var out: [UInt8] = []
    for byte in token.utf8 {
      switch byte {
      case 0x61...0x7A: out.append(byte)
      case 0x41...0x5A: out.append(byte + 32)
      case 0x2E, 0x27: continue
      default: return nil
      }
    }
    return out
  }

  private static func capitalized(_ letters: [UInt8]) -> String {
    String(decoding: letters.enumerated().map { $0.offset == 0 && $0.element >= 0x61 ? $0.element - 32 : $0.element }, as: UTF8.self)
  }
}
