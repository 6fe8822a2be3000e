/// A run of consecutive tokens with one label (AnyStyle's label set: author, title, date,
/// journal, container-title, volume, pages, publisher, location, url, doi, note, …).
///
/// ```swift
/// ReferenceSegment(label: "date", text: "(2025, May 27).", start: 20, end: 35)
/// ```
public struct ReferenceSegment: Sendable, Equatable, Codable {
  /// The field label.
  public var label: String
  /// The tokens of the segment joined by single spaces (without one where two tokens touch,
  /// as the pieces of a CJK word do).
  public var text: String
  /// Unicode scalar offsets in the reference string, end exclusive.
  public var start: Int
  /// End of the segment in the reference string, exclusive.
  public var end: Int

  /// Creates a segment.
  public init(label: String, text: String, start: Int, end: Int) {
    self.label = label
    self.text = text
    self.start = start
    self.end = end
  }

  /// Groups labelled tokens into segments: a new segment starts where the label changes.
  ///
  /// - Parameters:
  ///   - tokens: the reference's tokens.
  ///   - labels: one label per token.
  /// - Returns: the segments in order.
  public static func group(_ tokens: [ReferenceToken], labels: [String]) -> [ReferenceSegment] {
    var segments: [ReferenceSegment] = []
    for (token, label) in zip(tokens, labels) {
      if let last = segments.last, last.label == label {
        segments[segments.count - 1].text += (last.end == token.start ? "" : " ") + token.text
        segments[segments.count - 1].end = token.end
      } else {
        segments.append(
          ReferenceSegment(label: label, text: token.text, start: token.start, end: token.end))
      }
    }
    return segments
  }
}
