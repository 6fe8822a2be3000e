import ICUSupport

/// Removes C0 and C1 control characters (NUL, BEL, ESC, U+0080–U+009F, DEL) except tab and
/// line feed. They carry no text and break downstream tools; `IngestValidation` reports them
/// with their byte offsets before cleaning.
///
/// ```swift
/// StripControlCharacters().apply("Kyiv\u{0}\u{1B}[0m")  // "Kyiv[0m"
/// ```
public struct StripControlCharacters: CleaningPass {
  public init() {}

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }

  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }
  public var id: String { "strip-control-characters" }
  public var summary: String { "remove C0/C1 controls and DEL except tab and line feed" }

  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, scanner: Self.scanner,
      candidates: { $0 < 0x20 || (0x7F...0x9F).contains($0) }) {
      scalars, index in
      let value = scalars[index].value
      let isControl = (value < 0x20 && value != 0x09 && value != 0x0A) || (value >= 0x7F && value <= 0x9F)
      return isControl ? .delete : .keep
    }
  }
}
