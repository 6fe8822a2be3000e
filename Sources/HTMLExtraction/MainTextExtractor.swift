import NormalizeCore

/// Finds the main text of a page on libxml2's tree, readability-style: paragraphs score the
/// containers above them by their length and commas, containers by their tag and their class
/// and id words (`ClassHints`), link density discounts menus and link lists, and the best
/// container with its like siblings is the article. Inside it, headings, list items and table
/// rows keep their kind; comment sections and related-article blocks are dropped and reported
/// with their rule; figure captions and credits go to `captions`.
///
/// ```swift
/// let extractor = try MainTextExtractor(lexicons: lexicons)
/// let main = extractor.extract(HTMLDocument(utf8: Array(page.utf8)), title: "Ёлка в Кремле")
/// main.blocks.map(\.kind)   // [.body, .body, .heading, .listItem, …]
/// main.removed              // [HTMLRemoval(text: "12 комментариев …", rule: "comment-section")]
/// ```
public struct MainTextExtractor: Sendable {
  let hints: ClassHints

  /// What came out of one page.
  public struct Result: Sendable, Equatable {
    /// The main text's paragraphs in page order, each with its kind and element path.
    public var blocks: [HTMLBlock] = []
    /// Parts of the article left out (comment sections, related-article blocks), with their rule.
    public var removed: [HTMLRemoval] = []
    /// Figure captions and photo credits found in the article, in page order.
    public var captions: [String] = []
  }

  /// - Throws: `LexiconError` for a malformed `html-hints.tsv`.
  public init(lexicons: any LexiconProvider) throws {
    hints = try ClassHints(lexicons: lexicons)
  }

  /// The main text of `document`. `title` (the page's title, when known) keeps a heading that
  /// repeats it out of the body.
  public func extract(_ document: HTMLDocument, title: String?) -> Result {
    var pass = MainTextPass(document: document, hints: hints, title: title)
    return pass.run()
  }
}
