import ArticleRecords
import Foundation
import NormalizeTestSupport
import Testing

/// One article of `Cases/idempotence.json` (schema: `Cases/README.md`): its record's `text`, fed
/// back with the same id and publication date, must come out unchanged.
struct IdempotenceCase: Decodable, Sendable, CustomTestStringConvertible {
  var label: String
  var comment: String?
  var text: String
  var title: String?
  var published: String?
  var bodyStartsWith: String?
  var expect: String

  var testDescription: String { label }

  static let folder = CaseTable.folder(besides: #filePath)
  static let all: [IdempotenceCase] = CaseTable.loadOrEmpty("idempotence.json", in: folder)
}

/// `normalize` on its own output changes nothing: the second pass over a record's `text` keeps
/// every paragraph in the body, with the same kinds (issue 19: dateline and "NOTES:" paragraphs
/// left the body on the second pass). `Scripts/check-idempotence` checks the same on real data.
@Suite struct IdempotenceTests {
  @Test("the idempotence table is well formed")
  func tableIsWellFormed() throws {
    let cases = try CaseTable.load(
      "idempotence.json", in: IdempotenceCase.folder, as: IdempotenceCase.self)
    #expect(!cases.isEmpty, "the table is empty")
    #expect(Set(cases.map(\.label)).count == cases.count, "a label is used twice")
    for entry in cases {
      #expect(
        ["pass", "knownFailure"].contains(entry.expect),
        "\(entry.label): expect is pass or knownFailure")
      #expect(
        entry.expect == "pass" || !(entry.comment ?? "").isEmpty,
        "\(entry.label): a knownFailure needs a comment")
      #expect(!entry.text.isEmpty, "\(entry.label): empty text")
    }
  }

  @Test(arguments: IdempotenceCase.all)
  func secondPassChangesNothing(_ entry: IdempotenceCase) throws {
    let assembler = try Fixtures.assembler()
    let first = assembler.assemble(
      ArticleInput(
        id: entry.label, text: entry.text, title: entry.title, published: entry.published))
    let second = assembler.assemble(
      ArticleInput(id: entry.label, text: first.text, published: first.published?.value))
    func problems() -> [String] {
      var found: [String] = []
      if let start = entry.bodyStartsWith, !first.text.hasPrefix(start) {
        found.append(
          "the first pass's body does not start with \"\(start)\": \"\(first.text.prefix(80))\"")
      }
      if second.text != first.text {
        let kept = Set(second.text.components(separatedBy: "\n\n"))
        let lost = first.text.components(separatedBy: "\n\n").filter { !kept.contains($0) }
        found.append(
          "the second pass changed the body; paragraphs lost or changed: \(lost.map { "\"\($0.prefix(80))\"" })"
        )
      }
      if second.paragraphs.map(\.kind) != first.paragraphs.map(\.kind) {
        found.append(
          "paragraph kinds \(first.paragraphs.map(\.kind)) became \(second.paragraphs.map(\.kind))")
      }
      return found
    }
    if entry.expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: entry.comment ?? "")) {
        let found = problems()
        #expect(found.isEmpty, "\(found)")
      }
    } else {
      let found = problems()
      #expect(found.isEmpty, "\(found)")
    }
  }
}
