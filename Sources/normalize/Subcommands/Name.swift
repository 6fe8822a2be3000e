import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize name`: one name at a time, or JSON Lines of names.
struct Name: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "name",
    abstract: "Analyse person names: Korean romanisation both ways, canonical form, parts, key.",
    discussion: """
      With Hangul, prints the ranked romanisations and their styles (rr, mr, common, yonhap, passport). With a Latin name, prints its analysis: canonical form, family and given name, name order, Hangul candidates and the matching key.

        normalize name 유용원
        normalize name "Yoo Yong Won"
        normalize name --json "Yeonmi Park"
        normalize name --jsonl names.jsonl > out.jsonl

      --jsonl reads one JSON object per line (from FILE or standard input) and writes it back with one field added:
        {"hangul": "유용원"}        → "romanizations": [best first]
        {"latin": "Yoo Yong Won"}   → "hangul": [best first]
        {"name": "…"}               → "analysis": {…}
      Malformed lines are reported on standard error with their line number and skipped (exit status 1).
      """)

  @Argument(
    help: ArgumentHelp(
      "Names to analyse; with --jsonl, the file to read (standard input when absent).",
      valueName: "name"))
  var names: [String] = []

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Read JSON Lines (from the file argument or standard input) and write JSON Lines.")
  var jsonl = false

  @Option(help: "How many romanisations to give for a Hangul name.")
  var limit = 10

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    if jsonl && names.count > 1 {
      throw ValidationError(
        "--jsonl reads one file (or standard input); got \(names.count) arguments")
    }
    if !jsonl && names.isEmpty {
      throw ValidationError("give a name, e.g. normalize name \"Yoo Yong Won\", or use --jsonl")
    }
    if limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let lexicons = try LexiconLocator.provider(extra: lexiconOptions.extraLexicons)
    let frontend = try NameFrontend(lexicons: lexicons, limit: limit)
    if jsonl {
      let rejected = try frontend.runJSONLines(path: names.first)
      if rejected > 0 { throw ExitCode.failure }
      return
    }
    for name in names { try frontend.printAnalysis(of: name, json: json) }
  }
}
