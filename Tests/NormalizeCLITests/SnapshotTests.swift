import Foundation
import NormalizeTestSupport
import Testing

/// Snapshots of what users see: the `--help` of every command and the record of every article
/// in `Samples/`, from the built `normalize` binary, compared byte for byte with the files in
/// `Snapshots/` (`RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` re-records them, as
/// swift-argument-parser's `assertSnapshot` does; review the diff before committing).
@Suite struct SnapshotTests {
  static let snapshots = TestPaths.folder(of: #filePath).appendingPathComponent("Snapshots")

  /// Every command path whose help is pinned ("process" is the default subcommand).
  static let commands: [[String]] = [
    [], ["process"], ["clean"], ["name"], ["date"], ["ref"], ["validate"],
    ["lexicon"], ["lexicon", "build"], ["lexicon", "merge"], ["lexicon", "check"],
    ["lexicon", "lookup"],
    ["lexicon", "export"],
  ]

  /// Every sample article, as a path relative to the repository (what the record's
  /// `source.file` then says).
  static func samples() throws -> [String] {
    let root = TestPaths.repoRoot.appendingPathComponent("Samples")
    let files =
      FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
    let texts = files.filter { $0.hasSuffix(".txt") }.sorted().map { "Samples/" + $0 }
    guard !texts.isEmpty else {
      throw CaseTable.LoadError(path: root.path, message: "no sample articles")
    }
    return texts
  }

  @Test(arguments: commands)
  func help(_ command: [String]) throws {
    let result = try Self.run(command + ["--help"])
    #expect(result.status == 0)
    let name = (["normalize"] + command).joined(separator: "-")
    if let failure = Snapshot.compare(
      result.stdout, with: Self.snapshots.appendingPathComponent("help/\(name).txt"))
    {
      Issue.record(Comment(rawValue: failure))
    }
  }

  @Test(arguments: try samples())
  func record(_ sample: String) throws {
    let result = try Self.run([sample])
    #expect(result.status == 0)
    let name = sample.dropFirst("Samples/".count).dropLast(".txt".count).replacingOccurrences(
      of: "/", with: "-")
    if let failure = Snapshot.compare(
      result.stdout, with: Self.snapshots.appendingPathComponent("records/\(name).jsonl"))
    {
      Issue.record(Comment(rawValue: failure))
    }
  }

  /// Runs the built binary from the repository root with a fixed terminal width.
  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
    let binary = try #require(
      CLITests.binary, "the normalize binary was not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = TestPaths.repoRoot
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "100"
    environment["NORMALIZE_LEXICONS"] = nil
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
