import ByteSupport
import NormalizeCore

/// Finds the people, places and organisations named in an article and gives each mention its
/// canonical form, parts, origin, Hangul candidates and matching key.
///
/// ```swift
/// let detector = try NameMentionDetector(lexicons: provider)
/// let names = detector.mentions(in: [(field: nil, text: "Lawmaker Yoo Yong Won met Mr. Lee in Kiev. Yoo said…")])
/// // Yoo Yong Won → person "Yoo Yong-won" (ko, 유용원); Lee → person "Lee"; Kiev → place "Kyiv";
/// // Yoo → person "Yoo Yong-won" (a partial mention linked to the full name)
/// ```
///
/// In order of precedence: (1) spellings from the alias lexicon, longest first ("Ukrainian
/// President Volodymyr Zelensky" → the lexicon's "Volodymyr Zelenskyy"); (2) Korean names, by
/// the surname table and syllable grammar of `KoreanNameParser`, accepted when the given name has
/// two syllables or a cue stands beside it, and its syllables are spellings real Korean names use
/// (or it is hyphenated with a cue): "Peugeot SA", "Daniel Lee", German "Im Rahmen" are not;
/// (3) other people after a title ("spokesman John Kirby", "Sen. Thad Cochran", "chairman
/// Robert D. Hostetler"); (4) a title with a lone surname ("Mr. Baek", "lawmaker Yoo"); and (5) later or
/// earlier partial mentions of a person found in the same article ("Zelensky said", "Sybiha
/// voiced") linked to the full name, when the surname points to one person only.
public struct NameMentionDetector: Sendable {
  private let aliases: AliasLexicon
  private let cues: NameCues
  private let korean: KoreanNameParser
  private let commonWords: Set<String>
  private let hangulSurnames: Set<String>
  /// Name stop words, function words by language, name particles, Korean particles and
  /// institution endings (`Lexicons/`, read by `NameWordLists`).
  private let words: NameWordLists
  /// Lower-case spellings that given-name syllables of real Korean names take (spellings seen
  /// in the name tables, and the Revised Romanization of every syllable seen there): the
  /// evidence a romanised Korean reading needs ("Yong", "won", "mi" are; "geot" of "Peu-geot",
  /// "iel" of "Dan-iel" are not).
  private let givenSyllableSpellings: Set<String>
  /// Facts of capitalised words, computed once per word (and thread) for all articles.
  private let wordFacts: NameWordFactsCache
  /// Token buffers reused from one text to the next.
  private let tokenStorage = NameTokenStorage.Pool()

  /// Loads the alias lexicon, the cue words, the Korean name tables and English stop words.
  ///
  /// - Throws: `LexiconError` for a malformed lexicon.
  public init(lexicons: any LexiconProvider) throws {
    aliases = try AliasLexicon(lexicons: lexicons)
    cues = try NameCues(lexicons: lexicons)
    korean = try SharedKoreanParser.parser(for: lexicons)
    let words = try NameWordLists(lexicons: lexicons)
    self.words = words
    // English function words and the name stop words are common in any text (English is the
    // language most news here is in, and its words turn up in every other one).
    var common: Set<String> = words.functionWords["en"] ?? []
    common.formUnion(words.nameStopwords)
    // Also as written at the start of a sentence and in headlines, so that capitalised words
    // are looked up without lower-casing them.
    for word in Array(common) {
      common.insert(word.prefix(1).uppercased() + word.dropFirst())
      common.insert(word.uppercased())
    }
    commonWords = common
    var surnames: Set<String> = []
    for entry in try lexicons.allEntries(kind: "surnames") {
      if let hangul = entry.fields.first,
        hangul.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) })
      {
        surnames.insert(hangul)
      }
    }
    hangulSurnames = surnames
    givenSyllableSpellings = Self.givenSyllableSpellings(korean)
    // The facts maker captures copies of the tables once, here, rather than at every lookup;
    // the common words and the first words of lexicon spellings as `NameWordIndex`es, which
    // look an ASCII word up without hashing a string.
    let korean = korean
    let commonIndex = NameWordIndex(common)
    let firstWordIndex = NameWordIndex(aliases.firstWordLengths)
    wordFacts = NameWordFactsCache { word in
      let key = AliasLexicon.wordKey(word)
      return NameWordFacts(
        key: key, maxWords: firstWordIndex.value(of: key) ?? 0,
        isKoreanSurname: korean.isKoreanSurname(word),
        isCommon: commonIndex.contains(word))
    }
  }

  /// The spellings given-name syllables were seen with in the name tables, and the Revised
  /// Romanization of every syllable seen there.
  private static func givenSyllableSpellings(_ korean: KoreanNameParser) -> Set<String> {
    Set(
      korean.tables.model.observedGivenSpellings.map {
        String(decoding: SpellingCode.letters($0), as: UTF8.self)
      })
  }

  /// The mentions in each field, in field order then text order. `field` nil is the record's
  /// `text`; partial mentions are linked across all fields.
  ///
  /// - Parameters:
  ///   - language: the text's language (BCP 47, "de"): its function words are never part of a
  ///     name (German "Im Rahmen" is no Korean "Im Ra-hmen"). Nil: English only.
  ///   - published: the article's publication date ("1987-03-02" or a longer ISO form): a
  ///     lexicon spelling in use only in some years names its person only in those ("Stoltenberg"
  ///     in 1987 newswire is not Jens Stoltenberg). Nil: every spelling counts.
  public func mentions(
    in fields: [(field: String?, text: String)], language: String? = nil, published: String? = nil
  ) -> [NameMention] {
    let context = Context(
      functionWords: language.flatMap {
        $0 == "en" ? nil : words.functionWords[String($0.prefix { $0 != "-" })]
      } ?? [],
      year: published.flatMap { Int($0.prefix(4)) })
    // Fields longer than `TextPieces.defaultLimit` bytes are analysed in pieces (a bound by
    // design, issue 19: name tokens take ~80 bytes each, 200 MB for a 15 MB text). Their
    // tokens are not kept between the two passes but made again for the partial mentions.
    var units: [(field: Int, text: String, offset: Int)] = []
    units.reserveCapacity(fields.count)
    for (index, field) in fields.enumerated() {
      if field.text.utf8.count <= TextPieces.defaultLimit {
        units.append((index, field.text, 0))
      } else {
        units += TextPieces.split(field.text).map { (index, $0.text, $0.scalarOffset) }
      }
    }
    let keepTokens = units.count == fields.count
    func analyze(_ text: String) -> (tokens: NameTokenList, full: [NameMention], claimed: [Bool]) {
      var storage = tokenStorage.take()
      var list = NameTokenList(text, storage: &storage)
      var keys: [String] = []
      swap(&keys, &list.keys)
      keys.reserveCapacity(list.count)
      let count = list.count
      // In place; a word becomes a string only when it may be a cue or is capitalised and new
      // to the facts cache.
      list.bytes.withUnsafeBufferPointer { bytes in
        list.tokens.withUnsafeMutableBufferPointer { tokens in
          guard let first = tokens.baseAddress else { return }
          for index in 0..<count {
            let token = first + index
            let word = UnsafeBufferPointer(
              rebasing: bytes[token.pointee.byteStart..<token.pointee.byteEnd])
            // A word written in ASCII (as many bytes as scalars) is looked up on its bytes.
            token.pointee.cues =
              token.pointee.byteEnd - token.pointee.byteStart == token.pointee.end
                - token.pointee.start
              ? cues.asciiRoles(of: word, hash: token.pointee.hash)
              : cues.roles(
                of: { String(utf8Bytes: word) }, hash: token.pointee.hash,
                hashIsLowercase: token.pointee.hashIsLowercase)
            guard token.pointee.isCapitalized else { continue }
            let facts = wordFacts.facts(of: word, hash: token.pointee.hash)
            token.pointee.keyIndex = keys.count
            keys.append(facts.key)
            token.pointee.maxWords = facts.maxWords
            token.pointee.isKoreanSurname = token.pointee.isLatin && facts.isKoreanSurname
            token.pointee.isCommon = facts.isCommon
          }
        }
      }
      list.keys = keys
      var taken = storage.claimed
      storage.claimed = []
      taken.removeAll(keepingCapacity: true)
      taken.append(contentsOf: repeatElement(false, count: count))
      let full = fullMentions(list, claimed: &taken, context: context)
      return (list, full, taken)
    }
    /// Gives the buffers of a text's tokens and claims back to the pool.
    func recycle(_ tokens: consuming NameTokenList, claimed: consuming [Bool]) {
      var storage = tokens.storage()
      storage.claimed = claimed
      tokenStorage.give(storage)
    }
    func shifted(_ mentions: [NameMention], by offset: Int) -> [NameMention] {
      offset == 0
        ? mentions
        : mentions.map { mention in
          var mention = mention
          mention.start += offset
          mention.end += offset
          return mention
        }
    }
    var found: [[NameMention]] = []
    var tokenized: [NameTokenList] = []
    var claimed: [[Bool]] = []
    for unit in units {
      let (tokens, full, taken) = analyze(unit.text)
      found.append(shifted(full, by: unit.offset))
      if keepTokens {
        tokenized.append(tokens)
        claimed.append(taken)
      } else {
        recycle(tokens, claimed: taken)
      }
    }
    // Surnames of the people found, for partial mentions: family fold → the one mention.
    var byFamily: [String: NameMention?] = [:]
    for mention in found.joined() where mention.kind == "person" && mention.given != nil {
      guard let family = mention.family else { continue }
      let key = NameFoldKey.key(family)
      if let existing = byFamily[key], existing?.canonical != mention.canonical {
        byFamily[key] = .some(nil)  // two people share the surname: leave partial mentions alone
      } else {
        byFamily[key] = mention
      }
    }
    // (Appended, not `repeating:count:`, which looks up generic metadata at every call.)
    var perField: [[NameMention]] = []
    perField.reserveCapacity(fields.count)
    for _ in fields { perField.append([]) }
    for (unitIndex, unit) in units.enumerated() {
      // Moved, not copied, when the field has no mentions yet (a field of one unit).
      if perField[unit.field].isEmpty {
        swap(&perField[unit.field], &found[unitIndex])
      } else {
        perField[unit.field] += found[unitIndex]
      }
      if keepTokens {
        perField[unit.field] += partialMentions(
          tokenized[unitIndex], claimed: &claimed[unitIndex], people: byFamily)
      } else {
        let again = analyze(unit.text)
        var taken = again.claimed
        perField[unit.field] += shifted(
          partialMentions(again.tokens, claimed: &taken, people: byFamily), by: unit.offset)
        recycle(again.tokens, claimed: taken)
      }
    }
    while let tokens = tokenized.popLast() { recycle(tokens, claimed: claimed.popLast() ?? []) }
    var result: [NameMention] = []
    for (fieldIndex, field) in fields.enumerated() {
      // Taken out of `perField`, so that setting the field and sorting copy no mention (the
      // same sort as `sorted(by:)`, so that equal starts keep their order).
      var mentions: [NameMention] = []
      swap(&mentions, &perField[fieldIndex])
      for index in mentions.indices { mentions[index].field = field.field }
      mentions.sort { $0.start < $1.start }
      if result.isEmpty {
        result = mentions
      } else {
        result += mentions
      }
    }
    return result
  }

  // MARK: - Full mentions

  /// What the detector knows about the article beyond its text.
  private struct Context {
    /// Lower-cased function words of the text's language (empty for English or unknown).
    var functionWords: Set<String>
    /// The year of publication, when known.
    var year: Int?
  }

  private func fullMentions(_ tokens: NameTokenList, claimed: inout [Bool], context: Context)
    -> [NameMention]
  {
    var mentions: [NameMention] = []
    var index = 0
    while index < tokens.count {
      guard tokens[index].isCapitalized, !claimed[index] else {
        index += 1
        continue
      }
      if tokens[index].isCJK, let inside = cjkMentions(tokens, at: index) {
        mentions += inside
        claimed[index] = true
        index += 1
        continue
      }
      // Most capitalised words start sentences ("The", "But"): unless a lexicon spelling starts
      // with one ("North Korea"), they start no name.
      if tokens[index].isCommon && tokens[index].maxWords == 0 {
        index += 1
        continue
      }
      if let (mention, length) = fullMatch(tokens, at: index, context: context) {
        mentions.append(mention)
        for k in index..<(index + length) { claimed[k] = true }
        index += length
        continue
      }
      index += 1
    }
    return mentions
  }

  /// The full mention starting at `index`: a lexicon spelling, a Korean name, a Hangul name or
  /// a cued person, in that order. Each matcher is asked only when the first condition it
  /// checks holds (most capitalised words pass none), so that most words cost no call.
  private func fullMatch(_ tokens: NameTokenList, at index: Int, context: Context) -> (
    NameMention, Int
  )? {
    if tokens[index].maxWords > 0, let found = lexiconMatch(tokens, at: index, year: context.year) {
      return found
    }
    if tokens[index].isLatin, Self.surnameWithinThree(tokens, from: index),
      let found = koreanMatch(tokens, at: index, context: context)
    {
      return found
    }
    if tokens[index].isCJK, let found = hangulMatch(tokens, at: index) { return found }
    if isTitled(tokens, at: index) { return cuedPerson(tokens, at: index) }
    return nil
  }

  /// Whether one of the three tokens from `index` (the most a Korean name spans) is a romanised
  /// Korean surname: `koreanMatch`'s first test, asked here by index, without a slice, since
  /// most capitalised words fail it ("The", "Reuters", "Kiev" have no surname after them).
  private static func surnameWithinThree(_ tokens: NameTokenList, from index: Int) -> Bool {
    var k = index
    while k < min(index + 3, tokens.count) {
      if tokens[k].isKoreanSurname { return true }
      k += 1
    }
    return false
  }

  /// The longest alias-lexicon spelling starting at `index`.
  private func lexiconMatch(_ tokens: NameTokenList, at index: Int, year: Int?) -> (
    NameMention, Int
  )? {
    let firstKey = tokens.key(tokens[index])
    let limit = min(tokens[index].maxWords, tokens.count - index)
    var length = limit
    while length >= 1 {
      let span = tokens[index..<(index + length)]
      if isContiguous(span), let last = span.last, last.isCapitalized || last.isCJK {
        let key =
          length == 1
          ? firstKey
          : span.map {
            let key = tokens.key($0)
            return key.isEmpty ? AliasLexicon.wordKey(tokens.text($0)) : key
          }.joined(
            separator: " ")
        if let entry = aliases.entry(forKey: key, year: year),
          !(length == 1 && isCommonWord(tokens[index], in: tokens) && entry.kind == .person)
        {
          return (mention(for: entry, tokens: span), length)
        }
      }
      length -= 1
    }
    return nil
  }

  /// A Korean name of one to three tokens starting at `index`.
  private func koreanMatch(_ tokens: NameTokenList, at index: Int, context: Context) -> (
    NameMention, Int
  )? {
    guard tokens[index].isLatin else { return nil }
    var length = min(3, tokens.count - index)
    // The span's first or last word must be a surname.
    guard tokens[index..<(index + length)].contains(where: \.isKoreanSurname) else { return nil }
    while length >= 1 {
      let span = tokens[index..<(index + length)]
      guard let first = span.first, let last = span.last else { break }
      if first.isKoreanSurname || last.isKoreanSurname, isContiguous(span),
        span.allSatisfy({ $0.end - $0.start >= 2 }),
        span.allSatisfy({
          $0.isCapitalized && $0.isLatin && $0.cues.isDisjoint(with: [.title, .verb])
            && !isCommonWord($0, in: tokens)
        }),
        !(span.dropLast().contains { $0.possessive }),
        // "Peugeot SA", "Du Pont Co": a company suffix makes the span no person.
        !span.contains(where: { $0.cues.contains(.notPerson) }),
        !followedByNotPerson(tokens, after: index + length),
        // German "Im Rahmen", French "La Police", Croatian "Na Twitteru".
        context.functionWords.isEmpty
          || !span.contains(where: {
            context.functionWords.contains(tokens.text($0).lowercased())
          })
      {
        let spelling = span.map(tokens.text).joined(separator: " ")
        let cued = hasCue(tokens, before: index, after: index + length)
        if cued || !insideLongerRun(tokens, from: index, to: index + length),
          let reading = korean.parse(spelling).first
        {
          let multiSyllable = (reading.given ?? "").contains("-")
          if (multiSyllable || cued) && hasKoreanEvidence(reading, span: span, cued: cued) {
            return (mention(for: reading, tokens: span), length)
          }
        }
      }
      length -= 1
    }
    return nil
  }

  /// Whether a romanised Korean reading of `span` is backed by evidence, not only by a surname
  /// spelling and the syllable grammar: every given-name syllable is a spelling real Korean
  /// names use ("Yoo Yong Won", "Yeonmi Park"); or the writer hyphenated or spaced the given
  /// name as Koreans do and a title or verb stands beside it, or at least one syllable is
  /// known ("Foreign Minister Choi Kwang-soo" with "kwang" outside the tables). A span written
  /// wholly in capitals (a headline: "MENLO PARK") needs the hyphen or a cue.
  /// "Peugeot SA" (Sa Peu-geot), "Daniel Lee" (Lee Dan-iel) and "Du Pont" have none.
  private func hasKoreanEvidence(
    _ reading: KoreanNameReading, span: Slice<NameTokenList>, cued: Bool
  ) -> Bool {
    let pieces = (reading.given ?? "").split(separator: "-").map { $0.lowercased() }
    guard !pieces.isEmpty else { return cued }
    let known = pieces.filter { givenSyllableSpellings.contains($0) }.count
    let hyphenated = span.contains { span.base.text($0).contains("-") }
    let spaced = span.count >= 3
    if span.allSatisfy(\.isAllCaps), !hyphenated, !cued { return false }
    if known == pieces.count { return true }
    if (hyphenated || spaced) && cued { return true }
    return hyphenated && known >= 1
  }

  /// Lexicon spellings inside a run of Han, kana or Hangul ("习近平会见…", "서울에서", "키예프"):
  /// these scripts do not put spaces around names, or attach particles to them. A Hangul
  /// spelling must start the word and be followed by nothing or a particle (서울에서, not
  /// 한국어); Han and kana spellings may stand anywhere in the run. Nil when there is none.
  private func cjkMentions(_ tokens: NameTokenList, at index: Int) -> [NameMention]? {
    let token = tokens[index]
    // The word's scalars, decoded from its bytes (no string is made of the whole run).
    let scalars = tokens.withBytes(of: token) { bytes in
      var scalars: [Unicode.Scalar] = []
      scalars.reserveCapacity(token.end - token.start)
      var at = 0
      while at < bytes.count {
        let (value, length) = UTF8Scan.decodeScalar(bytes, at: at)
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        at += length
      }
      return scalars
    }
    var found: [NameMention] = []
    var offset = 0
    while offset < scalars.count {
      let isHangul = (0xAC00...0xD7A3).contains(scalars[offset].value)
      if !isHangul || offset == 0,
        let (length, entry) = aliases.cjkMatches(in: scalars, at: offset),
        !isHangul || length == scalars.count
          || words.koreanParticles.contains(String(String.UnicodeScalarView(scalars[length...])))
      {
        var mention = mention(for: entry, tokens: tokens[index...index])
        mention.start = token.start + offset
        mention.end = token.start + offset + length
        mention.text = String(String.UnicodeScalarView(scalars[offset..<(offset + length)]))
        found.append(mention)
        offset += length
        continue
      }
      if isHangul { break }  // no spelling starts this Hangul word
      offset += 1
    }
    return found.isEmpty ? nil : found
  }

  /// A Hangul name before a title (유용원 의원은, 장세율 씨): a surname syllable (or two) and one
  /// to three given-name syllables, romanised by the Korean engine.
  private func hangulMatch(_ tokens: NameTokenList, at index: Int) -> (NameMention, Int)? {
    let token = tokens[index]
    // Tested on the token first (its scalar span), before its word is made into a string: most
    // CJK tokens are runs of Han or kana text longer than a name.
    guard token.isCJK, token.end - token.start <= 5, index + 1 < tokens.count else { return nil }
    let text = tokens.text(token)
    guard let first = text.unicodeScalars.first,
      (0xAC00...0xD7A3).contains(first.value),
      text.unicodeScalars.count <= 5, index + 1 < tokens.count,
      cues.startsWithTitleAfter(tokens.text(tokens[index + 1]))
    else { return nil }
    let syllables = text.unicodeScalars.map { String($0) }
    guard (2...5).contains(syllables.count),
      text.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) })
    else {
      return nil
    }
    let surnameLength =
      syllables.count >= 4 && hangulSurnames.contains(syllables[0] + syllables[1]) ? 2 : 1
    // A two-syllable given name is the rule; a one-syllable one only with 씨 ("김구 씨"). Words
    // ending like an institution (국회, 경제부, 검찰청) or a verb (전했다) are not names.
    let givenLength = syllables.count - surnameLength
    guard
      givenLength == 2 || (givenLength == 1 && tokens.text(tokens[index + 1]).hasPrefix("씨")),
      let last = syllables.last, !words.notNameEndings.contains(last),
      hangulSurnames.contains(syllables.prefix(surnameLength).joined()),
      let best = korean.romanizer.romanizations(of: text, limit: 1).first
    else { return nil }
    let parts = best.text.split(separator: " ", maxSplits: 1).map(String.init)
    return (
      NameMention(
        start: token.start, end: token.end, text: text, kind: "person", canonical: best.text,
        family: parts.first, given: parts.count > 1 ? parts[1] : nil, origin: "ko",
        hangul: [text],
        key: korean.key(ofHangul: text)),
      1
    )
  }

  /// "spokesman John Kirby", "міністр Андрій Сибіга": two or three capitalised words after a
  /// title cue, in Latin or Cyrillic script (Cyrillic names are romanised for the canonical form).
  private func cuedPerson(_ tokens: NameTokenList, at index: Int) -> (NameMention, Int)? {
    guard isTitled(tokens, at: index) else { return nil }
    let cyrillic = Self.isCyrillic(tokens.text(tokens[index]))
    guard tokens[index].isLatin || cyrillic else { return nil }
    var length = 0
    var initials = 0
    while index + length < tokens.count, length < 3 + initials {
      let token = tokens[index + length]
      // "Robert D. Hostetler": a middle initial and its full stop do not end the name (written
      // ". " exactly: "Joseph D., Mahaffey" is cut there).
      let afterInitial =
        length > 0 && Self.isInitial(tokens[index + length - 1])
        && token.start == tokens[index + length - 1].end + 2
      // "Jan de Vries": a particle between capitalised parts of the name.
      if length > 0, !cyrillic, !token.isCapitalized, token.joinedToPrevious, initials < 2,
        words.nameParticles.contains(tokens.text(token)),
        index + length + 1 < tokens.count, tokens[index + length + 1].isCapitalized,
        tokens[index + length + 1].joinedToPrevious,
        tokens[index + length + 1].isLatin
      {
        initials += 1
        length += 1
        continue
      }
      guard token.isCapitalized, cyrillic ? Self.isCyrillic(tokens.text(token)) : token.isLatin,
        token.cues.isDisjoint(with: [.title, .verb]),
        !isCommonWord(token, in: tokens), length == 0 || token.joinedToPrevious || afterInitial
      else { break }
      if length > 0 && Self.isInitial(token) {
        // An initial must be followed by more of the name, and not follow another ("major
        // U. S. Institutional investors" is no person).
        guard index + length + 1 < tokens.count, tokens[index + length + 1].isCapitalized,
          initials < 2,
          !Self.isInitial(tokens[index + length - 1])
        else { break }
        initials += 1
      }
      length += 1
      if token.possessive { break }
    }
    guard length >= 2 else { return nil }
    // Words in capitals after a title are a headline ("FORMER AIDE PLEADS GUILTY"), not a name.
    if tokens[index..<(index + length)].allSatisfy(\.isAllCaps) { return nil }
    // "президент США Байден", "премьер Украины Денис Шмыгаль": an abbreviation or a noun in the
    // genitive between the title and the name belongs to the title. A lone word after it is
    // left to the lexicon (the next token's own match).
    var first = index
    if cyrillic, tokens[index].isAllCaps || Self.looksGenitive(tokens.text(tokens[index])) {
      guard length >= 3 else { return nil }
      first += 1
    }
    let span = tokens[first..<(index + length)]
    if span.contains(where: { $0.cues.contains(.notPerson) })
      || followedByNotPerson(tokens, after: index + length)
    {
      return nil
    }
    var origin: String?
    var canonical = span.map { mendCase(tokens.text($0)) + (Self.isInitial($0) ? "." : "") }.joined(
      separator: " ")
    if cyrillic {
      let romanized = ScriptNameRomanizer.firstSpelling(
        of: canonical, compoundSurnames: words.compoundSurnames)
      origin = romanized.origin
      canonical = romanized.text ?? canonical
    }
    let parts = canonical.spaceSeparatedWords()
    return (
      NameMention(
        start: span.first?.start ?? 0, end: span.last?.end ?? 0, text: spelling(span),
        kind: "person",
        canonical: canonical, family: parts.last,
        given: parts.count > 1 ? parts.dropLast().joined(separator: " ") : nil, origin: origin,
        key: "name:" + NameFoldKey.key(canonical).replacingSpaces(with: ".")),
      length
    )
  }

  /// One capital letter written with a full stop: a middle initial ("D." of "Robert D. Hostetler").
  private static func isInitial(_ token: NameToken) -> Bool {
    token.followedByPeriod && token.end - token.start == 1 && token.isLatin && token.isCapitalized
  }

  /// Whether a title cue stands right before `index`: joined to it by a space ("spokesman John
  /// Kirby"), as an abbreviation with its full stop ("Mr. Lee", "Sen. Thad Cochran"), or before
  /// a full name in apposition ("The director, Halyna Bondar, said"). A title
  /// that ends a sentence ("…the Deputy Prime Minister. In 2021") or is cut off by punctuation
  /// ("According to the official, Venezuela") cues nothing.
  private func isTitled(_ tokens: NameTokenList, at index: Int) -> Bool {
    guard index > 0, index < tokens.count else { return false }
    let title = tokens[index - 1]
    guard title.cues.contains(.title) else { return false }
    if tokens[index].joinedToPrevious { return true }
    // Apposition: "The director, Halyna Bondar, said" — one mark and a space between the title
    // and a name of two or more capitalised words (a lone word after "the official," is often
    // the sentence's next subject: "According to the official, Venezuela …").
    if !title.followedByPeriod, tokens[index].start == title.end + 2, index + 1 < tokens.count,
      tokens[index + 1].joinedToPrevious, tokens[index + 1].isCapitalized,
      tokens[index + 1].isLatin,
      tokens[index].isLatin, !tokens[index].isAllCaps
    {
      return true
    }
    // "Mr. Lee": the abbreviation, its full stop and one space. Not "Biloxi, Miss.  Borden" (two
    // spaces: a sentence ends there), nor the "M." of initials ("L.M. Ericsson").
    guard title.followedByPeriod, title.end - title.start <= 4, tokens[index].start == title.end + 2
    else { return false }
    let afterInitial =
      index >= 2 && Self.isInitial(tokens[index - 2]) && title.start == tokens[index - 2].end + 1
    return !(title.end - title.start == 1 && afterInitial)
  }

  /// A Russian or Ukrainian noun in the genitive singular of the kind that stands between a
  /// title and a name (России, Украины, Германии, України): ending in -ы or -и. First names
  /// and surnames in the nominative rarely end so.
  private static func looksGenitive(_ word: String) -> Bool {
    guard let last = word.unicodeScalars.last, word.unicodeScalars.count >= 4 else { return false }
    return last == "ы" || last == "и"
  }

  private static func isCyrillic(_ word: String) -> Bool {
    word.unicodeScalars.allSatisfy {
      (0x0400...0x04FF).contains($0.value) || $0 == "'" || $0 == "’" || $0 == "-"
    }
  }

  // MARK: - Partial mentions

  private func partialMentions(
    _ tokens: NameTokenList, claimed: inout [Bool], people: [String: NameMention?]
  ) -> [NameMention] {
    var mentions: [NameMention] = []
    // The surnames, when there are few (as in most articles): most capitalised words are
    // none of them, and comparing a word's key with a few is cheaper than hashing it.
    let fewFamilies: [String]? =
      people.isEmpty || people.count > 8 ? nil : Array(people.keys)
    for index in tokens.indices
    where !claimed[index] && tokens[index].isCapitalized && tokens[index].isLatin {
      // Only a known surname or a word after a title can be a partial mention (looked up by
      // index first: most words are neither, and need no copy of a mention or of the token).
      var personIndex: [String: NameMention?].Index?
      if !people.isEmpty {
        let wordKey = tokens.key(tokens[index])
        if fewFamilies?.contains(wordKey) ?? true { personIndex = people.index(forKey: wordKey) }
      }
      guard personIndex != nil || isTitled(tokens, at: index) else { continue }
      let token = tokens[index]
      let person = personIndex.map { people[$0].value }
      // Standalone: no capitalised non-cue word joined on either side.
      let joinedBefore =
        index > 0 && token.joinedToPrevious && tokens[index - 1].isCapitalized
        && tokens[index - 1].cues.isDisjoint(with: [.title, .verb])
      let joinedAfter =
        index + 1 < tokens.count && tokens[index + 1].joinedToPrevious
        && tokens[index + 1].isCapitalized
        && tokens[index + 1].cues.isDisjoint(with: [.title, .verb])
      guard !joinedBefore, !joinedAfter, token.cues.isDisjoint(with: [.title, .verb]) else {
        continue
      }
      let key = tokens.key(token)
      let titled = isTitled(tokens, at: index)
      if let person = person ?? nil, !isCommonWord(token, in: tokens) || titled {
        var linked = person
        linked.start = token.start
        linked.end = token.end
        linked.text = tokens.text(token)
        linked.field = nil
        linked.partial = true
        mentions.append(linked)
        claimed[index] = true
      } else if titled,
        !(index + 1 < tokens.count && tokens[index + 1].joinedToPrevious
          && tokens[index + 1].cues.contains(.title)),
        token.end - token.start >= 2, !token.isAllCaps || token.isKoreanSurname,
        !token.cues.contains(.notPerson),
        !followedByNotPerson(tokens, after: index + 1)
      {
        // Not "Deputy Economy Minister" (a title after the word makes it a modifier), not a
        // single letter ("U.S.", "I"), not a headline word in capitals, not "General Electric".
        // "Mr. Lee", "lawmaker Yoo": a lone surname after a title.
        let text = tokens.text(token)
        let surname = mendCase(text)
        let isKorean = token.isKoreanSurname
        guard isKorean || !isCommonWord(token, in: tokens) else { continue }
        mentions.append(
          NameMention(
            start: token.start, end: token.end, text: text, kind: "person",
            canonical: surname, family: surname,
            origin: isKorean ? "ko" : nil, key: (isKorean ? "ko-family:" : "family:") + key,
            partial: true))
        claimed[index] = true
      }
    }
    return mentions
  }

  // MARK: - Helpers

  private func mention(for entry: AliasEntry, tokens: Slice<NameTokenList>) -> NameMention {
    var hangul: [String]?
    var key =
      entry.kind.rawValue + ":" + NameFoldKey.key(entry.canonical).replacingSpaces(with: ".")
    if entry.kind == .person, entry.origin == "ko" {
      let written = entry.variants.map(\.text).filter {
        $0.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) }
      }
      let reading = korean.parse(entry.canonical).first
      hangul = written + (reading?.hangul ?? []).filter { !written.contains($0) }
      key = written.first.flatMap { korean.key(ofHangul: $0) } ?? reading?.key ?? key
    }
    if entry.kind == .person, entry.origin != "ko" {
      key = "name:" + NameFoldKey.key(entry.canonical).replacingSpaces(with: ".")
    }
    return NameMention(
      start: tokens.first?.start ?? 0, end: tokens.last?.end ?? 0, text: spelling(tokens),
      kind: entry.kind.rawValue,
      canonical: entry.canonical, family: entry.family, given: entry.given, origin: entry.origin,
      hangul: hangul,
      key: key, lexicon: entry.location)
  }

  private func mention(for reading: KoreanNameReading, tokens: Slice<NameTokenList>)
    -> NameMention
  {
    NameMention(
      start: tokens.first?.start ?? 0, end: tokens.last?.end ?? 0, text: spelling(tokens),
      kind: "person",
      canonical: reading.display, family: reading.family, given: reading.given, origin: "ko",
      order: reading.order.rawValue, hangul: reading.hangul.isEmpty ? nil : reading.hangul,
      key: reading.key)
  }

  /// The tokens' text as written. Tokens of one mention are joined by single spaces (or
  /// no-break spaces, written here as spaces: offsets still count the original scalars).
  private func spelling(_ tokens: Slice<NameTokenList>) -> String {
    // Only a middle initial keeps its full stop inside a span ("Robert D. Hostetler").
    tokens.map { tokens.base.text($0) + ($0.followedByPeriod && $0 != tokens.last ? "." : "") }
      .joined(
        separator: " ")
  }

  /// Whether every token after the first is joined to the one before it and none before the
  /// last is possessive (read by index on the list: slices of slices of it copy more).
  private func isContiguous(_ span: Slice<NameTokenList>) -> Bool {
    var index = span.startIndex
    while index < span.endIndex {
      let token = span.base[index]
      if index > span.startIndex && !token.joinedToPrevious { return false }
      if index < span.endIndex - 1 && token.possessive { return false }
      index += 1
    }
    return true
  }

  /// Whether capitalised words (not cues) are joined to the span on either side: "Hong Kong
  /// Land", "Kim Il Sung Square" are parts of longer proper names, not personal names.
  private func insideLongerRun(_ tokens: NameTokenList, from start: Int, to end: Int) -> Bool {
    let before =
      start > 0 && tokens[start].joinedToPrevious && tokens[start - 1].isCapitalized
      && !tokens[start - 1].sentenceInitial
      && tokens[start - 1].cues.isDisjoint(with: [.title, .verb])
    let after =
      end < tokens.count && tokens[end].joinedToPrevious && tokens[end].isCapitalized
      && tokens[end].cues.isDisjoint(with: [.title, .verb])
    return before || after
  }

  /// Whether the word after the span makes it an organisation ("General Motors Corp").
  private func followedByNotPerson(_ tokens: NameTokenList, after end: Int) -> Bool {
    end < tokens.count && tokens[end].joinedToPrevious && tokens[end].cues.contains(.notPerson)
  }

  private func hasCue(_ tokens: NameTokenList, before start: Int, after end: Int) -> Bool {
    isTitled(tokens, at: start) || (end < tokens.count && tokens[end].cues.contains(.verb))
      || (end > 0 && tokens[end - 1].possessive)
  }

  private func isCommonWord(_ token: NameToken, in tokens: NameTokenList) -> Bool {
    token.isCapitalized ? token.isCommon : commonWords.contains(tokens.text(token))
  }

  /// "YOO" → "Yoo"; mixed-case words stay as written ("McCain", "DeSantis").
  private func mendCase(_ word: String) -> String {
    guard word.count > 1, word == word.uppercased() else { return word }
    return word.split(separator: "-", omittingEmptySubsequences: false).map { part in
      part.prefix(1) + part.dropFirst().lowercased()
    }.joined(separator: "-")
  }
}

extension String {
  fileprivate func replacingSpaces(with separator: String) -> String {
    spaceSeparatedWords().joined(separator: separator)
  }

  /// `split(separator: " ").map(String.init)`: "Robert D. Hostetler" → ["Robert", "D.",
  /// "Hostetler"]. Text in ASCII without a carriage return is split on its bytes (there every
  /// character is one byte: CR LF is the one character of two ASCII scalars).
  func spaceSeparatedWords() -> [String] {
    let ascii = utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
      var words: [String] = []
      var start = 0
      for index in 0...bytes.count {
        let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
        if byte >= 0x80 || byte == 0x0D { return nil }
        guard byte == 0x20 else { continue }
        if index > start {
          words.append(String(utf8Bytes: UnsafeBufferPointer(rebasing: bytes[start..<index])))
        }
        start = index + 1
      }
      return words
    }
    return (ascii ?? nil) ?? split(separator: " ").map(String.init)
  }
}
