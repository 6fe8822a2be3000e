import ICUSupport

/// What a single-scalar cleaning pass does, stated once: each range of scalars it changes with
/// the change. The pass's trigger (``ScalarTrigger``: a text without these scalars skips the
/// pass), the first UTF-8 bytes ``ScalarRewriter`` stops at and its test of the scalar found
/// there are all made from this one list, so they cannot drift apart.
///
/// ```swift
/// let dashes = ScalarEdits([0x2010...0x2012: .replace("-"), 0x2015...0x2015: .replace("—")])
/// dashes.contains(0x2011)   // true: "Kim Jong‑un" becomes "Kim Jong-un"
/// dashes.contains(0x2014)   // false: the em dash of "Seoul — Kim said" stays
/// dashes.trigger.mayMatch(BytePresence("“Київ” – 서울"))  // false: the pass is skipped
/// ```
struct ScalarEdits: Sendable {
  /// What becomes of a scalar in the list.
  enum Edit: Sendable {
    case delete
    case replace(String)
    /// Decided by the text around the scalar, given the text's scalars and the scalar's index
    /// (a CR before a line feed is deleted, a lone one becomes a line feed).
    case decide(@Sendable (String.UnicodeScalarView, String.Index) -> ScalarRewriter.Action)
  }

  /// The scalars of the list, looked up in a text's `BytePresence` (false skips the pass).
  let trigger: ScalarTrigger
  /// The first UTF-8 bytes of the scalars of the list.
  let scanner: CandidateScanner
  /// The list, in the order given (the first range holding a scalar gives its edit).
  private let ranges: [ClosedRange<UInt32>]
  private let edits: [Edit]
  /// U+0000–U+00BF and U+2000–U+207F as bit sets: ``contains(_:)`` answers most scalars a
  /// scanner stops at (curly quotes, dashes, no-break spaces) with one bit, no array.
  private let low: (UInt64, UInt64, UInt64)
  private let punctuation: (UInt64, UInt64)
  /// Whether a range reaches outside those two windows (U+1680, U+FE63, U+FEFF).
  private let hasOthers: Bool

  /// The edits of `list`, range by range (surrogate values in a range are ignored).
  init(_ list: KeyValuePairs<ClosedRange<UInt32>, Edit>) {
    var ranges: [ClosedRange<UInt32>] = []
    var edits: [Edit] = []
    for (range, edit) in list {
      ranges.append(range)
      edits.append(edit)
    }
    var leads: [UInt64] = [0, 0, 0, 0]
    var low: [UInt64] = [0, 0, 0]
    var punctuation: [UInt64] = [0, 0]
    var hasOthers = false
    for range in ranges {
      for value in range where Unicode.Scalar(value) != nil {
        // The first byte of the scalar's UTF-8.
        let lead =
          value < 0x80
          ? value
          : value < 0x800
            ? 0xC0 | value >> 6 : value < 0x10000 ? 0xE0 | value >> 12 : 0xF0 | value >> 18
        leads[Int(lead >> 6)] |= 1 << UInt64(lead & 63)
        switch value {
        case 0..<0xC0: low[Int(value >> 6)] |= 1 << UInt64(value & 63)
        case 0x2000..<0x2080: punctuation[Int((value - 0x2000) >> 6)] |= 1 << UInt64(value & 63)
        default: hasOthers = true
        }
      }
    }
    self.ranges = ranges
    self.edits = edits
    trigger = ScalarTrigger(ranges)
    scanner = CandidateScanner { leads[Int($0 >> 6)] & (1 << UInt64($0 & 63)) != 0 }
    self.low = (low[0], low[1], low[2])
    self.punctuation = (punctuation[0], punctuation[1])
    self.hasOthers = hasOthers
  }

  /// Whether the list changes (or decides about) the scalar `value`.
  @inline(__always)
  func contains(_ value: UInt32) -> Bool {
    switch value {
    case 0..<0x40: return low.0 & (1 << UInt64(value)) != 0
    case 0x40..<0x80: return low.1 & (1 << UInt64(value & 63)) != 0
    case 0x80..<0xC0: return low.2 & (1 << UInt64(value & 63)) != 0
    case 0x2000..<0x2040: return punctuation.0 & (1 << UInt64(value & 63)) != 0
    case 0x2040..<0x2080: return punctuation.1 & (1 << UInt64(value & 63)) != 0
    default:
      guard hasOthers else { return false }
      for index in ranges.indices where ranges[index].contains(value) { return true }
      return false
    }
  }

  /// What becomes of the scalar at `index` of `scalars` (`.keep` when the list does not name it).
  func action(_ scalars: String.UnicodeScalarView, _ index: String.Index) -> ScalarRewriter.Action {
    let value = scalars[index].value
    guard let entry = ranges.firstIndex(where: { $0.contains(value) }) else { return .keep }
    switch edits[entry] {
    case .delete: return .delete
    case .replace(let replacement): return .replace(replacement)
    case .decide(let decide): return decide(scalars, index)
    }
  }
}
