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
    var copy = text
    return copy.withUTF8 { bytes -> String in
      func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
      }
      // Most texts are folded already (no white space at the ends, single spaces): kept as is.
      var folded = bytes.isEmpty || (!isSpace(bytes[0]) && !isSpace(bytes[bytes.count - 1]))
      var index = 0
      while folded, index < bytes.count {
        let byte = bytes[index]
        if isSpace(byte), byte != 0x20 || isSpace(bytes[index + 1]) { folded = false }
        index += 1
      }
      if folded { return text }
      return String(unsafeUninitializedCapacity: bytes.count) { output in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          if isSpace(byte) {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            output[count] = 0x20
            count += 1
            pendingSpace = false
          }
          output[count] = byte
          count += 1
        }
        return count
      }
    }
  }

  /// The first `limit` scalars of `text`, with "…" when cut.
  public static func clip(_ text: String, to limit: Int) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
  }
}
