import Citations
import DateResolution
import HTMLExtraction
import ICUSupport
import IngestValidation
import NameNormalization
import NormalizeCore
import TextCleaning

/// Runs the library over one article and assembles its `ArticleRecord`: hygiene findings on
/// the raw text, the cleaning passes, structure and boilerplate, language and scripts, the
/// publication date, name mentions, dates resolved against the publication date, and the
/// reference section.
///
/// ```swift
/// let assembler = try RecordAssembler(lexicons: provider)
/// let record = assembler.assemble(ArticleInput(id: "003", text: seedText), publishedDefault: "2026-02-07")
/// record.title  // "Two Captured North Korea Troops Seek South Korea Asylum: …"
/// ```
public struct RecordAssembler: Sendable {
  /// Choices that apply to every article.
  public struct Options: Sendable {
    /// Publication date for articles whose input has none (`--published`).
    public var publishedDefault: String?
    /// Cleaning passes to add (opt-in ids) or leave out.
    public var enablePasses: Set<String> = []
    /// Cleaning passes to leave out (`--disable-pass fix-mojibake`).
    public var disablePasses: Set<String> = []
    /// Annotations to leave out ("names", "dates"), for ingest that does not need them.
    public var skipAnnotations: Set<Annotation> = []

    /// Creates options; every choice defaults to none.
    public init(
      publishedDefault: String? = nil, enablePasses: Set<String> = [],
      disablePasses: Set<String> = [],
      skipAnnotations: Set<Annotation> = []
    ) {
      self.publishedDefault = publishedDefault
      self.enablePasses = enablePasses
      self.disablePasses = disablePasses
      self.skipAnnotations = skipAnnotations
    }
  }

  /// The annotations a record can carry beyond the cleaned text.
  public enum Annotation: String, Sendable, CaseIterable {
    case names, dates, references
    /// The ingest rules' findings (`ArticleValidator`); the reader's and assembler's own
    /// findings (invalid UTF-8, empty body, …) are always kept.
    case validation
  }

  private let cleaner: TextCleaner
  private let analyzer: ArticleStructureAnalyzer
  private let names: NameMentionDetector?
  private let dates: DateResolver?
  private let validator: ArticleValidator?
  private let references: LazyReferenceParser
  private let pages: HTMLPageReader
  private let options: Options
  /// Whether the cleaner repairs mojibake (so the validator reads mojibake off its repairs).
  private let repairsMojibake: Bool
  /// The most `repaired-text` findings per article (then one summary finding).
  static let repairFindingLimit = 20

  /// Loads the lexicons the pipeline needs.
  ///
  /// - Throws: `LexiconError` for a malformed lexicon, `TextCleaningError` for an unknown pass id.
  public init(lexicons: any LexiconProvider, options: Options = Options()) throws {
    cleaner = try TextCleaner(enabling: options.enablePasses, disabling: options.disablePasses)
    analyzer = try ArticleStructureAnalyzer(lexicons: lexicons)
    names =
      options.skipAnnotations.contains(.names) ? nil : try NameMentionDetector(lexicons: lexicons)
    dates = options.skipAnnotations.contains(.dates) ? nil : try DateResolver(lexicons: lexicons)
    // The leftover-boilerplate check asks the analyzer's rule tables: built once per process.
    validator =
      options.skipAnnotations.contains(.validation)
      ? nil : ArticleValidator(boilerplateLines: BoilerplateLines(sharingRulesOf: analyzer))
    references = LazyReferenceParser(lexicons: lexicons)
    pages = try HTMLPageReader(lexicons: lexicons)
    self.options = options
    repairsMojibake = cleaner.passes.contains { $0.id == FixMojibake().id }
  }

  /// One info finding per repair the cleaning stage made, on the repaired words.
  static func repairFindings(_ repairs: [LocatedRepair]) -> [Finding] {
    var findings: [Finding] = []
    for item in repairs.prefix(repairFindingLimit) {
      let repair = item.repair
      let how = repair.detail.map { ", \($0)" } ?? ""
      let where_ = item.start == nil ? " (in a part of the input the record leaves out)" : ""
      findings.append(
        Finding(
          code: "repaired-text", severity: .info, start: item.start, end: item.end,
          field: item.field,
          message:
            "\(repair.pass)\(how): \"\(TextRepair.clip(repair.before))\" was repaired to \"\(TextRepair.clip(repair.after))\"\(where_); `--disable-pass \(repair.pass)` keeps the input as it was"
        ))
    }
    if repairs.count > repairFindingLimit {
      findings.append(
        Finding(
          code: "repaired-text", severity: .info,
          message: "\(repairs.count - repairFindingLimit) more repairs not listed"))
    }
    return findings
  }

  /// Builds the record of one article. An HTML page is read first (`HTMLPageReader`): its main
  /// text then goes through the same steps as plain text, and its metadata fills what the
  /// input left out.
  public func assemble(_ input: ArticleInput) -> ArticleRecord {
    let page = input.htmlUTF8.map { pages.read(utf8: $0, url: input.url) }
    let article = page.map { input.filling(from: $0) } ?? input
    var findings = article.findings
    findings += validateInput(article)

    // Repairs (mojibake, HTML references, ligatures) run first, on the text as it arrived.
    var (cleaned, bodyRepairs) = cleaner.cleanReportingRepairs(article.text)
    let cleanedTitle = article.title.map { cleaner.cleanReportingRepairs($0) }
    let knownTitle = cleanedTitle.flatMap { $0.text.isEmpty ? nil : $0.text }
    // The structure analysis joins the body once and gives its paragraphs and language; an
    // HTML page's headings, list items and tables regroup the blocks before that join.
    let regroup: (([LayoutBlock]) -> [LayoutBlock])? = page.map { page in
      { blocks in page.restoringKinds(of: blocks, clean: cleaner.clean) }
    }
    var layout = analyzer.analyze(
      cleaned, knownTitle: knownTitle, knownLanguage: article.lang,
      isExtractedMainText: page != nil && input.text.isEmpty, regroupBlocks: regroup,
      recordsVerdicts: validator != nil)
    // The blocks are in `layout.text` now and the cleaned text has served: let both go, so a
    // long article is not held four times at once.
    layout.releaseBlocks()
    cleaned = ""
    let text = layout.text
    if text.isEmpty {
      findings.append(
        Finding(
          code: "empty-body", severity: .warning,
          message:
            "no body text was found; check the input or the boilerplate rules (`normalize clean --explain`)"
        ))
    }

    var published = resolvePublished(article, findings: &findings)
    let title = knownTitle ?? layout.title
    let repairs =
      LocatedRepair.locate(
        bodyRepairs, text: text, title: knownTitle == nil ? title : nil, cleaner: cleaner)
      + LocatedRepair.locate(
        cleanedTitle?.repairs ?? [], text: "", title: knownTitle, cleaner: cleaner)
    findings += Self.repairFindings(repairs)
    let lang = layout.language
    if published == nil, let dates,
      let inferred = PublicationDateInference.infer(
        body: text, title: title,
        removed: layout.removed.map(\.text) + [layout.metadata.sourceLine].compactMap { $0 },
        language: lang,
        resolver: dates)
    {
      published = ArticleRecord.Published(value: inferred.value, from: "inferred")
      findings.removeAll { $0.code == "no-publication-date" }
      findings.append(
        Finding(
          code: "inferred-published", severity: .info,
          message:
            "no publication date was given; \(inferred.value) was inferred from \"\(inferred.evidence)\" in the article — give `published` in the input or --published to be sure"
        ))
    }
    let scripts = Set(ScriptRuns.scripts(in: text) + ScriptRuns.scripts(in: title ?? "")).map(
      \.code
    ).sorted()

    // Names in the title, standfirst, body and credit lines; partial mentions link across them.
    var nameFields: [(field: String?, text: String)] = []
    if let title { nameFields.append((field: "title", text: title)) }
    if let standfirst = layout.standfirst {
      nameFields.append((field: "standfirst", text: standfirst))
    }
    nameFields.append((field: nil, text: text))
    for (index, credit) in layout.metadata.credits.enumerated() {
      nameFields.append((field: "metadata.credits[\(index)]", text: credit))
    }
    // The language's function words are no name parts; lexicon spellings count in their years.
    let nameMentions =
      names?.mentions(in: nameFields, language: lang, published: published?.value) ?? []

    // Dates in the body, resolved against the publication date and the narrative.
    let dateResolution =
      dates?.resolve(text, dct: published?.value, language: lang) ?? DateResolution()
    findings += dateResolution.findings

    let referenceLines = layout.referenceSection + [layout.metadata.sourceLine].compactMap { $0 }
    let references =
      options.skipAnnotations.contains(.references)
      ? referenceLines.map { ReferenceAnnotation(raw: $0) }
      : parseReferences(
        referenceLines, articleID: article.id, published: published?.value, findings: &findings)
    findings += validateRecord(
      article, text: text, title: title, published: published?.value, names: nameMentions,
      dates: dateResolution.mentions, lang: lang, references: references, repairs: repairs,
      boilerplateVerdicts: layout.boilerplateVerdicts)

    return ArticleRecord(
      id: article.id,
      source: ArticleRecord.Source(
        file: article.file, line: article.line, url: article.url ?? page?.metadata.canonicalURL,
        publisher: page?.metadata.siteName),
      published: published, lang: lang, scripts: scripts, title: title,
      standfirst: layout.standfirst,
      text: text, paragraphs: layout.paragraphs,
      metadata: ArticleRecord.Metadata(
        layout.metadata, captions: page?.captions,
        page: page?.metadata),
      removed: (page?.removed ?? []).map { ArticleRecord.Removal(text: $0.text, rule: $0.rule) }
        + layout.removed,
      names: nameMentions, dates: dateResolution.mentions,
      references: references,
      findings: findings,
      input: article.passthrough.isEmpty ? nil : article.passthrough)
  }

  /// Input validation, once, on the text as read (before cleaning): NUL and control
  /// characters, bidi controls, byte-order marks, zero-width characters inside words
  /// (`TextHygieneRules`); spans count in `input.text`.
  private func validateInput(_ article: ArticleInput) -> [Finding] {
    TextHygieneRules.findings(in: article.text, c1Repaired: repairsMojibake)
  }

  /// Record validation, once, on the finished record's parts: the ingest rules (mojibake, NFC,
  /// placeholders, dates after publication, one person spelled two ways, …), the same findings
  /// `normalize validate` reports; nothing with `--without validation`.
  private func validateRecord(
    _ article: ArticleInput, text: String, title: String?, published: String?, names: [NameMention],
    dates: [TemporalMention], lang: String?, references: [ReferenceAnnotation],
    repairs: [LocatedRepair], boilerplateVerdicts: BoilerplateVerdicts
  ) -> [Finding] {
    validator?.findings(
      text: text, title: title, published: published, names: names, dates: dates,
      rawText: article.text, lang: lang, references: references.map(\.raw),
      repairs: repairsMojibake ? repairs : nil, boilerplateVerdicts: boilerplateVerdicts) ?? []
  }

  /// The reference-section entries and the source line, parsed to CSL-JSON with an APA
  /// rendering (the labelled segmentation is left out of records). "Original Source: …" lines
  /// lose their label and list lines their bullet first; `raw` keeps the line as it was.
  private func parseReferences(
    _ lines: [String], articleID: String, published: String?, findings: inout [Finding]
  ) -> [ReferenceAnnotation] {
    guard !lines.isEmpty else { return [] }
    switch references.parser() {
    case .failure(let error):
      findings.append(
        Finding(
          code: "references-not-parsed", severity: .warning,
          message:
            "the reference parser could not be loaded (\(error)); references carry their raw text only — check Lexicons/refs"
        ))
      return lines.map { ReferenceAnnotation(raw: $0) }
    case .success(let parser):
      // The CSL id is the article id and the reference's index in `references`, from 0.
      return lines.enumerated().map { index, line in
        let text =
          parser.findReferences(in: line).first { $0.kind == "source-line" }?.text
          ?? Self.droppingBullet(line)
        var annotation = parser.parse(text, published: published, id: "\(articleID)-ref-\(index)")
        annotation.raw = line
        annotation.segments = nil
        return annotation
      }
    }
  }

  /// A reference-section line without its bullet ("- ", "• ", "* "); numbers stay, they are
  /// the citation number.
  static func droppingBullet(_ line: String) -> String {
    var scalars = Substring(line).unicodeScalars[...]
    while let first = scalars.first, first == " " { scalars = scalars.dropFirst() }
    guard let marker = scalars.first, "-–—•*·▪".unicodeScalars.contains(marker) else { return line }
    let rest = scalars.dropFirst()
    guard rest.first == " " else { return line }
    return String(String.UnicodeScalarView(rest.drop { $0 == " " }))
  }

  private func resolvePublished(_ article: ArticleInput, findings: inout [Finding]) -> ArticleRecord
    .Published?
  {
    if let given = article.published {
      if let value = PublicationDate.normalize(given) {
        return ArticleRecord.Published(value: value, from: article.publishedFrom ?? "input")
      }
      findings.append(
        Finding(
          code: "invalid-published", severity: .warning, field: "published",
          message: "publication date \"\(given)\" is not a real YYYY-MM-DD date; it was ignored"))
    }
    if let value = options.publishedDefault {
      return ArticleRecord.Published(value: value, from: "option")
    }
    findings.append(
      Finding(
        code: "no-publication-date", severity: .info,
        message:
          "no publication date: relative dates stay unresolved; give `published` in the input or --published"
      ))
    return nil
  }
}
