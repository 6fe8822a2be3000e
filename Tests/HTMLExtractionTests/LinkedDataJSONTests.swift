import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import HTMLExtraction

/// One row of `Cases/linked-data-json.json` (schema: Cases/README.md).
struct LinkedDataJSONCase: Decodable, Sendable, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var json: String
  /// Whether the byte reader reads the text itself (true) or leaves it to JSONDecoder (false).
  var reads: Bool
  var expect: String
  var testDescription: String { label }
}

@Suite struct LinkedDataJSONTests {
  @Test("the JSON-LD case table is well formed and not empty")
  func tableIsWellFormed() throws {
    let cases = try CaseTable.load(
      "linked-data-json.json", in: HTMLFixtures.folder, as: LinkedDataJSONCase.self)
    #expect(!cases.isEmpty, "linked-data-json.json is empty")
    #expect(Set(cases.map(\.label)).count == cases.count, "a label is used twice")
    for testCase in cases {
      #expect(["pass", "knownFailure"].contains(testCase.expect), "\(testCase.label): expect")
      #expect(
        testCase.expect == "pass" || !(testCase.comment ?? "").isEmpty,
        "\(testCase.label): a knownFailure needs a comment")
    }
  }

  /// What the byte reader gives is what JSONDecoder gives; what it leaves, it leaves whole.
  @Test(
    arguments: try CaseTable.load(
      "linked-data-json.json", in: HTMLFixtures.folder, as: LinkedDataJSONCase.self))
  func readsAsJSONDecoderDoes(_ testCase: LinkedDataJSONCase) {
    let check = {
      let bytes = Array(testCase.json.utf8)
      let read = JSONLineParser.parseValueAsDecoderWould(bytes)
      if testCase.reads {
        let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        #expect(read != nil, "the reader left it to JSONDecoder")
        #expect(
          read == decoded,
          "reader: \(String(describing: read)), JSONDecoder: \(String(describing: decoded))")
      } else {
        #expect(read == nil, "the reader read \(String(describing: read))")
      }
    }
    if testCase.expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: testCase.comment ?? "")) { check() }
    } else {
      check()
    }
  }

  @Test("kept attribute names are found on their bytes, the others are not")
  func keptAttributesOnBytes() {
    for name in HTMLDocument.keptAttributes {
      let found = Array(name.utf8).withUnsafeBufferPointer { HTMLDocument.keptAttribute($0) }
      #expect(found == name)
    }
    for name in ["src", "srcset", "data-id", "onclick", "classes", "i", "", "aria-label", "idx"] {
      let found = Array(name.utf8).withUnsafeBufferPointer { HTMLDocument.keptAttribute($0) }
      #expect(found == nil, "\(name)")
    }
  }
}
