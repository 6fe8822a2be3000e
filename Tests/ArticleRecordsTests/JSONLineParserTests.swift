import Foundation
import NormalizeCore
import Testing

@testable import ArticleRecords

/// The JSON Lines object parser agrees with JSONDecoder on valid input and rejects what
/// RFC 8259 rejects.
@Suite struct JSONLineParserTests {
  static let valid: [String] = [
    #"{"id": "003", "text": "유용원 said \"yes\"\n", "rank": 3}"#,
    #"{"text": "\u00e9\u0301 \ud83c\uddfa\ud83c\udde6 \/ \b\f\t\r"}"#,
    #"{"text": "x", "nested": {"a": [1, 2.5, -3e2, true, false, null, "s"]}, "list": [[], {}]}"#,
    #"  {"text":"x"}  "#,
    #"{}"#,
    #"{"text": "Зеленський", "n": 0, "m": -0.5, "e": 1E+3}"#,
  ]

  @Test(arguments: valid)
  func agreesWithJSONDecoder(line: String) throws {
    let ours = try JSONLineParser.parseObject(Array(line.utf8))
    let theirs = try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8))
    #expect(ours == theirs)
  }

  /// `normalize ref --jsonl` and `name --jsonl` write their lines with `JSONObjectLine.encodeLine`
  /// instead of `JSONEncoder`: the bytes must be the same (escapes, numbers, key order).
  @Test(
    arguments: valid + [
      #"{"x": "a\bb\fc\u0001d\u007fe/f", "n": 3.0, "m": 1e20, "k": 0.5, "big": 12345678901234567890, "neg": -2}"#,
      #"{"arr": [1, 2.5, {"é": 1, "a": null, "Z": true}], "text": "Київ 유용원 「東京」 \"quoted\" \\ back"}"#,
    ])
  func encodesAsJSONEncoderDoes(line: String) throws {
    let object = try JSONLineParser.parseObject(Array(line.utf8))
    #expect(
      JSONObjectLine.encodeLine(object) == (try RecordEncoder.encodeLine(JSONValue.object(object))))
  }

  @Test func loneSurrogatesBecomeReplacementCharacters() throws {
    let object = try JSONLineParser.parseObject(Array(#"{"text": "a\ud800b\udc00c"}"#.utf8))
    #expect(object["text"] == .string("a\u{FFFD}b\u{FFFD}c"))
    var offsets: [Int] = []
    _ = try JSONLineParser.parseObject(
      Array(#"{"text": "a\ud800b\udc00c \ud83d\ude00 \ufffd"}"#.utf8), loneSurrogates: &offsets)
    #expect(offsets == [11, 18], "a pair and an escaped U+FFFD are not lone surrogates")
  }

  static let invalid: [String] = [
    #"{"text": "unterminated}"#,
    #"{"text": "raw control"# + "\u{1}" + #""}"#,
    #"{"text": 01}"#,
    #"{"text": "x",}"#,
    #"{text: "x"}"#,
    #"{"text": "x"} trailing"#,
    #"{"text": "\q"}"#,
    #"{"text": tru}"#,
    #"{"a": [1, 2}"#,
    "",
  ]

  @Test(arguments: invalid)
  func rejectsMalformedJSON(line: String) {
    #expect(throws: (any Error).self) { try JSONLineParser.parseObject(Array(line.utf8)) }
  }

  @Test func aTopLevelArrayIsNotAnObject() {
    #expect(throws: JSONLineParser.NotAnObject.self) {
      try JSONLineParser.parseObject(Array("[1, 2]".utf8))
    }
  }

  /// Regression (issue 19): nesting is limited to `JSONValue.maximumDepth` levels with a clear
  /// reject, before JSONDecoder recurses (100,000 "[" in one line).
  @Test(arguments: [(64, true), (65, false), (100_000, false)])
  func nestingDepthIsLimited(levels: Int, accepted: Bool) throws {
    let line =
      #"{"text": "x", "deep": "# + String(repeating: "[", count: levels - 1)
      + String(repeating: "]", count: levels - 1) + "}"
    if accepted {
      #expect(try JSONLineParser.parseObject(Array(line.utf8))["text"] == .string("x"))
    } else {
      do {
        _ = try JSONLineParser.parseObject(Array(line.utf8))
        Issue.record("a line nested \(levels) levels deep was accepted")
      } catch let error as JSONLineParser.SyntaxError {
        #expect(error.message == "arrays and objects nested deeper than 64 levels")
      }
    }
    #expect(JSONValue.nestsDeeper(Array(line.utf8)) == !accepted)
  }

  @Test func bracketsInsideStringsDoNotCount() {
    let line = #"{"text": "[[[[\"[[[[", "a": [1]}"#
    #expect(!JSONValue.nestsDeeper(than: 2, Array(line.utf8)))
    #expect(JSONValue.nestsDeeper(than: 1, Array(line.utf8)))
  }
}
