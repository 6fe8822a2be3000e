import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize [PATHS…]`: the article pipeline.
struct Process: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "process",
    abstract: "Turn articles into cleaned records (the default subcommand).",
    discussion: """
      Each input article becomes one JSON record on standard output (or -o FILE), in input order, or a reject with its reason (--rejects FILE). A summary line goes to standard error: read = written + rejected. A progress line is shown while standard error is a terminal.

      As a pipe stage (Spark's RDD.pipe, xargs, GNU parallel): with --rejects -, each reject is a line of the output stream ({"schema":"normalize.reject/1",…}) in input order, blank lines included, so N JSON Lines in give exactly N lines out, and the exit status is 0 when every input is in the stream (2 only when input could not be read). --stdin-name and --line-offset make a stage given lines K+1… of a file name and number them as a run over the whole file does (the default ids are "file:line").
      """)

  @Argument(
    help: ArgumentHelp(
      "Files or folders to read; '-' or nothing reads standard input.", valueName: "path"))
  var paths: [String] = []

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write records to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Publication date (YYYY-MM-DD) for articles whose input has none; relative dates resolve against it.",
      valueName: "date"))
  var published: String?

  @Option(
    help: ArgumentHelp(
      "Write inputs that could not become records, with the reason, to this JSON Lines file; '-' puts them into the output stream in input order (the pipe-stage contract).",
      valueName: "file|-"))
  var rejects: String?

  @Option(
    help: ArgumentHelp(
      "The file name records from standard input carry (default '-'); their default ids are NAME:LINE.",
      valueName: "name"))
  var stdinName: String = "-"

  @Option(
    help: ArgumentHelp(
      "Added to the line numbers of standard input: a stage given lines K+1… of a file passes K.",
      valueName: "k"))
  var lineOffset: Int = 0

  @Option(
    help: ArgumentHelp(
      "Worker threads (default: the CPUs this process may use: its affinity mask and cgroup CPU quota). Output order is input order.",
      valueName: "n"))
  var jobs: Int = UsableCPUs.count

  @Option(
    help: ArgumentHelp(
      "Largest article accepted, in bytes; larger ones are rejected as too-large.",
      valueName: "bytes"))
  var maxArticleBytes: Int = 16 << 20

  @Option(
    name: .customLong("enable-pass"),
    help: ArgumentHelp(
      "Turn on an opt-in cleaning pass (see `normalize clean --list-passes`).", valueName: "id"))
  var enablePasses: [String] = []

  @Option(
    name: .customLong("disable-pass"),
    help: ArgumentHelp("Turn off a cleaning pass.", valueName: "id"))
  var disablePasses: [String] = []

  @Option(
    help: ArgumentHelp(
      "Leave an annotation out of the records: names, dates, references (kept raw) or validation (the ingest rules' findings); repeatable. Faster when they are not needed.",
      valueName: "annotation"))
  var without: [String] = []

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    if maxArticleBytes < 1 { throw ValidationError("--max-article-bytes must be positive") }
    if lineOffset < 0 {
      throw ValidationError("--line-offset must be 0 or more, got \(lineOffset)")
    }
    for name in without where RecordAssembler.Annotation(rawValue: name) == nil {
      throw ValidationError(
        "--without \(name): not an annotation; use one of \(RecordAssembler.Annotation.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    if let published, PublicationDate.normalize(published) == nil {
      throw ValidationError(
        "--published \"\(published)\" is not a real date; use YYYY-MM-DD, e.g. --published 2025-05-28"
      )
    }
  }

  func run() throws {
    let options = RecordAssembler.Options(
      publishedDefault: published.flatMap(PublicationDate.normalize),
      enablePasses: Set(enablePasses), disablePasses: Set(disablePasses),
      skipAnnotations: Set(without.compactMap(RecordAssembler.Annotation.init(rawValue:))))
    let summary: ProcessFrontend.Summary
    do {
      let provider = try LexiconLocator.provider(extra: lexicons.extraLexicons)
      let assembler = try RecordAssembler(lexicons: provider, options: options)
      summary = try ProcessFrontend(
        paths: paths, output: output, rejects: rejects, jobs: jobs,
        maxArticleBytes: maxArticleBytes,
        stdinName: stdinName, lineOffset: lineOffset
      ).run(assembler: assembler)
    } catch {
      Diagnostics.print("normalize: \(error)")
      throw ExitCode(2)
    }
    if summary.counts.unreadable > 0 { throw ExitCode(2) }
    // In the pipe-stage mode a reject is an answer in the stream, not a failure.
    if summary.counts.rejected > 0 && rejects != "-" { throw ExitCode(1) }
  }
}
