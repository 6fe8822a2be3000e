import NormalizeCore

/// A JSON reader for JSON-LD blocks that parses plain JSON straight from UTF-8 bytes into a
/// ``JSONValue``, with no `Data` and no decoder containers: the value Foundation's `JSONDecoder`
/// gives for the same text, at a fraction of its cost.
///
/// It reads only what it can read exactly as `JSONDecoder` does, and gives up (nil) on anything
/// else, for the caller to decode with `JSONDecoder` as before: text that is not JSON, an object
/// with a key twice, an escaped lone surrogate or NUL (`"\ud83d"`, `"\u0000"`), a number beyond
/// `Double`'s range, a byte-order mark.
///
/// ```swift
/// LinkedDataJSON.parse(Array(#"{"@type":"NewsArticle","headline":"Вибори \u0432 Києві"}"#.utf8))
/// // .object(["@type": .string("NewsArticle"), "headline": .string("Вибори в Києві")])
/// LinkedDataJSON.parse(Array(#"{"a":1,"a":2}"#.utf8))  // nil: JSONDecoder decides
/// ```
enum LinkedDataJSON {
  /// The value of the JSON text `bytes` (valid UTF-8), or nil when it is not plain JSON (see
  /// the type's summary). Nesting is bounded by the caller (`JSONValue.nestsDeeper`).
  static func parse(_ bytes: [UInt8]) -> JSONValue? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer)
      guard let value = reader.value(depth: 0) else { return nil }
      reader.skipSpace()
      return reader.position == buffer.count ? value : nil
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    /// Deeper than this, the reader gives up (the caller has checked the nesting already).
    static let maximumDepth = JSONValue.maximumDepth + 1

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x09, 0x0A, 0x0D: position += 1
        default: return
        }
      }
    }

    mutating func value(depth: Int) -> JSONValue? {
      skipSpace()
      guard position < bytes.count, depth < Self.maximumDepth else { return nil }
      switch bytes[position] {
      case UInt8(ascii: "{"): return object(depth: depth)
      case UInt8(ascii: "["): return array(depth: depth)
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
      case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
      case UInt8(ascii: "n"): return literal("null") ? .null : nil
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      default: return nil
      }
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard position + count <= bytes.count else { return false }
      let start = word.utf8Start
      for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
      position += count
      return true
    }

    mutating func object(depth: Int) -> JSONValue? {
      position += 1
      var fields: [String: JSONValue] = [:]
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(fields)
      }
      while true {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string()
        else { return nil }
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        guard let value = value(depth: depth + 1) else { return nil }
        // A key given twice: which one JSONDecoder keeps is its business.
        guard fields.updateValue(value, forKey: key) == nil else { return nil }
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: ","): position += 1
        case UInt8(ascii: "}"):
          position += 1
          return .object(fields)
        default: return nil
        }
      }
    }

    mutating func array(depth: Int) -> JSONValue? {
      position += 1
      var items: [JSONValue] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: ","): position += 1
        case UInt8(ascii: "]"):
          position += 1
          return .array(items)
        default: return nil
        }
      }
    }

    /// A string at `position` (its opening quote); escapes decoded.
    mutating func string() -> String? {
      position += 1
      let start = position
      // The common case: no escape, the bytes as they stand.
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") { break }
        guard byte >= 0x20 else { return nil }
        position += 1
      }
      guard position < bytes.count else { return nil }
      var decoded = Array(bytes[start..<position])
      while position < bytes.count {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
          position += 1
          return String(decoding: decoded, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard position + 1 < bytes.count else { return nil }
          let escaped = bytes[position + 1]
          position += 2
          switch escaped {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
          case UInt8(ascii: "b"): decoded.append(0x08)
          case UInt8(ascii: "f"): decoded.append(0x0C)
          case UInt8(ascii: "n"): decoded.append(0x0A)
          case UInt8(ascii: "r"): decoded.append(0x0D)
          case UInt8(ascii: "t"): decoded.append(0x09)
          case UInt8(ascii: "u"):
            guard let scalar = escapedScalar() else { return nil }
            UTF8.encode(scalar) { decoded.append($0) }
          default: return nil
          }
        default:
          guard byte >= 0x20 else { return nil }
          decoded.append(byte)
          position += 1
        }
      }
      return nil
    }

    /// The scalar of a `\u` escape whose four hex digits start at `position` (a surrogate pair
    /// as two escapes); nil for a lone surrogate, NUL or bad hex.
    mutating func escapedScalar() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      if high >= 0xD800, high <= 0xDBFF {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { return nil }
        position += 2
        guard let low = hex4(), low >= 0xDC00, low <= 0xDFFF else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      guard high != 0, !(0xDC00...0xDFFF).contains(high) else { return nil }
      return Unicode.Scalar(high)
    }

    mutating func hex4() -> UInt32? {
      guard position + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
        position += 1
      }
      return value
    }

    /// A number as JSON writes it (`-0.5`, `1e3`), read as a finite `Double`.
    mutating func number() -> JSONValue? {
      let start = position
      func digits() -> Int {
        let first = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - first
      }
      if bytes[position] == UInt8(ascii: "-") { position += 1 }
      guard position < bytes.count else { return nil }
      if bytes[position] == UInt8(ascii: "0") {
        position += 1
      } else if digits() == 0 {
        return nil
      }
      if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
        position += 1
        guard digits() > 0 else { return nil }
      }
      if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
        position += 1
        if position < bytes.count,
          bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
        {
          position += 1
        }
        guard digits() > 0 else { return nil }
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let value = Double(text), value.isFinite else { return nil }
      return .number(value)
    }
  }
}
