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
    return (try? normalizeOrThrow(text, form: form)) ?? text
  }

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
