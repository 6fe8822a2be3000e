/// A one-level JSON object read straight from its UTF-8 bytes: its string members, and which
/// keys are present. For the common input line (`{"doc":"d1","dct":"2025-03-17","text":"…"}`)
/// it replaces `JSONDecoder` into `[String: JSONValue]`, which cost as much as a tenth of
/// `normalize date --jsonl`.
///
/// It only accepts what the full decoder accepts in the same way: strings with any escape but
/// a surrogate `\u`, `null`, `true`, `false` and plain numbers (`-12`, `3.5`; no exponent, at
/// most 20 characters). Anything else — a nested array or object, a repeated key, invalid
/// UTF-8, a control character in a string — makes `parse` return nil, and the caller decodes
/// the line the full way (with its error messages).
///
/// ```swift
/// let line = Array(#"{"doc":"d1","dct":null,"text":"Київ, 23 ore fa"}"#.utf8)
/// FlatJSONObject.parse(line)?.strings["text"]   // "Київ, 23 ore fa"
/// FlatJSONObject.parse(line)?.nulls             // ["dct"]
/// FlatJSONObject.parse(Array(#"{"a":[1]}"#.utf8))  // nil: nested
/// ```
struct FlatJSONObject {
  /// Members whose value is a string.
  var strings: [String: String] = [:]
  /// Keys whose value is `null`.
  var nulls: Set<String> = []
  /// Every key, whatever its value.
  var keys: Set<String> = []

  /// The object in `line`, or nil when the line is not a one-level object this reader is sure of.
  static func parse(_ line: [UInt8]) -> FlatJSONObject? {
    line.withUnsafeBufferPointer { bytes in
      var reader = Reader(bytes: bytes)
      return reader.object()
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Unescaped string bytes, reused from string to string.
    var buffer: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func object() -> FlatJSONObject? {
      var result = FlatJSONObject()
      skipSpace()
      guard take(0x7B) else { return nil }  // {
      skipSpace()
      if take(0x7D) { return atEnd() ? result : nil }  // {}
      while true {
        skipSpace()
        guard peek() == 0x22, let key = string() else { return nil }
        // A repeated key (or one equal to another under Unicode equivalence): the full way.
        guard result.keys.insert(key).inserted else { return nil }
        skipSpace()
        guard take(0x3A) else { return nil }  // :
        skipSpace()
        guard let first = peek() else { return nil }
        switch first {
        case 0x22:
          guard let value = string() else { return nil }
          result.strings[key] = value
        case 0x6E:
          guard literal("null") else { return nil }
          result.nulls.insert(key)
        case 0x74:
          guard literal("true") else { return nil }
        case 0x66:
          guard literal("false") else { return nil }
        case 0x2D, 0x30...0x39:
          guard number() else { return nil }
        default:
          return nil
        }
        skipSpace()
        if take(0x2C) { continue }  // ,
        guard take(0x7D) else { return nil }  // }
        return atEnd() ? result : nil
      }
    }

    func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
      return true
    }

    mutating func skipSpace() {
      while i < bytes.count,
        bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D
      {
        i += 1
      }
    }

    mutating func atEnd() -> Bool {
      skipSpace()
      return i == bytes.count
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let n = word.utf8CodeUnitCount
      guard i + n <= bytes.count else { return false }
      let start = word.utf8Start
      for k in 0..<n where bytes[i + k] != start[k] { return false }
      i += n
      // The literal must end here ("nullx" is not null).
      if let next = peek(), next != 0x2C, next != 0x7D, next != 0x20, next != 0x09, next != 0x0A,
        next != 0x0D
      {
        return false
      }
      return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, at most 20 characters: always a `Double` to the decoder.
    mutating func number() -> Bool {
      let start = i
      _ = take(0x2D)
      guard let first = peek(), first >= 0x30, first <= 0x39 else { return false }
      i += 1
      if first != 0x30 {
        while let b = peek(), b >= 0x30, b <= 0x39 { i += 1 }
      }
      if take(0x2E) {
        guard let b = peek(), b >= 0x30, b <= 0x39 else { return false }
        while let b = peek(), b >= 0x30, b <= 0x39 { i += 1 }
      }
      guard i - start <= 20 else { return false }
      if let next = peek(), next != 0x2C, next != 0x7D, next != 0x20, next != 0x09, next != 0x0A,
        next != 0x0D
      {
        return false
      }
      return true
    }

    /// A string starting at the opening quote; nil for a control character, a surrogate
    /// escape, an unknown escape or invalid UTF-8.
    mutating func string() -> String? {
      i += 1
      let start = i
      // Fast path: no escape before the closing quote.
      while i < bytes.count {
        let b = bytes[i]
        if b == 0x22 {
          let value = String(
            validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
          i += 1
          return value
        }
        if b == 0x5C { break }
        if b < 0x20 { return nil }
        i += 1
      }
      buffer.removeAll(keepingCapacity: true)
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
      while i < bytes.count {
        let b = bytes[i]
        if b == 0x22 {
          i += 1
          return buffer.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        }
        if b < 0x20 { return nil }
        guard b == 0x5C else {
          buffer.append(b)
          i += 1
          continue
        }
        guard i + 1 < bytes.count else { return nil }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case 0x22, 0x5C, 0x2F: buffer.append(e)
        case 0x62: buffer.append(0x08)
        case 0x66: buffer.append(0x0C)
        case 0x6E: buffer.append(0x0A)
        case 0x72: buffer.append(0x0D)
        case 0x74: buffer.append(0x09)
        case 0x75:
          guard i + 4 <= bytes.count else { return nil }
          var value: UInt32 = 0
          for k in 0..<4 {
            let h = bytes[i + k]
            let digit: UInt32
            switch h {
            case 0x30...0x39: digit = UInt32(h - 0x30)
            case 0x41...0x46: digit = UInt32(h - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(h - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
          }
          i += 4
          // Surrogate pairs (and lone surrogates) are left to the full decoder.
          guard let scalar = Unicode.Scalar(value) else { return nil }
          buffer.append(contentsOf: String(scalar).utf8)
        default:
          return nil
        }
      }
      return nil
    }
  }
}
