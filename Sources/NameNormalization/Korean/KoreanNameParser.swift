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
  /// Scratch storage handed from one `parse` call to the next (one per concurrent call).
  private let scratchPool = ScratchPool()

  /// Longest input considered, in scalars; longer strings are not names.
  static let maximumLength = 80
  /// Most Hangul candidates offered per reading.
  static let maximumCandidates = 20
  /// Candidates less likely than the best by this factor are dropped.
  static let candidateRatio = 2e-4
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

  /// Parse scratch storage not in use, under a lock: a call takes one (or makes one) and
  /// gives it back, so that buffers keep their capacity from one name to the next. Each is
  /// boxed, so that taking and giving moves a reference, not the storage's many buffers.
  final class ScratchPool: @unchecked Sendable {
    final class Box {
      var scratch = ParseScratch()
    }

    private let lock = NSLock()
    private var free: [Box] = []

    func take() -> Box {
      lock.lock()
      defer { lock.unlock() }
      return free.popLast() ?? Box()
    }

    func give(_ box: Box) {
      lock.lock()
      defer { lock.unlock() }
      if free.count < 8 { free.append(box) }
    }
  }

  /// Whether a token is a known spelling of a Korean family name ("Lee", "Baek", "Rhee",
  /// "Gim"), case-insensitively; for partial mentions such as "Mr. Lee" or "Baek said".
  ///
  /// Only spellings observed in the data, listed by name-variants, or the RR/MR form count
  /// (not every spelling the model can generate). Short forms such as "An", "O", "So" or
  /// "Ha" are surnames too: callers should require a cue for them.
  public func isKoreanSurname(_ token: String) -> Bool {
    // The code of `asciiLetters(token)` (1 to 8 letters), made on the bytes without an array.
    var code: UInt64 = 0
    var count = 0
    for byte in token.utf8 {
      let letter: UInt8
      switch byte {
      case 0x61...0x7A: letter = byte
      case 0x41...0x5A: letter = byte + 32
      case 0x2E, 0x27: continue
      default: return false
      }
      count += 1
      guard count <= 8 else { return false }
      code = SpellingCode.append(code, letter)
    }
    return count > 0 && tables.knownSurnames.contains(code)
  }

  /// The key of a Hangul name ("유용원" → "ko:yu.yongwon"), or nil when it is not Hangul.
  public func key(ofHangul hangul: String) -> String? {
    guard let syllables = KoreanRomanizer.syllables(of: hangul) else { return nil }
    return KoreanNameKey.key(hangul: syllables)
  }

  // MARK: - Parsing

  /// The input cut into tokens (at spaces and commas) and pieces (at hyphens), as ranges of
  /// one buffer of lowercase letters.
  struct Tokens {
    var letters: [UInt8] = []
    var pieces: [Range<Int>] = []
    /// Each token: its pieces (a range of `pieces`) and whether it is written in capitals.
    var tokens: [(pieces: Range<Int>, allCapitals: Bool)] = []
    var commaAfterFirst = false
    /// Bit k: piece k is an initial, one letter written with a full stop ("Y." of "Y.W. Yoo").
    var initials: UInt64 = 0

    /// Empties the tokens, keeping their storage.
    mutating func removeAll() {
      letters.removeAll(keepingCapacity: true)
      pieces.removeAll(keepingCapacity: true)
      tokens.removeAll(keepingCapacity: true)
      commaAfterFirst = false
      initials = 0
    }
  }

  /// Reads a romanised Korean name.
  ///
  /// - Parameter latin: the name as written ("Yoo Yong Won", "KOO BYOUNGSAM", "Kim, Jaeyun",
  ///   "Yeonmi Park", "Ch'oe T'ae-yŏl").
  /// - Returns: readings, best first (usually one; two when both name orders are plausible);
  ///   empty when the string is not a Korean name.
  public func parse(_ latin: String) -> [KoreanNameReading] {
    let box = scratchPool.take()
    let readings = parse(latin, scratch: &box.scratch)
    // `given` holds slices of `input`: empty it so `input` can be written again.
    box.scratch.given.removeAll(keepingCapacity: true)
    scratchPool.give(box)
    return readings
  }

  private func parse(_ latin: String, scratch: inout ParseScratch) -> [KoreanNameReading] {
    guard Self.tokens(of: latin, into: &scratch.input), (2...4).contains(scratch.input.tokens.count)
    else { return [] }
    let input = scratch.input
    var readings: [(reading: KoreanNameReading, logScore: Double)] = []
    // Given name first only after a known surname spelling ("Yeonmi Park", "IN-SOOK PARK").
    var givenFirst = false
    if !input.commaAfterFirst, let last = input.tokens.last, last.pieces.count == 1,
      let code = SpellingCode.encode(input.letters[input.pieces[last.pieces.lowerBound]]),
      tables.knownSurnames.contains(code)
        || tables.knownSurnames.contains(KoreanNameTables.loosened(code: code))
    {
      givenFirst = true
    }
    for orderIndex in 0..<(givenFirst ? 2 : 1) {
      let order = orderIndex == 0 ? NameOrder.familyFirst : .givenFirst
      let familyIndex = order == .familyFirst ? 0 : input.tokens.count - 1
      let family = input.tokens[familyIndex]
      guard family.pieces.count == 1, input.initials & 1 << UInt64(family.pieces.lowerBound) == 0
      else { continue }
      scratch.given.removeAll(keepingCapacity: true)
      var givenInitials: UInt8 = 0
      var givenCapitals = true
      var anyGivenCapitals = false
      for (index, token) in input.tokens.enumerated() where index != familyIndex {
        for piece in token.pieces {
          if piece < 64, input.initials & 1 << UInt64(piece) != 0, scratch.given.count < 8 {
            givenInitials |= 1 << UInt8(scratch.given.count)
          }
          scratch.given.append(input.letters[input.pieces[piece]])
        }
        givenCapitals = givenCapitals && token.allCapitals
        anyGivenCapitals = anyGivenCapitals || token.allCapitals
      }
      var prior = order == .familyFirst ? Self.familyFirstPrior : Self.givenFirstPrior
      if family.allCapitals && !givenCapitals {
        prior += Self.capitalFamilyCue
      } else if !family.allCapitals && anyGivenCapitals {
        prior -= Self.capitalFamilyCue
      }
      let familyLetters = input.letters[input.pieces[family.pieces.lowerBound]]
      let given = scratch.given
      if let reading = read(
        familyLetters: familyLetters, given: given, initials: givenInitials, order: order,
        scratch: &scratch)
      {
        readings.append((reading.0, reading.1 + prior))
      }
    }
    guard var best = readings.first?.logScore else { return [] }
    for entry in readings { best = max(best, entry.logScore) }
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

  /// One way to read the given name (or one piece of it) as 1–3 syllable spellings.
  struct Segmentation {
    /// Spelling codes of the syllables (the first `count`).
    var codes = SIMD4<UInt64>(repeating: 0)
    var count = 0
    /// Bit k: syllable k is a loosened spelling (looked up in the loose index).
    var looseMask: UInt8 = 0
    /// Bit k: syllable k is an initial (its code is one letter; read by `initialReadingSource`).
    var initialMask: UInt8 = 0
    var penalty = 0.0

    func isLoose(_ k: Int) -> Bool { looseMask & (1 << UInt8(k)) != 0 }
    func isInitial(_ k: Int) -> Bool { initialMask & (1 << UInt8(k)) != 0 }
  }

  /// Penalty (log) for each syllable beyond the first in a piece when the given name is
  /// already written in several pieces ("Woan" in "SUNG Woan Jong" is one syllable).
  static let splitPiecePenalty = log(0.05)
  /// Penalty (log) for cutting a fused name between two vowels ("Jiewon" as 지에원): writers
  /// hyphenate or space such names.
  static let vowelJunctionPenalty = log(0.1)
  /// Beam width over (surname, syllable…) choices.
  static let beamWidth = 32
  /// Readings of each given-name syllable the beam considers (the best ones).
  static let readingsPerSyllable = 16

  private func read(
    familyLetters: ArraySlice<UInt8>, given pieces: [ArraySlice<UInt8>], initials: UInt8,
    order: NameOrder, scratch: inout ParseScratch
  )
    -> (KoreanNameReading, Double)?
  {
    guard !pieces.isEmpty, let familyCode = SpellingCode.encode(familyLetters) else { return nil }
    let surnames = tables.readingIndexes.surnames
    guard
      let surnameRange = surnames.range(familyCode)
        ?? surnames.range(KoreanNameTables.loosened(code: familyCode)),
      !surnameRange.isEmpty
    else { return nil }
    // Read each piece, then combine the pieces' readings (1–3 syllables in all).
    scratch.combined.removeAll(keepingCapacity: true)
    scratch.combined.append(Segmentation())
    for (pieceIndex, piece) in pieces.enumerated() {
      if pieceIndex < 8, initials & 1 << UInt8(pieceIndex) != 0, let letter = piece.first {
        var s = Segmentation()
        s.codes[0] = SpellingCode.append(0, letter)
        s.count = 1
        s.initialMask = 1
        scratch.options.removeAll(keepingCapacity: true)
        scratch.options.append(s)
      } else {
        readings(of: piece, severalPieces: pieces.count > 1, scratch: &scratch)
      }
      if scratch.options.isEmpty { return nil }
      scratch.nextCombined.removeAll(keepingCapacity: true)
      let options = scratch.options
      for prefix in scratch.combined {
        for option in options where prefix.count + option.count <= 3 {
          var s = prefix
          for k in 0..<option.count { s.codes[s.count + k] = option.codes[k] }
          s.looseMask |= option.looseMask << UInt8(s.count)
          s.initialMask |= option.initialMask << UInt8(s.count)
          s.count += option.count
          s.penalty += option.penalty
          scratch.nextCombined.append(s)
        }
      }
      swap(&scratch.combined, &scratch.nextCombined)
      if scratch.combined.isEmpty { return nil }
    }
    let combined = scratch.combined
    // Score every (segmentation, Hangul) pair; keep the best per Hangul string. Hangul names
    // are packed: 14 bits per syllable offset, the syllable count in the top bits. Only names
    // within `candidateRatio` of the best are returned, so the search drops every partial
    // reading that cannot reach that: scores are sums, and each list is sorted best first.
    let logRatio = log(Self.candidateRatio)
    let surnameScalars = surnames.scalars
    let surnameScores = surnames.scores
    let bestSurname = surnameScores[surnameRange.lowerBound]
    scratch.bestIndex.removeAll()
    scratch.bestNames.removeAll(keepingCapacity: true)
    scratch.lookups.removeAll(keepingCapacity: true)
    scratch.poolScalars.removeAll(keepingCapacity: true)
    scratch.poolScores.removeAll(keepingCapacity: true)
    // Each segmentation's candidate lists (as lookups) and its best possible score, best first.
    scratch.plans.removeAll(keepingCapacity: true)
    for (segmentationIndex, segmentation) in combined.enumerated() {
      let count = segmentation.count
      guard (1...3).contains(count) else { continue }
      var bound = bestSurname + Self.syllableCountPrior[count - 1] + segmentation.penalty
      var lookups = SIMD4<Int32>(repeating: 0)
      var readable = true
      for index in 0..<count {
        let lookup = candidateLookup(
          code: segmentation.codes[index], loose: segmentation.isLoose(index),
          initial: segmentation.isInitial(index), position: index == 0 ? 1 : 2,
          scratch: &scratch)
        let best = scratch.lookups[lookup].best
        if best == -.infinity {
          readable = false
          break
        }
        lookups[index] = Int32(lookup)
        bound += best
      }
      if readable { scratch.plans.append((bound, segmentationIndex, lookups)) }
    }
    scratch.plans.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.index < $1.index }
    let plans = scratch.plans
    var bestSegmentation: (Double, Int)? = nil
    for plan in plans {
      let segmentation = combined[plan.index]
      let count = segmentation.count
      let prior = Self.syllableCountPrior[count - 1] + segmentation.penalty
      let globalFloor = (bestSegmentation?.0 ?? -.infinity) + logRatio
      if plan.bound < globalFloor { break }
      // What the syllables after `index` can add at most.
      var remaining = SIMD4<Double>(repeating: 0)
      var sum = prior
      for index in stride(from: count - 1, through: 0, by: -1) {
        remaining[index] = sum
        sum += scratch.lookups[Int(plan.lookups[index])].best
      }
      var beamCount = 0
      for i in surnameRange.prefix(3) {
        scratch.beam[beamCount] = (surnameScores[i], UInt64(surnameScalars[i] - Hangul.first))
        beamCount += 1
      }
      for index in 0..<count {
        let range = candidateRange(lookup: Int(plan.lookups[index]), scratch: &scratch)
        let start = range.lowerBound
        let considered = min(range.count, Self.readingsPerSyllable)
        let shift = UInt64(14 * (index + 1))
        let width = Self.beamWidth
        let floor = max(
          scratch.beam[0].0 + scratch.poolScores[start] + logRatio, globalFloor - remaining[index])
        var nextCount = 0
        // Both lists are sorted best first, so a bounded insertion (after equal scores) with
        // early exits keeps the best `width` products without sorting them all.
        scratch.poolScalars.withUnsafeBufferPointer { scalars in
          scratch.poolScores.withUnsafeBufferPointer { scores in
            scratch.next.withUnsafeMutableBufferPointer { out in
              outer: for (score, packed) in scratch.beam[..<beamCount] {
                for j in start..<start + considered {
                  let total = score + scores[j]
                  if total < floor || (nextCount == width && total <= out[nextCount - 1].0) {
                    if j == start { break outer }
                    break
                  }
                  var position = nextCount
                  while position > 0 && out[position - 1].0 < total {
                    out[position] = out[position - 1]
                    position -= 1
                  }
                  out[position] = (total, packed | UInt64(scalars[j] - Hangul.first) << shift)
                  if nextCount < width { nextCount += 1 }
                }
              }
            }
          }
        }
        swap(&scratch.beam, &scratch.next)
        beamCount = nextCount
        if nextCount == 0 { break }
      }
      if beamCount == 0 { continue }
      let lengthTag = UInt64(count + 1) << 60
      for (score, packed) in scratch.beam[..<beamCount] {
        let total = score + prior
        let key = packed | lengthTag
        // The best reading; on equal scores, the segmentation that comes first.
        if bestSegmentation == nil || total > bestSegmentation?.0 ?? -.infinity
          || (total == bestSegmentation?.0 && plan.index < bestSegmentation?.1 ?? Int.max)
        {
          bestSegmentation = (total, plan.index)
        }
        if let i = scratch.bestIndex[key] {
          if scratch.bestNames[Int(i)].score >= total { continue }
          scratch.bestNames[Int(i)].score = total
        } else {
          scratch.bestIndex.insert(key, Int32(scratch.bestNames.count))
          scratch.bestNames.append((key, total))
        }
      }
    }
    guard let top = bestSegmentation else { return nil }
    let threshold = top.0 + logRatio
    scratch.ranked.removeAll(keepingCapacity: true)
    for (key, score) in scratch.bestNames where score >= threshold {
      scratch.ranked.append((key, score))
    }
    scratch.ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    let ranked = scratch.ranked.prefix(Self.maximumCandidates)
    let hangul = ranked.map { Self.hangul(packed: $0.0) }
    // Display and key use the writer's own letters, cut where the best reading cuts them.
    setDisplaySpellings(pieces: pieces, reading: combined[top.1], scratch: &scratch)
    let letters = scratch.spellingLetters
    let ends = scratch.spellingEnds
    scratch.bytes.removeAll(keepingCapacity: true)
    Self.appendCapitalized(familyLetters, to: &scratch.bytes)
    let familyLength = scratch.bytes.count
    scratch.bytes.append(0x20)
    var start = 0
    let best = combined[top.1]
    for (k, end) in ends.enumerated() {
      if best.isInitial(k) {
        // An initial stays one: "Y.W." (a hyphen only after a written-out syllable).
        if k > 0 && !best.isInitial(k - 1) { scratch.bytes.append(0x2D) }
        for b in letters[start..<end] { scratch.bytes.append(b >= 0x61 && b <= 0x7A ? b - 32 : b) }
        scratch.bytes.append(0x2E)
      } else if k == 0 {
        Self.appendCapitalized(letters[start..<end], to: &scratch.bytes)
      } else {
        scratch.bytes.append(0x2D)
        if best.isInitial(k - 1) {
          Self.appendCapitalized(letters[start..<end], to: &scratch.bytes)
        } else {
          scratch.bytes.append(contentsOf: letters[start..<end])
        }
      }
      start = end
    }
    let displayLength = scratch.bytes.count
    let surname =
      ranked.first.map { UInt32($0.0 & 0x3FFF) + Hangul.first }
      ?? surnameScalars[surnameRange.lowerBound]
    KoreanNameKey.appendKey(
      surname: surname, givenLetters: letters, spellingEnds: ends, to: &scratch.bytes)
    let bytes = scratch.bytes
    let result = KoreanNameReading(
      display: String(utf8Bytes: bytes[..<displayLength]),
      family: String(utf8Bytes: bytes[..<familyLength]),
      given: String(utf8Bytes: bytes[(familyLength + 1)..<displayLength]), order: order,
      hangul: hangul,
      key: String(utf8Bytes: bytes[displayLength...]), score: 1)
    return (result, top.0)
  }

  /// The Hangul string of a packed name (UTF-8 built directly: three bytes a syllable).
  private static func hangul(packed: UInt64) -> String {
    let count = Int(packed >> 60)
    return String(unsafeUninitializedCapacity: 3 * count) { buffer in
      for k in 0..<count {
        let scalar = Hangul.first + UInt32((packed >> UInt64(14 * k)) & 0x3FFF)
        buffer[3 * k] = UInt8(0xE0 | (scalar >> 12))
        buffer[3 * k + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        buffer[3 * k + 2] = UInt8(0x80 | (scalar & 0x3F))
      }
      return 3 * count
    }
  }

  /// Sets the scratch's spellings (`spellingLetters`, cut at `spellingEnds`) to the writer's
  /// letters cut into syllables: a loosened reading is cut at the same places in the original
  /// piece ("Ihkpyo" read as "ik|pyo" displays as "Ihk-pyo").
  private func setDisplaySpellings(
    pieces: [ArraySlice<UInt8>], reading: Segmentation, scratch: inout ParseScratch
  ) {
    scratch.spellingLetters.removeAll(keepingCapacity: true)
    scratch.spellingEnds.removeAll(keepingCapacity: true)
    if reading.looseMask == 0 {
      for k in 0..<reading.count {
        SpellingCode.append(reading.codes[k], to: &scratch.spellingLetters)
        scratch.spellingEnds.append(scratch.spellingLetters.count)
      }
      return
    }
    for spelling in displaySpellings(pieces: pieces, reading: reading) {
      scratch.spellingLetters.append(contentsOf: spelling)
      scratch.spellingEnds.append(scratch.spellingLetters.count)
    }
  }

  /// `setDisplaySpellings` for a reading with loosened syllables, as arrays.
  private func displaySpellings(pieces: [ArraySlice<UInt8>], reading: Segmentation) -> [[UInt8]] {
    let spellings = (0..<reading.count).map { SpellingCode.letters(reading.codes[$0]) }
    var out: [[UInt8]] = []
    var k = 0
    for piece in pieces {
      guard k < spellings.count else { return spellings }
      if !reading.isLoose(k) {
        var consumed = 0
        while k < spellings.count && consumed < piece.count {
          out.append(spellings[k])
          consumed += spellings[k].count
          k += 1
        }
        continue
      }
      let letters = Array(piece)
      let (looseLetters, sources) = KoreanNameTables.loosenedWithSources(letters)
      var consumed = 0
      var start = 0
      while k < spellings.count && consumed < looseLetters.count {
        consumed += spellings[k].count
        k += 1
        let end = consumed >= looseLetters.count ? letters.count : sources[consumed]
        guard start < end else { return spellings }
        out.append(Array(letters[start..<end]))
        start = end
      }
    }
    return out.count == spellings.count ? out : spellings
  }

  /// Looks up the Hangul syllables a spelling may stand for, once per input; returns the
  /// lookup's index in the scratch (its best score is -infinity when nothing reads it): the
  /// exact or loose index (known readings, then consonant-skeleton readings); a spelling in
  /// neither (a piece read by its skeleton alone) is looked up by skeleton.
  private func candidateLookup(
    code: UInt64, loose: Bool, initial: Bool, position: Int, scratch: inout ParseScratch
  ) -> Int {
    let key = code | UInt64(position) << 60 | (loose ? 1 << 62 : 0) | (initial ? 1 << 63 : 0)
    if let i = scratch.lookups.firstIndex(where: { $0.key == key }) { return i }
    if initial {
      let found =
        tables.initialReadingSource(
          letter: UInt8(truncatingIfNeeded: code) &+ 0x60, position: position)
        ?? KoreanNameTables.ReadingSource(loose: false, known: 0..<0, skeleton: 0..<0)
      scratch.lookups.append(
        ParseScratch.Lookup(
          key: key, source: found, best: tables.bestScore(found) ?? -.infinity, range: nil))
      return scratch.lookups.count - 1
    }
    var source = tables.readingSource(code: code, loose: loose, position: position)
    if source == nil, code != 0, let skeleton = KoreanNameTables.skeletonCode(code) {
      source = tables.skeletonReadingSource(skeleton: skeleton, position: position)
    }
    let found =
      source ?? KoreanNameTables.ReadingSource(loose: false, known: 0..<0, skeleton: 0..<0)
    scratch.lookups.append(
      ParseScratch.Lookup(
        key: key, source: found, best: tables.bestScore(found) ?? -.infinity, range: nil))
    return scratch.lookups.count - 1
  }

  /// The best syllables of a lookup (`readingsPerSyllable` at most, all the beam looks at),
  /// best first, as a range of the scratch pool, merged the first time a search needs them.
  private func candidateRange(lookup: Int, scratch: inout ParseScratch) -> Range<Int> {
    if let range = scratch.lookups[lookup].range { return range }
    let start = scratch.poolScalars.count
    tables.appendReadings(
      scratch.lookups[lookup].source, limit: Self.readingsPerSyllable,
      scalars: &scratch.poolScalars, scores: &scratch.poolScores)
    let range = start..<scratch.poolScalars.count
    scratch.lookups[lookup].range = range
    return range
  }

  /// Sets the scratch's `options` to the ways to read a piece: segmentations into known
  /// syllable spellings and into known loosened spellings (penalised); for one piece of
  /// several, its consonant skeleton as one syllable when nothing else reads it as one.
  private func readings(
    of piece: ArraySlice<UInt8>, severalPieces: Bool, scratch: inout ParseScratch
  ) {
    scratch.options.removeAll(keepingCapacity: true)
    // Fetched once: each access to `tables.readingIndexes` takes its lock.
    let indexes = tables.readingIndexes
    segmentations(
      of: piece, in: indexes.exactCodes, loose: false, severalPieces: severalPieces,
      into: &scratch.options, cuts: &scratch.cuts)
    KoreanNameTables.loosened(piece, into: &scratch.loosened)
    let loose = scratch.loosened
    if scratch.options.isEmpty || !loose.elementsEqual(piece) {
      segmentations(
        of: loose[...], in: indexes.looseCodes, loose: true, severalPieces: severalPieces,
        into: &scratch.options, cuts: &scratch.cuts)
    }
    // A piece of a spaced or hyphenated name is one syllable: when no known spelling reads it
    // as one ("Woan", "Suak"), its consonant skeleton may.
    if severalPieces && !scratch.options.contains(where: { $0.count == 1 }),
      KoreanNameTables.skeletonCode(piece) != nil,
      let code = SpellingCode.encode(loose[...])
    {
      var s = Segmentation()
      s.codes[0] = code
      s.count = 1
      s.looseMask = 1
      scratch.options.append(s)
    }
    // A fused given name that no known spellings cut in two ("CHOUNSOOK" only as cho-un-sook,
    // "SANGWUK" not at all) may hold one syllable spelled as no name taught: cut it where one
    // side is a known spelling and the other reads as one syllable by its consonant skeleton.
    if !severalPieces && !scratch.options.contains(where: { $0.count == 2 }) {
      fusedReadingsWithOneUnseenSyllable(of: piece, indexes: indexes, scratch: &scratch)
    }
  }

  /// Penalty (log) of reading one syllable of a fused given name by its skeleton alone.
  static let unseenFusedSyllablePenalty = log(0.05)

  /// Appends the two-syllable cuts of a fused `piece` whose one side is a known (exact or
  /// loosened) spelling and whose other side is one syllable read by its consonant skeleton:
  /// "SANGWUK" as Sang + wuk (욱, 억 …), "CHOUNSOOK" as choun (춘, 천 …) + Sook.
  private func fusedReadingsWithOneUnseenSyllable(
    of piece: ArraySlice<UInt8>, indexes: KoreanReadingIndexes, scratch: inout ParseScratch
  ) {
    guard piece.count >= 3, piece.count <= 2 * SpellingCode.maximumLength else { return }
    /// The code of one side and whether it is read loosely (nil: not one syllable).
    func side(_ letters: ArraySlice<UInt8>) -> (code: UInt64, known: Bool, loose: Bool)? {
      guard let code = SpellingCode.encode(letters), KoreanNameTables.skeletonCode(code) != nil
      else { return nil }
      if indexes.exactCodes.contains(code) { return (code, true, false) }
      let loose = KoreanNameTables.loosened(code: code)
      return (loose, indexes.looseCodes.contains(loose), true)
    }
    for cut in piece.index(after: piece.startIndex)..<piece.index(before: piece.endIndex) {
      guard let left = side(piece[..<cut]), let right = side(piece[cut...]),
        left.known != right.known
      else { continue }
      var s = Segmentation()
      s.codes[0] = left.code
      s.codes[1] = right.code
      s.count = 2
      s.looseMask = (left.loose ? 1 : 0) | (right.loose ? 2 : 0)
      s.penalty =
        Self.unseenFusedSyllablePenalty + penalty([left.code, right.code], severalPieces: false)
      scratch.options.append(s)
    }
  }

  private func penalty(_ codes: [UInt64], severalPieces: Bool) -> Double {
    var penalty = 0.0
    if severalPieces && codes.count > 1 {
      penalty += Double(codes.count - 1) * Self.splitPiecePenalty
    }
    for k in 1..<max(codes.count, 1) {
      let last = SpellingCode.last(codes[k - 1])
      let first = SpellingCode.letter(codes[k], 0, length: SpellingCode.length(codes[k]))
      if Self.isVowelLetter(last), Self.isVowelLetter(first) {
        penalty += Self.vowelJunctionPenalty
      }
    }
    return penalty
  }

  private static func isVowelLetter(_ b: UInt8) -> Bool {
    b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75
  }

  /// Appends every way to cut `piece` into 1…3 spellings whose codes are in `known` (at most
  /// 16 ways), each with its penalty (and the loose penalty when `loose`).
  private func segmentations(
    of piece: ArraySlice<UInt8>, in known: CodeTable, loose: Bool, severalPieces: Bool,
    into out: inout [Segmentation], cuts: inout [UInt64]
  ) {
    var found = 0
    cuts.removeAll(keepingCapacity: true)
    func walk(_ start: Int) {
      if start == piece.endIndex {
        var s = Segmentation()
        for (k, code) in cuts.enumerated() { s.codes[k] = code }
        s.count = cuts.count
        s.looseMask = loose ? UInt8((1 << cuts.count) - 1) : 0
        s.penalty =
          (loose ? KoreanNameTables.loosePenalty : 0) + penalty(cuts, severalPieces: severalPieces)
        out.append(s)
        found += 1
        return
      }
      guard cuts.count < 3, found < 16 else { return }
      var code: UInt64 = 0
      var end = start
      while end < piece.endIndex && end - start < SpellingCode.maximumLength {
        code = SpellingCode.append(code, piece[end])
        end += 1
        if known.contains(code) {
          cuts.append(code)
          walk(end)
          cuts.removeLast()
        }
      }
    }
    walk(piece.startIndex)
  }

  // MARK: - Input

  /// Splits the input into tokens of lowercase ASCII letters (into `out`, emptied first); false
  /// when it holds digits, letters of other scripts, or anything a name cannot contain.
  static func tokens(of text: String, into out: inout Tokens) -> Bool {
    out.removeAll()
    var pieceStart = 0
    var tokenStart = 0
    var upper = 0
    var lower = 0
    var length = 0
    func endPiece() {
      if out.letters.count > pieceStart { out.pieces.append(pieceStart..<out.letters.count) }
      pieceStart = out.letters.count
    }
    func endToken() {
      endPiece()
      if out.pieces.count > tokenStart {
        out.tokens.append((tokenStart..<out.pieces.count, upper >= 2 && lower == 0))
      }
      tokenStart = out.pieces.count
      upper = 0
      lower = 0
    }
    for scalar in text.unicodeScalars {
      length += 1
      if length > maximumLength { return false }
      var v = scalar.value
      // McCune–Reischauer's breves mark ㅓ (ŏ) and ㅡ (ŭ): read them as Revised's "eo" and
      // "eu", so "Pak Sŏ-yŏn" and "Park Seo-yeon" are one reading, not 소연 and 서연.
      if v == 0x14E || v == 0x14F || v == 0x16C || v == 0x16D {
        out.letters.append(0x65)  // "e"
        if v == 0x14E || v == 0x16C { upper += 1 } else { lower += 1 }
        v = v == 0x14E ? 0x4F : v == 0x14F ? 0x6F : v == 0x16C ? 0x55 : 0x75
      }
      if v >= 0x80, let folded = foldLatin(scalar) { v = folded }
      switch v {
      case 0x61...0x7A:
        out.letters.append(UInt8(v))
        lower += 1
      case 0x41...0x5A:
        out.letters.append(UInt8(v + 32))
        upper += 1
      case 0x2E:  // "."; after a lone letter the piece is an initial ("Y.W. Yoo")
        if out.letters.count - pieceStart == 1 && out.pieces.count == tokenStart
          && out.pieces.count < 64
        {
          out.initials |= 1 << UInt64(out.pieces.count)
        }
        endToken()
      case 0x20, 0x09, 0xA0, 0x3000:  // space, tab, no-break space, ideographic space
        endToken()
      case 0x2C, 0xFF0C:  // comma
        endToken()
        if out.tokens.count == 1 { out.commaAfterFirst = true } else { return false }
      case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0xAD:  // hyphens
        endPiece()
      case 0x27, 0x2019, 0x2018, 0x2BC, 0x60:  // apostrophes (McCune–Reischauer "Ch'oe")
        continue
      default:
        return false
      }
    }
    endToken()
    return true
  }

  /// A Latin letter with diacritics (ŏ, ŭ, é) as its base ASCII letter.
  private static func foldLatin(_ scalar: Unicode.Scalar) -> UInt32? {
    let v = scalar.value
    guard (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) else { return nil }
    let decomposed = Normalizer.normalize(String(scalar), form: .nfd).unicodeScalars
    guard let base = decomposed.first, base.isASCII,
      (0x41...0x5A).contains(base.value) || (0x61...0x7A).contains(base.value)
    else {
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

  private static func appendCapitalized<C: Collection>(_ letters: C, to bytes: inout [UInt8])
  where C.Element == UInt8 {
    for (k, b) in letters.enumerated() {
      bytes.append(k == 0 && b >= 0x61 && b <= 0x7A ? b - 32 : b)
    }
  }
}
