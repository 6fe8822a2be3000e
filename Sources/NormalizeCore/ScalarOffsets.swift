/// Converts between `String.Index` and Unicode scalar offsets (what Python's `str` indexes and
/// what every offset in Normalize's JSON is).
///
/// ```swift
/// let text = "유용원 met Zelensky"
/// ScalarOffsets.offset(of: text.range(of: "met")!.lowerBound, in: text)  // 4
/// ```
public enum ScalarOffsets {
  /// The scalar offset of `index` in `text`. O(n); use `Cursor` for many ascending lookups.
  public static func offset(of index: String.Index, in text: String) -> Int {
    text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
  }

  /// Counts scalars in a string (what Python's `len` gives).
  public static func count(_ text: some StringProtocol) -> Int { text.unicodeScalars.count }

  /// Walks a string forwards, converting ascending indices to scalar offsets in O(total).
  public struct Cursor {
    private let scalars: String.UnicodeScalarView
    private var index: String.Index
    private var offset = 0

    /// Starts a cursor at the beginning of `text`.
    public init(_ text: String) {
      scalars = text.unicodeScalars
      index = scalars.startIndex
    }

    /// The scalar offset of `target`, which must not be before the previous target.
    public mutating func offset(of target: String.Index) -> Int {
      if target < index {
        index = scalars.startIndex
        offset = 0
      }
      offset += scalars.distance(from: index, to: target)
      index = target
      return offset
    }
  }
}
