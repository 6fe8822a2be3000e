import CICU

/// Helpers to pass Swift strings to ICU as UTF-16 and read results back.
enum UTF16Buffer {
  /// Calls `body` with the UTF-16 code units of `text` and their count.
  static func with<R>(_ text: String, _ body: (UnsafePointer<UInt16>, Int32) throws -> R) rethrows
    -> R
  {
    let units = Array(text.utf16)
    return try units.withUnsafeBufferPointer { buffer in
      // An empty array may have a nil base address; ICU accepts any pointer with length 0.
      var empty: UInt16 = 0
      if let base = buffer.baseAddress { return try body(base, Int32(buffer.count)) }
      return try body(&empty, 0)
    }
  }

  /// Runs an ICU "fill this buffer" call, retrying once with the size ICU asks for.
  ///
  /// - Parameters:
  ///   - capacity: first guess at the result length in UTF-16 units.
  ///   - operation: what is being done, for the error message.
  ///   - fill: calls ICU with a destination and its capacity, returns the needed length and sets status.
  static func string(
    capacity: Int, operation: @autoclosure () -> String,
    _ fill: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) throws -> String {
    var size = max(capacity, 16)
    for _ in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      let result = [UInt16](unsafeUninitializedCapacity: size) { buffer, count in
        guard let base = buffer.baseAddress else {
          count = 0
          return
        }
        needed = fill(base, Int32(size), &status)
        count = (status <= 0) ? min(Int(needed), size) : 0
      }
      if status == CICU_BUFFER_OVERFLOW {
        size = Int(needed) + 1
        continue
      }
      try ICUError.check(status, operation())
      return result.withUnsafeBufferPointer(decode)
    }
    throw ICUError(CICU_BUFFER_OVERFLOW, operation())
  }

  /// The string of UTF-16 `units`, as `String(decoding: units, as: UTF16.self)` gives it (an
  /// unpaired surrogate becomes U+FFFD), written straight to UTF-8: the standard library's
  /// generic decoder spent about 6,000 instructions on a phrase such as "23 ore fa" or "작년".
  static func decode(_ units: UnsafeBufferPointer<UInt16>) -> String {
    if units.isEmpty { return "" }
    // At most three UTF-8 bytes per unit (a surrogate pair: two units, four bytes).
    return String(unsafeUninitializedCapacity: units.count * 3) { out in
      var o = 0
      var i = 0
      let n = units.count
      while i < n {
        var scalar = UInt32(units[i])
        i += 1
        if scalar < 0x80 {
          out[o] = UInt8(truncatingIfNeeded: scalar)
          o += 1
          continue
        }
        if scalar & 0xF800 == 0xD800 {
          // A high surrogate with its low one is one scalar; any other surrogate is U+FFFD.
          if scalar < 0xDC00, i < n, units[i] & 0xFC00 == 0xDC00 {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
            i += 1
          } else {
            scalar = 0xFFFD
          }
        }
        if scalar < 0x800 {
          out[o] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
          out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
          o += 2
        } else if scalar < 0x10000 {
          out[o] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
          out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
          out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
          o += 3
        } else {
          out[o] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
          out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
          out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
          out[o + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
          o += 4
        }
      }
      return o
    }
  }
}
