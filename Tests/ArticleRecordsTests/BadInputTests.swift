import ArticleRecords
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every kind of bad input becomes a record (with findings) or a reject with a reason, and the
/// counts always add up: read = written + rejected.
@Suite struct BadInputTests {
  private func write(_ bytes: [UInt8], name: String) throws -> String {
    let folder = try Fixtures.temporaryFolder()
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  private func expectBalanced(_ counts: RecordPipeline.Counts) {
    #expect(counts.read == counts.written + counts.rejected)
  }

  @Test func emptyTextFileIsRejected() throws {
    let run = try Fixtures.run(paths: [try write([], name: "empty.txt")])
    #expect(run.counts.read == 1 && run.counts.rejected == 1)
    #expect(run.outcomes.first?.reject?.code == "empty-input")
    expectBalanced(run.counts)
  }

  @Test func emptyJSONLinesFileHasNoInputs() throws {
    let run = try Fixtures.run(paths: [try write([], name: "empty.jsonl")])
    #expect(run.counts.read == 0)
    expectBalanced(run.counts)
  }

  @Test func blankAndWhitespaceLinesAreSkippedAndCounted() throws {
    let lines =
      "{\"id\":\"a\",\"text\":\"Kyiv is the capital.\"}\n\n   \n\t\r\n{\"id\":\"b\",\"text\":\"Seoul too.\"}\n"
    let run = try Fixtures.run(paths: [try write(Array(lines.utf8), name: "blank.jsonl")])
    #expect(run.counts.written == 2)
    #expect(run.reader.blankLines == 3)
    #expect(run.outcomes.compactMap(\.record).map(\.id) == ["a", "b"])
  }

  @Test("a FIFO met in a folder walk is a not-a-regular-file reject naming it, not a hang")
  func fifoInAFolderIsSkipped() throws {
    let folder = try Fixtures.temporaryFolder()
    try Data("{\"id\":\"a\",\"text\":\"Kyiv is the capital.\"}\n".utf8).write(
      to: folder.appendingPathComponent("a.jsonl"))
    let fifo = folder.appendingPathComponent("b.jsonl").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let run = try Fixtures.run(paths: [folder.path])
    #expect(run.counts.written == 1 && run.counts.rejected == 1)
    let reject = try #require(run.outcomes.last?.reject)
    #expect(
      reject.code == "not-a-regular-file" && reject.file == fifo && reject.reason.contains("FIFO"))
    expectBalanced(run.counts)
  }

  /// Regression (issue 19): a link back up the tree (sub/up -> ..) read the same file 41 times
  /// until the path grew too long; a link to itself was skipped without a word.
  @Test("symbolic link loops in a folder walk end with a symlink-loop reject each")
  func symlinkLoopsEndWithAReject() throws {
    let folder = try Fixtures.temporaryFolder()
    try Data("{\"id\":\"a\",\"text\":\"Kyiv is the capital.\"}\n".utf8).write(
      to: folder.appendingPathComponent("a.jsonl"))
    let sub = folder.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try #require(symlink("..", sub.appendingPathComponent("up").path) == 0)
    try #require(symlink("self2.jsonl", folder.appendingPathComponent("self1.jsonl").path) == 0)
    try #require(symlink("self1.jsonl", folder.appendingPathComponent("self2.jsonl").path) == 0)
    let run = try Fixtures.run(paths: [folder.path])
    #expect(run.counts.written == 1)
    let rejects = run.outcomes.compactMap(\.reject)
    #expect(rejects.map(\.code) == ["symlink-loop", "symlink-loop", "symlink-loop"])
    #expect(
      Set(rejects.map { URL(fileURLWithPath: $0.file).lastPathComponent }) == [
        "self1.jsonl", "self2.jsonl", "up",
      ])
    expectBalanced(run.counts)
  }

  @Test("a pipe stage: blank lines become rejects, standard input gets a name and a line offset")
  func blankLinesAsRejectsWithOffset() throws {
    let lines = "{\"text\":\"Kyiv is the capital.\"}\n\n{broken\n"
    let path = try write(Array(lines.utf8), name: "stage.jsonl")
    let reader = ArticleReader(paths: [path], maxBytes: 1 << 20, rejectsBlankLines: true)
    var items: [ReadItem] = []
    while let item = reader.next() { items.append(item) }
    #expect(items.count == 3)
    if case .reject(let reject, _) = items[1] {
      #expect(reject.code == "blank-line" && reject.line == 2)
      #expect(
        String(decoding: try reject.jsonLine(), as: UTF8.self).hasPrefix(
          "{\"schema\":\"normalize.reject/1\",\"code\":\"blank-line\""))
    } else {
      Issue.record("the blank line is not a reject")
    }
  }

  @Test func malformedJSONIsRejectedWithItsLine() throws {
    let lines =
      "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"unterminated}\n[1,2]\n{\"id\":\"d\"}\n{\"id\":\"e\",\"text\":\"fine\"}\n"
    let run = try Fixtures.run(paths: [try write(Array(lines.utf8), name: "bad.jsonl")])
    #expect(run.counts.read == 5 && run.counts.written == 2 && run.counts.rejected == 3)
    let rejects = run.outcomes.compactMap(\.reject)
    #expect(rejects.map(\.code) == ["malformed-json", "not-an-object", "missing-text"])
    #expect(rejects.map(\.line) == [2, 3, 4])
    #expect(rejects[2].id == "d")
    expectBalanced(run.counts)
  }

  @Test func fiftyMegabyteLineIsRejectedWithoutLosingTheNextLine() throws {
    var bytes = Array("{\"id\":\"huge\",\"text\":\"".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
    bytes += Array("\"}\n{\"id\":\"after\",\"text\":\"Still read.\"}\n".utf8)
    let run = try Fixtures.run(paths: [try write(bytes, name: "huge.jsonl")])
    #expect(run.counts.read == 2)
    #expect(run.outcomes.first?.reject?.code == "too-large")
    #expect(run.outcomes.first?.reject?.line == 1)
    #expect(run.outcomes.last?.record?.id == "after")
    expectBalanced(run.counts)
  }

  @Test func binaryFileIsRejected() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0, 0, 0, 0]
    let run = try Fixtures.run(paths: [try write(bytes, name: "blob.txt")])
    #expect(run.outcomes.first?.reject?.code == "binary-data")
    expectBalanced(run.counts)
  }

  @Test func invalidUTF8IsRepairedAndReportedWithByteOffsets() throws {
    // "Kyiv " then a Latin-1 é (0xE9) at byte 5, then a truncated 3-byte sequence at byte 11.
    let bytes: [UInt8] =
      Array("Kyiv ".utf8) + [0xE9] + Array(" caf".utf8) + [0x20, 0xE2, 0x82]
      + Array(" end of the sentence.".utf8)
    let run = try Fixtures.run(paths: [try write(bytes, name: "latin1.txt")])
    let record = try #require(run.outcomes.first?.record)
    let offsets = record.findings.filter { $0.code == "invalid-utf8" }.compactMap(\.byteOffset)
    #expect(offsets == [5, 11])
    #expect(record.text.contains("\u{FFFD}"))
  }

  @Test func invalidUTF8InsideAJSONLineCountsBytesFromTheFileStart() throws {
    // A truncated UTF-8 sequence (the euro sign's first two bytes): no charset reads it as text.
    let first = Array("{\"text\":\"first article here\"}\n".utf8)
    let second = Array("{\"text\":\"caf".utf8) + [0xE2, 0x82] + Array(" au lait\"}\n".utf8)
    let run = try Fixtures.run(paths: [try write(first + second, name: "mixed.jsonl")])
    let record = try #require(run.outcomes.last?.record)
    #expect(record.findings.first { $0.code == "invalid-utf8" }?.byteOffset == first.count + 12)
  }

  @Test func loneEscapedSurrogateIsReplacedAndReported() throws {
    let first = Array("{\"text\":\"first article here\"}\n".utf8)
    let second =
      Array(#"{"text": "Kim Min-ji spoke in Seoul. \ud800 was left by the exporter."}"#.utf8) + [
        0x0A
      ]
    let run = try Fixtures.run(paths: [try write(first + second, name: "surrogate.jsonl")])
    let record = try #require(run.outcomes.last?.record)
    #expect(record.text.unicodeScalars.contains("\u{FFFD}"))
    let finding = try #require(record.findings.first { $0.code == "lone-surrogate" })
    #expect(finding.byteOffset == first.count + 37)
    #expect(finding.severity == .warning)
  }

  @Test func nulBytesAreRemovedAndReported() throws {
    let bytes =
      Array("Seoul and Kyiv".utf8) + [0] + Array(" signed the agreement on Thursday.".utf8)
    let run = try Fixtures.run(paths: [try write(bytes, name: "nul.txt")])
    let record = try #require(run.outcomes.first?.record)
    #expect(!record.text.unicodeScalars.contains("\u{0}"))
    #expect(record.findings.contains { $0.code == "nul-character" && $0.start == 14 })
  }

  @Test func bidiOverridesAreRemovedAndReported() throws {
    let text = "The file invoice\u{202E}fdp.exe was attached to the message sent on Monday."
    let run = try Fixtures.run(paths: [try write(Array(text.utf8), name: "bidi.txt")])
    let record = try #require(run.outcomes.first?.record)
    #expect(!record.text.unicodeScalars.contains("\u{202E}"))
    #expect(record.findings.contains { $0.code == "bidi-control" && $0.start == 16 })
  }

  @Test func unreadablePathIsRejectedAndTheRestIsRead() throws {
    let good = try write(
      Array("An article about Kyiv and Seoul that is long enough.".utf8), name: "good.txt")
    let run = try Fixtures.run(paths: ["/nonexistent/normalize/input.txt", good])
    #expect(run.counts.read == 2 && run.counts.unreadable == 1 && run.counts.written == 1)
    #expect(run.outcomes.first?.reject?.code == "unreadable")
    expectBalanced(run.counts)
  }

  #if os(Linux)
    /// A file that opens but fails to read (reading /proc/self/mem at offset 0 gives EIO) is one
    /// reject naming the error, and reading goes on with the next path.
    @Test func readErrorIsOneRejectAndTheRestIsRead() throws {
      let folder = try Fixtures.temporaryFolder()
      let failing = folder.appendingPathComponent("failing.jsonl")
      try FileManager.default.createSymbolicLink(
        atPath: failing.path, withDestinationPath: "/proc/self/mem")
      let good = try write(
        Array("An article about Kyiv and Seoul that is long enough.".utf8), name: "good.txt")
      let run = try Fixtures.run(paths: [failing.path, good])
      #expect(run.counts.read == 2 && run.counts.unreadable == 1 && run.counts.written == 1)
      let reject = try #require(run.outcomes.first?.reject)
      #expect(reject.code == "unreadable" && reject.reason.hasPrefix("cannot read: "))
      expectBalanced(run.counts)
    }
  #endif

  @Test func outputKeepsInputOrderWithTwoJobs() throws {
    var lines = ""
    for index in 0..<300 {
      let filler = String(repeating: "Kyiv and Seoul talk. ", count: index % 17 + 1)
      lines += "{\"id\":\"n\(index)\",\"text\":\"\(filler)\"}\n"
    }
    let path = try write(Array(lines.utf8), name: "order.jsonl")
    let parallel = try Fixtures.run(paths: [path], jobs: 2)
    #expect(parallel.outcomes.compactMap(\.record).map(\.id) == (0..<300).map { "n\($0)" })
    let serial = try Fixtures.run(paths: [path], jobs: 1)
    #expect(parallel.outcomes.compactMap(\.json) == serial.outcomes.compactMap(\.json))
    // Without records (what `normalize` itself runs): the same lines and the same counts.
    let linesOnly = try Fixtures.run(paths: [path], jobs: 2, keepsRecords: false)
    #expect(linesOnly.outcomes.compactMap(\.record).isEmpty)
    #expect(linesOnly.outcomes.compactMap(\.json) == serial.outcomes.compactMap(\.json))
    #expect(linesOnly.counts == serial.counts)
  }

  @Test func foldersAreReadInSortedOrderWithSidecars() throws {
    let folder = try Fixtures.temporaryFolder()
    try Data("Second article text about Seoul.".utf8).write(
      to: folder.appendingPathComponent("b.txt"))
    try Data("First article text about Kyiv.".utf8).write(
      to: folder.appendingPathComponent("a.txt"))
    try Data("{\"published\":\"2025-05-28\",\"lang\":\"en\",\"shows\":[\"x\"]}".utf8).write(
      to: folder.appendingPathComponent("a.meta.json"))
    try Data("not an article".utf8).write(to: folder.appendingPathComponent("notes.csv"))
    let run = try Fixtures.run(paths: [folder.path])
    let records = run.outcomes.compactMap(\.record)
    #expect(records.map(\.id) == ["a", "b"])
    #expect(
      records.first?.published?.value == "2025-05-28" && records.first?.published?.from == "input")
    #expect(records.first?.input?["shows"] != nil)
  }

  /// Regression (issue 19): a .meta.json nested 100,000 levels deep is ignored with a finding
  /// before JSONDecoder recurses into it.
  @Test func deeplyNestedSidecarIsIgnoredWithAFinding() throws {
    let folder = try Fixtures.temporaryFolder()
    try Data("An article text about Seoul and Kyiv.".utf8).write(
      to: folder.appendingPathComponent("a.txt"))
    let deep =
      "{\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
      + "}"
    try Data(deep.utf8).write(to: folder.appendingPathComponent("a.meta.json"))
    let run = try Fixtures.run(paths: [folder.path])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.findings.contains { $0.message.contains("deeper than 64 levels") })
  }

  @Test func invalidPublishedDateIsReportedNotInvented() throws {
    let line =
      "{\"id\":\"x\",\"published\":\"2025-02-30\",\"text\":\"On Thursday the talks resumed in Kyiv.\"}\n"
    let run = try Fixtures.run(paths: [try write(Array(line.utf8), name: "date.jsonl")])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.published == nil)
    #expect(record.findings.contains { $0.code == "invalid-published" })
  }
}
