import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize lexicon check`: every problem in a lexicon folder or file, with file:line.
struct LexiconCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Check lexicon files: format, NFC, duplicates, a variant under two canonical forms, conflicting kinds.",
    discussion: """
      Give a folder laid out as <language>/<kind>.tsv (such as the shipped Lexicons/) or one name lexicon file. Prints one line per problem as path:line: message and exits with 1 if there are any, 0 otherwise. Without an argument, checks the lexicons built into the binary (or the folder NORMALIZE_LEXICONS names).
      """)

  @Argument(help: ArgumentHelp("A lexicon folder or a name lexicon file.", valueName: "dir|file"))
  var location: String?

  func run() throws {
    let url: URL
    var exported: URL? = nil
    if let location {
      url = URL(fileURLWithPath: location)
    } else if let root = LexiconLocator.overrideRoot {
      url = root
    } else {
      // The built-in data: checked as the files it was built from, written to a temporary folder.
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "normalize-lexicons-\(getpid())")
      do {
        try LexiconLocator.export(to: folder)
      } catch {
        Diagnostics.print(
          "normalize: cannot write the built-in lexicons to \(folder.path) to check them: \(error)")
        throw ExitCode(2)
      }
      exported = folder
      url = folder
    }
    defer { if let exported { try? FileManager.default.removeItem(at: exported) } }
    let problems = LexiconAudit.check(url)
    for problem in problems { print(problem) }
    if problems.isEmpty {
      Diagnostics.print(
        "normalize: \(exported == nil ? url.path : "built-in lexicons"): no problems")
    } else {
      Diagnostics.print(
        "normalize: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
      throw ExitCode(1)
    }
  }
}
