import ICUSupport

/// Spells out Latin typographic ligatures and digraph letters that PDF and OCR extraction leave
/// in text: "ﬁnancial" → "financial", "ﬂood" → "flood", "Ǆakarta" → "Džakarta", "ĳs" → "ijs".
/// Searches and tokenisers miss words written with them. Ligatures of other scripts (Arabic
/// presentation forms, Hebrew) are left as they are.
///
/// ```swift
/// FoldLigatures().apply("eﬀective ﬁscal oﬃce")  // "effective fiscal office"
/// ```
public struct FoldLigatures: RepairPass {
  /// Creates the pass.
  public init() {}

  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "fold-ligatures" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "Latin ligatures and digraph letters (ﬁ ﬂ ﬀ ĳ ǆ) -> their letters" }

  /// U+FB00–U+FB06 start with EF, U+0132–U+0149 with C4/C5, U+01C4–U+01CC with C7.
  private static let scanner = CandidateScanner {
    $0 == 0xEF || $0 == 0xC4 || $0 == 0xC5 || $0 == 0xC7
  }

  /// Whether the text can hold something this pass changes, from the bytes present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }

  /// Applies the repair to `text`, recording each change in `recorder` and each repair (before, after) in `repairs` when they are not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?, repairs: inout [TextRepair]?)
    -> String
  {
    var changes: ChangeRecorder? =
      recorder ?? (repairs != nil ? ChangeRecorder(limit: Int.max) : nil)
    let result = ScalarRewriter.rewrite(
      text, recorder: &changes, scanner: Self.scanner,
      candidates: { Self.letters[$0] != nil },
      decide: { scalars, index in
        guard let letters = Self.letters[scalars[index].value] else { return .keep }
        return .replace(letters)
      }
    )
    if recorder != nil { recorder = changes }
    if repairs != nil, let changes {
      for change in changes.changes {
        repairs?.append(
          TextRepair(
            pass: id, before: change.removed, after: change.inserted, offset: change.offset,
            isMojibake: false))
      }
    }
    return result
  }

  /// Each ligature or digraph letter with the letters it stands for; ŉ is Afrikaans 'n.
  static let letters: [UInt32: String] = [
    0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "ſt",
    0xFB06: "st",
    0x0132: "IJ", 0x0133: "ij", 0x0149: "'n", 0x01C4: "DŽ", 0x01C5: "Dž", 0x01C6: "dž",
    0x01C7: "LJ",
    0x01C8: "Lj", 0x01C9: "lj", 0x01CA: "NJ", 0x01CB: "Nj", 0x01CC: "nj",
  ]
}
