/// One block of an article body: a paragraph, a section heading, a list item or a table.
///
/// ```swift
/// LayoutBlock(text: "The Implications:", kind: .heading)
/// LayoutBlock(text: "- Diplomatic Leverage: The case could become …", kind: .listItem)
/// LayoutBlock(text: "Северная Корея направила войска …", kind: .body)
/// LayoutBlock(text: "Umsatz 4,2 Mrd Euro vs 3,9 Mrd Euro\nGewinn 310 Mio Euro vs 280 Mio Euro", kind: .table)
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
    /// Rows of figures or columns, kept together, one row per line ("Shr 1.84 dlrs vs 1.59
    /// dlrs\nNet 13.1 mln vs 11.3 mln"); columns keep their runs of spaces.
    case table
  }

  /// Creates a block.
  public init(text: String, kind: Kind) {
    self.text = text
    self.kind = kind
  }
}
