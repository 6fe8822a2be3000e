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
  public init() {}

  /// Static, so the pass itself is empty: an empty pass sits inside its existential with no
  /// shared box whose reference count both threads would touch.
  private static let scanner = CandidateScanner { $0 == 0xE2 }

  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }
  public var id: String { "straighten-quotes" }
  public var summary: String { "opt-in: ‘ ’ ‚ “ ” „ -> ASCII ' and \"" }
  public var isOptIn: Bool { true }

  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    ScalarRewriter.rewrite(text, recorder: &recorder, scanner: Self.scanner,
      candidates: { (0x2018...0x201F).contains($0) }) { scalars, index in
      switch scalars[index].value {
      case 0x2018, 0x2019, 0x201A, 0x201B: return .replace("'")
      case 0x201C, 0x201D, 0x201E, 0x201F: return .replace("\"")
      default: return .keep
      }
    }
  }
}
