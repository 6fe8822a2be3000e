import Foundation
import ICUSupport
import NormalizeCore

/// Parses one JSON Lines line holding a JSON object for the tools beside the record pipeline
/// (`normalize ref --jsonl`): the same strict parser, with lone escaped surrogates ("\ud800")
/// replaced by U+FFFD and reported instead of failing the line as `JSONDecoder` does.
///
/// ```swift
/// let (object, lone) = try JSONObjectLine.parse(Array(#"{"text": "a\ud800b"}"#.utf8))
/// // object["text"] == .string("a\u{FFFD}b"), lone == [11]
/// ```
public enum JSONObjectLine {
  /// Parses `bytes` (valid UTF-8) as one JSON object.
  ///
  /// - Returns: the object's fields and the byte offsets of lone surrogate escapes.
  /// - Throws: an error saying where the line is not one JSON object.
  public static func parse(_ bytes: [UInt8]) throws -> (
    object: [String: JSONValue], loneSurrogates: [Int]
  ) {
    try bytes.withUnsafeBufferPointer { try parse($0) }
  }

  /// One JSON line (ending in "\n") for `object`: keys sorted, slashes unescaped, the bytes
  /// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes, made straight into
  /// one array (no `Data` and no intermediate objects, so a long text is held once more, not
  /// three times).
  ///
  /// ```swift
  /// JSONObjectLine.encodeLine(["text": .string("Київ"), "id": .number(7)])
  /// // {"id":7,"text":"Київ"}\n
  /// ```
  public static func encodeLine(_ object: [String: JSONValue]) -> [UInt8] {
    var size = 64
    for value in object.values { if case .string(let text) = value { size += text.utf8.count + 8 } }
    var writer = JSONLineWriter(capacity: size)
    writer.value(.object(object))
    writer.newline()
    return writer.bytes
  }

  /// Parses `bytes` (valid UTF-8) as one JSON object where they lie, without copying them.
  ///
  /// - Returns: the object's fields and the byte offsets of lone surrogate escapes.
  /// - Throws: an error saying where the line is not one JSON object.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (
    object: [String: JSONValue], loneSurrogates: [Int]
  ) {
    var lone: [Int] = []
    let object = try JSONLineParser.parseObject(bytes, loneSurrogates: &lone)
    return (object, lone)
  }
}

/// Parses one JSON Lines line holding a JSON object, fast: strings, numbers, booleans and null
/// are read directly from the UTF-8 bytes; nested arrays and objects (rare in article input)
/// are handed to `JSONDecoder`. Strict RFC 8259: anything malformed is an error that says
/// where.
///
/// ```swift
/// try JSONLineParser.parseObject(Array(#"{"id": "003", "text": "유용원 said…", "rank": 3}"#.utf8))
/// // ["id": .string("003"), "text": .string("유용원 said…"), "rank": .number(3)]
/// ```
enum JSONLineParser {
  /// A syntax error and its byte offset in the line.
  struct SyntaxError: Error, CustomStringConvertible {
    let message: String
    let offset: Int
    var description: String { "\(message) at byte \(offset)" }
  }

  /// The line is valid JSON but not an object.
  struct NotAnObject: Error {}

  /// Parses `bytes` (valid UTF-8) as one JSON object followed only by whitespace.
  static func parseObject(_ bytes: [UInt8]) throws -> [String: JSONValue] {
    var loneSurrogates: [Int] = []
    return try parseObject(bytes, loneSurrogates: &loneSurrogates)
  }

  /// Parses `bytes` as one JSON object; a `\u` escape of a lone surrogate ("\ud800" without
  /// its pair, which no Unicode string can hold) becomes U+FFFD and its byte offset in the
  /// line is appended to `loneSurrogates`, so the caller can report it.
  static func parseObject(_ bytes: [UInt8], loneSurrogates: inout [Int]) throws -> [String:
    JSONValue]
  {
    try bytes.withUnsafeBufferPointer { try parseObject($0, loneSurrogates: &loneSurrogates) }
  }

  /// ``parseObject(_:loneSurrogates:)`` on bytes in place.
  static func parseObject(_ buffer: UnsafeBufferPointer<UInt8>, loneSurrogates: inout [Int]) throws
    -> [String: JSONValue]
  {
    do {
      var parser = Cursor(bytes: buffer)
      defer { loneSurrogates += parser.loneSurrogates }
      parser.skipSpace()
      guard parser.position < buffer.count else {
        throw SyntaxError(message: "empty line", offset: 0)
      }
      guard buffer[parser.position] == UInt8(ascii: "{") else {
        _ = try parser.value()
        parser.skipSpace()
        if parser.position == buffer.count { throw NotAnObject() }
        throw SyntaxError(message: "unexpected text after the JSON value", offset: parser.position)
      }
      let object = try parser.object()
      parser.skipSpace()
      guard parser.position == buffer.count else {
        throw SyntaxError(message: "unexpected text after the object", offset: parser.position)
      }
      return object
    }
  }

  /// Bytes that end the fast path of a string: quote, backslash, C0 controls.
  private static let stringSpecials = ByteScanner {
    $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20
  }

  private struct Cursor {
    var stringSpecials: ByteScanner { JSONLineParser.stringSpecials }
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Byte offsets of `\u` escapes of lone surrogates (replaced with U+FFFD).
    var loneSurrogates: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x09, 0x0A, 0x0D: position += 1
        default: return
        }
      }
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: position) }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
      skipSpace()
      guard position < bytes.count, bytes[position] == byte else { throw error("expected \(what)") }
      position += 1
    }

    mutating func object() throws -> [String: JSONValue] {
      try expect(UInt8(ascii: "{"), "'{'")
      // Room for an article's usual keys (id, published, title, text, url, lang…) at once.
      var result = [String: JSONValue](minimumCapacity: 8)
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return result
      }
      while true {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
          throw error("expected a quoted key")
        }
        let key = try string()
        try expect(UInt8(ascii: ":"), "':' after a key")
        result[key] = try value()
        skipSpace()
        guard position < bytes.count else { throw error("unterminated object") }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        if bytes[position] == UInt8(ascii: "}") {
          position += 1
          return result
        }
        throw error("expected ',' or '}'")
      }
    }

    mutating func value() throws -> JSONValue {
      skipSpace()
      guard position < bytes.count else { throw error("expected a value") }
      switch bytes[position] {
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      case UInt8(ascii: "["), UInt8(ascii: "{"): return try nested()
      default: throw error("unexpected character")
      }
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
      let length = word.utf8CodeUnitCount
      guard position + length <= bytes.count else { throw error("unexpected end") }
      for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] {
        throw error("invalid literal")
      }
      position += length
      return value
    }

    mutating func number() throws -> JSONValue {
      let start = position
      if bytes[position] == UInt8(ascii: "-") { position += 1 }
      func digits() -> Int {
        let begin = position
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
          position += 1
        }
        return position - begin
      }
      let integerStart = position
      let integerDigits = digits()
      guard integerDigits > 0 else { throw error("invalid number") }
      if integerDigits > 1, bytes[integerStart] == 0x30 { throw error("leading zero in a number") }
      if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
        position += 1
        guard digits() > 0 else { throw error("invalid number") }
      }
      if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
        position += 1
        if position < bytes.count,
          bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
        {
          position += 1
        }
        guard digits() > 0 else { throw error("invalid number") }
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let value = Double(text) else { throw error("invalid number") }
      return .number(value)
    }

    /// Arrays and objects inside the line: find their extent, then decode with JSONDecoder.
    mutating func nested() throws -> JSONValue {
      let start = position
      var depth = 0
      var inString = false
      while position < bytes.count {
        let byte = bytes[position]
        if inString {
          if byte == UInt8(ascii: "\\") {
            position += 1
          } else if byte == UInt8(ascii: "\"") {
            inString = false
          }
        } else {
          switch byte {
          case UInt8(ascii: "\""): inString = true
          case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            // The line's object is level 1.
            if depth + 1 > JSONValue.maximumDepth {
              throw SyntaxError(
                message: "arrays and objects nested deeper than \(JSONValue.maximumDepth) levels",
                offset: position)
            }
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth -= 1
            if depth == 0 {
              position += 1
              let slice = Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
              do {
                return try JSONDecoder().decode(JSONValue.self, from: slice)
              } catch {
                throw SyntaxError(message: "malformed nested value", offset: start)
              }
            }
          default: break
          }
        }
        position += 1
      }
      throw SyntaxError(message: "unterminated array or object", offset: start)
    }

    mutating func string() throws -> String {
      position += 1  // opening quote
      let start = position
      // Fast path: no escapes; jump from one quote, backslash or control byte to the next.
      while position < bytes.count {
        position = stringSpecials.next(in: bytes, from: position)
        guard position < bytes.count else { break }
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") { break }
        if byte < 0x20 { throw error("control character inside a string (escape it as \\u00XX)") }
        position += 1
      }
      guard position < bytes.count else {
        throw SyntaxError(message: "unterminated string", offset: start - 1)
      }
      var output = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
      while position < bytes.count {
        // Copy the plain run up to the next quote, backslash or control byte in one go.
        let special = stringSpecials.next(in: bytes, from: position)
        if special > position {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<special]))
          position = special
        }
        guard position < bytes.count else { break }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
          position += 1
          return String(decoding: output, as: UTF8.self)
        case UInt8(ascii: "\\"):
          position += 1
          guard position < bytes.count else { throw error("unterminated escape") }
          let escape = bytes[position]
          position += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
          case UInt8(ascii: "b"): output.append(0x08)
          case UInt8(ascii: "f"): output.append(0x0C)
          case UInt8(ascii: "n"): output.append(0x0A)
          case UInt8(ascii: "r"): output.append(0x0D)
          case UInt8(ascii: "t"): output.append(0x09)
          case UInt8(ascii: "u"):
            let escapeStart = position - 2
            var value = try hex4()
            if (0xD800...0xDBFF).contains(value) {
              // A high surrogate must be followed by an escaped low surrogate; otherwise U+FFFD.
              if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
              {
                let saved = position
                position += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                  value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                  position = saved
                  value = 0xFFFD
                  loneSurrogates.append(escapeStart)
                }
              } else {
                value = 0xFFFD
                loneSurrogates.append(escapeStart)
              }
            } else if (0xDC00...0xDFFF).contains(value) {
              value = 0xFFFD
              loneSurrogates.append(escapeStart)
            }
            output.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
          default:
            throw error("invalid escape")
          }
        default:
          throw error("control character inside a string (escape it as \\u00XX)")
        }
      }
      throw SyntaxError(message: "unterminated string", offset: start - 1)
    }

    mutating func hex4() throws -> UInt32 {
      guard position + 4 <= bytes.count else { throw error("short \\u escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: throw error("invalid \\u escape")
        }
        value = value * 16 + digit
        position += 1
      }
      return value
    }
  }
}
