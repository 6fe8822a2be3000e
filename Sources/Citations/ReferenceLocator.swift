/// A reference found in an article's text: an inline "Source: …" / "Original Source: …" line,
/// or an item under a "References" heading.
public struct LocatedReference: Sendable, Equatable, Codable {
  /// The reference text (without the "Source:" label or list marker).
  public var text: String
  /// Unicode scalar offsets of `text` in the article, end exclusive.
  public var start: Int
  /// End of `text` in the article, exclusive.
  public var end: Int
  /// "source-line" for an inline source line, "reference-section" for a reference list item.
  public var kind: String
  /// The label that introduced it ("Original Source", "Source", "出处"), for source lines.
  public var label: String?

  /// Creates a located reference.
  public init(text: String, start: Int, end: Int, kind: String, label: String? = nil) {
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.label = label
  }
}

/// Finds references in body text, line by line: lines that open with a source label in one of
/// several languages ("Source:", "Original Source:", "Sources:", "Fonte:", "Quelle:", "Fuente:",
/// "Источник:", "Джерело:", "출처:", "来源：", "出典："), and the items of a reference section
/// (a line "References" / "Bibliography" / "Литература" / "参考文献" … followed by items, with or
/// without list markers, up to a blank line or a line that is not a reference). The section
/// headings are the `reference-headings` lexicons (`ReferenceHeadings`), the words the
/// structure analysis cuts a body's reference section at; the source labels are the
/// `source-label` words of `citation-markers.tsv` (`CitationMarkers.sourceLabel`).
///
/// ```swift
/// ReferenceLocator.find(
///   in: "Text.\nOriginal Source: evrimagaci.org\n", sectionHeadings: [],
///   sourceLabels: markers.sourceLabel)
/// // [LocatedReference(text: "evrimagaci.org", start: 23, end: 37, kind: "source-line", label: "Original Source")]
/// ```
public enum ReferenceLocator {
  /// The references in `text`, in order.
  ///
  /// - Parameters:
  ///   - text: the article text.
  ///   - sectionHeadings: the lower-case headings that open a reference section
  ///     (`ReferenceHeadings.all`); a line is one when, lower-cased and without surrounding
  ///     spaces, colons, dots, dashes, `#` and `*`, it equals one of them.
  ///   - sourceLabels: the lower-case labels of a source line ("original source", "fonte",
  ///     "출처"; `CitationMarkers.sourceLabel`): a line is one when the text before its first
  ///     colon (within 24 scalars), lower-cased, is one of them and text follows the colon.
  public static func find(
    in text: String, sectionHeadings: Set<String>, sourceLabels: Set<String>
  ) -> [LocatedReference] {
    var found: [LocatedReference] = []
    var offset = 0
    var inSection = false
    for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      let lineStart = offset
      offset += rawLine.count + 1
      var scalars = Array(rawLine)
      if scalars.last == "\r" { scalars.removeLast() }
      var lo = 0
      var hi = scalars.count
      while lo < hi, ReferenceToken.isSpace(scalars[lo]) { lo += 1 }
      while hi > lo, ReferenceToken.isSpace(scalars[hi - 1]) { hi -= 1 }
      if lo == hi {
        if inSection && !found.isEmpty && found.last?.kind == "reference-section" {
          inSection = false
        }
        continue
      }
      let line = String(String.UnicodeScalarView(scalars[lo..<hi]))
      let folded = line.lowercased().trimming(" :：.-–—#*")
      if sectionHeadings.contains(folded) && hi - lo <= 40 {
        inSection = true
        continue
      }
      if let (label, rest) = sourceLine(scalars: scalars, lo: lo, hi: hi, labels: sourceLabels) {
        found.append(
          LocatedReference(
            text: String(String.UnicodeScalarView(scalars[rest..<hi])), start: lineStart + rest,
            end: lineStart + hi,
            kind: "source-line", label: label))
        continue
      }
      if inSection {
        // Strip a list marker: "-", "•", "*", "1.", "[1]", "(1)".
        var start = lo
        if "-•*–·".unicodeScalars.contains(scalars[start]) {
          start += 1
        } else if scalars[start] == "[" || scalars[start] == "(" {
          var k = start + 1
          while k < hi, scalars[k].properties.numericType != nil { k += 1 }
          if k > start + 1, k < hi, scalars[k] == "]" || scalars[k] == ")" { start = k + 1 }
        } else {
          var k = start
          while k < hi, scalars[k].value >= 0x30 && scalars[k].value <= 0x39 { k += 1 }
          if k > start, k < hi, scalars[k] == "." || scalars[k] == ")" { start = k + 1 }
        }
        while start < hi, ReferenceToken.isSpace(scalars[start]) { start += 1 }
        let body = scalars[start..<hi]
        let letters = body.filter { $0.properties.isAlphabetic }.count
        // A reference has a few words; a long prose paragraph ends the section.
        if letters < 3 || body.count > 1_000 {
          inSection = false
          continue
        }
        found.append(
          LocatedReference(
            text: String(String.UnicodeScalarView(body)), start: lineStart + start,
            end: lineStart + hi, kind: "reference-section"))
      }
    }
    return found
  }

  /// "Original Source: x" → ("Original Source", index of "x").
  private static func sourceLine(
    scalars: [Unicode.Scalar], lo: Int, hi: Int, labels sourceLabels: Set<String>
  ) -> (String, Int)? {
    var colon = lo
    let limit = min(hi, lo + 24)
    while colon < limit, scalars[colon] != ":", scalars[colon] != "：" { colon += 1 }
    guard colon < limit else { return nil }
    var labelStart = lo
    while labelStart < colon,
      "-•*".unicodeScalars.contains(scalars[labelStart])
        || ReferenceToken.isSpace(scalars[labelStart])
    {
      labelStart += 1
    }
    let label = String(String.UnicodeScalarView(scalars[labelStart..<colon])).trimming(" ")
    guard sourceLabels.contains(label.lowercased()) else { return nil }
    var rest = colon + 1
    while rest < hi, ReferenceToken.isSpace(scalars[rest]) { rest += 1 }
    guard rest < hi else { return nil }
    return (label, rest)
  }
}
