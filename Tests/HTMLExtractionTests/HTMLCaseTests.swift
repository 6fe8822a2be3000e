import Foundation
import HTMLExtraction
import NormalizeCore
import NormalizeTestSupport
import Testing

/// The shipped lexicons, for the class/id hints.
enum HTMLFixtures {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let folder = CaseTable.folder(besides: #filePath)
  static let extractor: Result<MainTextExtractor, any Error> = Result {
    try MainTextExtractor(
      lexicons: DirectoryLexiconProvider(roots: [repository.appendingPathComponent("Lexicons")]))
  }
}

/// One row of `Cases/extraction.json` (schema: Cases/README.md).
struct ExtractionCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Block: Decodable, Sendable, Equatable {
    var text: String
    var kind: String
  }
  struct Removal: Decodable, Sendable {
    var textContains: String
    var rule: String
  }
  struct Expected: Decodable, Sendable {
    var blocks: [Block]?
    var bodyContains: [String]?
    var bodyNotContains: [String]?
    var removed: [Removal]?
    var captions: [String]?
  }
  var label: String
  var comment: String?
  var html: String
  var title: String?
  var expected: Expected
  var expect: String
  var testDescription: String { label }

  static let all: [ExtractionCase] = CaseTable.loadOrEmpty(
    "extraction.json", in: HTMLFixtures.folder)

  func problems(extractor: MainTextExtractor) -> [String] {
    let page = extractor.extract(HTMLDocument(utf8: Array(html.utf8)), title: title)
    var problems: [String] = []
    let blocks = page.blocks.map { Block(text: $0.text, kind: $0.kind.rawValue) }
    if let expected = expected.blocks, expected != blocks {
      problems.append(
        "blocks: expected \(expected.map { "\($0.kind): \($0.text)" }), got \(blocks.map { "\($0.kind): \($0.text)" })"
      )
    }
    let body = page.blocks.map(\.text).joined(separator: "\n")
    for fragment in expected.bodyContains ?? [] where !body.contains(fragment) {
      problems.append("body lacks \"\(fragment)\"")
    }
    for fragment in expected.bodyNotContains ?? [] where body.contains(fragment) {
      problems.append("body has \"\(fragment)\"")
    }
    for removal in expected.removed ?? []
    where !page.removed.contains(where: {
      $0.rule == removal.rule && $0.text.contains(removal.textContains)
    }) {
      problems.append(
        "no removed \(removal.rule) entry with \"\(removal.textContains)\" (removed: \(page.removed))"
      )
    }
    if let captions = expected.captions, captions != page.captions {
      problems.append("captions: expected \(captions), got \(page.captions)")
    }
    return problems
  }
}

/// One row of `Cases/metadata.json` (schema: Cases/README.md).
struct MetadataCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Dated: Decodable, Sendable, Equatable {
    var value: String
    var from: String
  }
  struct Expected: Decodable, Sendable {
    var title: String?
    var authors: [String]?
    var published: Dated?
    var modified: Dated?
    var siteName: String?
    var canonicalURL: String?
    var language: String?
    var description: String?
  }
  var label: String
  var comment: String?
  var html: String
  var url: String?
  var expected: Expected
  var expect: String
  var testDescription: String { label }

  static let all: [MetadataCase] = CaseTable.loadOrEmpty("metadata.json", in: HTMLFixtures.folder)

  func problems() -> [String] {
    let metadata = PageMetadata.read(HTMLDocument(utf8: Array(html.utf8)), url: url)
    var problems: [String] = []
    func compare<Value: Equatable>(_ name: String, _ expected: Value?, _ actual: Value?) {
      if let expected, expected != actual {
        problems.append("\(name): expected \(expected), got \(String(describing: actual))")
      }
    }
    compare("title", expected.title, metadata.title)
    compare("authors", expected.authors, metadata.authors)
    compare(
      "published", expected.published,
      metadata.published.map { Dated(value: $0.value, from: $0.from) })
    compare(
      "modified", expected.modified, metadata.modified.map { Dated(value: $0.value, from: $0.from) }
    )
    compare("siteName", expected.siteName, metadata.siteName)
    compare("canonicalURL", expected.canonicalURL, metadata.canonicalURL)
    compare("language", expected.language, metadata.language)
    compare("description", expected.description, metadata.description)
    return problems
  }
}

@Suite struct HTMLCaseTests {
  @Test("the case tables are well formed and not empty")
  func tablesAreWellFormed() throws {
    let extraction = try CaseTable.load(
      "extraction.json", in: HTMLFixtures.folder, as: ExtractionCase.self)
    let metadata = try CaseTable.load(
      "metadata.json", in: HTMLFixtures.folder, as: MetadataCase.self)
    #expect(!extraction.isEmpty && !metadata.isEmpty, "a case table is empty")
    let labels = extraction.map(\.label) + metadata.map(\.label)
    #expect(Set(labels).count == labels.count, "a label is used twice")
    for (label, expect, comment) in extraction.map({ ($0.label, $0.expect, $0.comment) })
      + metadata.map({ ($0.label, $0.expect, $0.comment) })
    {
      #expect(
        ["pass", "knownFailure"].contains(expect), "\(label): expect is pass or knownFailure")
      #expect(
        expect == "pass" || !(comment ?? "").isEmpty, "\(label): a knownFailure needs a comment")
    }
  }

  @Test(arguments: ExtractionCase.all)
  func extraction(_ testCase: ExtractionCase) throws {
    let extractor = try HTMLFixtures.extractor.get()
    let problems = testCase.problems(extractor: extractor)
    if testCase.expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: testCase.comment ?? "")) {
        #expect(problems.isEmpty, "\(problems)")
      }
    } else {
      #expect(problems.isEmpty, "\(problems)")
    }
  }

  @Test(arguments: MetadataCase.all)
  func metadata(_ testCase: MetadataCase) {
    let problems = testCase.problems()
    if testCase.expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: testCase.comment ?? "")) {
        #expect(problems.isEmpty, "\(problems)")
      }
    } else {
      #expect(problems.isEmpty, "\(problems)")
    }
  }
}
