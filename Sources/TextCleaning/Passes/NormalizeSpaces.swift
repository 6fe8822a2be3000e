import ICUSupport

/// Turns every Unicode space character into an ASCII space: no-break spaces (U+00A0, U+202F),
/// the typographic spaces U+2000–U+200A, U+205F, U+1680, and tabs. The ideographic space
/// U+3000 is left to `FoldFullwidthForms`, which keeps it inside CJK text.
///
/// ```swift
/// NormalizeSpaces().apply("12\u{A0}000 soldiers")   // "12 000 soldiers"
/// NormalizeSpaces().apply("Kyiv,\u{202F}Ukraine")  // "Kyiv, Ukraine"
/// ```
public struct NormalizeSpaces: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x09...0x09: .replace(" "), 0xA0...0xA0: .replace(" "), 0x1680...0x1680: .replace(" "),
    0x2000...0x200A: .replace(" "), 0x202F...0x202F: .replace(" "), 0x205F...0x205F: .replace(" "),
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "normalize-spaces" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "no-break, thin and other Unicode spaces and tabs -> ASCII space" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
