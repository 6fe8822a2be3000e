import Foundation

/// Locates the repository and the shared fixtures folder from source file paths, so tests read
/// their data from disk (`#filePath`) instead of bundling resources.
///
/// ```swift
/// let cases = TestPaths.folder(of: #filePath).appendingPathComponent("Cases")
/// let seeds = TestPaths.shared?.appendingPathComponent("seeds")
/// ```
public enum TestPaths {
  /// The folder that contains the source file `filePath` (pass `#filePath`).
  public static func folder(of filePath: StaticString) -> URL {
    URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent()
  }

  /// The repository root: the nearest folder above this file that holds `Package.swift`.
  public static let repoRoot: URL = {
    let start = TestPaths.folder(of: #filePath)
    var folder = start
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        return folder
      }
      folder = folder.deletingLastPathComponent()
    }
    // Tests/NormalizeTestSupport/TestPaths.swift is two levels below the root.
    return start.deletingLastPathComponent().deletingLastPathComponent()
  }()

  /// Where the shared, read-only fixtures should be: `<repo root>/../shared`.
  public static var sharedLocation: URL {
    repoRoot.deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL
  }

  /// `<repo root>/../shared` when that folder exists, else nil.
  public static var shared: URL? {
    var isDirectory: ObjCBool = false
    let path = sharedLocation.path
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
      ? sharedLocation : nil
  }

  /// Whether the tests run in CI (`CI=true`), where missing fixtures are failures, not skips.
  public static var isCI: Bool {
    ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
  }

  /// Whether tests that need `../shared` should run: it exists, or we are in CI (where the
  /// test then runs and fails on the missing folder instead of being skipped silently).
  ///
  /// Use as `@Test(.enabled(if: TestPaths.sharedFixturesRunnable, "…"))`.
  public static var sharedFixturesRunnable: Bool { shared != nil || isCI }

  /// The files in `folder` with extension `ext`, sorted by name; empty if the folder is missing.
  public static func files(in folder: URL, withExtension ext: String) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map {
      folder.appendingPathComponent($0)
    }
  }
}
