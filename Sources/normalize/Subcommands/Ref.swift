import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize ref`: parse reference strings into CSL-JSON, APA 7 and findings.
struct Ref: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ref",
    abstract: "Parse reference strings: CSL-JSON, APA 7 rendering, labelled segments, findings.",
    discussion: """
      Prints each reference's fields (CSL-JSON), its APA 7 rendering, its labelled segments and findings (placeholders, "n.d.", malformed DOIs, dates after the article).

        normalize ref "Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: …]. Retrieved from [Insert original URL here]"
        normalize ref --json --published 2025-05-28 "…"
        normalize ref --jsonl refs.jsonl > parsed.jsonl
        normalize ref --weights weights.tsv --jsonl test.jsonl   # use retrained weights

      --jsonl reads one JSON object per line with "text" (and optionally "id", "published") and writes it back with "csl", "canonical", "findings" and "segments" ([[label, text], …], AnyStyle's labels) added.
      --weights takes tagger weights in the format of Lexicons/refs/reference-model.tsv (made by `normalize-dev train-refs`, Scripts/train-refs).
      """)

  @Argument(
    help: ArgumentHelp(
      "References to parse; with --jsonl, the file to read (standard input when absent).",
      valueName: "reference"))
  var references: [String] = []

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Read JSON Lines {\"id\",\"text\"} and write them back with the parse added.")
  var jsonl = false

  @Option(
    help: ArgumentHelp(
      "The article's publication date, to flag references dated after it.", valueName: "YYYY-MM-DD")
  )
  var published: String?

  @Option(
    help: ArgumentHelp(
      "Tagger weights to use instead of the shipped Lexicons/refs/reference-model.tsv.",
      valueName: "file"))
  var weights: String?

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    if jsonl && references.count > 1 {
      throw ValidationError(
        "--jsonl reads one file (or standard input); got \(references.count) arguments")
    }
    if !jsonl && references.isEmpty {
      throw ValidationError(
        "give a reference, e.g. normalize ref \"Smith, J. (2020). Title. Journal, 1(2), 3–4.\", or use --jsonl"
      )
    }
    if let published, published.count != 10 {
      throw ValidationError("--published takes YYYY-MM-DD, got \"\(published)\"")
    }
  }

  func run() throws {
    let lexicons = try LexiconLocator.provider(extra: lexiconOptions.extraLexicons)
    let frontend = try RefFrontend(lexicons: lexicons, weightsPath: weights)
    if jsonl {
      let rejected = try frontend.runJSONLines(path: references.first, published: published)
      if rejected > 0 { throw ExitCode.failure }
      return
    }
    for reference in references {
      try frontend.printAnalysis(of: reference, published: published, json: json)
    }
  }
}
