import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NormalizeFrontend

/// `FlatJSONObject`, the `date --jsonl` line reader that skips JSONDecoder: it reads what it is
/// sure of exactly as JSONDecoder would, and declines the rest (`Cases/flat-json-lines.json`).
@Suite struct FlatJSONObjectTests {
  struct LineCase: Decodable, CustomTestStringConvertible, Sendable {
    let label: String
    let line: String
    let reads: String
    let comment: String?
    var testDescription: String { label }
  }

  static let folder = CaseTable.folder(besides: #filePath)

  @Test(arguments: try CaseTable.load("flat-json-lines.json", in: folder, as: LineCase.self))
  func line(_ c: LineCase) throws {
    #expect(c.reads == "flat" || c.reads == "full", "\(c.label): reads must be flat or full")
    let bytes = Array(c.line.utf8)
    let flat = FlatJSONObject.parse(bytes)
    guard c.reads == "flat" else {
      #expect(flat == nil, "\(c.label): the fast reader should decline this line")
      return
    }
    let read = try #require(flat, "\(c.label): the fast reader declined the line")
    let full = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
    #expect(read.keys == Set(full.keys))
    for (key, value) in full {
      switch value {
      case .string(let s): #expect(read.strings[key] == s, "\(c.label): \(key)")
      case .null: #expect(read.nulls.contains(key), "\(c.label): \(key)")
      default:
        #expect(read.strings[key] == nil && !read.nulls.contains(key), "\(c.label): \(key)")
      }
    }
  }
}
