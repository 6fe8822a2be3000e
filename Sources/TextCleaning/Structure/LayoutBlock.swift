/// One block of an article body: a paragraph, a section heading or a list item.
///
/// ```swift
/// LayoutBlock(text: "The Implications:", kind: .heading)
/// LayoutBlock(text: "- Diplomatic Leverage: The case could become …", kind: .listItem)
/// LayoutBlock(text: "Северная Корея направила войска …", kind: .body)
/// ```
public struct LayoutBlock: Sendable, Equatable {
  /// The block's text, verbatim (a list item keeps its marker, such as "- " or "• ").
  public var text: String
  /// What the block is.
  public var kind: Kind

  /// The role of a block in the body.
  public enum Kind: String, Sendable {
    /// A paragraph of running text.
    case body
    /// A short line introducing a section ("Conclusion:", "NISSAN SENTRA", "정부 입장").
    case heading
    /// A line that starts with a list marker ("- ", "• ", "* ", "1. ").
    case listItem = "list-item"
  }

  /// Creates a block.
  public init(text: String, kind: Kind) {
    self.text = text
    self.kind = kind
  }
}
