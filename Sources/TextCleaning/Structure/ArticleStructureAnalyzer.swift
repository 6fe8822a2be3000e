import NormalizeCore

/// Finds the structure of one plain-text article: title, standfirst, body paragraphs, headings
/// and list items, metadata lines (credits, tags, source line, breadcrumb), the reference section,
/// and the boilerplate to drop (comment forms, view counters, menus, related-article blocks,
/// cookie notices, share buttons).
///
/// It works in these steps:
/// 0. **Language, once.** The article's language is the input's `lang`, else
///    ``LanguageGuesser``'s guess on the text; the analysis reads that language's rules and stop
///    words (English's when there is no language), and the layout carries it as
///    ``ArticleLayout/language``.
/// 1. **Patterns.** Every line of at most ``BoilerplatePatterns/maxLineLength`` scalars is matched
///    against the `boilerplate.tsv` rules of the article's language, English and `all/`
///    ("LEAVE A REPLY", "Lascia un commento", "Последние новости", "관련기사", "相关新闻").
/// 2. **Classifier.** Each paragraph is scored jusText-style from stop-word density
///    (`stopwords.tsv`), length, word count and sentence punctuation, and the main text region
///    is the densest run of good paragraphs (``MainTextLocator``): menus and footers far from it
///    drop out, short headings inside it stay.
/// 3. **Structure.** It picks the title (only the first line, when it reads as a headline) and
///    standfirst, moves credits, tags, the source line and the breadcrumb to metadata, and cuts
///    the body at a references heading, a related-articles heading or a comment section.
/// 4. **Prose is kept.** Outside the region, a paragraph that reads as a sentence by its shape
///    (`readsAsProse`: length, letters, case, a final sentence mark;
///    no stop words, so Russian "Министр заявил, что решение примут до конца апреля." counts as
///    much as English) stays in the body unless there is evidence against it: a lexicon rule
///    made for sentences (a cookie notice), a boilerplate block between it and the main text
///    (`past-boilerplate-block`), a related or comment heading above it. Rows of figures stay as
///    one `table` block.
///
/// ```swift
/// let analyzer = try ArticleStructureAnalyzer(lexicons: DirectoryLexiconProvider(roots: [lexiconsURL]))
/// let layout = analyzer.analyze("""
///   North Korean soldiers captured in Ukraine: exchanges, diplomacy and possible defections
///   Kiev shows the world the two captured North Korean soldiers: possible exchanges with Ukrainian prisoners, while Seoul watches closely. Diplomacy and rights at stake
///   The capture of two North Korean soldiers by the Ukrainian military in Russia’s Kursk region is shaking the diplomatic balance of three nations. …
///   THE LATEST NEWS
///   International-News23 ore ago
///   """, knownTitle: nil)
/// layout.title       // "North Korean soldiers captured in Ukraine: exchanges, diplomacy and possible defections"
/// layout.standfirst  // "Kiev shows the world the two captured North Korean soldiers: …"
/// layout.removed     // [("THE LATEST NEWS", "related-heading"), ("International-News23 ore ago", "related-block")]
/// ```
public struct ArticleStructureAnalyzer: Sendable {
  /// The `removed[].rule` ids the analyzer itself gives (the others are the rule ids of the
  /// `boilerplate.tsv` lexicons).
  public static let builtInRemovalRules = [
    BoilerplateRule.credit, BoilerplateRule.sourceLine, BoilerplateRule.breadcrumb,
    BoilerplateRule.tagsHeading,
    BoilerplateRule.tagLine, BoilerplateRule.hashtagLine, BoilerplateRule.referenceHeading,
    BoilerplateRule.relatedHeading,
    BoilerplateRule.commentHeading, BoilerplateRule.commentAuthor, BoilerplateRule.relatedBlock,
    BoilerplateRule.commentSection, BoilerplateRule.shortOutside, BoilerplateRule.outside,
    BoilerplateRule.lowContent,
    BoilerplateRule.duplicateLine, BoilerplateRule.duplicateCredit,
  ]

  let patterns: BoilerplatePatterns
  let stopwords: StopwordTables
  let locator: MainTextLocator

  /// Loads the boilerplate and stop-word lexicons of every language through `lexicons` and
  /// compiles the patterns once.
  ///
  /// - Parameter lexicons: the provider for `boilerplate` (rule<TAB>regex) and `stopwords`
  ///   (one word per line) files.
  /// - Throws: `LexiconError.invalidEntry` with file and line for a malformed line or a regex
  ///   that does not compile.
  public init(lexicons: any LexiconProvider) throws {
    stopwords = try StopwordTables(lexicons: lexicons)
    patterns = try BoilerplatePatterns(
      lexicons: lexicons, extraLanguages: Array(stopwords.languages.keys))
    locator = MainTextLocator()
  }

  /// Analyses one article.
  ///
  /// - Parameters:
  ///   - text: the article, already Unicode-cleaned, with "\n" line breaks.
  ///   - knownTitle: the title from the input metadata, if any. A line equal to it (after
  ///     whitespace folding) becomes ``ArticleLayout/title`` and stays out of the body, and no
  ///     other line is taken as the title.
  ///   - knownLanguage: the language the input gives (`lang`, BCP 47), if any; otherwise
  ///     ``ArticleLayout/language`` is guessed once from `text`. Its primary subtag picks the
  ///     rules and stop words ("zh-Hans" reads `zh/`).
  ///   - isExtractedMainText: whether `text` is already an article's main text, paragraph per
  ///     line (an HTML page's, read on its tree): the lexicon rules and the structure still
  ///     apply, but no paragraph is dropped for where it stands or for repeating another
  ///     (a table's repeated cells), as the whole text is the region.
  ///   - regroupBlocks: gives the body blocks their final grouping and kinds before the body is
  ///     joined, when the input knows them better than the text does (an HTML page's headings,
  ///     list items and table rows); the texts must stay the ones given.
  ///   - recordsVerdicts: whether ``ArticleLayout/boilerplateVerdicts`` records the answer of
  ///     each short line matched against the rules, for IngestValidation's
  ///     `find-leftover-boilerplate` (false when no validation runs: it stays empty).
  /// - Returns: the layout; ``ArticleLayout/text`` is the cleaned body, joined once, with its
  ///   ``ArticleLayout/paragraphs`` and ``ArticleLayout/language``.
  public func analyze(
    _ text: String, knownTitle: String?, knownLanguage: String? = nil,
    isExtractedMainText: Bool = false,
    regroupBlocks: (([LayoutBlock]) -> [LayoutBlock])? = nil, recordsVerdicts: Bool = true
  ) -> ArticleLayout {
    let language = knownLanguage ?? stopwords.guesser.guess(text)
    var analysis = Analysis(
      analyzer: self, text: text, knownTitle: knownTitle,
      language: Self.lexiconLanguage(of: language), isExtractedMainText: isExtractedMainText,
      recordsVerdicts: recordsVerdicts)
    var layout = analysis.run()
    layout.boilerplateVerdicts = analysis.verdicts
    if let regroupBlocks { layout.blocks = regroupBlocks(layout.blocks) }
    layout.joinBody(language: language)
    return layout
  }

  /// The lexicon folder whose rules and stop words apply to an article in `language`: its
  /// primary subtag, lowercased ("zh-Hans" -> "zh", "pt-BR" -> "pt"); "en" when unknown.
  static func lexiconLanguage(of language: String?) -> String {
    guard let language, !language.isEmpty else { return "en" }
    // A bare lower-case subtag ("en", "ko") is its own folder: no copy.
    if language.utf8.allSatisfy({ $0 &- 0x61 < 26 }) { return language }
    return String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
  }
}
