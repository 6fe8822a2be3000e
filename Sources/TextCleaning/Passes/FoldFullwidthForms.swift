import ICUSupport

/// Folds full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space U+3000 to ASCII
/// where they sit in Latin text, and leaves them where they belong: next to Han, kana or
/// Hangul, where a full-width colon or comma is the correct punctuation.
///
/// ```swift
/// FoldFullwidthForms().apply("Ｓｅｏｕｌ： talks resume")  // "Seoul: talks resume"
/// FoldFullwidthForms().apply("消息：俄乌战俘互换")          // unchanged (Chinese punctuation)
/// ```
public struct FoldFullwidthForms: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner { $0 == 0xEF || $0 == 0xE3 }

  /// Whether the text can hold something this pass changes, from the bytes present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "fold-fullwidth-forms" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "full-width ASCII (Ｓｅｏｕｌ：) -> ASCII outside CJK text" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(
      text, recorder: &recorder, scanner: Self.scanner,
      candidates: { (0xFF01...0xFF5E).contains($0) || $0 == 0x3000 },
      decide: { scalars, index in
        let value = scalars[index].value
        guard (0xFF01...0xFF5E).contains(value) || value == 0x3000 else { return .keep }
        if isNextToCJK(scalars, index) { return .keep }
        if value == 0x3000 { return .replace(" ") }
        guard let ascii = Unicode.Scalar(value - 0xFEE0) else { return .keep }
        return .replace(String(ascii))
      }
    )
  }

  /// Whether the nearest non-space scalars on either side of the full-width run around
  /// `index` are CJK (Han, Hiragana, Katakana, Hangul, CJK punctuation).
  private func isNextToCJK(_ scalars: String.UnicodeScalarView, _ index: String.Index) -> Bool {
    var before = index
    while before > scalars.startIndex {
      before = scalars.index(before: before)
      let scalar = scalars[before]
      if isFullwidth(scalar) || scalar == " " { continue }
      if isCJK(scalar) { return true }
      break
    }
    var after = scalars.index(after: index)
    while after < scalars.endIndex {
      let scalar = scalars[after]
      after = scalars.index(after: after)
      if isFullwidth(scalar) || scalar == " " { continue }
      return isCJK(scalar)
    }
    return false
  }

  private func isFullwidth(_ scalar: Unicode.Scalar) -> Bool {
    (0xFF01...0xFF5E).contains(scalar.value) || scalar.value == 0x3000
  }

  private static let cjkScripts = ["Hani", "Hira", "Kana", "Hang", "Bopo"].compactMap {
    Script(code: $0)
  }

  /// Script_Extensions, not Script: the prolonged sound mark "ー" and the middle dot "・" are
  /// Common but used only with kana, so "コーヒー（ＵＣＣ）" is Japanese text.
  private func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x1100 { return false }
    if (0x3000...0x303F).contains(value) || (0xFF61...0xFFDC).contains(value) { return true }
    return Self.cjkScripts.contains { $0.covers(scalar) }
  }
}
