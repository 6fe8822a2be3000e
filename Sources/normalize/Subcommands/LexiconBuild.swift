import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize lexicon build`: a name lexicon from a corpus.
struct LexiconBuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Find every name in a corpus and group its spellings under one canonical form.",
    discussion: """
      Reads articles like `normalize` does (text files, folders, JSON Lines, standard input), streamed and in parallel, finds the names in each, clusters their spellings (Korean names by Hangul reconstruction, others by fold keys and the alias lexicon) and writes one entry per cluster: canonical, kind, origin, variants with counts, first and last publication dates, example article ids.
      """)

  @Argument(
    help: ArgumentHelp(
      "Files or folders to read; '-' or nothing reads standard input.", valueName: "path"))
  var paths: [String] = []

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the lexicon to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: ArgumentHelp("tsv (the alias format) or jsonl.", valueName: "format"))
  var format: String = "tsv"

  @Option(
    help: ArgumentHelp(
      "Publication date (YYYY-MM-DD) for articles whose input has none.", valueName: "date"))
  var published: String?

  @Option(
    help: ArgumentHelp(
      "Worker threads (default: the CPUs this process may use: its affinity mask and cgroup CPU quota).",
      valueName: "n"))
  var jobs: Int = UsableCPUs.count

  @Option(help: ArgumentHelp("Example article ids kept per entry.", valueName: "n"))
  var examples: Int = 3

  @Option(
    help: ArgumentHelp(
      "The file name articles from standard input carry (default '-'); their default ids are NAME:LINE.",
      valueName: "name"))
  var stdinName: String = "-"

  @Option(
    help: ArgumentHelp(
      "Added to the line numbers of standard input: a stage given lines K+1… of a file passes K.",
      valueName: "k"))
  var lineOffset: Int = 0

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if lineOffset < 0 {
      throw ValidationError("--line-offset must be 0 or more, got \(lineOffset)")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    if !["tsv", "jsonl"].contains(format) {
      throw ValidationError("--format must be tsv or jsonl, got \(format)")
    }
    if examples < 0 { throw ValidationError("--examples must be 0 or more") }
    if let published, PublicationDate.normalize(published) == nil {
      throw ValidationError("--published \"\(published)\" is not a real date; use YYYY-MM-DD")
    }
  }

  func run() throws {
    do {
      let provider = try LexiconLocator.provider(extra: lexicons.extraLexicons)
      let assembler = try RecordAssembler(
        lexicons: provider,
        options: RecordAssembler.Options(
          publishedDefault: published.flatMap(PublicationDate.normalize),
          skipAnnotations: [.dates, .references, .validation]))
      var builder = NameLexiconBuilder(
        analyzer: try NameAnalyzer(lexicons: provider), maxExamples: examples)
      let reader = ArticleReader(
        paths: paths, maxBytes: 16 << 20, standardInputName: stdinName,
        standardInputLineOffset: lineOffset)
      let started = Date()
      let counts = RecordPipeline(assembler: assembler, jobs: jobs).run(reader: reader) { outcome in
        switch outcome {
        case .record(let record, _):
          builder.add(record.names, articleID: record.id, published: record.published?.value)
        case .encoded:
          break  // not made: this pipeline keeps its records
        case .reject(let reject):
          Diagnostics.print("normalize: \(reject.location): \(reject.code): \(reject.reason)")
        }
      }
      let entries = builder.entries()
      let text =
        format == "tsv"
        ? NameLexiconFormat.tsv(
          entries, header: ["built by `normalize lexicon build` from \(counts.written) articles"])
        : NameLexiconFormat.jsonLines(entries)
      let sink = try OutputSink(path: output)
      try sink.write(Array(text.utf8))
      try sink.finish()
      Diagnostics.print(
        String(
          format: "normalize: %d articles read, %d rejected, %d lexicon entries in %.2f s",
          counts.read, counts.rejected,
          entries.count, Date().timeIntervalSince(started)))
      // As `normalize`: the lexicon is written either way; the status says some input was lost.
      if counts.unreadable > 0 { throw ExitCode(2) }
      if counts.rejected > 0 { throw ExitCode(1) }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      Diagnostics.print("normalize: \(error)")
      throw ExitCode(2)
    }
  }
}
