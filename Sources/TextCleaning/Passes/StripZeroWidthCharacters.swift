import ICUSupport

/// Removes invisible characters that scraping leaves inside words: zero-width space (U+200B),
/// word joiner (U+2060), byte-order marks (U+FEFF), soft hyphens (U+00AD) and the invisible
/// math operators (U+2061–U+2064). Zero-width (non-)joiners U+200C/U+200D stay: Persian,
/// Indic scripts and emoji sequences need them.
///
/// ```swift
/// StripZeroWidthCharacters().apply("Zelen\u{200B}skyy")  // "Zelenskyy"
/// StripZeroWidthCharacters().apply("Ukrai\u{AD}ne")       // "Ukraine"
/// ```
public struct StripZeroWidthCharacters: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x200B...0x200B: .delete, 0x2060...0x2064: .delete, 0xFEFF...0xFEFF: .delete,
    0xAD...0xAD: .delete,
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "strip-zero-width-characters" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "remove U+200B, U+2060-2064, U+FEFF, soft hyphen U+00AD" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
