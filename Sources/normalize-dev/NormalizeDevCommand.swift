import ArgumentParser

/// `normalize-dev`: the development tools that stand beside the product: training the reference
/// tagger and benchmarking the library's stages. Users run `normalize`; the scripts under
/// Scripts/ (train-refs, bench-validate, bench-names) run these.
@main
struct NormalizeDevCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize-dev",
    abstract: "Development tools for Normalize: tagger training and stage benchmarks.",
    discussion: """
      Not part of what users run: `normalize` holds the product. These tools train the data that ships in Lexicons/ and time the library's stages.

      Examples:
        normalize-dev train-refs ../shared/eval/refs/dev.jsonl -o weights.tsv
        normalize-dev bench-validate ../shared/bench/sample.jsonl
        normalize-dev bench-names romanize names.txt
      """,
    subcommands: [TrainRefs.self, BenchValidate.self, BenchNames.self]
  )
}
