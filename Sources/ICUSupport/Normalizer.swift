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
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3, nfkcCasefold = 4
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
    return (try? normalizeOrThrow(text, form: form)) ?? text
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

  /// Like `normalize(_:form:)` but reports ICU errors.
  ///
  /// - Throws: `ICUError` if ICU rejects the input.
  public static func normalizeOrThrow(_ text: String, form: Form) throws -> String {
    try UTF16Buffer.with(text) { src, length in
      var status: Int32 = 0
      let prefix = cicu_normalized_prefix(form.rawValue, src, length, &status)
      if status <= 0, prefix == length { return text }
      return try UTF16Buffer.string(capacity: Int(length) + Int(length) / 2 + 8, operation: "normalize to \(form)") {
        dest, capacity, status in
        cicu_normalize(form.rawValue, src, length, dest, capacity, &status)
      }
    }
  }

  /// Whether `text` is already in `form` (a fast quick-check pass, then a full check if needed).
  ///
  /// Compares scalars: Swift's `==` on strings is canonical equivalence, so it would call
  /// "e\u{301}" equal to its NFC "é".
  public static func isNormalized(_ text: String, form: Form) -> Bool {
    normalize(text, form: form).unicodeScalars.elementsEqual(text.unicodeScalars)
  }

  /// NFC: canonical composition, the form Normalize's output is in.
  public static func nfc(_ text: String) -> String { normalize(text, form: .nfc) }

  /// NFKC: compatibility composition; folds full-width forms, ligatures and the like.
  public static func nfkc(_ text: String) -> String { normalize(text, form: .nfkc) }

  /// NFKC_Casefold: NFKC plus case folding and removal of default-ignorable characters; for keys.
  public static func nfkcCasefold(_ text: String) -> String { normalize(text, form: .nfkcCasefold) }
}
