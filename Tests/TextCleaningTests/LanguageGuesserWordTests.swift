import Testing

@testable import TextCleaning

/// `LanguageGuesser.isWordCharacter` (an ASCII character decided on its byte) answers as the
/// rule it replaced, `character.isLetter || character == "'"`, for every character of generated
/// English, Korean, Ukrainian, Chinese and Arabic text with controls, "\r\n", bidi marks and
/// combining sequences; and the guesses stay what the text's stop words say.
@Suite struct LanguageGuesserWordTests {
  static let pieces: [String] = [
    "The", "talks", "don't", "l'état", "über", "Київ", "що", "유용원", "北京", "القاهرة", "e\u{301}",
    "'\u{301}", " \u{301}", "\r\n", "\n", "\t", "'", "’", "-", "2024", "\u{200F}", "\u{202E}",
    "\u{A0}", "\u{1}", "👍", "🇰🇷", "ǅ", "ª",
  ]

  @Test func wordCharactersAnswerAsTheCharacterRule() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    var text = ""
    for _ in 0..<3000 { text += Self.pieces[next(Self.pieces.count)] }
    var checked = 0
    for character in text {
      checked += 1
      #expect(
        LanguageGuesser.isWordCharacter(character) == (character.isLetter || character == "'"),
        "\(character.unicodeScalars.map(\.value))")
    }
    #expect(checked > 2000)
  }

  @Test func guessesFollowTheStopWords() throws {
    let guesser = try StructureFixtures.sharedAnalyzer.get().stopwords.guesser
    #expect(
      guesser.guess("Il ministro ha detto che la guerra non è finita e che il governo") == "it")
    #expect(
      guesser.guess("The minister said that the war is not over and that the government") == "en")
    #expect(
      guesser.guess("Der Minister sagte, dass der Krieg nicht vorbei ist und die Regierung") == "de"
    )
  }
}
