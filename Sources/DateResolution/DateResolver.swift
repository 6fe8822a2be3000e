import NormalizeCore

/// Finds temporal expressions in text and resolves them to TIMEX3 values (TimeML) against the
/// document creation time (DCT): absolute, relative, anaphoric, ranges, seasons, decades,
/// durations, sets and times, in English and — through ICU's CLDR data — other languages.
///
/// ```swift
/// let resolver = try DateResolver(lexicons: InMemoryLexiconProvider([:]))
/// resolver.resolve("Russian forces arrived last fall.", dct: "2025-03-17", language: "en").mentions[0].value
/// // "2024-FA"
/// resolver.resolve("Ucraina, 23 ore fa", dct: "2025-02-14", language: "it").mentions[0].value
/// // "2025-02-13"
/// resolver.resolve("2025년 5월 27일 발표", dct: nil, language: "ko").mentions[0].value
/// // "2025-05-27"
/// resolver.resolve("They met on 3 January.", dct: nil, language: "en").mentions[0].value
/// // "XXXX-01-03", with a finding that there is no DCT
/// ```
///
/// Values that cannot exist ("February 30", "32 January", year 99999) are not invented: they
/// become `impossible-date` findings and no mention. The resolver is immutable and can be
/// shared between threads; CLDR vocabularies are built lazily per language and cached.
public struct DateResolver: Sendable {
  /// Every finding code date resolution reports; the record schema's enum is checked against it.
  public static let findingCodes = [
    "impossible-date", "invalid-dct", "no-dct", "text-resolved-in-pieces",
  ]

  /// Words from `date-words` lexicons (`Lexicons/<lang>/date-words.tsv`, a few lines), by
  /// language, read at `init`.
  private let dateWords: [String: Vocabulary]
  /// Words of the shared grammar (`Lexicons/<lang>/date-grammar.tsv`), per language, read when
  /// the language is first met.
  private let grammarWords: LanguageTables<DateGrammarWords>
  /// Per language of `dateWords` or `grammarWords`, its words and tense-marker filter, built
  /// on first use (`extras(_:)`).
  private let extrasByLanguage: BuildOnceMap<String, LanguageExtras>
  /// CLDR vocabulary plus extras, per language, built on first use.
  private let cache = VocabularyCache()
  /// Words and numerals of the CJK scanner (`Lexicons/<lang>/cjk-dates.tsv`), by language, read
  /// when the language is first met.
  private let cjk: LanguageTables<CJKVocabulary>
  /// Stop words telling which language a sentence is in.
  private let sentenceLanguages: SentenceLanguages
  /// First words of lexicon phrases whose value has a year (`mayReadYear(in:)`).
  let yearPhraseStarts: WordHash.Table<Bool>

  /// A language's lexicon words: its `date-words` with its `date-grammar` words merged in, and
  /// its tense markers and the English ones as a filter (`MentionBuilder.markerFilter`).
  private final class LanguageExtras: Sendable {
    let vocabulary: Vocabulary
    let markerFilter: WordHash.Filter?

    init(_ vocabulary: Vocabulary) {
      self.vocabulary = vocabulary
      markerFilter = MentionBuilder.markerFilter(
        past: vocabulary.grammar.pastMarkers, future: vocabulary.grammar.futureMarkers)
    }
  }

  /// - Parameter lexicons: supplies `date-words` tables (date words CLDR lacks); may be empty.
  /// - Throws: `LexiconError` or `DateResolutionError` for a malformed `date-words` line, or a
  ///   malformed `date-grammar` or `cjk-dates` line of a file that is not compiled in
  ///   (`LexiconProvider.isCompiledIn`; the compiled-in ones are read on first use).
  public init(lexicons: any LexiconProvider) throws {
    var dateWords: [String: Vocabulary] = [:]
    for language in lexicons.languages(forKind: DateWordsLexicon.kind) {
      dateWords[language] = try DateWordsLexicon.vocabulary(
        try lexicons.entries(kind: DateWordsLexicon.kind, language: language))
    }
    self.dateWords = dateWords
    // A language plugs into the shared grammar with a `date-grammar` lexicon: its words fill
    // the rules' slots (Grammar+Lexicon.swift); no code per language.
    let grammarWords = try LanguageTables(lexicons: lexicons, kind: DateGrammarLexicon.kind) {
      try DateGrammarLexicon.words($0)
    }
    self.grammarWords = grammarWords
    let extrasByLanguage = BuildOnceMap<String, LanguageExtras>()
    self.extrasByLanguage = extrasByLanguage
    cjk = try LanguageTables(lexicons: lexicons, kind: CJKVocabulary.kind) {
      try CJKVocabulary.parse($0)
    }
    let grammarLanguages = grammarWords.languages
    sentenceLanguages = try SentenceLanguages(
      lexicons: lexicons, languages: grammarLanguages + ["en"],
      grammarLanguages: Set(grammarLanguages))
    yearPhraseStarts = Self.yearPhraseStarts(
      Set(dateWords.keys).union(grammarLanguages).map { language in
        // Only a grammar line giving a year can add a year phrase to the date words: the
        // grammar words are built here just for a language that has one.
        Self.grammarHasYearPhrase(grammarWords.entries(language))
          ? Self.extras(language, dateWords, grammarWords, extrasByLanguage)?.vocabulary
          : dateWords[language]
      }.compactMap { $0 })
  }

  /// The lexicon words of language key `key` ("de", "all"), built once; nil when it has no
  /// `date-words` or `date-grammar` lexicon.
  private func extras(_ key: String) -> LanguageExtras? {
    Self.extras(key, dateWords, grammarWords, extrasByLanguage)
  }

  private static func extras(
    _ key: String, _ dateWords: [String: Vocabulary],
    _ grammarWords: LanguageTables<DateGrammarWords>,
    _ extrasByLanguage: BuildOnceMap<String, LanguageExtras>
  ) -> LanguageExtras? {
    guard dateWords[key] != nil || grammarWords.contains(key) else { return nil }
    return extrasByLanguage.value(key) {
      var vocabulary = dateWords[key] ?? Vocabulary()
      if let words = grammarWords[key] { vocabulary.grammar.merge(words) }
      return LanguageExtras(vocabulary)
    }
  }

  /// Finds and resolves the temporal expressions of `text`.
  ///
  /// - Parameters:
  ///   - text: any text; offsets in the result count its Unicode scalars.
  ///   - dct: the document creation time "YYYY-MM-DD", or nil (relative values then stay
  ///     underspecified, e.g. "XXXX-01-03", and a `no-dct` finding says so).
  ///   - language: a BCP 47 / ICU language ("en", "it", "ko"), or nil for unknown/mixed text.
  /// - Returns: mentions in text order and findings.
  public func resolve(_ text: String, dct: String?, language: String?) -> DateResolution {
    var findings: [Finding] = []
    var dctDate: CivilDate?
    if let dct, !dct.isEmpty {
      dctDate = CivilDate(parsing: dct)
      if dctDate == nil {
        findings.append(
          Finding(
            code: "invalid-dct", severity: .warning,
            message:
              "document date \"\(dct)\" is not a valid YYYY-MM-DD date; relative dates are left unresolved"
          ))
      }
    }
    let cjkVocabulary =
      cjk[language.map(VocabularyStore.baseLanguage) ?? Self.cjkLanguage(byScript: text) ?? "*"]
    if text.utf8.count <= Self.pieceBytes {
      let tokens = Tokenizer.tokenize(text)
      let (candidates, anchor) = candidates(
        tokens, language: language, cjk: cjkVocabulary, dct: dctDate)
      let tagged = builder(text: text, tokens, anchor, language).build(candidates)
      findings.append(contentsOf: tagged.findings)
      return DateResolution(mentions: tagged.mentions, findings: findings)
    }
    // A bound by design (issue 19): tokens take ~90 bytes each, so a 15 MB text held 260 MB of
    // them at once. Longer texts are resolved in pieces cut at line breaks (else spaces), each
    // on its own; offsets are shifted back, and a finding says so.
    var mentions: [TemporalMention] = []
    let pieces = TextPieces.split(text, limit: Self.pieceBytes)
    for (piece, offset) in pieces {
      let tokens = Tokenizer.tokenize(piece)
      let (candidates, anchor) = candidates(
        tokens, language: language, cjk: cjkVocabulary, dct: dctDate)
      let tagged = builder(text: piece, tokens, anchor, language).build(candidates)
      for var mention in tagged.mentions {
        mention.start += offset
        mention.end += offset
        mentions.append(mention)
      }
      for var finding in tagged.findings {
        if finding.field == nil {
          finding.start = finding.start.map { $0 + offset }
          finding.end = finding.end.map { $0 + offset }
        }
        findings.append(finding)
      }
    }
    findings.append(
      Finding(
        code: "text-resolved-in-pieces", severity: .info,
        message:
          "the text is \(text.utf8.count) bytes long; its dates were resolved in \(pieces.count) pieces of at most \(Self.pieceBytes) bytes cut at line breaks, so an expression that refers to a date in an earlier piece may stay unresolved"
      ))
    return DateResolution(mentions: mentions, findings: findings)
  }

  /// A mention builder knowing the document language's tense words.
  private func builder(text: String, _ tokens: [Token], _ dct: CivilDate?, _ language: String?)
    -> MentionBuilder
  {
    var b = MentionBuilder(text: text, tokens: tokens, dct: dct)
    if let key = language.map(VocabularyStore.baseLanguage), let extras = extras(key) {
      let words = extras.vocabulary.grammar
      b.pastMarkers = words.pastMarkers
      b.futureMarkers = words.futureMarkers
      b.futureEndings = words.futureEndings
      b.asideMarkers = words.asideMarkers
      b.yearCues = words.prepositionWords
      b.markerFilter = extras.markerFilter
    }
    return b
  }

  /// The grammar's candidates, each sentence read with its language's vocabulary
  /// (`SentenceLanguages`): the document's, or another's for a sentence plainly in it; for
  /// Chinese, Japanese and Korean (languages with a `cjk-dates` lexicon) the CJK scanner's too,
  /// which win where both found something. With them, the date relative expressions count
  /// from (a wire dateline's when it is a day or two off the DCT).
  ///
  /// This is the one place where the language selects how text is read: a language plugs in
  /// with data (`Lexicons/<lang>/date-grammar.tsv` fills `Vocabulary.grammar`, which
  /// `Grammar.lexicalExpression` reads), or, for scripts the shared rules do not fit, with a
  /// scanner whose candidates are added per run here.
  private func candidates(
    _ tokens: [Token], language: String?, cjk: CJKVocabulary?, dct: CivilDate?
  ) -> ([Candidate], CivilDate?) {
    let general = grammarCandidates(tokens, language: language)
    guard let cjk else { return (general, dct) }
    let grammar = CJKGrammar(tokens: tokens, vocabulary: cjk, dctYear: dct?.year)
    let own = grammar.candidates()
    return (CJKGrammar.merge(own, general), grammar.datelineDate(own, dct: dct) ?? dct)
  }

  /// The shared grammar's candidates, sentence by sentence in its language.
  private func grammarCandidates(_ tokens: [Token], language: String?) -> [Candidate] {
    let key = language.map(VocabularyStore.baseLanguage)
    guard let (document, runs) = sentenceLanguages.runs(tokens, document: key) else {
      return Grammar(tokens: tokens, vocabulary: vocabulary(key)).candidates()
    }
    var out: [Candidate] = []
    for (range, runLanguage) in runs {
      // A run over the whole text (its language found by its stop words) needs no copy.
      let slice = range == tokens.indices ? tokens : Array(tokens[range])
      for var c in Grammar(tokens: slice, vocabulary: vocabulary(runLanguage ?? document))
        .candidates()
      {
        c.start += range.lowerBound
        c.end += range.lowerBound
        out.append(c)
      }
    }
    return out
  }

  /// The vocabulary of a language key (nil: unknown), built once.
  func vocabulary(_ language: String?) -> SharedVocabulary {
    let key = language ?? "*"
    return cache.vocabulary(key) {
      var v = extras("all")?.vocabulary ?? Vocabulary()
      if let own = extras(key)?.vocabulary { v.merge(own) }
      v.merge(VocabularyStore.shared.vocabulary(for: language))
      if v.hasGrammar {
        // CLDR's month and weekday names fill the grammar's slots too; the lexicon adds the
        // inflections CLDR lacks ("березні", "Νοέμβριο", "veebruaris").
        // Abbreviations ("mar", "ter", "sept") are ordinary words too: only the wide names.
        for (name, month) in v.months where v.standaloneMonths.contains(name) {
          v.grammar.months.add([name], month)
        }
        v.weekdays = v.weekdays.filter { $0.key.unicodeScalars.count >= 5 }
        for (name, day) in v.weekdays { v.grammar.weekdays.add([name], day) }
      }
      v.computeWordClasses()
      return v
    }
  }

  /// For a text given without its language, the CJK language its script says when it is written
  /// mostly in Hangul, kana or Han: "지난해 1월 …" → "ko", "昨年の秋に …" → "ja", "去年秋天 …" →
  /// "zh"; nil for other text, or a CJK word or two in Latin text. Reads the first 4,096 scalars.
  static func cjkLanguage(byScript text: String) -> String? {
    var hangul = 0
    var kana = 0
    var han = 0
    var otherLetters = 0
    for scalar in text.unicodeScalars.prefix(4096) {
      switch scalar.value {
      case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
      case 0x3040...0x30FF: kana += 1
      case 0x3400...0x4DBF, 0x4E00...0x9FFF: han += 1
      default: if scalar.properties.isAlphabetic { otherLetters += 1 }
      }
    }
    let cjkLetters = hangul + kana + han
    // A CJK letter carries about a word's worth of text; Latin or Cyrillic ones a few per word.
    guard cjkLetters > 0, cjkLetters * 3 >= otherLetters else { return nil }
    if hangul * 2 >= cjkLetters { return "ko" }
    if kana * 10 >= cjkLetters { return "ja" }
    return han > 0 ? "zh" : nil
  }

  /// Texts longer than this many UTF-8 bytes are resolved in pieces of at most this size.
  public static let pieceBytes = TextPieces.defaultLimit
}

/// Errors of the DateResolution module.
public enum DateResolutionError: Error, CustomStringConvertible, Sendable {
  /// A `date-words` lexicon line whose meaning cannot be read.
  case badDateWord(location: String, message: String)
  /// A `--jsonl` input line that cannot be read.
  case badLine(String)

  /// The message, with the lexicon location (`path:line: message`) for a bad date word.
  public var description: String {
    switch self {
    case .badDateWord(let location, let message): return "\(location): \(message)"
    case .badLine(let message): return message
    }
  }
}
