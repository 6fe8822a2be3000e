/// Cuts a long text into pieces of bounded size, for analyses whose working memory is a large
/// multiple of what they read (tokens take 80–90 bytes each): a bound by design on pathological
/// inputs (issue 19), used by date resolution and name-mention detection.
///
/// ```swift
/// TextPieces.split("유용원 said…\nMore text", limit: 16)
/// // [("유용원 said…\n", 0), ("More text", 12)]
/// ```
public enum TextPieces {
  /// Texts up to this many UTF-8 bytes are never cut.
  public static let defaultLimit = 1 << 20

  /// `text` cut into pieces of at most `limit` UTF-8 bytes (at least one scalar), each with
  /// the Unicode scalar offset at which it starts: a piece ends after its last line break,
  /// else after its last space, else at a scalar boundary.
  ///
  /// - Parameters:
  ///   - text: any text.
  ///   - limit: the largest piece, in UTF-8 bytes.
  /// - Returns: the pieces in order; joined they give `text`.
  /// - Complexity: O(n) in the length of `text`.
  public static func split(_ text: String, limit: Int = defaultLimit) -> [(
    text: String, scalarOffset: Int
  )] {
    var copy = text
    let limit = max(4, limit)
    return copy.withUTF8 { bytes in
      var pieces: [(text: String, scalarOffset: Int)] = []
      var start = 0
      var scalarOffset = 0
      while start < bytes.count {
        var end = min(bytes.count, start + limit)
        if end < bytes.count {
          var cut = end
          while cut > start && bytes[cut - 1] != 0x0A { cut -= 1 }
          if cut == start {
            cut = end
            while cut > start && bytes[cut - 1] != 0x20 { cut -= 1 }
          }
          if cut == start {
            cut = end
            while cut > start && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
          }
          end = cut > start ? cut : end
        }
        let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
        pieces.append((String(decoding: piece, as: UTF8.self), scalarOffset))
        for byte in piece where byte & 0xC0 != 0x80 { scalarOffset += 1 }
        start = end
      }
      return pieces
    }
  }
}
