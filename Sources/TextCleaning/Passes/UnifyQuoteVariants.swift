import ICUSupport

/// Brings quotation marks and apostrophes to the standard typographic forms without
/// straightening them: reversed marks U+201B/U+201F become ‘ and “, and a grave accent,
/// acute accent or prime used as an apostrophe between letters becomes ’ ("don`t", "Kim´s").
/// Guillemets and CJK brackets are left alone; use `StraightenQuotes` (opt-in) for ASCII quotes.
///
/// ```swift
/// UnifyQuoteVariants().apply("Korea`s soldiers")   // "Korea’s soldiers"
/// UnifyQuoteVariants().apply("\u{201F}No deal\u{201D}")  // "“No deal”"
/// ```
public struct UnifyQuoteVariants: CleaningPass {
  /// Creates the pass.
  public init() {}

  /// Each scalar the pass changes and what it becomes: the pass's trigger, the bytes it stops
  /// at and its test of each scalar are made from this list. Static, so the pass itself is
  /// empty: an empty pass sits inside its existential with no shared box whose reference count
  /// both threads would touch.
  private static let edits = ScalarEdits([
    0x201B...0x201B: .replace("‘"), 0x201F...0x201F: .replace("“"),
    0x60...0x60: .decide(apostrophe), 0xB4...0xB4: .decide(apostrophe),
    0x2032...0x2032: .decide(apostrophe),
  ])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool {
    Self.edits.trigger.mayMatch(presence)
  }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "unify-quote-variants" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String {
    "reversed quotes and accent/prime apostrophes between letters -> ‘ ’ “ ”"
  }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, edits: Self.edits)
  }

  /// A grave accent, acute accent or prime between letters is an apostrophe: "Korea`s" ->
  /// "Korea’s"; "`ls`" and "5′" stay.
  @Sendable private static func apostrophe(
    _ scalars: String.UnicodeScalarView, _ index: String.Index
  )
    -> ScalarRewriter.Action
  {
    isBetweenLetters(scalars, index) ? .replace("’") : .keep
  }

  /// Whether the scalars around `index` are letters. Combining marks before it belong to the
  /// letter they follow ("Jose\u{301}`s"), so the answer is the same before and after NFC.
  private static func isBetweenLetters(_ scalars: String.UnicodeScalarView, _ index: String.Index)
    -> Bool
  {
    let next = scalars.index(after: index)
    guard next < scalars.endIndex, scalars[next].properties.isAlphabetic else { return false }
    var before = index
    while before > scalars.startIndex {
      before = scalars.index(before: before)
      switch scalars[before].properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: return scalars[before].properties.isAlphabetic
      }
    }
    return false
  }
}
