import ArticleRecords
import Foundation
import NormalizeTestSupport
import Testing

/// What one demo article in `Samples/` should become, read from `Cases/samples.json` (schema:
/// `Cases/README.md`).
///
/// A key that is absent is not checked. For `standfirst`, `breadcrumb` and `sourceLine`, an
/// explicit `null` means "must be absent from the record"; `title` is required (`null`: no title).
struct SampleExpectation: Decodable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  /// An optional field of the record: not checked, or checked against a value (nil: absent).
  enum Check: Sendable, Equatable {
    case unchecked
    case equals(String?)
  }

  var file: String
  var title: String?
  var standfirst: Check
  var breadcrumb: Check
  var sourceLine: Check
  var credits: [String]?
  var tagsInclude: [String]
  var removedInclude: [String]
  var bodyInclude: [String]
  var expect: String
  var comment: String?
  /// Keys the entry has that the schema does not know (a typo would otherwise check nothing).
  var unknownKeys: [String]

  var testDescription: String { file }
  /// The sample's path is its label.
  var label: String { file }

  private enum Key: String, CodingKey, CaseIterable {
    case file, title, standfirst, breadcrumb, credits, tagsInclude, sourceLine, removedInclude,
      bodyInclude, expect,
      comment
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    file = try container.decode(String.self, forKey: .file)
    guard container.contains(.title) else {
      throw DecodingError.keyNotFound(
        Key.title,
        .init(
          codingPath: container.codingPath,
          debugDescription: "\(file): title is required (null: none)"))
    }
    title = try container.decodeIfPresent(String.self, forKey: .title)
    func check(_ key: Key) throws -> Check {
      container.contains(key)
        ? .equals(try container.decodeIfPresent(String.self, forKey: key)) : .unchecked
    }
    standfirst = try check(.standfirst)
    breadcrumb = try check(.breadcrumb)
    sourceLine = try check(.sourceLine)
    credits = try container.decodeIfPresent([String].self, forKey: .credits)
    tagsInclude = try container.decodeIfPresent([String].self, forKey: .tagsInclude) ?? []
    removedInclude = try container.decodeIfPresent([String].self, forKey: .removedInclude) ?? []
    bodyInclude = try container.decode([String].self, forKey: .bodyInclude)
    expect = try container.decode(String.self, forKey: .expect)
    comment = try container.decodeIfPresent(String.self, forKey: .comment)
    let known = Set(Key.allCases.map(\.rawValue))
    unknownKeys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter {
      !known.contains($0)
    }
  }

  static let folder = CaseTable.folder(besides: #filePath)

  /// Every entry of `Cases/samples.json`; a table that cannot be read or has no entries throws.
  static func all() throws -> [SampleExpectation] { try CaseTable.load("samples.json", in: folder) }

  /// The differences between `record` and this expectation, one message each (empty: as expected).
  func problems(in record: ArticleRecord) -> [String] {
    var problems: [String] = []
    func compare(_ name: String, _ check: Check, _ actual: String?) {
      if case .equals(let expected) = check, actual != expected {
        problems.append(
          "\(name): expected \(expected.map { "\"\($0)\"" } ?? "none"), got \(actual.map { "\"\($0)\"" } ?? "none")"
        )
      }
    }
    compare("title", .equals(title), record.title)
    compare("standfirst", standfirst, record.standfirst)
    compare("breadcrumb", breadcrumb, record.metadata.breadcrumb)
    compare("sourceLine", sourceLine, record.metadata.sourceLine)
    if let credits, record.metadata.credits != credits {
      problems.append("credits: expected \(credits), got \(record.metadata.credits)")
    }
    for tag in tagsInclude where !record.metadata.tags.contains(tag) {
      problems.append("tags lack \"\(tag)\" (tags: \(record.metadata.tags))")
    }
    let metadata = record.metadata
    let elsewhere =
      Set(record.removed.map(\.text)).union(metadata.credits).union(metadata.tags)
      .union([metadata.sourceLine, metadata.breadcrumb].compactMap { $0 })
    let bodyLines = Set(record.text.split(separator: "\n").map(String.init))
    for line in removedInclude {
      if bodyLines.contains(line) {
        problems.append("in the body, should be removed or metadata: \"\(line)\"")
      } else if !elsewhere.contains(line) {
        problems.append("neither removed nor metadata: \"\(line)\"")
      }
    }
    for sentence in bodyInclude where !record.text.contains(sentence) {
      problems.append("body lacks \"\(sentence)\"")
    }
    return problems
  }
}

/// Every demo article in `Samples/` runs through the library pipeline and is checked against its
/// entry in `Cases/samples.json`: title, standfirst, metadata, what must leave the body and what
/// must stay. Entries marked `knownFailure` must still fail, so that a fix shows up.
@Suite struct SampleExpectationTests {
  @Test("every sample has one well-formed entry")
  func tableIsWellFormed() throws {
    let entries = try CaseTable.load(
      "samples.json", in: SampleExpectation.folder, as: SampleExpectation.self)
    let samples = Fixtures.sampleFiles().map {
      String($0.path.dropFirst(Fixtures.samples.path.count + 1))
    }
    #expect(!samples.isEmpty)
    #expect(
      entries.map(\.file).sorted() == samples.sorted(), "one entry per Samples/<lang>/<slug>.txt")
    #expect(Set(entries.map(\.file)).count == entries.count, "a file is listed twice")
    for entry in entries {
      #expect(
        ["pass", "knownFailure"].contains(entry.expect),
        "\(entry.file): expect is pass or knownFailure")
      #expect(
        entry.expect == "pass" || !(entry.comment ?? "").isEmpty,
        "\(entry.file): a knownFailure needs a comment")
      #expect(!entry.bodyInclude.isEmpty, "\(entry.file): bodyInclude is empty")
      #expect(entry.unknownKeys.isEmpty, "\(entry.file): unknown keys \(entry.unknownKeys)")
      let strings =
        [entry.title].compactMap { $0 } + entry.tagsInclude + entry.removedInclude
        + entry.bodyInclude
      let hasEmpty = strings.contains { $0.isEmpty }
      #expect(!hasEmpty, "\(entry.file): empty string")
    }
  }

  @Test(arguments: try SampleExpectation.all())
  func sample(_ entry: SampleExpectation) throws {
    let path = Fixtures.samples.appendingPathComponent(entry.file).path
    let run = try Fixtures.run(paths: [path])
    let record = try #require(run.outcomes.first?.record, "\(entry.file) became no record")
    let problems = entry.problems(in: record)
    CaseRunner.run(entry) { #expect(problems.isEmpty, "\(problems)") }
  }
}
