/// What a `boilerplate.tsv` rule id does to the line it matches.
///
/// Most ids simply drop the line and are reported in ``RemovedLine/rule``. A few ids carry a
/// structural meaning that the analyzer acts on:
///
/// | id | effect |
/// |---|---|
/// | `credit` | moved to ``LayoutMetadata/credits`` (a repeat becomes `duplicate-credit`) |
/// | `source-line` | moved to ``LayoutMetadata/sourceLine`` |
/// | `breadcrumb` | moved to ``LayoutMetadata/breadcrumb`` when above the body; ignored elsewhere |
/// | `tags-heading` | dropped; the short lines after it become ``LayoutMetadata/tags`` |
/// | `tag-line` | "Tags: a, b" on one line: the items become tags |
/// | `hashtag-line` | "#서민재 #우크라이나" below the body: the words become tags |
/// | `reference-heading` | dropped; the lines after it become ``ArticleLayout/referenceSection`` |
/// | `related-heading` | "THE LATEST NEWS", "관련기사": ends the main text; later lines are `related-block` |
/// | `comment-heading` | "LEAVE A REPLY", "Kommentare": ends the main text; later lines are `comment-section` |
/// | `comment-author` | "jbaxt says:": a comment header; weighs against the main text |
enum BoilerplateRule {
  /// Ids whose lines are not simply dropped; a line matching one of them is judged by the
  /// classifier like any other line unless its effect applies.
  static let structural: Set<String> = [
    credit, sourceLine, breadcrumb, tagsHeading, tagLine, hashtagLine, referenceHeading,
    relatedHeading,
    commentHeading, commentAuthor,
  ]

  /// Dropping ids whose patterns are written for whole sentences ("We use cookies to improve
  /// your experience.", "Sign up for our newsletter to get the latest news."). Any other
  /// dropping rule is ignored on a line that reads as prose, so a byline, date-line or copyright
  /// pattern never takes a sentence ("Copyright 2003 rules on recorded music still apply.").
  static let sentenceShaped: Set<String> = ["cookie-notice", "newsletter", "comment-form"]

  /// Structural ids that still never take a line reading as a sentence: headings are short,
  /// and a credit is a caption's tail, not "Courtesy of the museum, the paintings will travel to
  /// Seoul next year."
  static let neverSentences: Set<String> = [
    credit, relatedHeading, commentHeading, tagsHeading, referenceHeading,
  ]

  static let credit = "credit"
  static let sourceLine = "source-line"
  static let breadcrumb = "breadcrumb"
  static let tagsHeading = "tags-heading"
  static let tagLine = "tag-line"
  static let hashtagLine = "hashtag-line"
  static let referenceHeading = "reference-heading"
  static let relatedHeading = "related-heading"
  static let commentHeading = "comment-heading"
  static let commentAuthor = "comment-author"

  /// Ids the classifier gives to lines no lexicon rule matched.
  static let relatedBlock = "related-block"
  static let commentSection = "comment-section"
  static let shortOutside = "short-line-outside-main-text"
  static let outside = "outside-main-text"
  static let lowContent = "low-content"
  /// A sentence outside the main text with a boilerplate block between it and the main text.
  static let pastBoilerplateBlock = "past-boilerplate-block"
  static let duplicateLine = "duplicate-line"
  static let duplicateCredit = "duplicate-credit"
}
