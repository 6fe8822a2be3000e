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

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner { $0 == 0xE2 }

  /// The scalars this pass changes (its `candidates`), looked up in a text's `BytePresence`.
  private static let trigger = ScalarTrigger([0x202A...0x202E, 0x2066...0x2069])

  /// Whether the text can hold something this pass changes, from the scalars present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool { Self.trigger.mayMatch(presence) }
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "strip-bidi-controls" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String {
    "remove bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069)"
  }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(
      text, recorder: &recorder, scanner: Self.scanner,
      candidates: { (0x202A...0x202E).contains($0) || (0x2066...0x2069).contains($0) },
      decide: { scalars, index in
        let value = scalars[index].value
        return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
          ? .delete : .keep
      }
    )
  }
}
