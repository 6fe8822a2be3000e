import NormalizeCore

/// A parsed reference, as the record's `references` array carries it: the reference string, its
/// CSL-JSON (citation-style-language `csl-data.json` item) and an APA 7 rendering.
///
/// `ReferenceParser.parse(_:published:)` fills every field; a reference that was only found
/// (not parsed) carries `raw` alone. `segments` is the labelled segmentation of `raw`
/// (`[[label, text], …]`, AnyStyle's labels), left out of JSON when nil.
public struct ReferenceAnnotation: Codable, Sendable, Equatable {
  /// The reference as it appears in the article.
  public var raw: String
  /// CSL-JSON fields, once parsed.
  public var csl: [String: CSLValue]?
  /// APA 7 rendering, once parsed.
  public var canonical: String?
  /// Problems found in the reference (placeholders, "n.d.", malformed DOIs, …).
  public var findings: [Finding]
  /// The labelled segments of `raw`, `[label, text]` pairs in order, once parsed.
  public var segments: [[String]]?

  /// Creates an annotation.
  public init(
    raw: String, csl: [String: CSLValue]? = nil, canonical: String? = nil, findings: [Finding] = [],
    segments: [[String]]? = nil
  ) {
    self.raw = raw
    self.csl = csl
    self.canonical = canonical
    self.findings = findings
    self.segments = segments
  }
}

/// A JSON value inside a CSL-JSON item (strings, numbers, arrays, objects): the project's one
/// JSON value type, `JSONValue` (CSL items hold no `null` or booleans; date parts are integral
/// numbers, written without a fraction).
public typealias CSLValue = JSONValue
