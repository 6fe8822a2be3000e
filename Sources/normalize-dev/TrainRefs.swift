import ArgumentParser
import CitationsTraining
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize-dev train-refs FILE`: trains reference-tagger weights (the format of
/// Lexicons/refs/reference-model.tsv) on JSON Lines with "segments".
struct TrainRefs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-refs",
    abstract: "Train reference-tagger weights on JSON Lines with \"segments\".",
    discussion: """
      Reads JSON Lines with "segments" ([[label, text], …], as ../shared/eval/refs/dev.jsonl) and writes tagger weights in the format of Lexicons/refs/reference-model.tsv; `normalize ref --weights FILE` uses them.

        normalize-dev train-refs tagged.jsonl -o weights.tsv
        normalize ref --weights weights.tsv --jsonl test.jsonl
      """)

  @Argument(help: ArgumentHelp("Tagged JSON Lines to train on.", valueName: "file"))
  var file: String

  @Option(help: "Training passes.")
  var epochs = 30

  @Option(
    help: "How many models, each on its own shuffle of the data, are averaged into the weights.")
  var runs = 1

  @Option(
    help: ArgumentHelp("crf (maximum likelihood) or perceptron (averaged).", valueName: "name"))
  var algorithm = "crf"

  @Option(help: "With --algorithm crf: the L2 penalty.")
  var l2 = 6.0

  @Option(help: "With --algorithm crf: the first learning rate.")
  var rate = 0.1

  @Option(help: "With --algorithm crf: how many of the last passes are averaged.")
  var averaged = 15

  @Option(help: "Features seen fewer times than this are dropped.")
  var minCount = 2

  @Option(
    help:
      "Integer weights are this many times the trained ones (default: 40 with crf, 1 with perceptron)."
  )
  var scale: Float?

  @Option(help: "Integer weights below this magnitude are dropped.")
  var weightFloor = 2

  @Option(help: "Jackknife folds whose taggers list candidates for the reranker (0: no reranker).")
  var rerankerFolds = 6

  @Option(help: "How many of the tagger's best labellings the reranker chooses among.")
  var candidates = 4

  @Option(help: "The reranker's passes over its candidate lists.")
  var rerankerEpochs = 10

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Where to write the weights (standard output when absent).", valueName: "file"))
  var output: String?

  func validate() throws {
    if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    if ReferenceTaggerTrainer.Algorithm(rawValue: algorithm) == nil {
      throw ValidationError("--algorithm is perceptron or crf, got \"\(algorithm)\"")
    }
    if runs < 1 || runs > 50 { throw ValidationError("--runs must be from 1 to 50") }
    if rerankerFolds == 1 || rerankerFolds < 0 || rerankerFolds > 20 {
      throw ValidationError("--reranker-folds is 0 (no reranker) or from 2 to 20")
    }
    if candidates < 2 || candidates > 64 {
      throw ValidationError("--candidates must be from 2 to 64")
    }
    if rerankerEpochs < 1 { throw ValidationError("--reranker-epochs must be at least 1") }
  }

  func run() throws {
    // The features read the container and editor words of `citation-markers.tsv`, as tagging
    // does (the built-in lexicons, or NORMALIZE_LEXICONS).
    let lexicons = try LexiconLocator.provider(extra: [])
    var trainer = ReferenceTaggerTrainer(
      markers: try CitationMarkers(lexicons: lexicons), epochs: epochs)
    trainer.runs = runs
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
    try Self.train(path: file, trainer: trainer, output: output)
  }

  /// Trains tagger weights on tagged JSON Lines (`{"segments": [[label, text], …]}`).
  static func train(path: String, trainer: ReferenceTaggerTrainer, output: String?) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationErrorMessage("cannot read \(path)")
    }
    struct Tagged: Decodable { let segments: [[String]] }
    let decoder = JSONDecoder()
    var examples: [ReferenceTaggerTrainer.Example] = []
    var lineNumber = 0
    for line in data.split(separator: 0x0A) {
      lineNumber += 1
      guard let tagged = try? decoder.decode(Tagged.self, from: Data(line)) else {
        Diagnostics.print("normalize-dev train-refs: line \(lineNumber): no \"segments\"; skipped")
        continue
      }
      var tokens: [String] = []
      var labels: [String] = []
      for segment in tagged.segments where segment.count == 2 {
        for token in ReferenceToken.tokenize(segment[1]) {
          tokens.append(token.text)
          labels.append(segment[0])
        }
      }
      examples.append(ReferenceTaggerTrainer.Example(tokens: tokens, labels: labels))
    }
    let started = Date()
    let measure = trainer.algorithm == .crf ? " log-loss per token" : " of tokens mislabelled"
    let model = trainer.train(examples) { step, value in
      Diagnostics.print(
        "normalize-dev train-refs: \(step): " + String(format: "%.4f", value) + measure)
    }
    let rerankerNote =
      model.candidates > 1
      ? "\nReranker (@candidates, @rerank): averaged perceptron, \(trainer.rerankerEpochs) passes over the \(model.candidates)-best lists of \(trainer.rerankerFolds) jackknife taggers."
      : ""
    let comment = """
      Reference tagger weights (\(trainer.algorithm == .crf ? "conditional random field, L2 \(trainer.l2)" : "averaged perceptron")), made by `normalize-dev train-refs` (Scripts/train-refs)
      from \(examples.count) tagged references in \((path as NSString).lastPathComponent), \(trainer.epochs) passes\(trainer.runs > 1 ? ", \(trainer.runs) runs averaged" : "").\(rerankerNote)
      Format: Lexicons/README.md, section reference-model.tsv.
      """
    let text = model.tsv(comment: comment)
    let sink = try OutputSink(path: output)
    try sink.write(text)
    try sink.finish()
    Diagnostics.print(
      String(
        format:
          "normalize-dev train-refs: %d references, %d features, %d reranker features, %.1f s",
        examples.count, model.featureCount,
        model.rerankerFeatureCount, Date().timeIntervalSince(started)))
  }
}
