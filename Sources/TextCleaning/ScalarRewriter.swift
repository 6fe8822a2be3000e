/// Shared engine for passes that replace single scalars. It scans the UTF-8 bytes once with a
/// 256-entry table, asks `decide` only about scalars whose first byte may match, copies
/// untouched runs in bulk and records each replacement. Text with no candidate byte is
/// returned as is, without a copy.
import ICUSupport

/// A `ByteScanner` for the first bytes of the scalars a pass may change.
typealias CandidateScanner = ByteScanner

struct ScalarRewriter {
  /// What to do with one scalar.
  enum Action {
    case keep
    case delete
    case replace(String)
  }

  /// Rewrites `text` by the edits of a single-scalar pass: every scalar `edits` names is
  /// deleted, replaced or decided on in context; the rest is copied as it is.
  ///
  /// ```swift
  /// let spaces = ScalarEdits([0xA0...0xA0: .replace(" ")])
  /// var none: ChangeRecorder? = nil
  /// ScalarRewriter.rewrite("12\u{A0}000 soldiers", recorder: &none, edits: spaces)  // "12 000 soldiers"
  /// ```
  static func rewrite(_ text: String, recorder: inout ChangeRecorder?, edits: ScalarEdits)
    -> String
  {
    rewrite(
      text, recorder: &recorder, scanner: edits.scanner, candidates: { edits.contains($0) },
      decide: { edits.action($0, $1) })
  }

  /// Rewrites `text`.
  ///
  /// - Parameters:
  ///   - scanner: which *first* UTF-8 bytes of a scalar may matter; `decide` is called only
  ///     for scalars whose first byte passes (e.g. `CandidateScanner { $0 == 0xE2 }` for
  ///     U+2000–U+2FFF). Passes build it once and keep it.
  ///   - candidates: a test on the scalar value, checked before `decide` (which needs a
  ///     string index and is slower); e.g. `{ $0 == 0x2010 || $0 == 0x2011 }`.
  ///   - decide: the action for a scalar, given the scalars and its index (for context).
  ///
  /// Inlined, so that the candidate test of each caller is compiled into its loop.
  @inline(__always)
  static func rewrite(
    _ text: String, recorder: inout ChangeRecorder?, scanner: CandidateScanner,
    candidates: (UInt32) -> Bool = { _ in true },
    decide: (String.UnicodeScalarView, String.UnicodeScalarView.Index) -> Action
  ) -> String {
    var copy = text
    return copy.withUTF8 { bytes -> String in
      let first = scanner.next(in: bytes, from: 0)
      guard first < bytes.count else { return text }
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
        guard scanner.contains(byte) else {
          index = scanner.next(in: bytes, from: index + 1)
          continue
        }
        let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
        guard candidates(value) else {
          index = scanner.next(in: bytes, from: index + length)
          continue
        }
        let scalarIndex = utf8.index(utf8.startIndex, offsetBy: index)
        let action = decide(scalars, scalarIndex)
        if case .keep = action {
          index = scanner.next(in: bytes, from: index + length)
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
        index = scanner.next(in: bytes, from: index)
      }
      guard changed else { return text }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      return String(decoding: output, as: UTF8.self)
    }
  }
}
