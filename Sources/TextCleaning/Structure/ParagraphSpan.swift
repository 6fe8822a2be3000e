import ICUSupport

/// One body block's place in ``ArticleLayout/text``: Unicode scalar offsets, end exclusive, and
/// what the block is ("body", "heading", "list-item" or "table", the raw values of
/// ``LayoutBlock/Kind``). A record's `paragraphs` are these spans.
///
/// ```swift
/// // text: "Северная Корея направила войска.\n\nThe Implications:"
/// ParagraphSpan(start: 0, end: 32, kind: "body")
/// ParagraphSpan(start: 34, end: 51, kind: "heading")
/// ```
public struct ParagraphSpan: Codable, Sendable, Equatable {
  /// The first scalar of the block in the body text.
  public var start: Int
  /// The scalar after the block's last one.
  public var end: Int
  /// The block's kind (``LayoutBlock/Kind`` raw value).
  public var kind: String

  /// Creates a span.
  public init(start: Int, end: Int, kind: String) {
    self.start = start
    self.end = end
    self.kind = kind
  }

  /// The blocks joined into one text, a blank line ("\n\n") between two blocks, and each
  /// block's span in it; empty blocks are left out.
  static func join(_ blocks: [LayoutBlock]) -> (text: String, spans: [ParagraphSpan]) {
    var text = ""
    // Room for the whole body at once: growing a long body step by step copies it each time.
    text.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
    var spans: [ParagraphSpan] = []
    var offset = 0
    for block in blocks where !block.text.isEmpty {
      if !text.isEmpty {
        text += "\n\n"
        offset += 2
      }
      let length = UTF8Scan.scalarCount(block.text)
      spans.append(ParagraphSpan(start: offset, end: offset + length, kind: block.kind.rawValue))
      text += block.text
      offset += length
    }
    return (text, spans)
  }
}
