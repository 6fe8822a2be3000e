import ICUSupport

/// Opt-in: replaces typographic quotes and apostrophes with ASCII ' and ". Off by default,
/// because the record keeps the article's own typography; useful for tools that only match
/// ASCII quotes.
///
/// ```swift
/// StraightenQuotes().apply("“No deal on Ukraine without us”")  // "\"No deal on Ukraine without us\""
/// StraightenQuotes().apply("Didn’t")                          // "Didn't"
/// ```
public struct StraightenQuotes: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x2018...0x201B: .replace("'"), 0x201C...0x201F: .replace("\""),
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "straighten-quotes" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "opt-in: ‘ ’ ‚ “ ” „ -> ASCII ' and \"" }
  /// Whether the pass runs only when enabled with `--enable-pass`.
  public var isOptIn: Bool { true }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
