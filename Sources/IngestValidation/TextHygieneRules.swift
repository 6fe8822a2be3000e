import NormalizeCore

/// Checks the raw text of an article, before cleaning, for characters that cleaning removes
/// or that hide meaning: NUL and other control characters, bidi embeddings/overrides/isolates
/// (UTS #55 "Trojan Source"), byte-order marks and zero-width characters inside words.
/// Spans count in the raw input text (`field: "input.text"`).
///
/// ```swift
/// TextHygieneRules.findings(in: "Kyiv\u{202E}vieK").map(\.code)  // ["bidi-control"]
/// ```
public enum TextHygieneRules {
  /// The findings for `text`, at most `limitPerCode` per code (then one summary finding).
  public static func findings(in text: String, limitPerCode: Int = 20) -> [Finding] {
    // Fast path: ASCII text without controls has nothing to report.
    if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 >= 0x7F }) { return [] }
    var findings: [Finding] = []
    var counts: [String: Int] = [:]
    var offset = 0
    var previous: Unicode.Scalar? = nil
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if let (code, severity, message) = classify(scalar, previous: previous, next: next < scalars.endIndex ? scalars[next] : nil) {
        counts[code, default: 0] += 1
        if counts[code, default: 0] <= limitPerCode {
          findings.append(Finding(code: code, severity: severity, start: offset, end: offset + 1, field: "input.text", message: message))
        }
      }
      previous = scalar
      offset += 1
      index = next
    }
    for (code, count) in counts.sorted(by: { $0.key < $1.key }) where count > limitPerCode {
      findings.append(Finding(code: code, severity: .info, field: "input.text", message: "\(count - limitPerCode) more \(code) findings not listed"))
    }
    return findings
  }

  private static func classify(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> (String, Severity, String)? {
    let value = scalar.value
    let hex = "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4)
    switch value {
    case 0x00:
      return ("nul-character", .warning, "NUL character (\(hex)) removed; the source was probably binary or UTF-16 read as UTF-8")
    case 0x01...0x08, 0x0E...0x1F, 0x7F...0x9F:
      return ("control-character", .warning, "control character \(hex) removed; check the scraper's decoding")
    case 0x202A...0x202E, 0x2066...0x2069:
      return ("bidi-control", .warning, "bidi control \(hex) removed: it can reorder how text displays (UTS #55); check the source")
    case 0xFEFF:
      return ("byte-order-mark", .info, "byte-order mark \(hex) removed")
    case 0x200B, 0x2060:
      let inWord = (previous?.properties.isAlphabetic ?? false) && (next?.properties.isAlphabetic ?? false)
      return inWord ? ("zero-width-in-word", .warning, "zero-width character \(hex) inside a word removed; it breaks search and matching") : nil
    default:
      return nil
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
