/// A minimal, fast JSON writer for the fixed record shape: appends UTF-8 bytes to a buffer,
/// escaping strings as RFC 8259 requires (quote, backslash, C0 controls; everything else
/// verbatim, so Hangul and Cyrillic stay readable), byte for byte as `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` would.
import ICUSupport
import NormalizeCore

struct JSONLineWriter {
  /// Bytes a JSON string must escape: quote, backslash, C0 controls.
  static let needsEscape = ByteScanner {
    $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20
  }

  private(set) var bytes: [UInt8] = []
  private var needsComma = false

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// Writes `"key":` (the key's bytes are given with quotes and colon, see `JSONKey`); the
  /// value follows.
  mutating func key(_ key: JSONKey) {
    separate()
    bytes.append(
      contentsOf: UnsafeBufferPointer(
        start: key.bytes.utf8Start, count: key.bytes.utf8CodeUnitCount))
    needsComma = false
  }

  /// Writes `"key":` for a key known only at run time.
  mutating func dynamicKey(_ key: String) {
    string(key)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func string(_ value: String) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    // Read in place (a copy would retain strings that every thread shares, such as the input
    // file's path); a string without contiguous UTF-8 is made contiguous first.
    if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
      var copy = value
      copy.withUTF8 { appendEscaped($0) }
    }
    bytes.append(UInt8(ascii: "\""))
    needsComma = true
  }

  /// Appends `buffer` with JSON escapes (no quotes around it).
  private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    var index = Self.needsEscape.next(in: buffer, from: 0)
    while index < buffer.count {
      let byte = buffer[index]
      defer { index = Self.needsEscape.next(in: buffer, from: index + 1) }
      if runStart < index {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
      }
      runStart = index + 1
      switch byte {
      case UInt8(ascii: "\""): escape(0x22)
      case UInt8(ascii: "\\"): escape(0x5C)
      case 0x0A: escape(UInt8(ascii: "n"))
      case 0x0D: escape(UInt8(ascii: "r"))
      case 0x09: escape(UInt8(ascii: "t"))
      // Backspace and form feed as JSONEncoder writes them.
      case 0x08: escape(UInt8(ascii: "b"))
      case 0x0C: escape(UInt8(ascii: "f"))
      default:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
        ])
      }
    }
    if runStart < buffer.count {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
    }
  }

  private mutating func escape(_ letter: UInt8) {
    bytes.append(0x5C)
    bytes.append(letter)
  }

  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  mutating func int(_ value: Int) {
    separate()
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    // Digits from the right into a small buffer (no String per number).
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var position = buffer.count
      repeat {
        position -= 1
        buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
    }
    needsComma = true
  }

  mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
    needsComma = true
  }

  /// Appends JSON produced elsewhere (e.g. by JSONEncoder for rarely filled fields).
  mutating func raw(_ json: [UInt8]) {
    separate()
    bytes.append(contentsOf: json)
    needsComma = true
  }

  /// Any JSON value; object keys sorted so output is deterministic (as `JSONEncoder` with
  /// `.sortedKeys` writes them: integral numbers without ".0", others as Swift prints them).
  mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): raw(Array((flag ? "true" : "false").utf8))
    case .number(let number):
      if number == number.rounded(), abs(number) < 1e15 {
        int(Int(number))
      } else {
        raw(Array("\(number)".utf8))
      }
    case .string(let text): string(text)
    case .array(let items):
      beginArray()
      for item in items { self.value(item) }
      endArray()
    case .object(let fields):
      beginObject()
      for key in fields.keys.sorted() {
        dynamicKey(key)
        self.value(fields[key] ?? .null)
      }
      endObject()
    }
  }

  mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  mutating func newline() { bytes.append(0x0A) }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }
}

/// An object key written as the literal bytes `"name":` (a static string, not an array: keys
/// are shared by every worker thread, and an array's reference count would be contended).
struct JSONKey: Sendable {
  let bytes: StaticString
}
