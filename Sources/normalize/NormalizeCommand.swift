import ArgumentParser
import Foundation
import NormalizeFrontend

/// The `normalize` command tree. `normalize [PATHS…]` runs the article pipeline (the default
/// subcommand `process`); the focused subcommands each expose one capability.
@main
struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Clean and annotate scraped news articles: one JSON record per article.",
    discussion: """
      Reads articles from files, folders or standard input and writes one record per article (schema normalize.article/1) as JSON Lines, in input order. Every input becomes a record or a reject with its reason; a summary line on standard error says how many of each.

      Examples:
        normalize article.txt                      one plain-text article
        normalize corpus/ -o records.jsonl         every .txt/.html/.jsonl under corpus/
        normalize --published 2025-05-28 a.txt     date for relative dates
        normalize --jobs 2 --rejects bad.jsonl batch.jsonl
        normalize clean --explain < page.txt       text cleaning only

      JSON Lines input has one object per line with "text" or "html" (a page: its main text and metadata are read off it) and optionally "id", "published" (YYYY-MM-DD), "url", "title" and "lang"; other fields are kept under "input". A file NAME.meta.json beside NAME.txt gives a text article the same metadata.

      Main options (of the default subcommand; all in 'normalize help process'): -o FILE, --published DATE, --rejects FILE, --jobs N, --lexicons DIR.

      Exit status: 0 all inputs written; 1 some inputs rejected; 2 usage error or unreadable input.
      """,
    version: NormalizeVersion.description,
    subcommands: [
      Process.self, Clean.self, Name.self, DateCommand.self, Lexicon.self, Ref.self, Validate.self,
    ],
    defaultSubcommand: Process.self
  )

  /// Runs the command, with usage errors (unknown options, bad values) exiting 2 as the CLI
  /// contract says, instead of argument-parser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if let unreadable = error as? LineInput.Unreadable {
        // The same words as `normalize` uses for an unreadable input, and exit status 2.
        FileHandle.standardError.write(Data("normalize: \(unreadable)\n".utf8))
        Foundation.exit(2)
      }
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
