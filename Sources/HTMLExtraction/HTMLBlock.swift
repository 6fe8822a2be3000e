/// One paragraph of a page's main text, with what it is and where it sat.
///
/// ```swift
/// HTMLBlock(text: "Ερωτήσεις και απαντήσεις", kind: .heading, path: "html>body>article>h2")
/// ```
public struct HTMLBlock: Sendable, Equatable {
  /// The record's paragraph kinds.
  public enum Kind: String, Sendable {
    case body
    case heading
    case listItem = "list-item"
    /// Rows of a data table, one row per line, cells separated by " | ".
    case table
  }

  /// The text, white space folded (line breaks only between table rows).
  public var text: String
  /// What the block is in the record: body paragraph, heading, list item or table.
  public var kind: Kind
  /// The element names from the root (at most the last 16) to the block's element, joined by ">".
  public var path: String

  /// Creates a block; `text` should already be folded (`BlockText.fold`).
  public init(text: String, kind: Kind, path: String) {
    self.text = text
    self.kind = kind
    self.path = path
  }
}

/// A part of the page left out of the main text, with the rule that left it out: the same
/// `removed[].rule` ids plain text gets ("comment-section", "related-block").
public struct HTMLRemoval: Sendable, Equatable {
  /// The text left out ("12 комментариев …").
  public var text: String
  /// The rule that left it out ("comment-section", "related-block").
  public var rule: String

  /// Creates a removal.
  public init(text: String, rule: String) {
    self.text = text
    self.rule = rule
  }
}
