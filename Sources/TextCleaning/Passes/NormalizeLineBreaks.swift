import ICUSupport

/// Makes every line break a single "\n": CRLF, lone CR, NEL (U+0085), vertical tab, form feed
/// and the Unicode line separator (U+2028) become "\n"; the paragraph separator (U+2029)
/// becomes a blank line.
///
/// ```swift
/// NormalizeLineBreaks().apply("Seoul\r\n서울\u{2028}Сеул")  // "Seoul\n서울\nСеул"
/// ```
public struct NormalizeLineBreaks: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x0D...0x0D: .decide(carriageReturn), 0x0B...0x0C: .replace("\n"), 0x85...0x85: .replace("\n"),
    0x2028...0x2028: .replace("\n"), 0x2029...0x2029: .replace("\n\n"),
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "normalize-line-breaks" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "CRLF, CR, NEL, VT, FF, U+2028 -> \\n; U+2029 -> blank line" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }

  /// CRLF is one Character but two scalars: the CR before an LF is deleted, a lone CR
  /// ("Seoul\r서울", old Mac files) becomes "\n".
  @Sendable private static func carriageReturn(
    _ scalars: String.UnicodeScalarView, _ index: String.Index
  )
    -> ScalarRewriter.Action
  {
    let next = scalars.index(after: index)
    return next < scalars.endIndex && scalars[next] == "\n" ? .delete : .replace("\n")
  }
}
