import Foundation
import NormalizeKit

/// Finds the shipped `Lexicons/` folder whatever the working directory: `NORMALIZE_LEXICONS`,
/// then beside the binary (`<bin>/Lexicons`, `<bin>/../share/normalize/Lexicons`), then up
/// from the binary (a build folder inside the repository), then the repository the binary
/// was built from.
enum LexiconLocator {
  static func shippedRoot() -> URL? {
    let fm = FileManager.default
    func isLexiconRoot(_ url: URL) -> Bool {
      var isDirectory: ObjCBool = false
      return fm.fileExists(atPath: url.appendingPathComponent("README.md").path)
        && fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    if let env = ProcessInfo.processInfo.environment["NORMALIZE_LEXICONS"], !env.isEmpty {
      return URL(fileURLWithPath: env)
    }
    let binary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    var candidates: [URL] = []
    let binDir = binary.deletingLastPathComponent()
    candidates.append(binDir.appendingPathComponent("Lexicons"))
    candidates.append(binDir.deletingLastPathComponent().appendingPathComponent("share/normalize/Lexicons"))
    var up = binDir
    for _ in 0..<6 {
      up = up.deletingLastPathComponent()
      candidates.append(up.appendingPathComponent("Lexicons"))
    }
    // The repository this binary was built from.
    let source = URL(fileURLWithPath: #filePath)
    candidates.append(
      source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons"))
    return candidates.first(where: isLexiconRoot)
  }

  /// The provider for the shipped lexicons plus the user's extra folders and name-lexicon
  /// files (a `.tsv` file given to `--lexicons` is read as `all/aliases.tsv`, the format
  /// `normalize lexicon build` writes).
  static func provider(extra: [String]) throws -> DirectoryLexiconProvider {
    guard let shipped = shippedRoot() else {
      throw ValidationErrorMessage(
        "cannot find the shipped Lexicons/ folder; set NORMALIZE_LEXICONS to the repository's Lexicons/ or install it beside the binary")
    }
    var folders: [URL] = [shipped]
    var files: [(url: URL, kind: String, language: String)] = []
    for path in extra {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
        files.append((url: URL(fileURLWithPath: path), kind: "aliases", language: "all"))
      } else {
        folders.append(URL(fileURLWithPath: path))
      }
    }
    return try DirectoryLexiconProvider(roots: folders, files: files)
  }
}

/// An error whose description is shown to the user as is.
struct ValidationErrorMessage: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
