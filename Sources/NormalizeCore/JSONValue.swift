/// Any JSON value, for fields Normalize passes through untouched (the record's `input`).
///
/// ```swift
/// let extra: [String: JSONValue] = ["source": .string("WMT22"), "rank": .number(3)]
/// ```
public indirect enum JSONValue: Codable, Sendable, Equatable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Decodes any JSON value; a number becomes a `Double`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Encodes the value; whole numbers below 10^15 in magnitude are written as integers (`3`, not
  /// `3.0`).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 {
        try container.encode(Int64(value))
      } else {
        try container.encode(value)
      }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The string, when this is a JSON string.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The deepest nesting of arrays and objects accepted in input: deeper values are rejected
  /// before decoding (a line of 100,000 "[" must not exhaust a thread's stack).
  public static let maximumDepth = 64

  /// Whether the JSON text `bytes` nests arrays and objects deeper than `limit`; a linear scan
  /// that skips strings, made before decoding.
  ///
  /// ```swift
  /// JSONValue.nestsDeeper(than: 64, Array(String(repeating: "[", count: 65).utf8))  // true
  /// ```
  ///
  /// Inlinable, so that each caller's byte collection gets a specialised loop.
  @inlinable
  public static func nestsDeeper<Bytes: Collection>(than limit: Int = maximumDepth, _ bytes: Bytes)
    -> Bool
  where Bytes.Element == UInt8 {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > limit { return true }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return false
  }
}
