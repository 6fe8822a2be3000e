import DateResolution
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// One row of a `Cases/*.json` table (schema in Cases/README.md).
struct DateCase: Decodable, Sendable, DefaultPassCaseRow, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable, Equatable, CustomStringConvertible {
    var text: String
    var type: String
    var value: String
    var mod: String?
    var description: String { "\(text) \(type) \(value)" + (mod.map { " mod=\($0)" } ?? "") }
  }

  var label: String
  var comment: String?
  var text: String
  var dct: String?
  var lang: String?
  var expected: [Expected]
  /// Finding codes the text must produce (checked only when present).
  var findings: [String]?
  /// "knownFailure" for a case that fails today (`comment` says why; it still runs, as a
  /// known issue); absent or "pass" otherwise.
  var expect: String?

  var testDescription: String { label }

  static let folder = CaseTable.folder(besides: #filePath)
  /// One table per language with a `date-grammar` lexicon: the shared grammar with its words.
  static let grammarTables = ["de", "fr", "es", "it", "pt", "uk", "ru", "hr", "el", "et"].map {
    "grammar-\($0).json"
  }
  static let tables =
    [
      "english.json", "multilingual.json", "seeds.json", "bad-input.json", "chinese.json",
      "japanese.json", "korean.json",
    ]
    + grammarTables

  /// The rows of one table; throws (failing the test) when it is unreadable or empty.
  static func load(_ name: String) throws -> [DateCase] { try CaseTable.load(name, in: folder) }
}

/// One resolver for all tests: vocabularies are built once per language and cached.
enum SharedResolver {
  static let resolver: DateResolver? = try? DateResolver(
    lexicons: DirectoryLexiconProvider(roots: [
      TestPaths.repoRoot.appendingPathComponent("Lexicons")
    ]))
}
