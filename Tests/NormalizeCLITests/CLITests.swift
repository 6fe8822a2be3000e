import Foundation
import NormalizeTestSupport
import ShippedLexicons
import Testing

/// Runs the built `normalize` binary: help, exit statuses, standard input, output files and
/// rejects. The logic itself is tested below the CLI; these check the contract of the tool.
@Suite struct CLITests {
  static let repository = TestPaths.repoRoot

  /// The `normalize` binary next to the test bundle (SwiftPM builds it with the tests).
  static var binary: URL? {
    let here = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    let candidates = [
      here, here.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug"),
    ]
    .map { $0.appendingPathComponent("normalize") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  func run(_ arguments: [String], stdin: String? = nil, stdinBytes: [UInt8]? = nil) throws -> Run {
    let binary = try #require(Self.binary, "the normalize binary was not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    if let stdinBytes { input.fileHandleForWriting.write(Data(stdinBytes)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }

  @Test func helpExplainsInputsAndExitStatus() throws {
    let result = try run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("JSON Lines"))
    #expect(result.stdout.contains("--published"))
    #expect(result.stdout.contains("Exit status"))
    #expect(result.stdout.contains("clean"))
  }

  @Test(
    "ref --jsonl keeps a line with invalid UTF-8 (U+FFFD and a finding) and skips malformed JSON with its line"
  )
  func refJSONLinesBadInput() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "normalize-ref-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    var bytes =
      Array(#"{"id":"a","text":"Ab"#.utf8) + [0xFF, 0xFE]
      + Array(#" (2001). Rivers. Sun Press."}"#.utf8)
    bytes += Array("\nnot json\n".utf8)
    try Data(bytes).write(to: file)
    let result = try run(["ref", "--jsonl", file.path])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains("\"invalid-utf8\"") == true)
    #expect(lines.first?.contains("\u{FFFD}") == true)
    #expect(result.stderr.contains("line 2: not a JSON object"))
  }

  @Test(
    "ref --jsonl turns a lone escaped surrogate into U+FFFD with a finding; the CSL item has an id from the text"
  )
  func refJSONLinesLoneSurrogate() throws {
    let result = try run(
      ["ref", "--jsonl"],
      stdin: #"{"text": "Kim, M. (2024). Ferry routes \ud800 east. Sea Studies, 3, 45-67."}"# + "\n"
    )
    #expect(result.status == 0)
    #expect(result.stdout.contains("\u{FFFD}"))
    #expect(result.stdout.contains("\"lone-surrogate\""))
    #expect(result.stdout.contains("\"id\":\"ref-"))
  }

  @Test(
    "-o writes through an existing path (a symlink, a device such as /dev/null) instead of replacing it"
  )
  func outputOpensThePathInPlace() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "normalize-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("target.jsonl")
    let link = folder.appendingPathComponent("link.jsonl")
    try Data("an older and much longer content that must be truncated away\n".utf8).write(
      to: target)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let result = try run(
      ["-o", link.path], stdin: "Seoul and Kyiv signed the agreement on Thursday.\n")
    #expect(result.status == 0)
    #expect(
      (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == target.path,
      "the link was replaced")
    let written = String(decoding: try Data(contentsOf: target), as: UTF8.self)
    #expect(written.hasPrefix("{\"schema\":\"normalize.article/1\"") && !written.contains("older"))
  }

  @Test func samplesBecomeOneRecordEach() throws {
    let result = try run([Self.repository.appendingPathComponent("Samples").path, "--jobs", "2"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count >= 8)
    #expect(
      lines.allSatisfy { $0.hasPrefix("{") && $0.contains("\"schema\":\"normalize.article/1\"") })
    #expect(result.stderr.contains("all inputs accounted for"))
  }

  @Test func standardInputIsSniffedAsJSONLines() throws {
    let input = "{\"id\":\"a\",\"text\":\"Kyiv and Seoul.\"}\n{\"id\":\"b\",\"text\":\"Second.\"}\n"
    let result = try run(["--published", "2025-05-28"], stdin: input)
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 2)
    #expect(result.stdout.contains("\"from\":\"option\""))
  }

  @Test func standardInputTextIsOneArticle() throws {
    let result = try run(
      ["-"], stdin: "Seoul – A plain article.\n\nSecond paragraph here, with more words in it.\n")
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 1)
  }

  @Test func rejectsGoToTheirFileAndExitOne() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "normalize-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let rejects = folder.appendingPathComponent("rejects.jsonl").path
    let output = folder.appendingPathComponent("out.jsonl").path
    let result = try run(
      ["-o", output, "--rejects", rejects], stdin: "{\"text\":\"ok article text\"}\n{broken\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("malformed-json"))
    #expect(result.stderr.contains("read 2, written 1, rejected 1"))
    let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(rejected.contains("\"code\":\"malformed-json\"") && rejected.contains("\"line\":2"))
    #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 1)
  }

  @Test func unreadablePathExitsTwo() throws {
    let result = try run(["/nonexistent/normalize/input.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("/nonexistent/normalize/input.txt"))
  }

  /// Regression (issue 19): `ref|name|date --jsonl` given a folder printed a raw Foundation
  /// error (NSCocoaErrorDomain 256); now the words `normalize` uses, and exit status 2.
  @Test(arguments: ["ref", "name", "date"])
  func jsonlSubcommandsReportAFolderAsNormalizeDoes(subcommand: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "normalize-folder-\(subcommand)"
    ).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let result = try run([subcommand, "--jsonl", folder])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "normalize: \(folder): unreadable: is a folder; give a JSON Lines file, or - for standard input\n"
    )
    let missing = try run([subcommand, "--jsonl", folder + "/missing.jsonl"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("unreadable: no such file or folder; check the path"))
  }

  /// Regression (issue 19): a 15 MB "name" made `name --jsonl` peak at 12.5x its size; a field
  /// longer than a name can be is skipped with its reason before any analysis.
  @Test func nameLinesLongerThanANameAreSkipped() throws {
    let long = String(repeating: "Yoo Yong-won ", count: 200)
    let input = "{\"latin\": \"\(long)\"}\n{\"latin\": \"Yoo Yong-won\"}\n"
    let result = try run(["name", "--jsonl", "-"], stdin: input)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stdout.contains("유용원"))
    #expect(result.stderr.contains("line 1: \"latin\" is 2600 bytes long, more than a name's 1024"))
  }

  /// A name line that is not valid UTF-8 is skipped with that reason, the next line still read.
  @Test func nameLinesOfInvalidUTF8SayWhy() throws {
    let bytes =
      Array("{\"latin\": \"Yoo ".utf8) + [0xFF]
      + Array(" Yong-won\"}\n{\"latin\": \"Yoo Yong-won\"}\n".utf8)
    let result = try run(["name", "--jsonl", "-"], stdinBytes: bytes)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("line 1: not valid UTF-8; skipped"))
  }

  /// A date line that is not valid UTF-8 is skipped with that reason, the next line still read.
  @Test func dateLinesOfInvalidUTF8SayWhy() throws {
    let bytes =
      Array("{\"text\": \"am 13. Dezember ".utf8) + [0xFF]
      + Array(
        "\", \"dct\": \"2024-01-02\"}\n{\"text\": \"On Thursday\", \"dct\": \"2024-05-02\"}\n".utf8)
    let result = try run(["date", "--jsonl", "-"], stdinBytes: bytes)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr.contains(":1: not valid UTF-8"))
  }

  @Test func badPublishedDateIsAUsageError() throws {
    let result = try run(["--published", "2025-02-30"], stdin: "text")
    #expect(result.status == 2)
    #expect(result.stderr.contains("YYYY-MM-DD"))
    let unknown = try run(["--no-such-option"], stdin: "text")
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no-such-option"))
  }

  @Test func cleanPrintsCleanedTextAndExplains() throws {
    let result = try run(["clean", "--explain", "Ｓｅｏｕｌ\u{A0}– Yoo Yong\u{2010}won"])
    #expect(result.status == 0)
    #expect(result.stdout == "Seoul – Yoo Yong-won\n")
    #expect(result.stderr.contains("changed fold-fullwidth-forms"))
    #expect(result.stderr.contains("changed normalize-hyphens-and-dashes"))
  }

  @Test("--rejects - answers every input line with one output line, in order, and exits 0")
  func rejectsInTheStream() throws {
    let input =
      "{\"id\":\"a\",\"text\":\"Kyiv and Seoul.\"}\nnot json\n\n{\"id\":\"b\",\"text\":\"Second.\"}\n"
    let result = try run(
      ["--rejects", "-", "--stdin-name", "corpus.jsonl", "--line-offset", "100"], stdin: input)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    let schemas = lines.map {
      $0.contains("\"schema\":\"normalize.reject/1\"") ? "reject" : "record"
    }
    #expect(schemas == ["record", "reject", "reject", "record"])
    #expect(
      lines[1].contains("\"code\":\"malformed-json\"")
        && lines[1].contains("\"file\":\"corpus.jsonl\"") && lines[1].contains("\"line\":102"))
    #expect(lines[2].contains("\"code\":\"blank-line\"") && lines[2].contains("\"line\":103"))
  }

  @Test func versionNamesTheDataChecksum() throws {
    let result = try run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("normalize "))
    #expect(result.stdout.contains(ShippedLexicons.checksum))
  }
}
