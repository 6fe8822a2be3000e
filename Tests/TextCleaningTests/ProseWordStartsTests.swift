import Testing

@testable import TextCleaning

/// `Analysis.asciiWordStarts` (the byte path of `readsAsProse` for ASCII text) against the
/// counts the scalar path takes (words split at spaces, the first letter or digit of each asked
/// for its Unicode properties), on generated lines of ASCII words, capitals, digits,
/// punctuation, tabs and runs of spaces; other text gets no byte answer.
@Suite struct ProseWordStartsTests {
  static func scalarCounts(_ text: String) -> (tokens: Int, alphabetic: Int, lower: Int) {
    var tokens = 0
    var alphabetic = 0
    var lower = 0
    for word in text.split(separator: " ") {
      tokens += 1
      let scalars = word.unicodeScalars
      guard
        let start = scalars.firstIndex(where: {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        })
      else { continue }
      let first = scalars[start].properties
      guard first.isAlphabetic else { continue }
      alphabetic += 1
      #expect(first.isLowercase || first.isUppercase)
      if first.isLowercase { lower += 1 }
    }
    return (tokens, alphabetic, lower)
  }

  static let pieces: [String] = [
    "The", "talks", "SEOUL", "resume", "in", "Warsaw", "2024", "3rd", "(AP)", "--", "\"quoted\"",
    "'s", "U.S.", "e-mail", "@user", "#tag", "[1]", "_x", "`y", "{z}", "~", "|", "\t", "\r", " ",
    "  ", ".", ",", "!", "?", ":", ";", "9am", "x", "Z",
  ]

  @Test(arguments: 0..<4)
  func byteCountsAgreeWithScalarCounts(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 3
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<next(30) {
        text += Self.pieces[next(Self.pieces.count)]
        if next(4) > 0 { text += " " }
      }
      guard let counts = Analysis.asciiWordStarts(text) else {
        Issue.record("no byte answer for ASCII \(text.debugDescription)")
        continue
      }
      let expected = Self.scalarCounts(text)
      #expect(
        counts.tokens == expected.tokens && counts.alphabetic == expected.alphabetic
          && counts.lower == expected.lower, "\(text.debugDescription)")
    }
  }

  @Test func otherTextHasNoByteAnswer() {
    for text in ["Переговоры продолжатся", "café au lait", "双方将于下周", "a\u{A0}b"] {
      #expect(Analysis.asciiWordStarts(text) == nil, "\(text)")
    }
  }
}
