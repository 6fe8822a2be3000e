/// Errors loading lexicon data. Every case names the file (relative to the lexicon root) and,
/// where it applies, the line.
public enum LexiconError: Error, CustomStringConvertible, Sendable, Equatable {
  /// A line that breaks its kind's format: wrong field count, empty field, bad regex, not NFC.
  case invalidEntry(path: String, line: Int, message: String)
  /// A file that is not UTF-8 or could not be read.
  case unreadable(path: String, message: String)
  /// A lexicon root that does not exist or is not a folder.
  case missingRoot(path: String)

  /// "path:line: message", or what to do about a missing lexicon folder.
  public var description: String {
    switch self {
    case .invalidEntry(let path, let line, let message): return "\(path):\(line): \(message)"
    case .unreadable(let path, let message): return "\(path): \(message)"
    case .missingRoot(let path):
      return
        "\(path): lexicon folder not found (pass --lexicons DIR with a folder laid out as Lexicons/<language>/<kind>.tsv)"
    }
  }
}
