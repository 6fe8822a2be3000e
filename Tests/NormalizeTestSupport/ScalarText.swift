/// Exact, readable comparisons of strings in tests.
///
/// Swift's `==` on `String` is canonical equivalence: "e\u{301}" == "é" is true. Tests about
/// normalisation and invisible characters must compare scalars; comparing `escapedScalars`
/// does that and prints a readable difference when it fails.
///
/// ```swift
/// #expect(cleaned.escapedScalars == expected.escapedScalars)
/// "Kim\u{A0}Jong\u{2011}un".escapedScalars  // "Kim\\u{A0}Jong\\u{2011}un"
/// ```
extension StringProtocol {
  /// The text with every scalar outside printable ASCII written as `\u{…}` (and `\` as `\\`),
  /// so invisible and look-alike characters show in test output.
  public var escapedScalars: String {
    var result = ""
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0x5C: result += "\\\\"
      case 0x0A: result += "\\n"
      case 0x20...0x7E: result.unicodeScalars.append(scalar)
      default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return result
  }

  /// Whether the two texts have exactly the same scalars (not just canonical equivalence).
  public func hasSameScalars(as other: some StringProtocol) -> Bool {
    unicodeScalars.elementsEqual(other.unicodeScalars)
  }
}
