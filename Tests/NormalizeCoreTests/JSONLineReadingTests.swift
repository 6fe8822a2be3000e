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
    let text: String?
    let loneSurrogates: [Int]?
    let error: String?
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

  /// `parseObject(_:loneSurrogates:)`, the reader of `normalize` itself: the `text` it reads
  /// (lone surrogates as U+FFFD, their offsets reported) or the error it throws, where the
  /// table gives them.
  @Test(arguments: try CaseTable.load("json-lines.json", in: folder, as: LineCase.self))
  func decodedTextAndErrors(_ c: LineCase) throws {
    guard c.text != nil || c.loneSurrogates != nil || c.error != nil else { return }
    var lone: [Int] = []
    do {
      let object = try JSONLineParser.parseObject(Array(c.line.utf8), loneSurrogates: &lone)
      #expect(c.error == nil, "\(c.label): expected the error \(c.error ?? "")")
      if let text = c.text {
        guard case .string(let read)? = object["text"] else {
          Issue.record("\(c.label): no text string")
          return
        }
        // Scalar by scalar: `==` on strings is canonical equivalence.
        #expect(Array(read.unicodeScalars) == Array(text.unicodeScalars), "\(c.label)")
      }
      if let expected = c.loneSurrogates { #expect(lone == expected, "\(c.label)") }
    } catch let error as JSONLineParser.SyntaxError {
      #expect(c.error == error.description, "\(c.label)")
    }
  }

  /// `parseObject(_:loneSurrogates:bytesOf:)` (how ArticleParser reads a page's `html`): on every
  /// line of the table and for every key, the key's string value comes back as its UTF-8 bytes
  /// and stands as "" in the fields; everything else is what `parseObject` reads.
  @Test(arguments: try CaseTable.load("json-lines.json", in: folder, as: LineCase.self))
  func keyAsBytes(_ c: LineCase) throws {
    let line = Array(c.line.utf8)
    func read(_ key: String) throws -> (fields: [String: JSONValue], bytes: [UInt8]?, lone: [Int]) {
      var lone: [Int] = []
      let (fields, bytes) = try line.withUnsafeBufferPointer {
        try JSONLineParser.parseObject($0, loneSurrogates: &lone, bytesOf: key)
      }
      return (fields, bytes, lone)
    }
    var lone: [Int] = []
    guard let plain = try? JSONLineParser.parseObject(line, loneSurrogates: &lone) else {
      #expect(throws: (any Error).self, "\(c.label)") { try read("html") }
      return
    }
    for key in plain.keys.sorted() + ["absent"] {
      let read = try read(key)
      #expect(read.lone == lone, "\(c.label): \(key)")
      if case .string(let value)? = plain[key] {
        #expect(read.bytes == Array(value.utf8), "\(c.label): \(key)")
        var expected = plain
        expected[key] = .string("")
        #expect(read.fields == expected, "\(c.label): \(key)")
      } else {
        #expect(read.bytes == nil, "\(c.label): \(key)")
        #expect(read.fields == plain, "\(c.label): \(key)")
      }
    }
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
