/// Shared engine for passes that replace single scalars. It scans the UTF-8 bytes once with a
/// 256-entry table, asks `decide` only about scalars whose first byte may match, copies
/// untouched runs in bulk and records each replacement. Text with no candidate byte is
/// returned as is, without a copy.
struct ScalarRewriter {
  /// What to do with one scalar.
  enum Action {
    case keep
    case delete
    case replace(String)
  }

  /// Rewrites `text`.
  ///
  /// - Parameters:
  ///   - mayMatch: a test on the *first* UTF-8 byte of a scalar; `decide` is called only for
  ///     scalars whose first byte passes (e.g. `{ $0 == 0xE2 }` for U+2000–U+2FFF).
  ///   - decide: the action for a scalar, given the scalars and its index (for context).
  static func rewrite(
    _ text: String, recorder: inout ChangeRecorder?, mayMatch: (UInt8) -> Bool,
    decide: (String.UnicodeScalarView, String.UnicodeScalarView.Index) -> Action
  ) -> String {
    var table = [Bool](repeating: false, count: 256)
    for byte in 0..<256 where !(0x80...0xBF).contains(byte) { table[byte] = mayMatch(UInt8(byte)) }
    var copy = text
    return copy.withUTF8 { bytes -> String in
      guard let first = bytes.firstIndex(where: { table[Int($0)] }) else { return text }
      let scalars = text.unicodeScalars
      let utf8 = text.utf8
      var output: [UInt8] = []
      var changed = false
      var runStart = 0
      var scalarOffset = 0  // scalar offset of `counted` (only maintained for the recorder)
      var counted = 0
      var index = first
      while index < bytes.count {
        let byte = bytes[index]
        guard table[Int(byte)] else {
          index += 1
          continue
        }
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        let scalarIndex = utf8.index(utf8.startIndex, offsetBy: index)
        let action = decide(scalars, scalarIndex)
        if case .keep = action {
          index += length
          continue
        }
        if !changed {
          output.reserveCapacity(bytes.count + 16)
          changed = true
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        if recorder != nil {
          for position in counted..<index where bytes[position] & 0xC0 != 0x80 { scalarOffset += 1 }
          counted = index
        }
        let removed = String(scalars[scalarIndex])
        switch action {
        case .keep:
          break
        case .delete:
          recorder?.record(offset: scalarOffset, removed: removed, inserted: "")
        case .replace(let replacement):
          output.append(contentsOf: replacement.utf8)
          recorder?.record(offset: scalarOffset, removed: removed, inserted: replacement)
        }
        index += length
        runStart = index
      }
      guard changed else { return text }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      return String(decoding: output, as: UTF8.self)
    }
  }
}
