import ArgumentParser
import Foundation
import NormalizeKit

/// `normalize lexicon check`: every problem in a lexicon folder or file, with file:line.
struct LexiconCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check lexicon files: format, NFC, duplicates, a variant under two canonical forms, conflicting kinds.",
    discussion: """
      Give a folder laid out as <language>/<kind>.tsv (such as the shipped Lexicons/) or one name lexicon file. Prints one line per problem as path:line: message and exits with 1 if there are any, 0 otherwise. Without an argument, checks the shipped lexicons.
      """)

  @Argument(help: ArgumentHelp("A lexicon folder or a name lexicon file.", valueName: "dir|file"))
  var location: String?

  func run() throws {
    let url: URL
    if let location {
      url = URL(fileURLWithPath: location)
    } else if let shipped = LexiconLocator.shippedRoot() {
      url = shipped
    } else {
      Diagnostics.print("normalize: cannot find the shipped Lexicons/ folder; give the folder to check")
      throw ExitCode(2)
    }
    let problems = LexiconAudit.check(url)
    for problem in problems { print(problem) }
    if problems.isEmpty {
      Diagnostics.print("normalize: \(url.path): no problems")
    } else {
      Diagnostics.print("normalize: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
      throw ExitCode(1)
    }
  }
}
