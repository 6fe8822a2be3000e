import ICUSupport
import NormalizeCore
import TextCleaning

/// Checks the raw text of an article, before cleaning, for characters that cleaning removes
/// or that hide meaning: NUL and other control characters, bidi embeddings/overrides/isolates
/// (UTS #55 "Trojan Source"), byte-order marks and zero-width characters inside words.
/// Spans count in the raw input text (`field: "input.text"`).
///
/// ```swift
/// TextHygieneRules.findings(in: "Kyiv\u{202E}vieK").map(\.code)  // ["bidi-control"]
/// ```
public enum TextHygieneRules {
  /// The finding codes `classify` returns.
  public static let codes = [
    "nul-character", "control-character", "bidi-control", "byte-order-mark", "zero-width-in-word",
  ]

  /// The findings for `text`, at most `limitPerCode` per code (then one summary finding).
  ///
  /// - Parameter c1Repaired: whether the cleaning stage reads C1 controls as the Windows-1252
  ///   characters they stand for (`fix-mojibake`); those controls are then repairs, reported by
  ///   the repair findings, not removals.
  public static func findings(in text: String, limitPerCode: Int = 20, c1Repaired: Bool = false)
    -> [Finding]
  {
    // Fast path: ASCII text without controls has nothing to report.
    var probe = text
    if probe.withUTF8({ candidates.next(in: $0, from: 0) == $0.count }) { return [] }
    var findings: [Finding] = []
    var counts: [String: Int] = [:]
    let scalars = text.unicodeScalars
    let utf8 = text.utf8
    var copy = text
    copy.withUTF8 { bytes in
      var scalarOffset = 0
      var counted = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        guard Self.candidates.contains(byte) else {
          index = Self.candidates.next(in: bytes, from: index + 1)
          continue
        }
        let scalarIndex = utf8.index(utf8.startIndex, offsetBy: index)
        let scalar = scalars[scalarIndex]
        let previous =
          scalarIndex > scalars.startIndex ? scalars[scalars.index(before: scalarIndex)] : nil
        let nextIndex = scalars.index(after: scalarIndex)
        let next = nextIndex < scalars.endIndex ? scalars[nextIndex] : nil
        if c1Repaired, MojibakeRepair.isWindows1252C1(scalar.value) {
          index += scalar.utf8.count
          continue
        }
        if let (code, severity, message) = classify(scalar, previous: previous, next: next) {
          counts[code, default: 0] += 1
          if counts[code, default: 0] <= limitPerCode {
            for position in counted..<index where bytes[position] & 0xC0 != 0x80 {
              scalarOffset += 1
            }
            counted = index
            findings.append(
              Finding(
                code: code, severity: severity, start: scalarOffset, end: scalarOffset + 1,
                field: "input.text", message: message))
          }
        }
        index += scalar.utf8.count
      }
    }
    for (code, count) in counts.sorted(by: { $0.key < $1.key }) where count > limitPerCode {
      findings.append(
        Finding(
          code: code, severity: .info, field: "input.text",
          message: "\(count - limitPerCode) more \(code) findings not listed"))
    }
    return findings
  }

  /// Only C0 controls, DEL, and scalars led by C2 (C1 controls), E2 (U+2000–U+2FFF) or EF
  /// (U+F000–U+FFFF, the BOM) can be reported.
  private static let candidates = ByteScanner {
    ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
      || $0 == 0xEF
  }

  private static func classify(
    _ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> (String, Severity, String)? {
    let value = scalar.value
    let hex = "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4)
    switch value {
    case 0x00:
      return (
        "nul-character", .warning,
        "NUL character (\(hex)) removed; the source was probably binary or UTF-16 read as UTF-8"
      )
    case 0x01...0x08, 0x0E...0x1F, 0x7F...0x9F:
      return (
        "control-character", .warning,
        "control character \(hex) removed; check the scraper's decoding"
      )
    case 0x202A...0x202E, 0x2066...0x2069:
      return (
        "bidi-control", .warning,
        "bidi control \(hex) removed: it can reorder how text displays (UTS #55); check the source"
      )
    case 0xFEFF:
      return ("byte-order-mark", .info, "byte-order mark \(hex) removed")
    case 0x200B, 0x2060:
      let inWord =
        (previous?.properties.isAlphabetic ?? false) && (next?.properties.isAlphabetic ?? false)
      return inWord
        ? (
          "zero-width-in-word", .warning,
          "zero-width character \(hex) inside a word removed; it breaks search and matching"
        ) : nil
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
