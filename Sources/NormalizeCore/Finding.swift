/// A problem or notice about one article, with a stable code, a severity, and where it is.
///
/// Spans are Unicode scalar offsets (Python `str` indexes), end exclusive, into the record's
/// `text` unless `field` names another field ("title", "metadata.credits[0]"). Problems found in
/// the raw input bytes (invalid UTF-8, NUL bytes) carry `byteOffset` into the input instead.
///
/// In JSON, `byteOffset` is the key `byte_offset`, and nil fields are left out (not written as
/// `null`); decoding accepts either.
///
/// ```swift
/// Finding(code: "invalid-utf8", severity: .warning, byteOffset: 1042,
///         message: "invalid UTF-8 byte 0xE9 replaced with U+FFFD; re-export the source as UTF-8")
/// ```
public struct Finding: Codable, Sendable, Equatable, Hashable {
  /// Stable kebab-case code, e.g. "invalid-utf8", "bidi-control", "placeholder".
  public var code: String
  /// How serious it is: `.error`, `.warning` or `.info`.
  public var severity: Severity
  /// Start of the span: a Unicode scalar offset in `text` (or in `field`); nil when the finding has
  /// no span.
  public var start: Int?
  /// End of the span, exclusive; nil when the finding has no span.
  public var end: Int?
  /// The record field the span counts in, when not `text`.
  public var field: String?
  /// Byte offset in the input, for problems in the raw bytes.
  public var byteOffset: Int?
  /// What is wrong and what to do about it.
  public var message: String

  /// Creates a finding; give a span (`start`, `end`, maybe `field`), a `byteOffset`, or neither.
  public init(
    code: String, severity: Severity, start: Int? = nil, end: Int? = nil, field: String? = nil,
    byteOffset: Int? = nil, message: String
  ) {
    self.code = code
    self.severity = severity
    self.start = start
    self.end = end
    self.field = field
    self.byteOffset = byteOffset
    self.message = message
  }

  enum CodingKeys: String, CodingKey {
    case code, severity, start, end, field, message
    case byteOffset = "byte_offset"
  }
}

/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
  /// Data is wrong or lost; `normalize validate` exits 1.
  case error
  /// Data was repaired or is doubtful.
  case warning
  /// Worth knowing.
  case info

  private var rank: Int {
    switch self {
    case .error: return 2
    case .warning: return 1
    case .info: return 0
    }
  }

  /// Orders severities from least to most serious: `.info` < `.warning` < `.error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
