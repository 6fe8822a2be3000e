import Foundation

/// The reference tagger's weights: two stacked linear-chain stages (averaged perceptron,
/// Viterbi decoding). The first labels tokens from their own features; the second sees the
/// same features plus the first stage's labels around each token and the segments they form
/// (which label came before and after, how many segments share a label), so it can repair
/// what a token-by-token model gets wrong, such as a title running into the container.
///
/// The shipped weights are `Lexicons/refs/reference-model.tsv` (format in `Lexicons/README.md`);
/// `Scripts/train-refs` makes them with `ReferenceTaggerTrainer`.
///
/// ```swift
/// let model = try ReferenceTaggingModel(tsv: String(contentsOfFile: "Lexicons/refs/reference-model.tsv"))
/// model.tag(["Yonhap", "News", "Agency.", "(2025,", "May", "27)."])
/// // ["author", "author", "author", "date", "date", "date"]
/// ```
public struct ReferenceTaggingModel: Sendable {
  let stages: [TaggingStage]

  init(stages: [TaggingStage]) { self.stages = stages }

  /// The labels the model assigns.
  public var labels: [String] { stages.last?.labels ?? [] }

  /// How many features carry weights, over all stages.
  public var featureCount: Int { stages.reduce(0) { $0 + $1.featureCount } }

  /// Parses the text of a weights file (one section per stage, each opening with `@labels`).
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
    try self.init(rows: rows, lines: lineNumbers, path: path)
  }

  /// Builds the model from lexicon entries (`refs/reference-model.tsv` read by a provider).
  init(entries: [[String]], lines: [Int], path: String) throws {
    try self.init(rows: entries.map { $0.map { Substring($0) } }, lines: lines, path: path)
  }

  private init(rows: [[Substring]], lines: [Int], path: String) throws {
    var starts = rows.indices.filter { rows[$0].first == "@labels" }
    if starts.first != 0 { starts.insert(0, at: 0) }
    if starts.count > 2 {
      throw CitationsError.invalidModel(path: path, line: lines[starts[2]], message: "at most two stages (@labels sections)")
    }
    var stages: [TaggingStage] = []
    for (n, start) in starts.enumerated() {
      let end = n + 1 < starts.count ? starts[n + 1] : rows.count
      stages.append(try TaggingStage(rows: Array(rows[start..<end]), lines: Array(lines[start..<end]), path: path))
    }
    self.init(stages: stages)
  }

  /// The weights file text: weights below `threshold` in magnitude are left out.
  public func tsv(threshold: Float = 0.001, comment: String = "") -> String {
    comment.split(separator: "\n").map { "# \($0)\n" }.joined() + stages.map { $0.tsv(threshold: threshold) }.joined()
  }

  /// Labels the tokens of one reference.
  ///
  /// - Parameter tokens: the whitespace tokens of a reference.
  /// - Returns: one label per token.
  public func tag(_ tokens: [String]) -> [String] {
    guard let first = stages.first else { return tokens.map { _ in "note" } }
    let features = ReferenceFeatures.extract(tokens)
    let contexts = ReferenceFeatures.boundaryContexts(tokens)
    let firstLabels = first.decode(features: features, contexts: contexts).map { first.labels[$0] }
    guard stages.count > 1, let second = stages.last else { return firstLabels }
    let stacked = ReferenceFeatures.stacked(features, firstLabels: firstLabels)
    return second.decode(features: stacked, contexts: contexts).map { second.labels[$0] }
  }
}
