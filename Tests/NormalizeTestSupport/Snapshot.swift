import Foundation

/// Compares text with a snapshot file, re-recording it when `RECORD_SNAPSHOTS=1` (as
/// swift-argument-parser's `assertSnapshot`). Returns a failure message instead of recording an
/// issue, so this support library does not depend on a test framework.
///
/// ```swift
/// if let failure = Snapshot.compare(json, with: snapshots.appendingPathComponent("yoo.json")) {
///   Issue.record(Comment(rawValue: failure))
/// }
/// ```
public enum Snapshot {
  /// Whether snapshots are being re-recorded (`RECORD_SNAPSHOTS=1` or `true`).
  public static var isRecording: Bool {
    let value = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"]?.lowercased()
    return value == "1" || value == "true"
  }

  /// Compares `actual` with the file at `url`, or writes it there when recording.
  ///
  /// - Returns: nil when they match (or after recording), else a message with the first
  ///   differing line and how to re-record.
  public static func compare(_ actual: String, with url: URL) -> String? {
    if isRecording {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return nil
      } catch {
        return "\(url.path): cannot record the snapshot: \(error)"
      }
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return "\(url.path): no snapshot; run with RECORD_SNAPSHOTS=1 to record it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return nil }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
    let got = line < actualLines.count ? String(actualLines[line]) : "<end of output>"
    return "\(url.path):\(line + 1): snapshot differs\n  expected: \(want)\n  actual:   \(got)\n"
      + "(run with RECORD_SNAPSHOTS=1 to re-record if the change is intended)"
  }
}
