import Foundation
import NormalizeFrontend
import NormalizeKit
import NormalizeTestSupport
import Testing

/// The `normalize date --jsonl` line format (`TimexJSONLine`, in the CLI frontend).
@Suite struct TimexJSONLineTests {
  static let resolver: DateResolver? = try? DateResolver(
    lexicons: DirectoryLexiconProvider(roots: [
      TestPaths.repoRoot.appendingPathComponent("Lexicons")
    ]))

  @Test func jsonLineRoundTrip() throws {
    let resolver = try #require(Self.resolver)
    let line = Array(#"{"doc":"d1","dct":"2025-03-17","text":"last fall","extra":[1,2]}"#.utf8)
    let out = try TimexJSONLine.annotate(line, resolver: resolver)
    let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(out))
    #expect(object["extra"] == .array([.number(1), .number(2)]))
    guard case .array(let timex)? = object["timex"], case .object(let first)? = timex.first else {
      Issue.record("no timex array")
      return
    }
    #expect(first["value"] == .string("2024-FA"))
    #expect(first["mod"] == nil)
  }

  @Test(arguments: [#"{"doc":1"#, #"[1,2]"#, #"{"doc":"x"}"#, #"{"text":"a","dct":5}"#, ""])
  func malformedLinesThrow(_ line: String) throws {
    let resolver = try #require(Self.resolver)
    #expect(throws: DateResolutionError.self) {
      try TimexJSONLine.annotate(Array(line.utf8), resolver: resolver)
    }
  }
}
