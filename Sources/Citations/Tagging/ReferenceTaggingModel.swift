/// The reference tagger's weights: a linear-chain model (a CRF or averaged perceptron, Viterbi decoding
/// with transitions that depend on the punctuation between two tokens) over the features of
/// `ReferenceFeatures`, looked up by hash so tagging builds no feature strings.
///
/// With a reranker (`@rerank` lines in the file) the model takes the tagger's `k` best
/// labellings (`KBestViterbi`) and lets `CandidateReranker` choose among them by features of
/// the whole labelling; without one it takes the best.
///
/// The shipped weights are `Lexicons/refs/reference-model.tsv` (format in
/// `Lexicons/refs/README.md`); `Scripts/train-refs` makes them with `ReferenceTaggerTrainer`.
///
/// ```swift
/// let model = try ReferenceTaggingModel(tsv: String(contentsOfFile: "Lexicons/refs/reference-model.tsv"))
/// let markers = try CitationMarkers(lexicons: provider)
/// model.tag(["Yonhap", "News", "Agency.", "(2025,", "May", "27)."], markers: markers)
/// // ["author", "author", "author", "date", "date", "date"]
/// ```
public struct ReferenceTaggingModel: Sendable {
  package let stage: TaggingStage
  /// Chooses among the `k` best labellings; nil: the best is taken.
  package let reranker: CandidateReranker?

  package init(stage: TaggingStage, reranker: CandidateReranker? = nil) {
    self.stage = stage
    self.reranker = reranker
  }

  /// How many of the tagger's best labellings the reranker chooses among (1: no reranker).
  public var candidates: Int { reranker?.candidates ?? 1 }

  /// How many features the reranker weighs (0: no reranker).
  public var rerankerFeatureCount: Int { reranker?.weights.count ?? 0 }

  /// The labels the model assigns.
  public var labels: [String] { stage.labels }

  /// How many features carry weights.
  public var featureCount: Int { stage.featureCount }

  /// Parses the text of a weights file.
  ///
  /// - Parameters:
  ///   - tsv: the file's text.
  ///   - path: its name, for errors.
  /// - Throws: `CitationsError.invalidModel` with the line of the first problem.
  public init(tsv: String, path: String = "reference-model.tsv") throws {
    var rows: [[Substring]] = []
    var lineNumbers: [Int] = []
    var lineNumber = 0
    for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty || line.hasPrefix("#") { continue }
      rows.append(line.split(separator: "\t", omittingEmptySubsequences: false))
      lineNumbers.append(lineNumber)
    }
    (stage, reranker) = try ReferenceModelFile.model(rows: rows, lines: lineNumbers, path: path)
  }

  /// Builds the model from lexicon entries (`refs/reference-model.tsv` read by a provider).
  package init(entries: [[String]], lines: [Int], path: String) throws {
    (stage, reranker) = try ReferenceModelFile.model(
      rows: entries.map { $0.map { Substring($0) } }, lines: lines, path: path)
  }

  /// The weights file text, with `comment` as its opening `#` lines.
  public func tsv(comment: String = "") -> String {
    comment.split(separator: "\n").map { "# \($0)\n" }.joined()
      + ReferenceModelFile.text(of: stage, reranker: reranker)
  }

  /// The model with `reranker` choosing among the tagger's best labellings.
  package func with(reranker: CandidateReranker?) -> ReferenceTaggingModel {
    ReferenceTaggingModel(stage: stage, reranker: reranker)
  }

  /// Labels the tokens of one reference.
  ///
  /// - Parameters:
  ///   - tokens: the whitespace tokens of a reference.
  ///   - markers: the container and editor words the features read (`citation-markers.tsv`,
  ///     loaded once: `CitationMarkers(lexicons:)`).
  /// - Returns: one label per token.
  public func tag(_ tokens: [String], markers: CitationMarkers) -> [String] {
    tag(tokens, markers: markers, adjusting: { $0 })
  }

  /// Labels the tokens of one reference, with `adjust` applied to each candidate labelling
  /// before the reranker compares them (what it was trained on: `ReferenceRules.repair`).
  package func tag(
    _ tokens: [String], markers: CitationMarkers, adjusting adjust: ([String]) -> [String]
  ) -> [String] {
    if tokens.isEmpty { return [] }
    guard let reranker, reranker.candidates > 1 else {
      let path = stage.decode(tokens, markers: markers)
      if path.count != tokens.count { return tokens.map { _ in "note" } }
      return adjust(path.map { stage.labels[$0] })
    }
    let candidates = candidates(
      tokens, k: reranker.candidates, markers: markers, adjusting: adjust)
    if candidates.isEmpty { return tokens.map { _ in "note" } }
    return candidates[
      reranker.choose(tokens: tokens, candidates: candidates, markers: markers)
    ].labels
  }

  /// The tagger's `k` best labellings, best first, each adjusted by `adjust`, with its score.
  package func candidates(
    _ tokens: [String], k: Int, markers: CitationMarkers,
    adjusting adjust: ([String]) -> [String]
  ) -> [(labels: [String], score: Float)] {
    stage.decodeKBest(tokens, k: k, markers: markers).compactMap { path in
      path.labels.count == tokens.count
        ? (adjust(path.labels.map { stage.labels[$0] }), path.score) : nil
    }
  }
}
