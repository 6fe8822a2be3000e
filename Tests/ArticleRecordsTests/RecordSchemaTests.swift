import ArticleRecords
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The records written for the shipped samples satisfy the JSON Schema in `Schemas/`, and their
/// offsets are Unicode scalar offsets that cut `text` where the paragraphs are.
@Suite struct RecordSchemaTests {
  static let samplePaths = Fixtures.sampleFiles().map(\.path)

  @Test func samplesExist() {
    #expect(Self.samplePaths.count >= 8, "Samples/ should hold at least eight articles")
  }

  @Test(arguments: samplePaths)
  func sampleRecordMatchesSchema(path: String) throws {
    let validator = try SchemaValidator(schemaURL: Fixtures.schema)
    let run = try Fixtures.run(paths: [path])
    #expect(run.outcomes.count == 1)
    let json = try #require(run.outcomes.first?.json)
    let object = try JSONSerialization.jsonObject(with: Data(json))
    let errors = validator.validate(object)
    #expect(errors.isEmpty, "\(errors.prefix(10).joined(separator: "\n"))")
  }

  @Test(arguments: samplePaths)
  func paragraphOffsetsAreScalarOffsets(path: String) throws {
    let run = try Fixtures.run(paths: [path])
    let record = try #require(run.outcomes.first?.record)
    let scalars = Array(record.text.unicodeScalars)
    var previousEnd = 0
    for paragraph in record.paragraphs {
      #expect(paragraph.start >= previousEnd && paragraph.end <= scalars.count && paragraph.start < paragraph.end)
      let slice = String(String.UnicodeScalarView(scalars[paragraph.start..<paragraph.end]))
      #expect(!slice.hasPrefix(" ") && !slice.hasSuffix(" ") && !slice.contains("\n\n"))
      previousEnd = paragraph.end
    }
    #expect(previousEnd == scalars.count || record.paragraphs.isEmpty)
  }

  @Test("reject lines, blank-line and not-a-regular-file ones included, match normalize.reject/1")
  func rejectLinesMatchTheirSchema() throws {
    let validator = try SchemaValidator(schemaURL: Fixtures.repository.appendingPathComponent("Schemas/normalize.reject.1.schema.json"))
    let folder = try Fixtures.temporaryFolder()
    let lines = "not json\n\n{\"id\":\"x\"}\n[1]\n"
    try Data(lines.utf8).write(to: folder.appendingPathComponent("bad.jsonl"))
    try #require(mkfifo(folder.appendingPathComponent("pipe.jsonl").path, 0o600) == 0)
    let reader = ArticleReader(paths: [folder.path], maxBytes: 1 << 20, rejectsBlankLines: true)
    var codes: [String] = []
    while let item = reader.next() {
      let reject: InputReject
      switch item {
      case .reject(let found, _): reject = found
      case .input(let raw):
        guard case .failure(let found) = ArticleParser.parse(raw) else { continue }
        reject = found
      }
      codes.append(reject.code)
      let object = try JSONSerialization.jsonObject(with: Data(try reject.jsonLine()))
      let errors = validator.validate(object)
      #expect(errors.isEmpty, "\(reject.code): \(errors.joined(separator: "; "))")
    }
    #expect(codes == ["malformed-json", "blank-line", "missing-text", "not-an-object", "not-a-regular-file"])
  }

  @Test func schemaRejectsABrokenRecord() throws {
    let validator = try SchemaValidator(schemaURL: Fixtures.schema)
    let broken: [String: Any] = ["schema": "normalize.article/2", "id": "x", "extra": 1]
    let errors = validator.validate(broken)
    #expect(errors.contains { $0.contains("constant") })
    #expect(errors.contains { $0.contains("missing required text") })
    #expect(errors.contains { $0.contains("unexpected property extra") })
  }
}
