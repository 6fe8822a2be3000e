import ArgumentParser
import Foundation
import NormalizeFrontend

/// `normalize lexicon export DIR`: writes the lexicons built into the binary, laid out as the
/// repository's `Lexicons/`, to read or to start an edited copy from.
struct LexiconExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the lexicons built into this binary to a folder, laid out as Lexicons/.",
    discussion: """
      The files are byte for byte those the binary was built from; `normalize --version` prints their checksum. To use an edited copy instead of the built-in data, set NORMALIZE_LEXICONS to the folder; to add entries on top of the built-in data, pass --lexicons DIR.
      """)

  @Argument(
    help: ArgumentHelp(
      "The folder to write (created if missing; files in it are overwritten).", valueName: "dir"))
  var folder: String

  func run() throws {
    do {
      try LexiconLocator.export(to: URL(fileURLWithPath: folder))
    } catch {
      Diagnostics.print(
        "normalize: cannot write the lexicons to \(folder): \(error.localizedDescription)")
      throw ExitCode(2)
    }
  }
}
