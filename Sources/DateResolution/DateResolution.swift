import NormalizeCore

/// The temporal expressions of one text and the findings about them.
///
/// ```swift
/// let result = resolver.resolve("Captured on January 11, 2025, they …", dct: "2025-03-18", language: "en")
/// result.mentions[0].value   // "2025-01-11"
/// result.findings            // []
/// ```
public struct DateResolution: Sendable, Equatable {
  /// Expressions in text order; offsets are Unicode scalar offsets, end exclusive.
  public var mentions: [TemporalMention]
  /// Problems: impossible dates ("February 30"), relative expressions left underspecified
  /// because there is no DCT, an unreadable DCT.
  public var findings: [Finding]

  /// Creates a result; empty by default.
  public init(mentions: [TemporalMention] = [], findings: [Finding] = []) {
    self.mentions = mentions
    self.findings = findings
  }
}
