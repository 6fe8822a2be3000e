/// The structure of one article found by ``ArticleStructureAnalyzer``: title, standfirst, body
/// blocks in reading order, metadata lines moved out of the body, dropped boilerplate and the
/// reference section.
///
/// Every string is taken verbatim from the input lines (trimmed, runs of spaces folded to one);
/// a hard-wrapped paragraph that was unwrapped is its lines joined with one space.
///
/// ```swift
/// let layout = analyzer.analyze("""
///   Home NorthKorea Two Captured North Korea Troops Seek South Korea Asylum: The POW Exchange...
///   Two Captured North Korea Troops Seek South Korea Asylum: The POW Exchange That Didn’t Include Them
///   Courtesy of the Office of Representative Yoo Yong Won
///   On Thursday, Russia and Ukraine agreed to exchange a total of 314 war prisoners. …
///   LEAVE A REPLY
///   """, knownTitle: nil)
/// layout.title             // "Two Captured North Korea Troops Seek South Korea Asylum: …"
/// layout.metadata.credits  // ["Courtesy of the Office of Representative Yoo Yong Won"]
/// layout.removed.map(\.rule)  // ["comment-heading"]
/// ```
public struct ArticleLayout: Sendable, Equatable {
  /// The headline line, when the text carries one (or the line equal to the known title).
  public var title: String?
  /// The summary line between the title and the body ("Kiev shows the world the two captured
  /// North Korean soldiers: …"), only when a title was found.
  public var standfirst: String?
  /// The body in reading order: paragraphs, section headings and list items.
  /// (Set inside the module only while the analysis runs, and regrouped by the caller's
  /// `regroupBlocks`; ``joinBody(language:)`` then fixes ``text`` and ``paragraphs``.)
  public internal(set) var blocks: [LayoutBlock]
  /// The body blocks joined with a blank line ("\n\n") between two: the record's `text`.
  public private(set) var text: String
  /// Each block's span in ``text``: the record's `paragraphs`.
  public private(set) var paragraphs: [ParagraphSpan]
  /// The article's BCP 47 language: the one the input gave, else guessed once from the cleaned
  /// input by ``LanguageGuesser`` before the analysis, which read that language's rules and stop
  /// words; nil when too short or ambiguous to tell. The record's `lang`.
  public internal(set) var language: String?
  /// Lines moved out of the body: photo credits, tags, the source line, the breadcrumb.
  public var metadata: LayoutMetadata
  /// Dropped boilerplate lines with the rule that dropped each, in input order.
  public var removed: [RemovedLine]
  /// The entries under a "References:" heading (the heading itself is in ``removed``), kept
  /// verbatim for the citation parser.
  public var referenceSection: [String]
  /// The answers the `boilerplate.tsv` rules gave for the lines the analysis matched, for
  /// checks of the finished body that would match the same lines again
  /// (``BoilerplateLines/recordedFurnitureRule(forLine:rules:verdicts:)``).
  public internal(set) var boilerplateVerdicts = BoilerplateVerdicts()

  /// Creates a layout; every part defaults to empty.
  public init(
    title: String? = nil, standfirst: String? = nil, blocks: [LayoutBlock] = [],
    metadata: LayoutMetadata = LayoutMetadata(), removed: [RemovedLine] = [],
    referenceSection: [String] = []
  ) {
    self.title = title
    self.standfirst = standfirst
    self.blocks = blocks
    (text, paragraphs) = ParagraphSpan.join(blocks)
    language = nil
    self.metadata = metadata
    self.removed = removed
    self.referenceSection = referenceSection
  }

  /// Joins the body once the blocks are final, and records the article's language.
  mutating func joinBody(language: String?) {
    (text, paragraphs) = ParagraphSpan.join(blocks)
    self.language = language
  }

  /// Lets ``blocks`` go once ``text`` and ``paragraphs`` are all the caller needs (the record
  /// assembler does, so a long article's body is not held twice).
  public mutating func releaseBlocks() { blocks = [] }
}
