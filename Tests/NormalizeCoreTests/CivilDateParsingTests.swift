import NormalizeTestSupport
import Testing

@testable import NormalizeCore

/// `CivilDate(parsing:)` on the rows of `Cases/civil-date-parsing.json`: `text`, the string
/// read, and `expected`, the date it gives ("YYYY-MM-DD") or null. Each row is also read both
/// ways, from the bytes (`CivilDate.asciiParts`) and by `Character`
/// (`CivilDate.characterParts`), which must agree wherever the bytes answer.
struct CivilDateParsingCase: Decodable, Sendable, CustomTestStringConvertible {
  var label: String
  var text: String
  var expected: String?
  var testDescription: String { label }
}

@Suite struct CivilDateParsingTests {
  static let folder = CaseTable.folder(besides: #filePath)

  @Test(
    arguments: try CaseTable.load(
      "civil-date-parsing.json", in: folder, as: CivilDateParsingCase.self))
  func parsing(_ row: CivilDateParsingCase) {
    #expect(CivilDate(parsing: row.text)?.iso == row.expected)
    let characters = CivilDate.characterParts(row.text)
    switch CivilDate.asciiParts(row.text.utf8) {
    case .parts(let y, let m, let d):
      #expect(characters.map { [$0.0, $0.1, $0.2] } == [y, m, d])
    case .malformed:
      #expect(characters == nil)
    case .notASCII:
      break
    }
  }

  /// Strings of digits, signs, hyphens and a few troublemakers (CR LF, a combining acute, "é",
  /// "T", "٣"), from a fixed seed: the bytes and the `Character`s read them alike.
  @Test func bytesAndCharactersAgree() {
    let alphabet: [String] = [
      "0", "1", "2", "5", "9", "-", "-", "-", "+", "T", "\r", "\n", "\u{301}", "é", "٣", " ",
    ]
    var seed: UInt64 = 0x2026_0207
    for _ in 0..<20_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(seed >> 60)
      var text = ""
      for k in 0..<length {
        let pick = Int((seed >> UInt64(k * 4 % 56)) & 0xFF) % alphabet.count
        text += alphabet[pick]
      }
      // A plausible date most of the time, with the noise around it.
      if seed & 1 == 0 { text = "2024-0\(seed >> 61 + 1)-1\(seed >> 62)" + text }
      let characters = CivilDate.characterParts(text)
      switch CivilDate.asciiParts(text.utf8) {
      case .parts(let y, let m, let d):
        #expect(characters.map { [$0.0, $0.1, $0.2] } == [y, m, d], "\(text.debugDescription)")
      case .malformed:
        #expect(characters == nil, "\(text.debugDescription)")
      case .notASCII:
        break
      }
    }
  }
}
