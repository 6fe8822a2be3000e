import DateResolution

/// Infers an article's publication date from its own text when the input gives none: the
/// first complete calendar date in the lines moved out of the body (datelines, bylines,
/// "Published 28 May 2025"), else in the opening of the body.
///
/// ```swift
/// PublicationDateInference.infer(body: "SEOUL, May 28, 2025 — North Korea…", removed: [], language: "en", resolver: resolver)
/// // (value: "2025-05-28", evidence: "May 28, 2025")
/// ```
///
/// Only a full date (YYYY-MM-DD) written out in the text counts, so nothing relative is
/// resolved against a guess and the current date is never used. Records mark such a date
/// `"from": "inferred"` and say where it came from in an `inferred-published` finding.
enum PublicationDateInference {
  /// How far into the body a date still counts as the article's own (scalars).
  static let openingLength = 400

  static func infer(body: String, removed: [String], language: String?, resolver: DateResolver) -> (value: String, evidence: String)? {
    for line in removed {
      if let found = firstFullDate(in: resolver.resolve(line, dct: nil, language: language).mentions, before: Int.max) {
        return found
      }
    }
    let opening = String(String.UnicodeScalarView(body.unicodeScalars.prefix(openingLength)))
    return firstFullDate(in: resolver.resolve(opening, dct: nil, language: language).mentions, before: openingLength)
  }

  private static func firstFullDate(in mentions: [TemporalMention], before limit: Int) -> (value: String, evidence: String)? {
    for mention in mentions where mention.type == "DATE" && mention.mod == nil && mention.start < limit && isFullDate(mention.value) {
      return (mention.value, mention.text)
    }
    return nil
  }

  /// "2025-05-28": four digits, two, two.
  static func isFullDate(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }
  }
}
