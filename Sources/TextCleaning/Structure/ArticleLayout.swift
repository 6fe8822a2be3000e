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
  public var blocks: [LayoutBlock]
  /// Lines moved out of the body: photo credits, tags, the source line, the breadcrumb.
  public var metadata: LayoutMetadata
  /// Dropped boilerplate lines with the rule that dropped each, in input order.
  public var removed: [RemovedLine]
  /// The entries under a "References:" heading (the heading itself is in ``removed``), kept
  /// verbatim for the citation parser.
  public var referenceSection: [String]

  /// Creates a layout; every part defaults to empty.
  public init(
    title: String? = nil, standfirst: String? = nil, blocks: [LayoutBlock] = [],
    metadata: LayoutMetadata = LayoutMetadata(), removed: [RemovedLine] = [],
    referenceSection: [String] = []
  ) {
    self.title = title
    self.standfirst = standfirst
    self.blocks = blocks
    self.metadata = metadata
    self.removed = removed
    self.referenceSection = referenceSection
  }

  /// The body blocks joined with one line break each: the text a record's `text` carries.
  public var bodyText: String {
    blocks.map(\.text).joined(separator: "\n")
  }
}
