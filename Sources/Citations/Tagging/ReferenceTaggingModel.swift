/// The reference tagger's weights: a linear-chain model (a CRF or averaged perceptron, Viterbi decoding
/// with transitions that depend on the punctuation between two tokens) over the features of
/// `ReferenceFeatures`, looked up by hash so tagging builds no feature strings.
///
/// The shipped weights are `Lexicons/refs/reference-model.tsv` (format in
/// `Lexicons/refs/README.md`); `Scripts/train-refs` makes them with `ReferenceTaggerTrainer`.
///
/// ```swift
/// let model = try ReferenceTaggingModel(tsv: String(contentsOfFile: "Lexicons/refs/reference-model.tsv"))
/// model.tag(["Yonhap", "News", "Agency.", "(2025,", "May", "27)."])
/// // ["author", "author", "author", "date", "date", "date"]
/// ```
public struct ReferenceTaggingModel: Sendable {
  let stage: TaggingStage

  init(stage: TaggingStage) { self.stage = stage }

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
    stage = try ReferenceModelFile.stage(rows: rows, lines: lineNumbers, path: path)
  }

  /// Builds the model from lexicon entries (`refs/reference-model.tsv` read by a provider).
  init(entries: [[String]], lines: [Int], path: String) throws {
    stage = try ReferenceModelFile.stage(rows: entries.map { $0.map { Substring($0) } }, lines: lines, path: path)
  }

  /// The weights file text, with `comment` as its opening `#` lines.
  public func tsv(comment: String = "") -> String {
    comment.split(separator: "\n").map { "# \($0)\n" }.joined() + ReferenceModelFile.text(of: stage)
  }

  /// Labels the tokens of one reference.
  ///
  /// - Parameter tokens: the whitespace tokens of a reference.
  /// - Returns: one label per token.
  public func tag(_ tokens: [String]) -> [String] {
    if tokens.isEmpty { return [] }
    let path = stage.decode(tokens)
    if path.count != tokens.count { return tokens.map { _ in "note" } }
    return path.map { stage.labels[$0] }
  }
}
