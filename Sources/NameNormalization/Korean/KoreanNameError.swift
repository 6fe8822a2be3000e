/// Errors raised while building the Korean name services from their lexicons.
public enum KoreanNameError: Error, CustomStringConvertible, Sendable, Equatable {
  /// A line of a `Lexicons/ko/` file that does not have the documented fields; carries
  /// `path:line` and what was expected.
  case invalidLexicon(String, String)
  /// A required Korean lexicon kind is empty or missing (`ko/<kind>.tsv`).
  case missingLexicon(String)

  /// The error as `path:line: message`, or which file is missing and the script that makes it.
  public var description: String {
    switch self {
    case .invalidLexicon(let location, let message): return "\(location): \(message)"
    case .missingLexicon(let kind):
      return "ko/\(kind).tsv: missing or empty (run Scripts/derive-korean-spellings)"
    }
  }
}
