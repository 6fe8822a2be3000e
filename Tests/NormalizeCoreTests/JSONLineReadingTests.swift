import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// `JSONLineParser.parseObjectAsDecoderWould`, the reader `date --jsonl` reads its lines with:
/// it reads what it is sure of exactly as JSONDecoder would, and leaves the rest to JSONDecoder
/// (`Cases/json-lines.json`).
@Suite struct JSONLineReadingTests {
  struct LineCase: Decodable, CustomTestStringConvertible, Sendable {
    let label: String
    let line: String
    let reads: String
    let comment: String?
    var testDescription: String { label }
  }

  static let folder = CaseTable.folder(besides: #filePath)

  @Test(arguments: try CaseTable.load("json-lines.json", in: folder, as: LineCase.self))
  func line(_ c: LineCase) throws {
    #expect(
      c.reads == "object" || c.reads == "decoder", "\(c.label): reads must be object or decoder")
    let read = JSONLineParser.parseObjectAsDecoderWould(c.line)
    guard c.reads == "object" else {
      #expect(read == nil, "\(c.label): the reader should leave this line to JSONDecoder")
      return
    }
    let object = try #require(read, "\(c.label): the reader left the line to JSONDecoder")
    let full = try JSONDecoder().decode([String: JSONValue].self, from: Data(c.line.utf8))
    #expect(object == full, "\(c.label)")
  }

  @Test("a JSON value nested deeper than JSONValue.maximumDepth gives nil, as deep is read")
  func valueNestingIsBounded() {
    func arrays(_ levels: Int) -> [UInt8] {
      Array((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
    }
    #expect(JSONLineParser.parseValueAsDecoderWould(arrays(JSONValue.maximumDepth)) != nil)
    #expect(JSONLineParser.parseValueAsDecoderWould(arrays(JSONValue.maximumDepth + 1)) == nil)
    let unclosed = Array(String(repeating: "{\"a\":", count: 100_000).utf8)
    #expect(JSONLineParser.parseValueAsDecoderWould(unclosed) == nil)
  }
}
