import ICUSupport

/// Gives hyphens and dashes their canonical forms: the Unicode hyphen U+2010, non-breaking
/// hyphen U+2011, figure dash U+2012 and small hyphen-minus U+FE63 become ASCII "-"; the
/// horizontal bar U+2015 and small em dash U+FE58 become the em dash "—". En and em dashes
/// themselves stay: they mean something ("1950–1953", "Seoul — Kim said").
///
/// ```swift
/// NormalizeHyphensAndDashes().apply("Yoo Yong\u{2010}won")  // "Yoo Yong-won"
/// NormalizeHyphensAndDashes().apply("Kim Jong\u{2011}un")   // "Kim Jong-un"
/// ```
public struct NormalizeHyphensAndDashes: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x2010...0x2012: .replace("-"), 0xFE63...0xFE63: .replace("-"),
    0x2015...0x2015: .replace("—"), 0xFE58...0xFE58: .replace("—"),
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "normalize-hyphens-and-dashes" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "U+2010/2011/2012/FE63 -> '-'; U+2015/FE58 -> '—'" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }
}
