import Foundation
import NormalizeKit
import ShippedLexicons

/// Where the shipped lexicons come from: compiled into the binary (the `EmbedLexicons` plugin
/// turns `Lexicons/` into Swift source at build time), so a copied or installed `normalize`
/// needs nothing beside it. `NORMALIZE_LEXICONS=DIR` replaces the built-in data with a folder
/// (for trying edits to `Lexicons/` without rebuilding); `--lexicons` adds data on top of either.
public enum LexiconLocator {
  /// Lexicon files the pipeline cannot work without; data lacking one is an error (exit 2),
  /// never a run that quietly drops boilerplate, names or references.
  public static let requiredFiles = [
    "refs/reference-model.tsv", "ko/surnames.tsv", "all/boilerplate.tsv", "en/stopwords.tsv",
  ]

  /// The folder named by `NORMALIZE_LEXICONS`, if set.
  public static var overrideRoot: URL? {
    guard let env = ProcessInfo.processInfo.environment["NORMALIZE_LEXICONS"], !env.isEmpty else {
      return nil
    }
    return URL(fileURLWithPath: env)
  }

  /// One line for `--version`: where the data comes from and its checksum.
  public static var dataDescription: String {
    if let root = overrideRoot {
      return
        "data: NORMALIZE_LEXICONS=\(root.path) (replaces the built-in \(ShippedLexicons.checksum))"
    }
    return
      "data: built in, \(ShippedLexicons.files.count) files, \(ShippedLexicons.byteCount) bytes, \(ShippedLexicons.checksum)"
  }

  /// The provider for the shipped lexicons plus the user's extra folders and name-lexicon
  /// files (a `.tsv` file given to `--lexicons` is read as `all/aliases.tsv`, the format
  /// `normalize lexicon build` writes).
  ///
  /// - Throws: `ValidationErrorMessage` when the shipped data lacks a required file or an extra
  ///   folder or file does not exist.
  public static func provider(extra: [String]) throws -> DirectoryLexiconProvider {
    var folders: [URL] = []
    var embedded: [(path: String, text: String)] = []
    if let root = overrideRoot {
      let fm = FileManager.default
      for file in requiredFiles
      where !fm.isReadableFile(atPath: root.appendingPathComponent(file).path) {
        throw ValidationErrorMessage(
          "NORMALIZE_LEXICONS=\(root.path) lacks \(file) (or it is unreadable); point it at a copy of the repository's Lexicons/ or unset it to use the built-in data"
        )
      }
      folders.append(root)
    } else {
      embedded = ShippedLexicons.files
      let present = Set(embedded.map(\.path))
      for file in requiredFiles where !present.contains(file) {
        throw ValidationErrorMessage(
          "the built-in lexicons lack \(file); rebuild normalize from a complete Lexicons/ folder")
      }
    }
    var files: [(url: URL, kind: String, language: String)] = []
    for path in extra {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw ValidationErrorMessage("--lexicons \(path): no such folder or file")
      }
      if isFolder.boolValue {
        folders.append(URL(fileURLWithPath: path))
      } else {
        guard FileManager.default.isReadableFile(atPath: path) else {
          throw ValidationErrorMessage("--lexicons \(path): the file is not readable")
        }
        files.append((url: URL(fileURLWithPath: path), kind: "aliases", language: "all"))
      }
    }
    return try DirectoryLexiconProvider(embedded: embedded, roots: folders, files: files)
  }

  /// Writes the built-in lexicons to `folder` (created if needed), laid out as `Lexicons/`.
  ///
  /// - Throws: a Foundation error when a folder or file cannot be written.
  public static func export(to folder: URL) throws {
    let fm = FileManager.default
    for (path, text) in ShippedLexicons.files {
      let url = folder.appendingPathComponent(path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }
}

/// An error whose description is shown to the user as is.
public struct ValidationErrorMessage: Error, CustomStringConvertible {
  /// The message, shown as it is.
  public let description: String
  /// An error with the message `description`.
  public init(_ description: String) { self.description = description }
}
