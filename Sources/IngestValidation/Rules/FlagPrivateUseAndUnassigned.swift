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

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    ByteText.withBytes(article.text) { bytes in
      // Only scalars from U+0378 up can be unassigned or private use: lead bytes CD and up.
      let count = bytes.count
      guard let base = bytes.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      let highs: UInt64 = 0x8080_8080_8080_8080
      // Scalar offsets are counted only up to a finding (findings are rare).
      var countedBytes = 0
      var offset = 0
      var privateUseCount = 0
      var unassignedCount = 0
      var index = 0
      while index < count {
        // Skip ASCII eight bytes at a time; `index` stays at a scalar's start, so the first
        // non-ASCII byte of a word is a lead byte.
        if index &+ 8 <= count {
          let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highs
          if high == 0 {
            index &+= 8
            continue
          }
          index &+= high.trailingZeroBitCount >> 3
        } else if bytes[index] < 0x80 {
          index &+= 1
          continue
        }
        let lead = bytes[index]
        if lead < 0xCD {
          index &+= 2
          continue
        }
        let (v, length) = UTF8Scan.decodeScalar(bytes, at: index)
        let at = index
        index &+= length
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
        // At most five findings of each kind.
        if privateUse {
          privateUseCount += 1
          if privateUseCount > 5 { continue }
        } else {
          unassignedCount += 1
          if unassignedCount > 5 { continue }
        }
        while countedBytes < at {
          if bytes[countedBytes] & 0xC0 != 0x80 { offset += 1 }
          countedBytes += 1
        }
        let hex = "U+" + String(v, radix: 16, uppercase: true)
        let (code, message) =
          privateUse
          ? (
            code: "private-use-character",
            message:
              "private-use character \(hex) has no agreed meaning (often a font icon); remove it or map it to a real character"
          )
          : (
            code: "unassigned-code-point",
            message:
              "code point \(hex) is unassigned in Unicode; the source is probably corrupt or uses a newer Unicode version"
          )
        findings.append(
          Finding(code: code, severity: .warning, start: offset, end: offset + 1, message: message))
      }
    }
  }
}
