/// A line dropped as boilerplate, with the id of the rule that dropped it: one of a record's
/// `removed`.
///
/// Rule ids are kebab-case. Lexicon rules keep their id from `boilerplate.tsv` ("comment-form",
/// "view-counter", "menu", "cookie-notice", "share"); the classifier adds its own:
/// "related-block" and "comment-section" (lines after a "Latest news" / "Leave a reply"
/// heading), "short-line-outside-main-text" and "outside-main-text" (lines far from the main
/// text region), "low-content" (a stop-word-poor line inside it), "duplicate-line",
/// "duplicate-credit" and "reference-heading".
///
/// ```swift
/// RemovedLine(text: "Lascia un commento", rule: "comment-heading")
/// RemovedLine(text: "Views: 1", rule: "view-counter")
/// ```
public struct RemovedLine: Codable, Sendable, Equatable {
  /// The line, trimmed.
  public var text: String
  /// The kebab-case id of the rule that dropped it.
  public var rule: String

  /// Creates a removed line.
  public init(text: String, rule: String) {
    self.text = text
    self.rule = rule
  }
}
