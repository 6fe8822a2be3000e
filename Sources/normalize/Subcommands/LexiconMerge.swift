import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize lexicon merge`: the reduce step over lexicons built on shards.
struct LexiconMerge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge name lexicons (built on shards, or edited by hand) into one.",
    discussion: """
      Spellings are clustered again by their keys, so merging is associative and commutative: merging lexicons built on the parts of a corpus gives the lexicon built on the whole. Counts add up, dates take the earliest and latest, example ids the smallest. A merge never drops a variant; entries that contradict each other (one spelling under two canonical forms across files is fine — it is re-clustered — but a malformed line is not) are reported with file:line.
      """)

  @Argument(help: ArgumentHelp("Lexicon files (.tsv, the alias format).", valueName: "file"))
  var files: [String]

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write the merged lexicon here instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: ArgumentHelp("tsv or jsonl.", valueName: "format"))
  var format: String = "tsv"

  @Option(help: ArgumentHelp("Example article ids kept per entry.", valueName: "n"))
  var examples: Int = 3

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one lexicon file to merge") }
    if !["tsv", "jsonl"].contains(format) {
      throw ValidationError("--format must be tsv or jsonl, got \(format)")
    }
  }

  func run() throws {
    do {
      let provider = try LexiconLocator.provider(extra: lexicons.extraLexicons)
      var builder = NameLexiconBuilder(
        analyzer: try NameAnalyzer(lexicons: provider), maxExamples: examples)
      var problems: [LexiconError] = []
      for file in files {
        guard let data = FileManager.default.contents(atPath: file),
          let text = String(data: data, encoding: .utf8)
        else {
          throw ValidationErrorMessage("\(file): cannot read it as UTF-8 text")
        }
        let parsed = LexiconParser.parseAll(text, path: file, language: "all")
        problems += parsed.problems
        for line in parsed.entries {
          do {
            builder.add(try AliasLexicon.parse(line))
          } catch let error as LexiconError {
            problems.append(error)
          }
        }
      }
      if !problems.isEmpty {
        for problem in problems { Diagnostics.print("normalize: \(problem)") }
        Diagnostics.print(
          "normalize: \(problems.count) malformed lines; fix them (nothing was written)")
        throw ExitCode(1)
      }
      let entries = builder.entries()
      let out =
        format == "tsv"
        ? NameLexiconFormat.tsv(
          entries, header: ["merged by `normalize lexicon merge` from \(files.count) files"])
        : NameLexiconFormat.jsonLines(entries)
      let sink = try OutputSink(path: output)
      try sink.write(Array(out.utf8))
      try sink.finish()
      Diagnostics.print("normalize: merged \(files.count) files into \(entries.count) entries")
    } catch let exit as ExitCode {
      throw exit
    } catch {
      Diagnostics.print("normalize: \(error)")
      throw ExitCode(2)
    }
  }
}
