import Foundation
import NormalizeTestSupport
import Testing

@testable import ArticleRecords

/// One row of `Cases/encodings.json` (schema: `Cases/README.md`).
struct EncodingCase: Decodable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var bytes: String
  var text: String
  var charset: String?
  var expect: String

  var testDescription: String { label }

  /// The bytes, from their hexadecimal spelling.
  var byteValues: [UInt8] { bytes.split(separator: " ").compactMap { UInt8($0, radix: 16) } }
}

enum EncodingCases {
  static let folder = CaseTable.folder(besides: #filePath)
  static func all() throws -> [EncodingCase] { try CaseTable.load("encodings.json", in: folder) }
}

@Suite struct TextDecodingTests {
  @Test(arguments: try EncodingCases.all())
  func decodesFile(_ row: EncodingCase) throws {
    let raw = RawInput(
      format: .text, bytes: row.byteValues, file: "case.txt", line: nil, byteOffset: 0,
      sidecar: nil, sequence: 0)
    CaseRunner.run(row) {
      guard case .success(let article) = ArticleParser.parse(raw) else {
        Issue.record("rejected")
        return
      }
      #expect(
        article.text.unicodeScalars.elementsEqual(row.text.unicodeScalars), "read \(article.text)")
      let legacy = article.findings.filter { $0.code == "legacy-encoding" }
      if let charset = row.charset {
        #expect(
          legacy.count == 1 && legacy[0].message.contains("read as \(charset) "),
          "\(legacy.map(\.message))")
      } else {
        #expect(legacy.isEmpty)
      }
    }
  }

  @Test func tableIsWellFormed() throws {
    let rows: [EncodingCase] = try CaseTable.load("encodings.json", in: EncodingCases.folder)
    #expect(rows.count >= 10)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(CaseRunner.problems(in: rows))")
    for row in rows {
      #expect(
        row.byteValues.count == row.bytes.split(separator: " ").count,
        "\(row.label): bytes must be hex pairs")
    }
  }

  @Test func binaryDataIsNotReadAsALegacyCharset() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let bytes = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let raw = RawInput(
        format: .text, bytes: bytes, file: "noise.bin", line: nil, byteOffset: 0, sidecar: nil,
        sequence: 0)
      guard case .failure(let reject) = ArticleParser.parse(raw) else {
        Issue.record("random bytes became an article")
        continue
      }
      #expect(reject.code == "binary-data")
    }
  }

  @Test func byteOrderMarkStartsAJSONLinesFileWithoutRejectingIt() throws {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\",\"text\":\"Kyiv and Seoul.\"}".utf8)
    let raw = RawInput(
      format: .jsonLine, bytes: bytes, file: "bom.jsonl", line: 1, byteOffset: 0, sidecar: nil,
      sequence: 0)
    guard case .success(let article) = ArticleParser.parse(raw) else {
      Issue.record("the first line was rejected")
      return
    }
    #expect(article.id == "a" && article.text == "Kyiv and Seoul.")
  }

  @Test func jsonLineInALegacyCharsetIsRead() throws {
    // {"id":"b","text":"Правительство объявило о новых мерах."} in Windows-1251.
    var bytes = Array("{\"id\":\"b\",\"text\":\"".utf8)
    let words: [UInt8] = [
      0xCF, 0xF0, 0xE0, 0xE2, 0xE8, 0xF2, 0xE5, 0xEB, 0xFC, 0xF1, 0xF2, 0xE2, 0xEE, 0x20, 0xEE,
      0xE1, 0xFA, 0xFF, 0xE2, 0xE8,
      0xEB, 0xEE, 0x20, 0xEE, 0x20, 0xED, 0xEE, 0xE2, 0xFB, 0xF5, 0x20, 0xEC, 0xE5, 0xF0, 0xE0,
      0xF5, 0x2E,
    ]
    bytes += words + Array("\"}".utf8)
    let raw = RawInput(
      format: .jsonLine, bytes: bytes, file: "cp1251.jsonl", line: 2, byteOffset: 40, sidecar: nil,
      sequence: 0)
    guard case .success(let article) = ArticleParser.parse(raw) else {
      Issue.record("rejected")
      return
    }
    #expect(article.text == "Правительство объявило о новых мерах.")
    #expect(article.findings.map(\.code) == ["legacy-encoding"])
  }
}
