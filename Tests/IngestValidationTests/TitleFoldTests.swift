import Testing

@testable import IngestValidation

/// `CheckTitleRepeatsBody.fold` (bytes, White_Space asked of a scalar's properties only after
/// the lead bytes C2, E1, E2 and E3) against the scalar fold it replaced, on generated titles of
/// English, Korean, Ukrainian, Chinese and Arabic words with every kind of space, control and
/// bidi characters; and the claim its shortcut rests on, checked on every scalar.
@Suite struct TitleFoldTests {
  /// The fold before the byte path: lowercase, then every scalar's White_Space property.
  static func scalarFold(_ text: Substring) -> String {
    var out = String.UnicodeScalarView()
    var space = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isWhitespace {
        space = !out.isEmpty
      } else {
        if space { out.append(" ") }
        space = false
        out.append(scalar)
      }
    }
    return String(out)
  }

  static let pieces: [String] = [
    "Seoul", "TALKS", "the", "유용원", "의원", "Київ", "ЗЕЛЕНСЬКИЙ", "北京", "去年秋天", "القاهرة",
    "İstanbul", "\u{1E9E}", "Ω", "e\u{301}", "2024", ",", " ", "  ", "\t", "\n", "\r\n", "\u{B}",
    "\u{C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}", "\u{200A}", "\u{200B}", "\u{2028}",
    "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{180E}", "\u{FEFF}", "\u{200F}", "\u{202E}",
    "\u{1}", "\u{7F}", "👍",
  ]

  @Test(arguments: 0..<4)
  func byteFoldAgreesWithTheScalarFold(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 5
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    var nonASCII = 0
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<next(16) { text += Self.pieces[next(Self.pieces.count)] }
      if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
      let substring = Substring(text)
      #expect(
        CheckTitleRepeatsBody.fold(substring) == Self.scalarFold(substring),
        "\(text.debugDescription)")
    }
    #expect(nonASCII > 100)
  }

  /// Every White_Space scalar is ASCII or starts with C2, E1, E2 or E3, and `isWhitespace`
  /// answers as the property for every scalar.
  @Test func whitespaceShortcutHoldsForEveryScalar() {
    var spaces = 0
    var disagreements: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), let lead = UTF8.encode(scalar)?.first else {
        continue
      }
      let expected = scalar.properties.isWhitespace
      if expected { spaces += 1 }
      if CheckTitleRepeatsBody.isWhitespace(value, lead: lead) != expected {
        disagreements.append(value)
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    #expect(spaces >= 25)
  }
}
