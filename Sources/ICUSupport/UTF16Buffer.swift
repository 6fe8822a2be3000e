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
      return String(decoding: result, as: UTF16.self)
    }
    throw ICUError(CICU_BUFFER_OVERFLOW, operation())
  }
}
