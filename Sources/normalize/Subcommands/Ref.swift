import ArgumentParser
import Foundation
import NormalizeKit

/// `normalize ref`: parse reference strings into CSL-JSON, APA 7 and findings.
struct Ref: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse reference strings: CSL-JSON, APA 7 rendering, labelled segments, findings.",
    discussion: """
      Prints each reference's fields (CSL-JSON), its APA 7 rendering, its labelled segments and findings (placeholders, "n.d.", malformed DOIs, dates after the article).

        normalize ref "Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: …]. Retrieved from [Insert original URL here]"
        normalize ref --json --published 2025-05-28 "…"
        normalize ref --jsonl refs.jsonl > parsed.jsonl
        normalize ref --train tagged.jsonl -o weights.tsv        # retrain the tagger
        normalize ref --weights weights.tsv --jsonl test.jsonl   # use retrained weights

      --jsonl reads one JSON object per line with "text" (and optionally "id", "published") and writes it back with "csl", "canonical", "findings" and "segments" ([[label, text], …], AnyStyle's labels) added.
      --train reads JSON Lines with "segments" (as ../shared/eval/refs/dev.jsonl) and writes tagger weights in the format of Lexicons/refs/reference-model.tsv.
      """)

  @Argument(help: ArgumentHelp("References to parse; with --jsonl or --train, the file to read (standard input when absent).", valueName: "reference"))
  var references: [String] = []

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Read JSON Lines {\"id\",\"text\"} and write them back with the parse added.")
  var jsonl = false

  @Option(help: ArgumentHelp("The article's publication date, to flag references dated after it.", valueName: "YYYY-MM-DD"))
  var published: String?

  @Option(help: ArgumentHelp("Tagger weights to use instead of the shipped Lexicons/refs/reference-model.tsv.", valueName: "file"))
  var weights: String?

  @Option(help: ArgumentHelp("Train tagger weights on JSON Lines with \"segments\" and write them (-o or standard output).", valueName: "file"))
  var train: String?

  @Option(help: "Training passes (with --train).")
  var epochs = 30

  @Option(help: "With --train: how many models, each on its own shuffle of the data, are averaged into the weights.")
  var runs = 1

  @Option(help: ArgumentHelp("With --train: crf (maximum likelihood) or perceptron (averaged).", valueName: "name"))
  var algorithm = "crf"

  @Option(help: "With --train --algorithm crf: the L2 penalty.")
  var l2 = 6.0

  @Option(help: "With --train --algorithm crf: the first learning rate.")
  var rate = 0.1

  @Option(help: "With --train --algorithm crf: how many of the last passes are averaged.")
  var averaged = 15

  @Option(help: "With --train: features seen fewer times than this are dropped.")
  var minCount = 2

  @Option(help: "With --train: integer weights are this many times the trained ones (default: 40 with crf, 1 with perceptron).")
  var scale: Float?

  @Option(help: "With --train: integer weights below this magnitude are dropped.")
  var weightFloor = 2

  @Option(help: "With --train: jackknife folds whose taggers list candidates for the reranker (0: no reranker).")
  var rerankerFolds = 6

  @Option(help: "With --train: how many of the tagger's best labellings the reranker chooses among.")
  var candidates = 4

  @Option(help: "With --train: the reranker's passes over its candidate lists.")
  var rerankerEpochs = 10

  @Option(name: .shortAndLong, help: ArgumentHelp("With --train: where to write the weights.", valueName: "file"))
  var output: String?

  @OptionGroup var lexiconOptions: LexiconOptions

  func validate() throws {
    if train != nil && (jsonl || !references.isEmpty) { throw ValidationError("--train takes its file as its value; give no references with it") }
    if jsonl && references.count > 1 { throw ValidationError("--jsonl reads one file (or standard input); got \(references.count) arguments") }
    if train == nil && !jsonl && references.isEmpty {
      throw ValidationError("give a reference, e.g. normalize ref \"Smith, J. (2020). Title. Journal, 1(2), 3–4.\", or use --jsonl")
    }
    if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    if ReferenceTaggerTrainer.Algorithm(rawValue: algorithm) == nil { throw ValidationError("--algorithm is perceptron or crf, got \"\(algorithm)\"") }
    if runs < 1 || runs > 50 { throw ValidationError("--runs must be from 1 to 50") }
    if rerankerFolds == 1 || rerankerFolds < 0 || rerankerFolds > 20 { throw ValidationError("--reranker-folds is 0 (no reranker) or from 2 to 20") }
    if candidates < 2 || candidates > 64 { throw ValidationError("--candidates must be from 2 to 64") }
    if rerankerEpochs < 1 { throw ValidationError("--reranker-epochs must be at least 1") }
    if let published, published.count != 10 { throw ValidationError("--published takes YYYY-MM-DD, got \"\(published)\"") }
  }

  func run() throws {
    if let train {
      try RefFrontend.train(path: train, epochs: epochs, runs: runs, output: output) { trainer in
        trainer.algorithm = ReferenceTaggerTrainer.Algorithm(rawValue: algorithm) ?? .perceptron
        trainer.l2 = l2
        trainer.rate = rate
        trainer.averagedPasses = averaged
        trainer.scale = scale ?? (trainer.algorithm == .crf ? 40 : 1)
        trainer.minimumCount = minCount
        trainer.featureFloor = Float(weightFloor)
        trainer.weightFloor = weightFloor
        trainer.rerankerFolds = rerankerFolds
        trainer.candidates = candidates
        trainer.rerankerEpochs = rerankerEpochs
      }
      return
    }
    let lexicons = try LexiconLocator.provider(extra: lexiconOptions.extraLexicons)
    let frontend = try RefFrontend(lexicons: lexicons, weightsPath: weights)
    if jsonl {
      let rejected = try frontend.runJSONLines(path: references.first, published: published)
      if rejected > 0 { throw ExitCode.failure }
      return
    }
    for reference in references { try frontend.printAnalysis(of: reference, published: published, json: json) }
  }
}
