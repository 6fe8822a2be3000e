import Testing

@testable import NormalizeCore

/// One decoding example: bytes, the text with U+FFFD replacements, and where they were.
struct DecodingCase: CustomTestStringConvertible, Sendable {
  var label: String
  var bytes: [UInt8]
  var text: String
  var offsets: [Int]
  var testDescription: String { label }
}

@Suite struct UTF8DecodingTests {
  static let cases: [DecodingCase] = [
    .init(
      label: "valid multilingual text", bytes: Array("Київ 서울 北京 👍🏽".utf8), text: "Київ 서울 北京 👍🏽",
      offsets: []),
    .init(label: "empty input", bytes: [], text: "", offsets: []),
    .init(
      label: "Latin-1 é in Kyiv", bytes: [0x4B, 0x79, 0x69, 0x76, 0xE9], text: "Kyiv\u{FFFD}",
      offsets: [4]),
    .init(
      label: "Latin-1 é mid-word", bytes: Array("caf".utf8) + [0xE9] + Array(" latte".utf8),
      text: "caf\u{FFFD} latte", offsets: [3]),
    .init(
      label: "truncated 3-byte sequence at the end", bytes: Array("won".utf8) + [0xE2, 0x82],
      text: "won\u{FFFD}", offsets: [3]),
    .init(
      label: "truncated 4-byte emoji at the end", bytes: [0x41, 0xF0, 0x9F, 0x91],
      text: "A\u{FFFD}", offsets: [1]),
    .init(
      label: "maximal subpart E2 82 41 is one U+FFFD", bytes: [0xE2, 0x82, 0x41], text: "\u{FFFD}A",
      offsets: [0]),
    .init(
      label: "surrogate ED A0 80 is three U+FFFD", bytes: [0xED, 0xA0, 0x80],
      text: "\u{FFFD}\u{FFFD}\u{FFFD}", offsets: [0, 1, 2]),
    .init(
      label: "overlong C0 AF is two U+FFFD", bytes: [0xC0, 0xAF], text: "\u{FFFD}\u{FFFD}",
      offsets: [0, 1]),
    .init(
      label: "overlong E0 80 AF is three U+FFFD", bytes: [0xE0, 0x80, 0xAF],
      text: "\u{FFFD}\u{FFFD}\u{FFFD}", offsets: [0, 1, 2]),
    .init(
      label: "above U+10FFFF F4 90 80 80 is four U+FFFD", bytes: [0xF4, 0x90, 0x80, 0x80],
      text: "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", offsets: [0, 1, 2, 3]),
    .init(
      label: "F5 and FF are never valid", bytes: [0xF5, 0x41, 0xFF], text: "\u{FFFD}A\u{FFFD}",
      offsets: [0, 2]),
    .init(
      label: "lone continuation bytes", bytes: [0x80, 0xBF, 0x41], text: "\u{FFFD}\u{FFFD}A",
      offsets: [0, 1]),
    .init(
      label: "valid Hangul after a broken byte", bytes: [0xE9] + Array("유용원".utf8),
      text: "\u{FFFD}유용원", offsets: [0]),
    .init(
      label: "truncated sequence before a valid one", bytes: [0xE2, 0x82] + Array("€".utf8),
      text: "\u{FFFD}€", offsets: [0]),
  ]

  @Test(arguments: cases)
  func decodes(_ testCase: DecodingCase) {
    let result = UTF8Decoding.decode(testCase.bytes)
    #expect(result.text == testCase.text)
    #expect(result.invalidOffsets == testCase.offsets)
    #expect(result.invalidCount == testCase.offsets.count)
  }

  @Test(arguments: cases)
  func agreesWithTheStandardLibrary(_ testCase: DecodingCase) {
    // Swift's own repairing decoder also replaces per maximal subpart.
    #expect(
      UTF8Decoding.decode(testCase.bytes).text == String(decoding: testCase.bytes, as: UTF8.self))
  }

  @Test func validInputTakesTheFastPath() {
    let text = "消息：俄乌战俘互换 — Зеленський"
    let result = UTF8Decoding.decode(Array(text.utf8))
    #expect(result.text == text)
    #expect(result.invalidOffsets.isEmpty && result.invalidCount == 0)
  }

  @Test func limitCapsOffsetsButNotTheCount() {
    let bytes = [UInt8](repeating: 0xE9, count: 10)
    let result = UTF8Decoding.decode(bytes, limit: 3)
    #expect(result.invalidOffsets == [0, 1, 2])
    #expect(result.invalidCount == 10)
    #expect(result.text == String(repeating: "\u{FFFD}", count: 10))
    #expect(UTF8Decoding.decode(bytes, limit: 0).invalidOffsets.isEmpty)
  }

  @Test func bufferPointerOverload() {
    let bytes: [UInt8] = [0x4B, 0x79, 0x69, 0x76, 0xE9]
    let result = bytes.withUnsafeBufferPointer { UTF8Decoding.decode($0) }
    #expect(result.text == "Kyiv\u{FFFD}")
  }
}

@Suite struct ScalarOffsetsTests {
  @Test func offsetsCountScalarsLikePython() throws {
    let text = "유용원 met Zelensky"
    let met = try #require(text.range(of: "met"))
    #expect(ScalarOffsets.offset(of: met.lowerBound, in: text) == 4)
    #expect(ScalarOffsets.count(text) == 16)
  }

  @Test(arguments: [
    ("유용원", 3),
    ("\u{1100}\u{1161}\u{11A8}", 3),  // one grapheme, three scalars
    ("e\u{301}", 2),
    ("👍🏽", 2),  // astral scalars count once each (not two UTF-16 units)
    ("👨‍👩‍👧", 5),
    ("🇰🇷", 2),
    ("", 0),
    ("消息：俄乌", 5),
  ])
  func countsLikePythonLen(_ text: String, _ count: Int) {
    #expect(ScalarOffsets.count(text) == count)
    #expect(ScalarOffsets.count(text[...]) == count)
  }

  @Test func offsetAfterEmoji() throws {
    let text = "👍🏽 Kyiv"
    let kyiv = try #require(text.range(of: "Kyiv"))
    #expect(ScalarOffsets.offset(of: kyiv.lowerBound, in: text) == 3)
    #expect(ScalarOffsets.offset(of: text.endIndex, in: text) == 7)
  }

  @Test func cursorMatchesOneShotOffsets() {
    let text = "Kim Jong-un (김정은) 👨‍👩‍👧 金正恩 Київ"
    var cursor = ScalarOffsets.Cursor(text)
    var index = text.startIndex
    while index < text.endIndex {
      #expect(cursor.offset(of: index) == ScalarOffsets.offset(of: index, in: text))
      index = text.index(after: index)
    }
    #expect(cursor.offset(of: text.endIndex) == ScalarOffsets.count(text))
    // Going backwards restarts from the beginning instead of giving a wrong answer.
    #expect(cursor.offset(of: text.startIndex) == 0)
    let kyiv = text.range(of: "Київ")!.lowerBound
    #expect(cursor.offset(of: kyiv) == ScalarOffsets.offset(of: kyiv, in: text))
  }
}
