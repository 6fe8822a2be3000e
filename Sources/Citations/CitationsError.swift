/// What can go wrong when the citation parser loads its data.
public enum CitationsError: Error, CustomStringConvertible, Equatable {
  /// No tagger weights were found (`refs/reference-model.tsv` in the lexicons).
  case missingModel
  /// The tagger weights are malformed at `path:line`.
  case invalidModel(path: String, line: Int, message: String)
  /// A title glossary line is malformed at `path:line`.
  case invalidGlossary(path: String, line: Int, message: String)

  /// What is wrong and where (`path:line: message`), or what to run when the model is missing.
  public var description: String {
    switch self {
    case .missingModel:
      return
        "no reference tagger weights: refs/reference-model.tsv is missing from the lexicons (run Scripts/train-refs)"
    case .invalidModel(let path, let line, let message): return "\(path):\(line): \(message)"
    case .invalidGlossary(let path, let line, let message): return "\(path):\(line): \(message)"
    }
  }
}
