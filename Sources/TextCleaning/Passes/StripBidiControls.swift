import ICUSupport

/// Removes explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), the characters of "Trojan Source" attacks (UTS #55). Implicit marks
/// (LRM U+200E, RLM U+200F, ALM U+061C) stay: right-to-left text needs them.
///
/// ```swift
/// StripBidiControls().apply("user\u{202E}gnp.exe")  // "usergnp.exe"
/// ```
public struct StripBidiControls: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([0x202A...0x202E: .delete, 0x2066...0x2069: .delete])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "strip-bidi-controls" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String {
    "remove bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069)"
  }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
