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

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner {
    $0 == 0x0D || $0 == 0x0B || $0 == 0x0C || $0 == 0xC2 || $0 == 0xE2
  }

  /// The scalars this pass changes (its `candidates`), looked up in a text's `BytePresence`.
  private static let trigger = ScalarTrigger([0x0B...0x0D, 0x85...0x85, 0x2028...0x2029])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool { Self.trigger.mayMatch(presence) }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "normalize-line-breaks" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "CRLF, CR, NEL, VT, FF, U+2028 -> \\n; U+2029 -> blank line" }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    // CRLF is one Character but two scalars; handle it by deleting the CR before an LF.
    ScalarRewriter.rewrite(
      text, recorder: &recorder, scanner: Self.scanner,
      candidates: {
        $0 == 0x0D || $0 == 0x0B || $0 == 0x0C || $0 == 0x85 || $0 == 0x2028 || $0 == 0x2029
      },
      decide: { scalars, index in
        switch scalars[index].value {
        case 0x0D:
          let next = scalars.index(after: index)
          return next < scalars.endIndex && scalars[next] == "\n" ? .delete : .replace("\n")
        case 0x0B, 0x0C, 0x85, 0x2028: return .replace("\n")
        case 0x2029: return .replace("\n\n")
        default: return .keep
        }
      }
    )
  }
}
