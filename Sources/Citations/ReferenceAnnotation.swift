import NormalizeCore

/// A parsed reference, as the record's `references` array carries it: the reference string, its
/// CSL-JSON (citation-style-language `csl-data.json` item) and an APA 7 rendering.
///
/// Until the reference parser is built (issue 5), `csl` and `canonical` are absent and records
/// carry the raw reference strings found in the article's reference section, with `raw` only.
public struct ReferenceAnnotation: Codable, Sendable, Equatable {
  /// The reference as it appears in the article.
  public var raw: String
  /// CSL-JSON fields, once parsed.
  public var csl: [String: CSLValue]?
  /// APA 7 rendering, once parsed.
  public var canonical: String?
  public var findings: [Finding]

  public init(raw: String, csl: [String: CSLValue]? = nil, canonical: String? = nil, findings: [Finding] = []) {
    self.raw = raw
    self.csl = csl
    self.canonical = canonical
    self.findings = findings
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
