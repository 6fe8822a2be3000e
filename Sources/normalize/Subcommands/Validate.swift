import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize validate PATHS…`: the ingest gate.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Report what is wrong with a batch of articles, with stable codes; exit 1 on errors.",
    discussion: """
      Runs the article pipeline and the validation rules (encoding, mojibake, Unicode hygiene, content, dates, names) on every input, then the batch rules (duplicate and near-duplicate articles, names spelled several ways across articles). Each finding has a code, a severity, the article id, a span (Unicode scalar offsets) or byte offset, and a message saying what to do. A summary table ends the report.

      Examples:
        normalize validate batch/                        readable report
        normalize validate --format jsonl a.jsonl        one JSON finding per line
        normalize validate --ignore short-body --error-on placeholder batch/
        normalize validate --list-rules

      Exit status: 0 no error-level finding; 1 at least one; 2 usage error or unreadable input.
      """)

  /// Output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
  }

  @Argument(
    help: ArgumentHelp(
      "Files or folders to read; '-' or nothing reads standard input.", valueName: "path"))
  var paths: [String] = []

  @Option(help: ArgumentHelp("Output format: text (default) or jsonl.", valueName: "format"))
  var format: Format = .text

  @Option(
    name: .customLong("error-on"),
    help: ArgumentHelp("Raise a finding code to error level (repeatable).", valueName: "code"))
  var errorOn: [String] = []

  @Option(
    name: .customLong("ignore"),
    help: ArgumentHelp("Leave a finding code out (repeatable).", valueName: "code"))
  var ignore: [String] = []

  @Option(
    help: ArgumentHelp(
      "Publication date (YYYY-MM-DD) for articles whose input has none.", valueName: "date"))
  var published: String?

  @Option(
    help: ArgumentHelp(
      "Largest article accepted, in bytes; larger ones are reported and skipped.",
      valueName: "bytes"))
  var maxArticleBytes: Int = 16 << 20

  @Option(
    help: ArgumentHelp(
      "Estimated Jaccard similarity from which two articles are near-duplicates.", valueName: "x"))
  var nearDuplicate: Double = 0.5

  @Flag(help: "List the rules and the codes they report.")
  var listRules = false

  @Option(
    help: ArgumentHelp(
      "Worker threads for reading and analysing articles (default: the CPUs this process may use: its affinity mask and cgroup CPU quota); findings keep input order.",
      valueName: "n"))
  var jobs: Int = UsableCPUs.count

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    // Usage problems exit 2, as the CLI contract says (ValidationError would exit 64).
    func usage(_ message: String) -> ExitCode {
      Diagnostics.print("normalize validate: \(message)\nSee 'normalize validate --help'.")
      return ExitCode(2)
    }
    if maxArticleBytes < 1 { throw usage("--max-article-bytes must be positive") }
    if jobs < 1 { throw usage("--jobs must be at least 1, got \(jobs)") }
    if !(0...1).contains(nearDuplicate) {
      throw usage("--near-duplicate must be between 0 and 1, got \(nearDuplicate)")
    }
    if let published, PublicationDate.normalize(published) == nil {
      throw usage(
        "--published \"\(published)\" is not a real date; use YYYY-MM-DD, e.g. --published 2025-05-28"
      )
    }
    for code in errorOn + ignore
    where !code.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
      throw usage(
        "\"\(code)\" is not a finding code (kebab-case, e.g. placeholder); see --list-rules")
    }
  }

  func run() throws {
    var frontend = ValidateFrontend(
      paths: paths, format: format, errorOn: Set(errorOn), ignore: Set(ignore),
      maxArticleBytes: maxArticleBytes,
      nearDuplicate: nearDuplicate)
    frontend.jobs = jobs
    if listRules { return frontend.listRules() }
    let outcome: ValidateFrontend.Outcome
    do {
      let provider = try LexiconLocator.provider(extra: lexicons.extraLexicons)
      let options = RecordAssembler.Options(
        publishedDefault: published.flatMap(PublicationDate.normalize))
      let assembler = try RecordAssembler(lexicons: provider, options: options)
      outcome = try frontend.run(assembler: assembler)
    } catch {
      Diagnostics.print("normalize validate: \(error)")
      throw ExitCode(2)
    }
    switch outcome {
    case .clean: return
    case .errors: throw ExitCode(1)
    case .unreadable: throw ExitCode(2)
    }
  }
}
