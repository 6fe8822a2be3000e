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

/// A JSON value inside a CSL-JSON item (strings, numbers, arrays, objects).
public indirect enum CSLValue: Codable, Sendable, Equatable {
  case string(String)
  case number(Double)
  case array([CSLValue])
  case object([String: CSLValue])

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode([CSLValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: CSLValue].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}
