import Testing

@testable import TextCleaning

/// `ParagraphFeatures` counts words and stop words as a plain reading of the text's scalars
/// does: a word is a run of letters and digits (marks continue one), looked up lowercased when
/// at most 32 bytes long. Generated paragraphs mix stop words in any case ("The", "THE",
/// "und"), words with digits ("COVID19", "2026"), Cyrillic and accented words, a combining
/// mark, punctuation and spaces.
@Suite struct ParagraphFeaturesTests {
  static let stopwords = ["the", "und", "2026", "a", "covid19", "это", "é", "café"]
  static let pieces = [
    "the", "The", "THE", "tHe", "und", "a", "A", "covid", "COVID", "19", "2026", "x", "Seoul",
    "Это", "ЭТО", "é", "É", "caf", "e\u{301}", " ", " ", ", ", ".", "-", "’", "\n", "…", "1",
    "abcdefghijklmnopqrstuvwxyz",
  ]

  static let language = StopwordTables.Language(
    code: "xx", words: WordTable(stopwords.map { (Array($0.utf8), 1) }), scalars: ScalarBitmap([]),
    usesCharacterTokens: false)

  /// Words and stop words of `text`, read scalar by scalar with the standard library.
  static func reference(_ text: String) -> (words: Int, stopwords: Int) {
    var words = 0
    var stopwords = 0
    var word = ""
    func end() {
      guard !word.isEmpty else { return }
      words += 1
      // Compared as bytes: "cafe\u{301}" is not the table's "café" (String's == would say so).
      let lowered = Array(word.lowercased().utf8)
      if word.utf8.count <= 32, Self.stopwords.contains(where: { Array($0.utf8) == lowered }) {
        stopwords += 1
      }
      word = ""
    }
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      if properties.isAlphabetic || properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else if properties.generalCategory == .nonspacingMark {
        if !word.isEmpty { word.unicodeScalars.append(scalar) }
      } else {
        end()
      }
    }
    end()
    return (words, stopwords)
  }

  @Test(arguments: 0..<4)
  func countsAgreeWithAScalarReading(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    var failures: [String] = []
    for _ in 0..<1500 {
      let text = (0..<next(24)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
      let features = ParagraphFeatures(text, stopwords: Self.language)
      let expected = Self.reference(text)
      if (features.words, features.stopwords) != expected, failures.count < 5 {
        failures.append(
          "\(text.debugDescription): \(features.words)/\(features.stopwords) vs \(expected)")
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}
