/// A minimal, fast JSON writer for the fixed record shape: writes UTF-8 bytes straight into
/// one buffer it owns, escaping strings on their bytes as RFC 8259 requires (quote, backslash,
/// C0 controls; everything else verbatim, so Hangul and Cyrillic stay readable), byte for byte
/// as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` would. ``finish()`` hands
/// the bytes over as one array of the exact size.
import ByteSupport
import ICUSupport
import NormalizeCore

struct JSONLineWriter: ~Copyable {
  private var bytes: GrowableBytes
  private var needsComma = false

  init(capacity: Int) {
    bytes = GrowableBytes(capacity: max(64, capacity))
  }

  /// The bytes written, as one array of the exact size.
  consuming func finish() -> [UInt8] { bytes.array }

  @inline(__always)
  private mutating func append(_ byte: UInt8) { bytes.append(byte) }

  @inline(__always)
  private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(buffer) }

  @inline(__always)
  private mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func beginObject() {
    separate()
    append(UInt8(ascii: "{"))
    needsComma = false
  }

  mutating func endObject() {
    append(UInt8(ascii: "}"))
    needsComma = true
  }

  mutating func beginArray() {
    separate()
    append(UInt8(ascii: "["))
    needsComma = false
  }

  mutating func endArray() {
    append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// Writes `"key":` (the key's bytes are given with quotes and colon, see `JSONKey`); the
  /// value follows.
  mutating func key(_ key: JSONKey) {
    separate()
    append(key.bytes)
    needsComma = false
  }

  /// Writes `"key":` for a key known only at run time.
  mutating func dynamicKey(_ key: String) {
    string(key)
    append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func string(_ value: String) {
    separate()
    append(UInt8(ascii: "\""))
    // Read in place (a copy would retain strings that every thread shares, such as the input
    // file's path); a string without contiguous UTF-8 is made contiguous first.
    if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
      var copy = value
      copy.withUTF8 { appendEscaped($0) }
    }
    append(UInt8(ascii: "\""))
    needsComma = true
  }

  /// Appends `buffer` with JSON escapes (no quotes around it). Eight bytes at a time (SWAR):
  /// each word is stored whole and counted up to its first byte that needs an escape (the
  /// lowest flagged lane is exact); that byte is escaped and the next word read after it.
  private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let count = buffer.count
    var index = 0
    while index &+ 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let flags = JSONStringStops.flags(word)
      bytes.store(word)
      guard flags != 0 else {
        bytes.advance(8)
        index &+= 8
        continue
      }
      let plain = flags.trailingZeroBitCount >> 3
      bytes.advance(plain)
      appendEscape(of: buffer[index &+ plain])
      index &+= plain &+ 1
    }
    while index < count {
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
        appendEscape(of: byte)
      } else {
        append(byte)
      }
      index &+= 1
    }
  }

  /// Appends the escape of a quote, backslash or C0 control, as `JSONEncoder` writes it.
  private mutating func appendEscape(of byte: UInt8) {
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
      let hex: StaticString = "0123456789abcdef"
      append("\\u00")
      append(hex.utf8Start[Int(byte >> 4)])
      append(hex.utf8Start[Int(byte & 0x0F)])
    }
  }

  private mutating func escape(_ letter: UInt8) {
    append(0x5C)
    append(letter)
  }

  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  mutating func int(_ value: Int) {
    separate()
    bytes.appendDecimal(value)
    needsComma = true
  }

  mutating func null() {
    separate()
    append("null")
    needsComma = true
  }

  /// Appends JSON produced elsewhere (e.g. by JSONEncoder for rarely filled fields).
  mutating func raw(_ json: [UInt8]) {
    separate()
    json.withUnsafeBufferPointer { append($0) }
    needsComma = true
  }

  /// Appends JSON known at compile time (`true`, `[]`).
  mutating func raw(_ json: StaticString) {
    separate()
    append(json)
    needsComma = true
  }

  /// Any JSON value; object keys sorted so output is deterministic (as `JSONEncoder` with
  /// `.sortedKeys` writes them: integral numbers without ".0", others as Swift prints them).
  mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): raw(flag ? "true" : "false")
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

  mutating func newline() { append(0x0A) }

  @inline(__always)
  private mutating func separate() {
    if needsComma { append(UInt8(ascii: ",")) }
  }
}

/// An object key written as the literal bytes `"name":` (a static string, not an array: keys
/// are shared by every worker thread, and an array's reference count would be contended).
struct JSONKey: Sendable {
  let bytes: StaticString
}
