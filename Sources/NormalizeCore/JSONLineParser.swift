import Foundation
import ICUSupport

/// The one JSON Lines reader of every command (`normalize`, `name --jsonl`, `ref --jsonl`,
/// `date --jsonl`): one JSON object per line, read straight from its UTF-8 bytes into
/// ``JSONValue``s, arrays and objects at any depth included, with no intermediate Foundation
/// object. Strict RFC 8259: anything malformed is an error that says where.
///
/// ```swift
/// try JSONLineParser.parseObject(Array(#"{"id": "003", "text": "유용원 said…", "rank": 3}"#.utf8))
/// // ["id": .string("003"), "text": .string("유용원 said…"), "rank": .number(3)]
/// JSONLineParser.parseObjectAsDecoderWould(#"{"text": "Київ", "tags": ["a"]}"#)  // the object
/// JSONLineParser.parseObjectAsDecoderWould(#"{"text": "x", "text": "y"}"#)  // nil: a repeated key
/// ```
///
/// A nested array or object is read in place when it is plain; one with a repeated key, a lone
/// surrogate escape or a number with an exponent or more than 20 characters (rare in article
/// input) is handed to `JSONDecoder`, so that such values read exactly as they always have.
public enum JSONLineParser {
  /// A syntax error and its byte offset in the line.
  public struct SyntaxError: Error, CustomStringConvertible {
    /// What is wrong ("expected ',' or '}'").
    public let message: String
    /// The byte offset in the line where it was found.
    public let offset: Int
    /// "expected ',' or '}' at byte 12".
    public var description: String { "\(message) at byte \(offset)" }
  }

  /// The line is valid JSON but not an object.
  public struct NotAnObject: Error {}

  /// Parses `bytes` (valid UTF-8) as one JSON object followed only by whitespace.
  public static func parseObject(_ bytes: [UInt8]) throws -> [String: JSONValue] {
    var loneSurrogates: [Int] = []
    return try parseObject(bytes, loneSurrogates: &loneSurrogates)
  }

  /// Parses `bytes` as one JSON object; a `\u` escape of a lone surrogate ("\ud800" without
  /// its pair, which no Unicode string can hold) becomes U+FFFD and its byte offset in the
  /// line is appended to `loneSurrogates`, so the caller can report it.
  public static func parseObject(_ bytes: [UInt8], loneSurrogates: inout [Int]) throws
    -> [String: JSONValue]
  {
    try bytes.withUnsafeBufferPointer { try parseObject($0, loneSurrogates: &loneSurrogates) }
  }

  /// ``parseObject(_:loneSurrogates:)`` on bytes in place.
  public static func parseObject(
    _ buffer: UnsafeBufferPointer<UInt8>, loneSurrogates: inout [Int]
  ) throws -> [String: JSONValue] {
    var parser = Cursor(bytes: buffer)
    defer { loneSurrogates += parser.loneSurrogates }
    return try parser.line()
  }

  /// ``parseObject(_:loneSurrogates:)`` that hands the string value of the line's key `key`
  /// over as its UTF-8 bytes (escapes decoded) instead of a `String`: a page's `html` goes to
  /// libxml2 as bytes, without a `String`'s UTF-8 check of megabytes the line already passed.
  /// `fields[key]` is then `.string("")`; `bytes` is nil when the key is absent or its value is
  /// not a string (a repeated key: the last one, as in `fields`). With `isValidUTF8` the caller
  /// vouches that `buffer` is valid UTF-8 (it checked the line whole, as `normalize` does), and
  /// the strings are made without a second validation of their bytes.
  ///
  /// ```swift
  /// var lone: [Int] = []
  /// let line = Array(#"{"id": "kr-1", "html": "<p>서울</p>"}"#.utf8)
  /// let (fields, html) = try line.withUnsafeBufferPointer {
  ///   try JSONLineParser.parseObject($0, loneSurrogates: &lone, bytesOf: "html")
  /// }
  /// // fields: ["id": .string("kr-1"), "html": .string("")]; html: the bytes of "<p>서울</p>"
  /// ```
  public static func parseObject(
    _ buffer: UnsafeBufferPointer<UInt8>, loneSurrogates: inout [Int], bytesOf key: String,
    isValidUTF8: Bool = false
  ) throws -> (fields: [String: JSONValue], bytes: [UInt8]?) {
    var parser = Cursor(bytes: buffer)
    parser.bytesKey = key
    parser.isValidUTF8 = isValidUTF8
    defer { loneSurrogates += parser.loneSurrogates }
    let fields = try parser.line()
    return (fields, parser.keyBytes)
  }

  /// The object on the line `bytes` (valid UTF-8) exactly as `JSONDecoder` decodes it into
  /// `[String: JSONValue]`, or nil when the line is not an object or holds something this
  /// reader leaves to `JSONDecoder`: a repeated key (`JSONDecoder` keeps the first), a lone
  /// surrogate escape, or a number with an exponent or more than 20 characters. `date --jsonl`
  /// reads its lines with it and decodes only the nil ones the full way, with the full way's
  /// error messages.
  public static func parseObjectAsDecoderWould(_ buffer: UnsafeBufferPointer<UInt8>) -> [String:
    JSONValue]?
  {
    var parser = Cursor(bytes: buffer)
    guard let object = try? parser.line(), !parser.doubtful, parser.loneSurrogates.isEmpty else {
      return nil
    }
    return object
  }

  /// ``parseObjectAsDecoderWould(_:)`` on the UTF-8 of `line`.
  public static func parseObjectAsDecoderWould(_ line: String) -> [String: JSONValue]? {
    var line = line
    return line.withUTF8 { parseObjectAsDecoderWould($0) }
  }

  /// The JSON text `bytes` (valid UTF-8; any value, not only an object) exactly as
  /// `JSONDecoder` decodes it into a ``JSONValue``, or nil when it is not JSON or holds
  /// something this reader leaves to `JSONDecoder`: what ``parseObjectAsDecoderWould(_:)``
  /// leaves, and an escaped NUL. A page's JSON-LD blocks are read with it; arrays and objects
  /// nested deeper than ``JSONValue/maximumDepth`` give nil.
  ///
  /// ```swift
  /// JSONLineParser.parseValueAsDecoderWould(Array(#"{"@type":"NewsArticle","headline":"Вибори"}"#.utf8))
  /// // .object(["@type": .string("NewsArticle"), "headline": .string("Вибори")])
  /// JSONLineParser.parseValueAsDecoderWould(Array(#"{"a":1,"a":2}"#.utf8))  // nil: JSONDecoder decides
  /// ```
  public static func parseValueAsDecoderWould(_ bytes: [UInt8]) -> JSONValue? {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = Cursor(bytes: buffer)
      parser.isNested = true
      parser.escapedNULIsDoubtful = true
      guard let value = try? parser.value() else { return nil }
      parser.skipSpace()
      guard parser.position == buffer.count, !parser.doubtful, parser.loneSurrogates.isEmpty
      else { return nil }
      return value
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
    /// Whether something was read that `JSONDecoder` may read otherwise: a repeated key, or a
    /// number with an exponent or more than 20 characters.
    var doubtful = false
    /// Whether this cursor reads the inside of a nested array or object, where arrays and
    /// objects are read recursively (the extent scan of the outermost one bounds the depth).
    var isNested = false
    /// Arrays and objects open around the position, when read recursively.
    var depth = 0
    /// Whether a `\u0000` escape makes the text doubtful (JSON-LD leaves it to `JSONDecoder`).
    var escapedNULIsDoubtful = false
    /// The line's key whose string value is kept as bytes (``keyBytes``), not as a `String`.
    var bytesKey: String?
    /// The string value of ``bytesKey`` as UTF-8 bytes, when it has one.
    var keyBytes: [UInt8]?
    /// The caller checked that ``bytes`` are valid UTF-8: strings need no second check.
    var isValidUTF8 = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The line: one object followed only by whitespace.
    mutating func line() throws -> [String: JSONValue] {
      skipSpace()
      guard position < bytes.count else {
        throw SyntaxError(message: "empty line", offset: 0)
      }
      guard bytes[position] == UInt8(ascii: "{") else {
        _ = try value()
        skipSpace()
        if position == bytes.count { throw NotAnObject() }
        throw SyntaxError(message: "unexpected text after the JSON value", offset: position)
      }
      let object = try self.object(bytesKey: bytesKey)
      skipSpace()
      guard position == bytes.count else {
        throw SyntaxError(message: "unexpected text after the object", offset: position)
      }
      return object
    }

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

    /// An object; the string value of `bytesKey` (the line's own object only) goes to
    /// ``keyBytes`` and stands as `.string("")`.
    mutating func object(bytesKey: String? = nil) throws -> [String: JSONValue] {
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
        let value: JSONValue
        if let bytesKey, key == bytesKey {
          skipSpace()
          if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            keyBytes = try stringBytes()
            value = .string("")
          } else {
            keyBytes = nil
            value = try self.value()
          }
        } else {
          value = try self.value()
        }
        // A repeated key: the last one wins here, the first in `JSONDecoder`.
        if result.updateValue(value, forKey: key) != nil { doubtful = true }
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
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        guard isNested else { return try nested() }
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONValue.maximumDepth else {
          throw error("arrays and objects nested deeper than \(JSONValue.maximumDepth) levels")
        }
        return bytes[position] == UInt8(ascii: "[") ? .array(try array()) : .object(try object())
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
        doubtful = true
        position += 1
        if position < bytes.count,
          bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
        {
          position += 1
        }
        guard digits() > 0 else { throw error("invalid number") }
      }
      if position - start > 20 { doubtful = true }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let value = Double(text) else { throw error("invalid number") }
      return .number(value)
    }

    /// An array inside a nested value, read recursively.
    mutating func array() throws -> [JSONValue] {
      try expect(UInt8(ascii: "["), "'['")
      var result: [JSONValue] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return result
      }
      while true {
        result.append(try value())
        skipSpace()
        guard position < bytes.count else { throw error("unterminated array") }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        if bytes[position] == UInt8(ascii: "]") {
          position += 1
          return result
        }
        throw error("expected ',' or ']'")
      }
    }

    /// Arrays and objects inside the line: find their extent (which bounds the depth), then read
    /// them in place, or with JSONDecoder when they hold something it may read otherwise.
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
              let extent = UnsafeBufferPointer(rebasing: bytes[start..<position])
              var inner = Cursor(bytes: extent)
              inner.isNested = true
              inner.isValidUTF8 = isValidUTF8
              if let value = try? inner.value(), inner.position == extent.count, !inner.doubtful,
                inner.loneSurrogates.isEmpty
              {
                return value
              }
              let slice = Data(extent)
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
      switch try stringContent() {
      case .inPlace(let range):
        return makeString(UnsafeBufferPointer(rebasing: bytes[range]))
      case .decoded(let output):
        return output.withUnsafeBufferPointer { makeString($0) }
      }
    }

    /// The string of a string value's bytes (in place or decoded: escapes decode to whole
    /// scalars, a lone surrogate to U+FFFD, so they are valid when the line is).
    func makeString(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
      isValidUTF8 ? String(validatedUTF8: utf8) : String(decoding: utf8, as: UTF8.self)
    }

    /// A string's UTF-8 bytes (valid: the line is, and escapes decode to whole scalars).
    mutating func stringBytes() throws -> [UInt8] {
      switch try stringContent(isLong: true) {
      case .inPlace(let range): return Array(UnsafeBufferPointer(rebasing: bytes[range]))
      case .decoded(let output): return output
      }
    }

    /// A string's content: where it lies in the line when it has no escape, else decoded.
    enum StringContent {
      case inPlace(Range<Int>)
      case decoded([UInt8])
    }

    /// Reads the string at the position (its opening quote) up to its closing quote;
    /// `isLong` when it is likely most of the line (a page's `html`).
    mutating func stringContent(isLong: Bool = false) throws -> StringContent {
      position += 1  // opening quote
      let start = position
      // Fast path: no escapes; jump from one quote, backslash or control byte to the next.
      while position < bytes.count {
        position = stringSpecials.next(in: bytes, from: position)
        guard position < bytes.count else { break }
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          position += 1
          return .inPlace(start..<(position - 1))
        }
        if byte == UInt8(ascii: "\\") { break }
        if byte < 0x20 { throw error("control character inside a string (escape it as \\u00XX)") }
        position += 1
      }
      guard position < bytes.count else {
        throw SyntaxError(message: "unterminated string", offset: start - 1)
      }
      // Escapes: decode into one buffer, copying each plain run between them at once. The
      // output never outgrows the rest of the line (every escape decodes to fewer bytes than
      // it takes), so a page's `html` gets that room at once; a shorter string starts small.
      let room = bytes.count - start
      var output = GrowableBytes(
        capacity: isLong
          ? room : Swift.min(room, Swift.max(64, 2 * (position - start) + 32)))
      output.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
      while position < bytes.count {
        copyPlainRun(into: &output)
        guard position < bytes.count else { break }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
          position += 1
          return .decoded(output.array)
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
            } else if value == 0 && escapedNULIsDoubtful {
              doubtful = true
            }
            output.appendUTF8(scalar: value)
          default:
            throw error("invalid escape")
          }
        default:
          throw error("control character inside a string (escape it as \\u00XX)")
        }
      }
      throw SyntaxError(message: "unterminated string", offset: start - 1)
    }

    /// Copies the bytes from the position up to the next quote, backslash or control byte
    /// into `output`, eight at a time: each word is stored whole, and the count advances only
    /// over its bytes before the first of those (SWAR finds it exactly; what lies past it is
    /// overwritten next).
    mutating func copyPlainRun(into output: inout GrowableBytes) {
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while position &+ 8 <= bytes.count {
          let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
          let flags = JSONStringStops.flags(word)
          output.store(word)
          guard flags == 0 else {
            let plain = flags.trailingZeroBitCount >> 3
            output.advance(plain)
            position &+= plain
            return
          }
          output.advance(8)
          position &+= 8
        }
      }
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
        output.append(byte)
        position += 1
      }
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

extension String {
  /// The string of UTF-8 bytes already found valid, made without `String(decoding:as:)`'s
  /// validation where the standard library can (`UTF8Span`, Swift 6.2; its ASCII flag is set
  /// from one eight-bytes-at-a-time look, as a validation would set it). Bytes that are not
  /// valid UTF-8 would make an invalid `String`: only a caller that checked them may use it.
  ///
  /// ```swift
  /// String(validatedUTF8: buffer)  // "Київ" for the checked bytes D0 9A D0 B8 D1 97 D0 B2
  /// ```
  fileprivate init(validatedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
      self.init(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: UTF8Scan.isASCII(bytes)))
    } else {
      self.init(decoding: bytes, as: UTF8.self)
    }
  }
}
