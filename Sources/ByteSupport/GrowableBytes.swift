/// A byte buffer written in place and doubled when full: the JSON reader decodes a string's
/// escapes into one, the record writer writes a whole record line into another. Appending a
/// byte is a store and a count, never an array append with its uniqueness check.
///
/// ```swift
/// var line = GrowableBytes(capacity: 64)
/// line.append(UInt8(ascii: "["))
/// line.appendDecimal(1987)
/// line.appendUTF8(scalar: 0xC720)  // 유
/// line.append(UInt8(ascii: "]"))
/// line.array  // the bytes of "[1987유]"
/// ```
public struct GrowableBytes: ~Copyable {
  /// Bytes `0..<written` of `base` are written; `capacity` are allocated.
  @usableFromInline var base: UnsafeMutablePointer<UInt8>
  @usableFromInline var capacity: Int
  @usableFromInline var written = 0
  /// The number of bytes written.
  public var count: Int { written }

  /// A buffer with room for `capacity` bytes (at least eight) before it first grows.
  public init(capacity: Int) {
    self.capacity = Swift.max(capacity, 8)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written so far, as one array of the exact size (copied at once: `Array(_:)` on a
  /// buffer goes byte by byte).
  public var array: [UInt8] {
    [UInt8](unsafeUninitializedCapacity: written) { target, initialized in
      if let start = target.baseAddress { start.update(from: base, count: written) }
      initialized = written
    }
  }

  /// Makes room for `extra` more bytes, doubling the buffer when it is full.
  @inlinable @inline(__always)
  public mutating func reserve(_ extra: Int) {
    if written &+ extra > capacity { grow(to: written &+ extra) }
  }

  @usableFromInline
  mutating func grow(to needed: Int) {
    let grown = Swift.max(needed, 2 * capacity)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.update(from: base, count: written)
    base.deallocate()
    base = moved
    capacity = grown
  }

  /// Writes one byte after those written.
  @inlinable @inline(__always)
  public mutating func append(_ byte: UInt8) {
    reserve(1)
    base[written] = byte
    written &+= 1
  }

  /// Writes the bytes of `run` after those written.
  @inlinable @inline(__always)
  public mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
    guard let source = run.baseAddress, !run.isEmpty else { return }
    reserve(run.count)
    (base + written).update(from: source, count: run.count)
    written &+= run.count
  }

  /// Writes the eight bytes of `word` after those written, without counting them yet: a SWAR
  /// copy stores whole words and then counts only the bytes that belong (``advance(_:)``).
  @inlinable @inline(__always)
  public mutating func store(_ word: UInt64) {
    reserve(8)
    UnsafeMutableRawPointer(base + written).storeBytes(of: word, as: UInt64.self)
  }

  /// Counts `stored` more of the bytes last stored by ``store(_:)``.
  @inlinable @inline(__always)
  public mutating func advance(_ stored: Int) { written &+= stored }

  /// The UTF-8 of the scalar `value` (not a surrogate; at most U+10FFFF).
  public mutating func appendUTF8(scalar value: UInt32) {
    reserve(4)
    switch value {
    case ..<0x80:
      base[written] = UInt8(value)
      written += 1
    case ..<0x800:
      base[written] = UInt8(0xC0 | value >> 6)
      base[written + 1] = UInt8(0x80 | value & 0x3F)
      written += 2
    case ..<0x10000:
      base[written] = UInt8(0xE0 | value >> 12)
      base[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
      base[written + 2] = UInt8(0x80 | value & 0x3F)
      written += 3
    default:
      base[written] = UInt8(0xF0 | value >> 18)
      base[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
      base[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
      base[written + 3] = UInt8(0x80 | value & 0x3F)
      written += 4
    }
  }

  /// The decimal digits of `value`, with a minus sign when negative, written from the right
  /// straight into the buffer (no String per number).
  public mutating func appendDecimal(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var rest = magnitude / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    reserve(digits)
    var position = written + digits
    repeat {
      position -= 1
      base[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    written += digits
  }
}
