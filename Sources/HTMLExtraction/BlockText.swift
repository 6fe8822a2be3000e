/// White-space folding and clipping for text read out of HTML.
///
/// ```swift
/// BlockText.fold("  Сеул,\n\t27 мая  ")    // "Сеул, 27 мая"
/// BlockText.clip("Kommentare (12) …", to: 8)  // "Komment…"
/// ```
public enum BlockText {
  /// Runs of white space (spaces, tabs, line breaks, form feeds) become one space; the ends are
  /// trimmed. No-break spaces stay for the cleaning passes.
  public static func fold(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The first `limit` scalars of `text`, with "…" when cut.
  public static func clip(_ text: String, to limit: Int) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
  }
}
