import ByteSupport
import CICU

/// Unicode normalisation through ICU (UAX #15), with an ASCII fast path.
///
/// ```swift
/// Normalizer.nfc("e\u{301}")            // "é" (one scalar)
/// Normalizer.nfkc("Ｓｅｏｕｌ：")          // "Seoul:"
/// Normalizer.nfkcCasefold("ÅNGSTRÖM")  // "ångström"
/// ```
public enum Normalizer {
  /// A normalisation form.
  public enum Form: Int32, Sendable, CaseIterable {
    /// Canonical composition: "e\u{301}" becomes "é"; the form most text on the web is in.
    case nfc = 0
    /// Canonical decomposition: "é" becomes "e" + U+0301, "유" becomes its jamo ᄋ + ᅲ.
    case nfd = 1
    /// Compatibility composition: also folds full-width and ligature forms
    /// ("Ｓｅｏｕｌ：" → "Seoul:", "ﬁ" → "fi").
    case nfkc = 2
    /// Compatibility decomposition: NFKC's folds, left decomposed.
    case nfkd = 3
    /// NFKC with case folding and default-ignorable code points removed (ICU's NFKC_Casefold):
    /// "ÅNGSTRÖM" becomes "ångström"; the form for comparing names and keys.
    case nfkcCasefold = 4
  }

  /// Returns `text` in the given form; text that is already normalised comes back unchanged
  /// without copying. ICU failures (only possible for malformed UTF-16, which Swift strings
  /// cannot hold) return the input unchanged.
  ///
  /// - Parameters:
  ///   - text: any string, e.g. "유용원" (precomposed Hangul stays as is in NFC, decomposes in NFD).
  ///   - form: the normalisation form.
  /// - Returns: the normalised string.
  public static func normalize(_ text: String, form: Form) -> String {
    if form != .nfkcCasefold, UTF8Scan.isASCII(text) { return text }
    if form == .nfc, isCertainlyNFC(text) { return text }
    if text.utf8.count > pieceBytes {
      // Piece by piece: ICU's UTF-16 input and output for a 15 MB text took 65 MB at once.
      var out = ""
      out.reserveCapacity(text.utf8.count)
      forEachPiece(of: text, form: form) { piece in
        let piece = String(piece)
        out += (try? normalizeOrThrow(piece, form: form)) ?? piece
        return true
      }
      return out
    }
    return (try? normalizeOrThrow(text, form: form)) ?? text
  }

  /// Calls `body` with consecutive pieces of `text` of about `pieceBytes` bytes, each cut
  /// before an ASCII scalar (or, for NFC, before a scalar with an NFC boundary), so that
  /// normalising the pieces one by one gives the normalisation of the whole; stops when `body`
  /// returns false.
  static func forEachPiece(of text: String, form: Form, _ body: (Substring) -> Bool) {
    let utf8 = text.utf8
    let bits = form == .nfc ? nfcBoundaries.bits : nil
    func isBoundary(_ index: String.UTF8View.Index) -> Bool {
      let byte = utf8[index]
      if byte < 0x80 { return true }
      guard let bits, byte >= 0xC0, byte < 0xF0 else { return false }
      var value = UInt32(byte & (byte >= 0xE0 ? 0x0F : 0x1F))
      var next = utf8.index(after: index)
      for _ in 0..<(byte >= 0xE0 ? 2 : 1) {
        guard next < utf8.endIndex else { return false }
        value = value << 6 | UInt32(utf8[next] & 0x3F)
        next = utf8.index(after: next)
      }
      return (bits[Int(value >> 6)] >> UInt64(value & 63)) & 1 != 0
    }
    var start = utf8.startIndex
    while start < utf8.endIndex {
      var end = utf8.index(start, offsetBy: pieceBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
      while end < utf8.endIndex && !isBoundary(end) { end = utf8.index(after: end) }
      if !body(Substring(utf8[start..<end])) { return }
      start = end
    }
  }

  /// Whether every scalar of `text` is in the Basic Multilingual Plane, has an NFC boundary
  /// before it (composes with nothing before it) and is NFC on its own, so that `text` is NFC without
  /// asking ICU or leaving UTF-8: "Київ", "유용원", "消息" are; "e\u{301}" and "가\u{11A8}"
  /// are not certain (the combining acute and the trailing jamo attach to what precedes).
  static func isCertainlyNFC(_ text: String) -> Bool {
    guard let bits = nfcBoundaries.bits else { return false }
    var copy = text
    return copy.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          index += 1
          continue
        }
        guard byte < 0xF0 else { return false }
        let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
        if (bits[Int(value >> 6)] >> UInt64(value & 63)) & 1 == 0 { return false }
        index += length
      }
      return true
    }
  }

  /// The NFC boundary bitmap of the Basic Multilingual Plane, made once from ICU's data and
  /// never freed (a plain pointer: no reference count for threads to contend on).
  private struct BoundaryTable: @unchecked Sendable {
    let bits: UnsafePointer<UInt64>?
  }

  private static let nfcBoundaries: BoundaryTable = {
    let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
    bits.initialize(repeating: 0, count: 1024)
    guard cicu_boundary_before_bmp(Form.nfc.rawValue, bits) == 0 else {
      bits.deallocate()
      return BoundaryTable(bits: nil)
    }
    return BoundaryTable(bits: UnsafePointer(bits))
  }()

  /// The NFC boundary bitmap as built (from two ICU property sets) and as ICU answers each code
  /// point in turn, for the tests to compare; empty when ICU fails.
  static func nfcBoundaryTables() -> (built: [UInt64], byCodePoint: [UInt64]) {
    let built = nfcBoundaries.bits.map { Array(UnsafeBufferPointer(start: $0, count: 1024)) } ?? []
    var byCodePoint = [UInt64](repeating: 0, count: 1024)
    let status = byCodePoint.withUnsafeMutableBufferPointer {
      cicu_boundary_before_bmp_by_code_point(Form.nfc.rawValue, $0.baseAddress)
    }
    return (built, status == 0 ? byCodePoint : [])
  }

  /// Like `normalize(_:form:)` but reports ICU errors.
  ///
  /// - Throws: `ICUError` if ICU rejects the input.
  public static func normalizeOrThrow(_ text: String, form: Form) throws -> String {
    try UTF16Buffer.with(text) { src, length in
      var status: Int32 = 0
      let prefix = cicu_normalized_prefix(form.rawValue, src, length, &status)
      if status <= 0, prefix == length { return text }
      return try UTF16Buffer.string(
        capacity: Int(length) + Int(length) / 2 + 8, operation: "normalize to \(form)"
      ) {
        dest, capacity, status in
        cicu_normalize(form.rawValue, src, length, dest, capacity, &status)
      }
    }
  }

  /// Whether `text` is already in `form` (a fast quick-check pass, then a full check if needed).
  ///
  /// Compares scalars: Swift's `==` on strings is canonical equivalence, so it would call
  /// "e\u{301}" equal to its NFC "é".
  ///
  /// Long texts are checked in pieces of about 64 kB cut before an ASCII byte (no composition
  /// or reordering crosses into an ASCII character), so memory stays a few times the piece, not
  /// the text (issue 19: a 15 MB article took 65 MB of UTF-16 here).
  public static func isNormalized(_ text: String, form: Form) -> Bool {
    if text.utf8.count <= pieceBytes {
      return normalize(text, form: form).unicodeScalars.elementsEqual(text.unicodeScalars)
    }
    var normalized = true
    forEachPiece(of: text, form: form) { piece in
      normalized = normalize(String(piece), form: form).unicodeScalars.elementsEqual(
        piece.unicodeScalars)
      return normalized
    }
    return normalized
  }

  /// The size of the pieces a long text is normalised or checked in.
  static let pieceBytes = 1 << 16

  /// NFC: canonical composition, the form Normalize's output is in.
  public static func nfc(_ text: String) -> String { normalize(text, form: .nfc) }

  /// NFKC: compatibility composition; folds full-width forms, ligatures and the like.
  public static func nfkc(_ text: String) -> String { normalize(text, form: .nfkc) }

  /// NFKC_Casefold: NFKC plus case folding and removal of default-ignorable characters; for keys.
  public static func nfkcCasefold(_ text: String) -> String { normalize(text, form: .nfkcCasefold) }
}
