import ByteSupport
import NormalizeCore

/// Reports a title that repeats the body: the body is just the title, or its first paragraph is
/// the title again (a scraper that kept the headline in the text).
public struct CheckTitleRepeatsBody: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "check-title-repeats-body"
  /// The finding codes this rule reports.
  public static let codes = ["title-repeats-body"]

  /// Creates the rule.
  public init() {}

  /// `text` lowercased, its runs of white space (Unicode White_Space) folded to one space and
  /// trimmed: "Seoul  Talks\n" → "seoul talks", "Переговоры\u{A0} в Сеуле" → "переговоры в
  /// сеуле".
  static func fold(_ text: Substring) -> String {
    if let folded = foldASCII(text) { return folded }
    var lowered = text.lowercased()
    return lowered.withUTF8 { bytes -> String in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var space = false
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
        if isWhitespace(value, lead: byte) {
          space = !out.isEmpty
        } else {
          if space { out.append(0x20) }
          space = false
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        }
        index += length
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether the scalar `value`, whose UTF-8 starts with `lead`, is White_Space: decided on the
  /// byte for ASCII, asked of the scalar's properties only after the lead bytes C2 (U+0085,
  /// U+00A0), E1 (U+1680), E2 (U+2000–U+205F) and E3 (U+3000), the only ones a non-ASCII
  /// White_Space scalar starts with.
  @inline(__always)
  static func isWhitespace(_ value: UInt32, lead: UInt8) -> Bool {
    if lead < 0x80 { return lead == 0x20 || lead &- 0x09 < 5 }
    guard lead == 0xC2 || lead &- 0xE1 < 3, let scalar = Unicode.Scalar(value) else {
      return false
    }
    return scalar.properties.isWhitespace
  }

  /// ``fold(_:)`` of ASCII text on its bytes ("Seoul  Talks\n" → "seoul talks"); nil for
  /// other text.
  static func foldASCII(_ text: Substring) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var space = false
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
          space = !out.isEmpty
        } else {
          if space { out.append(0x20) }
          space = false
          out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The first non-empty line of `text`, as
  /// `text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? ""`
  /// gives it, found on the bytes instead of by walking `Character`s: "\r\n" is one
  /// `Character`, so a line feed after a carriage return does not end the line.
  static func firstParagraph(of text: String) -> Substring {
    let range = ByteText.withBytes(text) { bytes -> Range<Int> in
      var start = 0
      for index in bytes.indices
      where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
        if index > start { return start..<index }
        start = index + 1
      }
      return start..<bytes.count
    }
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
    return text[lower..<upper]
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    guard let title = article.title, !title.isEmpty else { return }
    // Cheap length test first: the first paragraph must be about as long as the title.
    let titleBytes = title.utf8.count
    let firstLength = ByteText.withBytes(article.text) { bytes in
      var end = 0
      while end < bytes.count, bytes[end] != 0x0A, end <= titleBytes * 2 + 16 { end += 1 }
      return end
    }
    guard firstLength <= titleBytes * 2 + 16, firstLength * 2 + 16 >= titleBytes else { return }
    let folded = Self.fold(Substring(title))
    guard !folded.isEmpty else { return }
    let firstParagraph = Self.firstParagraph(of: article.text)
    guard Self.fold(firstParagraph) == folded else { return }
    let whole = Self.fold(Substring(article.text)) == folded
    findings.append(
      Finding(
        code: "title-repeats-body", severity: whole ? .warning : .info, start: 0,
        end: firstParagraph.unicodeScalars.count,
        message: whole
          ? "the body is only the title; the article text is missing"
          : "the first paragraph repeats the title; drop it from the body"))
  }
}
