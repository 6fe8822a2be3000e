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
    var spans: [ParagraphSpan] = []
    spans.reserveCapacity(blocks.count)
    var offset = 0
    // The whole body written once into one string's storage: no append per block.
    let capacity = blocks.reduce(0) { $0 + $1.text.utf8.count + 2 }
    let text = String(unsafeUninitializedCapacity: capacity) { out -> Int in
      var size = 0
      for block in blocks where !block.text.isEmpty {
        if size > 0 {
          out[size] = 0x0A
          out[size + 1] = 0x0A
          size += 2
          offset += 2
        }
        var blockText = block.text
        let length = blockText.withUTF8 { bytes -> Int in
          _ = UnsafeMutableBufferPointer(rebasing: out[size..<(size + bytes.count)])
            .initialize(fromContentsOf: bytes)
          size += bytes.count
          return UTF8Scan.scalarCount(bytes)
        }
        spans.append(ParagraphSpan(start: offset, end: offset + length, kind: block.kind.rawValue))
        offset += length
      }
      return size
    }
    return (text, spans)
  }
}
