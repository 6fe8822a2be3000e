import ArticleRecords
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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
      #expect(
        paragraph.start >= previousEnd && paragraph.end <= scalars.count
          && paragraph.start < paragraph.end)
      let slice = String(String.UnicodeScalarView(scalars[paragraph.start..<paragraph.end]))
      #expect(!slice.hasPrefix(" ") && !slice.hasSuffix(" ") && !slice.contains("\n\n"))
      previousEnd = paragraph.end
    }
    #expect(previousEnd == scalars.count || record.paragraphs.isEmpty)
  }

  @Test("reject lines, blank-line and not-a-regular-file ones included, match normalize.reject/1")
  func rejectLinesMatchTheirSchema() throws {
    let validator = try SchemaValidator(
      schemaURL: Fixtures.repository.appendingPathComponent(
        "Schemas/normalize.reject.1.schema.json"))
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
    #expect(
      codes == [
        "malformed-json", "blank-line", "missing-text", "not-an-object", "not-a-regular-file",
      ])
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

/// The schema's closed vocabularies (finding codes, severities, removal rules, TIMEX3 types,
/// mods and anchors) are generated from the code's own lists: this suite regenerates them and
/// compares, and `RECORD_SNAPSHOTS=1 swift test --filter SchemaVocabularyTests` rewrites the
/// schema file. A second check reads every finding code written as a literal in `Sources/` and
/// requires it to be in ``RecordVocabulary``, so a new code cannot skip the list.
@Suite struct SchemaVocabularyTests {
  /// The shipped `boilerplate.tsv` rule ids, from `Lexicons/*/boilerplate.tsv`.
  static func lexiconRemovalRules() throws -> [String] {
    var ids: Set<String> = []
    let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.lexicons.path)
    for folder in folders {
      let file = Fixtures.lexicons.appendingPathComponent(folder).appendingPathComponent(
        "boilerplate.tsv")
      guard let data = FileManager.default.contents(atPath: file.path) else { continue }
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n")
      where !line.hasPrefix("#") {
        if let id = line.split(separator: "\t").first?.trimmingCharacters(in: .whitespaces),
          !id.isEmpty
        {
          ids.insert(id)
        }
      }
    }
    return ids.sorted()
  }

  static func vocabularies() throws -> [String: [String]] {
    [
      "finding-codes": RecordVocabulary.findingCodes,
      "severities": RecordVocabulary.severities,
      "removal-rules": Array(
        Set(RecordVocabulary.builtInRemovalRules + (try lexiconRemovalRules()))
      ).sorted(),
      "timex-types": RecordVocabulary.timexTypes,
      "timex-mods": RecordVocabulary.timexMods,
      "timex-anchors": RecordVocabulary.timexAnchors,
    ]
  }

  /// The schema text with every generated enum replaced by the code's list.
  static func regenerated(_ text: String) throws -> (text: String, seen: Set<String>) {
    let regex = try NSRegularExpression(
      pattern: #""\$comment": "generated: ([a-z-]+)[^"]*", "enum": \[[^\]]*\]"#)
    let lists = try vocabularies()
    var out = ""
    var seen: Set<String> = []
    var last = text.startIndex
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      guard let whole = Range(match.range, in: text),
        let keyRange = Range(match.range(at: 1), in: text)
      else { continue }
      let key = String(text[keyRange])
      seen.insert(key)
      let values = (lists[key] ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
      let original = String(text[whole])
      let prefix = original[..<(original.range(of: "\"enum\": [")?.upperBound ?? original.endIndex)]
      out += text[last..<whole.lowerBound] + prefix + values + "]"
      last = whole.upperBound
    }
    out += text[last...]
    return (out, seen)
  }

  @Test func generatedEnumsMatchTheCode() throws {
    let text = String(decoding: try Data(contentsOf: Fixtures.schema), as: UTF8.self)
    let (fresh, seen) = try Self.regenerated(text)
    #expect(
      seen == Set(try Self.vocabularies().keys),
      "generated enums found in the schema: \(seen.sorted())")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil, fresh != text {
      try Data(fresh.utf8).write(to: Fixtures.schema)
      return
    }
    #expect(
      fresh == text,
      "the schema's enums differ from the code's lists; rerun with RECORD_SNAPSHOTS=1 to regenerate"
    )
  }

  /// Finding codes written as literals in the library sources (`code: "…"`, and the
  /// `("code", .severity, message)` tuples of `TextHygieneRules`).
  static func literalCodes() throws -> [String: String] {
    let sources = Fixtures.repository.appendingPathComponent("Sources")
    let regex = try NSRegularExpression(
      pattern: #"code:\s*"([a-z0-9-]+)"|\(\s*"([a-z0-9-]+)",\s*\.(?:error|warning|info)\b"#)
    var found: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift", !url.path.contains("/Sources/normalize/") else {
        continue
      }
      let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let group = match.range(at: 1).location != NSNotFound ? 1 : 2
        if let range = Range(match.range(at: group), in: text) {
          found[String(text[range])] = url.lastPathComponent
        }
      }
    }
    return found
  }

  @Test func everyFindingCodeInTheSourcesIsListed() throws {
    let listed = Set(RecordVocabulary.findingCodes + RecordVocabulary.rejectCodes)
    let literal = try Self.literalCodes()
    #expect(literal.count > 40, "the scan found \(literal.count) codes")
    for (code, file) in literal.sorted(by: { $0.key < $1.key }) {
      #expect(listed.contains(code), "\(code) (\(file)) is not in RecordVocabulary")
    }
    for code in RecordVocabulary.findingCodes {
      #expect(literal[code] != nil, "\(code) is listed but no source reports it")
    }
  }
}
