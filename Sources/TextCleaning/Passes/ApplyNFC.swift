import ICUSupport

/// Puts text in Unicode Normalization Form C (canonical composition), the form of all output.
///
/// ```swift
/// ApplyNFC().apply("Zelens\u{302}kyy")   // "Zelenŝkyy" (one scalar for ŝ)
/// ApplyNFC().apply("\u{1100}\u{1161}")   // "가" (conjoining jamo composed)
/// ```
public struct ApplyNFC: CleaningPass {
  /// Creates the pass.
  public init() {}
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "apply-nfc" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "Unicode NFC (canonical composition)" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    let result = Normalizer.nfc(text)
    // Compare scalars: `!=` on strings is canonical equivalence and never sees NFC changes.
    if recorder != nil, !result.unicodeScalars.elementsEqual(text.unicodeScalars) {
      recorder?.record(
        offset: 0, removed: "\(text.unicodeScalars.count) scalars",
        inserted: "\(result.unicodeScalars.count) scalars in NFC")
    }
    return result
  }
}
