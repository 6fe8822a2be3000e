import Testing

@testable import ICUSupport

/// A word segmentation example: the words (segments that are not spaces or punctuation).
struct WordCase: CustomTestStringConvertible, Sendable {
  var label: String
  var locale: String
  var input: String
  var words: [String]
  var testDescription: String { label }
}

@Suite struct TextSegmenterTests {
  static let wordCases: [WordCase] = [
    .init(
      label: "English keeps apostrophes and grouped numbers", locale: "en",
      input: "Kim Jong-un met Yoo Yong-won's staff, 12,000 troops.",
      words: ["Kim", "Jong", "un", "met", "Yoo", "Yong", "won's", "staff", "12,000", "troops"]),
    .init(
      label: "Chinese dictionary words", locale: "zh", input: "北京时间今天上午",
      words: ["北京", "时间", "今天", "上午"]),
    .init(
      label: "Chinese headline", locale: "zh", input: "消息：俄乌战俘互换",
      words: ["消息", "俄", "乌", "战俘", "互换"]),
    .init(
      label: "Japanese mixed kanji and kana", locale: "ja", input: "東京で記者会見を開いた。",
      words: ["東京", "で", "記者", "会見", "を", "開", "い", "た"]),
    .init(
      label: "Japanese katakana loanword", locale: "ja", input: "ニュースによると",
      words: ["ニュース", "による", "と"]),
    .init(
      label: "Korean splits at spaces", locale: "ko", input: "김정은 위원장이 말했다.",
      words: ["김정은", "위원장이", "말했다"]),
    .init(
      label: "Thai dictionary words without spaces", locale: "th", input: "ประเทศไทยมีฝนตก",
      words: ["ประเทศไทย", "มี", "ฝน", "ตก"]),
  ]

  @Test(arguments: wordCases)
  func words(_ testCase: WordCase) {
    let words = TextSegmenter.words(in: testCase.input, locale: testCase.locale, wordsOnly: true)
    #expect(words.map { String($0.text) } == testCase.words)
  }

  @Test func segmentsCoverTheInputExactly() {
    for testCase in Self.wordCases {
      let segments = TextSegmenter.words(in: testCase.input, locale: testCase.locale)
      #expect(segments.map(\.text).joined() == testCase.input)
      for segment in segments {
        #expect(testCase.input[segment.range] == segment.text)
      }
    }
  }

  @Test func wordKinds() {
    let segments = TextSegmenter.words(in: "Yoo met 12 staff 北京", locale: "en")
    let kinds = Dictionary(
      uniqueKeysWithValues: segments.map { (String($0.text), $0.kind) }.filter { $0.0 != " " })
    #expect(kinds["Yoo"] == .letter)
    #expect(kinds["12"] == .number)
    #expect(kinds["北京"] == .ideographic)
    #expect(TextSegmenter.words(in: "消息：", locale: "zh").last?.kind == TextSegmenter.WordKind.none)
    // ICU's dictionary breaker marks Japanese words, kana included, as ideographic (status 400).
    #expect(TextSegmenter.words(in: "ニュース", locale: "ja").map(\.kind) == [.ideographic])
  }

  @Test func sentencesSplitAfterMrWithoutSuppressions() {
    // Plain "en" has no abbreviation suppressions: "Mr." ends a sentence.
    let sentences = TextSegmenter.sentences(in: "Mr. Lee met Yoo. He left.", locale: "en")
    #expect(sentences.map(\.text) == ["Mr. ", "Lee met Yoo. ", "He left."])
  }

  @Test func sentencesKeepMrWithStandardSuppressions() {
    let sentences = TextSegmenter.sentences(
      in: "Mr. Lee met Yoo. He left.", locale: "en@ss=standard")
    #expect(sentences.map(\.text) == ["Mr. Lee met Yoo. ", "He left."])
  }

  @Test func sentencesInOtherScripts() {
    let korean = TextSegmenter.sentences(in: "김정은이 말했다. 유용원은 떠났다.", locale: "ko")
    #expect(korean.count == 2)
    let chinese = TextSegmenter.sentences(in: "俄乌战俘互换。双方各释放一百人。", locale: "zh")
    #expect(chinese.map(\.text) == ["俄乌战俘互换。", "双方各释放一百人。"])
  }

  @Test func graphemes() {
    let text = "👍🏽👨‍👩‍👧🇰🇷e\u{301}"
    #expect(
      TextSegmenter.graphemes(in: text).map { String($0.text) } == ["👍🏽", "👨‍👩‍👧", "🇰🇷", "e\u{301}"])
    // Conjoining jamo L V T form one grapheme, as does the precomposed syllable.
    let jamo = "\u{1100}\u{1161}\u{11A8}가"
    #expect(
      TextSegmenter.graphemes(in: jamo).map { String($0.text) } == [
        "\u{1100}\u{1161}\u{11A8}", "가",
      ])
    // ICU agrees with Swift's Character boundaries here.
    #expect(TextSegmenter.graphemes(in: text).count == text.count)
  }

  @Test func emptyInput() {
    #expect(TextSegmenter.words(in: "").isEmpty)
    #expect(TextSegmenter.sentences(in: "").isEmpty)
    #expect(TextSegmenter.graphemes(in: "").isEmpty)
  }
}
