import ICUSupport

/// Turns every Unicode space character into an ASCII space: no-break spaces (U+00A0, U+202F),
/// the typographic spaces U+2000–U+200A, U+205F, U+1680, and tabs. The ideographic space
/// U+3000 is left to `FoldFullwidthForms`, which keeps it inside CJK text.
///
/// ```swift
/// NormalizeSpaces().apply("12\u{A0}000 soldiers")   // "12 000 soldiers"
/// NormalizeSpaces().apply("Kyiv,\u{202F}Ukraine")  // "Kyiv, Ukraine"
/// ```
public struct NormalizeSpaces: CleaningPass {
  public init() {}

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner { $0 == 0x09 || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xE1 }

  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }
  public var id: String { "normalize-spaces" }
  public var summary: String { "no-break, thin and other Unicode spaces and tabs -> ASCII space" }

  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, scanner: Self.scanner,
      candidates: { $0 == 0x09 || $0 == 0xA0 || $0 == 0x1680 || (0x2000...0x200A).contains($0) || $0 == 0x202F || $0 == 0x205F }) {
      scalars, index in
      switch scalars[index].value {
      case 0x09, 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: return .replace(" ")
      default: return .keep
      }
    }
  }
}
