import NormalizeCore

/// Parses reference strings (APA, MLA, Chicago, Harvard, Vancouver/numbered, GOST, news
/// "Source:" lines; any script) into labelled segments, CSL-JSON, an APA 7 rendering and
/// findings.
///
/// A linear-chain tagger labels each whitespace token with AnyStyle's field labels (author,
/// title, date, journal, volume, pages, …): it lists its 4 best labellings and a reranker
/// (`CandidateReranker`) takes the one that makes most sense as a whole; a few rules repair
/// each candidate first, for what a token tagger cannot see (a bracketed translation after a
/// title, "Retrieved from" with its URL); `CSLBuilder` reads the fields into CSL-JSON and
/// `TitleAnalyzer` splits, identifies, punctuates, romanises and, where a glossary covers it,
/// translates the title.
///
/// ```swift
/// let parser = try ReferenceParser(lexicons: DirectoryLexiconProvider(roots: [lexiconsURL]))
/// let reference = parser.parse(
///   "Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: Two North Korean soldiers not included in Russia-Ukraine prisoner exchange list]. Retrieved from [Insert original URL here]",
///   published: "2025-05-28")
/// reference.csl?["title"]      // .string("消息：俄乌战俘互换名单中未含两名朝军")
/// reference.csl?["language"]   // .string("zh-Hans")
/// reference.findings.map(\.code)  // ["placeholder"]
/// ```
public struct ReferenceParser: Sendable {
  /// Every finding code a reference can carry (`ReferenceChecks`, `CSLBuilder`,
  /// `TitleAnalyzer`); the record schema's finding-code enum is checked against it.
  public static let findingCodes = [
    "bidi-control", "date-after-publication", "empty-reference", "invalid-date", "malformed-doi",
    "missing-url",
    "no-date", "no-letters", "placeholder", "reference-too-long", "reference-truncated",
    "right-to-left-text", "unbalanced-brackets",
    "unparsed-reference", "unromanized-title", "untranslated-title",
  ]

  /// The tagger weights in use.
  public let model: ReferenceTaggingModel
  let titles: TitleAnalyzer
  let dates: ReferenceDateParser
  /// The headings a reference section opens with, every language's (`reference-headings`).
  let sectionHeadings: Set<String>
  /// Access words, edition labels, "et al", container and editor words (`citation-markers`),
  /// loaded once and read by the tagger, its repairs and the field reader.
  let markers: CitationMarkers

  /// References longer than this many tokens are tagged on their first `maximumTokens` tokens
  /// only; the rest is labelled `note` (and a finding says so).
  public static let maximumTokens = 400

  /// References longer than this many Unicode scalars are parsed on their first
  /// `maximumLength` scalars only (a `reference-truncated` finding says so); the raw text is
  /// kept whole. Real references are far shorter (`ReferenceChecks.longReference` flags 2,000).
  public static let maximumLength = 4_000

  /// Loads the tagger weights (`refs/reference-model.tsv`) and the title glossaries
  /// (`<lang>/title-glossary.tsv`) from `lexicons`.
  ///
  /// - Parameter lexicons: the lexicon provider.
  /// - Throws: `CitationsError` when the weights are missing or malformed, `LexiconError` when
  ///   a file cannot be read.
  public init(lexicons: any LexiconProvider) throws {
    let entries = try lexicons.entries(kind: "reference-model", language: "refs")
    if entries.isEmpty { throw CitationsError.missingModel }
    let model = try ReferenceTaggingModel(
      entries: entries.map(\.fields), lines: entries.map(\.line),
      path: entries.first?.path ?? "refs/reference-model.tsv")
    try self.init(lexicons: lexicons, model: model)
  }

  /// Uses the given tagger weights instead of the shipped ones (for evaluating retrained
  /// weights); glossaries still come from `lexicons`.
  ///
  /// - Throws: `CitationsError.invalidGlossary` or `LexiconError`.
  public init(lexicons: any LexiconProvider, model: ReferenceTaggingModel) throws {
    self.model = model
    self.titles = try TitleAnalyzer(lexicons: lexicons)
    self.dates = ReferenceDateParser()
    self.sectionHeadings = try ReferenceHeadings(lexicons: lexicons).all
    self.markers = try CitationMarkers(lexicons: lexicons)
  }

  /// Labels the tokens of `reference`.
  ///
  /// - Parameter reference: one reference string.
  /// - Returns: the labelled segments; joined with spaces they give the reference's tokens.
  public func segments(of reference: String) -> [ReferenceSegment] {
    let tokens = ReferenceToken.tokenize(reference)
    return ReferenceSegment.group(tokens, labels: labels(for: tokens))
  }

  func labels(for tokens: [ReferenceToken]) -> [String] {
    if tokens.isEmpty { return [] }
    let texts = tokens.map(\.text)
    let tagged = Array(texts.prefix(Self.maximumTokens))
    // Candidates are repaired before the reranker compares them, as in training.
    var labels = model.tag(tagged, markers: markers) {
      ReferenceRules.repair(tokens: tagged, labels: $0, markers: markers)
    }
    if tagged.count == texts.count { return labels }
    labels += repeatElement("note", count: texts.count - tagged.count)
    return ReferenceRules.repair(tokens: texts, labels: labels, markers: markers)
  }

  /// Parses one reference.
  ///
  /// - Parameters:
  ///   - reference: the reference string as it appears in the article.
  ///   - published: the article's publication date (YYYY-MM-DD), to flag references dated
  ///     after it; nil when unknown.
  ///   - id: the CSL item's `id`; nil derives one from the reference text
  ///     (``ReferenceItem/textID(_:)``).
  /// - Returns: the annotation with `csl`, `canonical`, `findings` and `segments` filled.
  public func parse(_ reference: String, published: String?, id: String? = nil)
    -> ReferenceAnnotation
  {
    var findings = ReferenceChecks.inputFindings(reference)
    // A bound by design (issue 19): what is parsed is at most `maximumLength` scalars, cut at
    // the last space before; the rest becomes one `note` segment.
    let whole = reference
    var reference = reference
    var rest: [ReferenceSegment] = []
    var scalarCount = 0
    var lastSpace: (index: String.UnicodeScalarView.Index, offset: Int)?
    var cut: (index: String.UnicodeScalarView.Index, offset: Int)?
    for index in whole.unicodeScalars.indices {
      if scalarCount == Self.maximumLength {
        cut = lastSpace ?? (whole.unicodeScalars.startIndex, 0)
        break
      }
      if ReferenceToken.isSpace(whole.unicodeScalars[index]) { lastSpace = (index, scalarCount) }
      scalarCount += 1
    }
    if let cut {
      reference = String(whole.unicodeScalars[..<cut.index])
      // The rest, its whitespace runs collapsed to single spaces, as one segment: no tokens are
      // made for it (20 million of them for a 100 MB line).
      var text = String.UnicodeScalarView()
      var offset = cut.offset
      var start: Int?
      var end = offset
      var pendingSpace = false
      for scalar in whole.unicodeScalars[cut.index...] {
        if ReferenceToken.isSpace(scalar) {
          pendingSpace = start != nil
        } else {
          if pendingSpace { text.append(" ") }
          pendingSpace = false
          if start == nil { start = offset }
          text.append(scalar)
          end = offset + 1
        }
        offset += 1
      }
      if let start {
        rest = [ReferenceSegment(label: "note", text: String(text), start: start, end: end)]
      }
      findings.append(
        Finding(
          code: "reference-truncated", severity: .warning,
          message:
            "the reference is \(whole.unicodeScalars.count) characters long; only its first \(cut.offset) were parsed, the rest is labelled note"
        ))
    }
    let tokens = ReferenceToken.tokenize(reference)
    let labels = labels(for: tokens)
    let segments = ReferenceSegment.group(tokens, labels: labels)
    var builder = CSLBuilder(dates: dates, titles: titles, markers: markers)
    let item = builder.build(segments: segments, reference: reference)
    findings += builder.findings
    findings += ReferenceChecks.itemFindings(
      item, reference: reference, published: published, dates: dates)
    var annotation = ReferenceAnnotation(
      raw: whole, csl: item.isEmpty ? nil : item.csl(id: id ?? ReferenceItem.textID(whole)),
      canonical: item.isEmpty ? nil : APARenderer.render(item),
      findings: findings)
    annotation.segments = (segments + rest).map { [$0.label, $0.text] }
    return annotation
  }

  /// Analyses a title field on its own: splits off a bracketed translation, identifies the
  /// language, normalises punctuation, romanises and (from the glossary) translates.
  ///
  /// - Parameter field: the title as it appears in a reference.
  /// - Returns: the analysis and findings (such as "untranslated-title").
  public func analyzeTitle(_ field: String) -> (TitleAnalysis, [Finding]) {
    titles.analyze(field)
  }

  /// Finds references in an article's body text: inline "Source:" / "Original Source:" lines
  /// (in several languages) and the items of a reference section.
  ///
  /// - Parameter text: the article text.
  /// - Returns: the references with their scalar spans, in order (parse each with `parse`).
  public func findReferences(in text: String) -> [LocatedReference] {
    ReferenceLocator.find(
      in: text, sectionHeadings: sectionHeadings, sourceLabels: markers.sourceLabel)
  }
}
