import ICUSupport

/// Removes C0 and C1 control characters (NUL, BEL, ESC, U+0080–U+009F, DEL) except tab and
/// line feed. They carry no text and break downstream tools; `IngestValidation` reports them
/// with their byte offsets before cleaning.
///
/// ```swift
/// StripControlCharacters().apply("Kyiv\u{0}\u{1B}[0m")  // "Kyiv[0m"
/// ```
public struct StripControlCharacters: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x00...0x08: .delete, 0x0B...0x1F: .delete, 0x7F...0x9F: .delete,
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "strip-control-characters" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "remove C0/C1 controls and DEL except tab and line feed" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
