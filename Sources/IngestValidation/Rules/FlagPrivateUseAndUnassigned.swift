import ByteSupport
import ICUSupport
import NormalizeCore

/// Reports private-use characters (U+E000–U+F8FF and the supplementary private-use planes: font
/// icons, vendor emoji) and code points unassigned in the Unicode version of the runtime.
public struct FlagPrivateUseAndUnassigned: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "flag-private-use-and-unassigned"
  /// The finding codes this rule reports.
  public static let codes = ["private-use-character", "unassigned-code-point"]

  /// Creates the rule.
  public init() {}

  private static let highLeads = ByteScanner { $0 >= 0xCD }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    ByteText.withBytes(article.text) { bytes in
      // Only scalars from U+0378 up can be unassigned or private use: lead bytes CD and up.
      let count = bytes.count
      var index = Self.highLeads.next(in: bytes, from: 0)
      // Scalar offsets are counted only up to a finding (findings are rare).
      var countedBytes = 0
      var offset = 0
      var counts = [0, 0]
      while index < count {
        let (v, length) = UTF8Scan.decodeScalar(bytes, at: index)
        let at = index
        index &+= length
        if index < count && bytes[index] < 0xCD {
          index = Self.highLeads.next(in: bytes, from: index)
        }
        // Common assigned blocks: Cyrillic, Hebrew, Arabic, CJK, Hangul, kana.
        if v < 0x0378 || (0x0400...0x06FF).contains(v) || (0x3040...0x30FF).contains(v)
          || (0x4E00...0x9FFF).contains(v)
          || (0xAC00...0xD7A3).contains(v)
        {
          continue
        }
        let privateUse = (0xE000...0xF8FF).contains(v) || v >= 0xF0000
        guard
          privateUse
            || (v >= 0x0378 && Unicode.Scalar(v)?.properties.generalCategory == .unassigned)
        else { continue }
        while countedBytes < at {
          if bytes[countedBytes] & 0xC0 != 0x80 { offset += 1 }
          countedBytes += 1
        }
        let hex = "U+" + String(v, radix: 16, uppercase: true)
        if privateUse {
          counts[0] += 1
          if counts[0] <= 5 {
            findings.append(
              Finding(
                code: "private-use-character", severity: .warning, start: offset, end: offset + 1,
                message:
                  "private-use character \(hex) has no agreed meaning (often a font icon); remove it or map it to a real character"
              ))
          }
        } else {
          counts[1] += 1
          if counts[1] <= 5 {
            findings.append(
              Finding(
                code: "unassigned-code-point", severity: .warning, start: offset, end: offset + 1,
                message:
                  "code point \(hex) is unassigned in Unicode; the source is probably corrupt or uses a newer Unicode version"
              ))
          }
        }
      }
    }
  }
}
