/// One whitespace-separated token of a reference string, with its place in the string.
///
/// Tokens are what the tagger labels and what `../shared/eval/refs/score.py` counts: a
/// reference's segments joined with spaces give back its tokens.
///
/// ```swift
/// ReferenceToken.tokenize("Yonhap News Agency. (2025, May 27).").map(\.text)
/// // ["Yonhap", "News", "Agency.", "(2025,", "May", "27)."]
/// ```
public struct ReferenceToken: Sendable, Equatable {
  /// The token as written.
  public var text: String
  /// Unicode scalar offsets of the token in the reference, end exclusive.
  public var start: Int
  public var end: Int

  /// Creates a token.
  public init(text: String, start: Int, end: Int) {
    self.text = text
    self.start = start
    self.end = end
  }

  /// Splits `reference` at white space (any Unicode white space, including U+3000 and U+00A0).
  ///
  /// - Parameter reference: the reference string.
  /// - Returns: the tokens in order; empty for blank input.
  public static func tokenize(_ reference: String) -> [ReferenceToken] {
    var tokens: [ReferenceToken] = []
    var current = String.UnicodeScalarView()
    var start = 0
    var offset = 0
    for scalar in reference.unicodeScalars {
      if isSpace(scalar) {
        if !current.isEmpty {
          tokens.append(ReferenceToken(text: String(current), start: start, end: offset))
          current = String.UnicodeScalarView()
        }
      } else {
        if current.isEmpty { start = offset }
        current.append(scalar)
      }
      offset += 1
    }
    if !current.isEmpty { tokens.append(ReferenceToken(text: String(current), start: start, end: offset)) }
    return tokens
  }

  /// White space as Python's `str.split()` sees it (which the scorer uses).
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x1C...0x1F, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }
}
