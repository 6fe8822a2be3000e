import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize date`: temporal expressions → TIMEX3 values.
struct DateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "date",
    abstract: "Find temporal expressions and resolve them to TIMEX3 values.",
    discussion: """
      Tags dates, times, durations and sets in the text given as arguments (or standard input) and resolves them against the publication date.

        normalize date "last fall" --published 2025-03-17          # 2024-FA
        normalize date --json "23 ore fa" --published 2025-02-14
        normalize date --jsonl eval.jsonl > tagged.jsonl

      --jsonl reads JSON Lines {"doc","dct","text"} (from the files given, or standard input) and writes each line back with "timex": [{"start","end","text","type","value","mod"}] (Unicode scalar offsets), in input order. A malformed line is reported on standard error with its line number and skipped; the exit status is then 1.
      """)

  @Argument(
    help: ArgumentHelp(
      "Text to tag (or, with --jsonl, JSON Lines files); without it, standard input is read.",
      valueName: "text-or-file"))
  var arguments: [String] = []

  @Option(
    name: .customLong("published"),
    help: ArgumentHelp(
      "Publication date (DCT) the relative expressions resolve against.", valueName: "YYYY-MM-DD"))
  var published: String?

  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp(
      "Language of the text (it, ru, ko, …); default: unknown/mixed.", valueName: "code"))
  var language: String?

  @Flag(help: "Print the mentions and findings as JSON.")
  var json = false

  @Flag(help: "Read and write JSON Lines {\"doc\",\"dct\",\"text\"} (the eval format).")
  var jsonl = false

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if let published, !published.isEmpty, !Self.isDate(published) {
      throw ValidationError("--published must be a date YYYY-MM-DD, got \"\(published)\"")
    }
    if json && jsonl { throw ValidationError("--json and --jsonl cannot be combined") }
  }

  func run() throws {
    let resolver: DateResolver
    do {
      resolver = try DateResolver(
        lexicons: try LexiconLocator.provider(extra: lexicons.extraLexicons))
    } catch {
      Diagnostics.print("normalize date: \(error)")
      throw ExitCode(2)
    }
    if jsonl {
      let failures = try DateFrontend.annotateLines(paths: arguments, resolver: resolver)
      if failures > 0 { throw ExitCode.failure }
      return
    }
    let text =
      arguments.isEmpty ? try DateFrontend.readStandardInput() : arguments.joined(separator: " ")
    let result = resolver.resolve(text, dct: published, language: language)
    if json {
      print(try DateFrontend.prettyJSON(result))
    } else {
      print(DateFrontend.readable(result))
    }
  }

  private static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { Int($0) != nil }
  }
}
