/// Errors of the text-cleaning module.
public enum TextCleaningError: Error, CustomStringConvertible, Sendable, Equatable {
  /// A pass id that no pass has (in options or a replayed explanation).
  case unknownPass(id: String, known: [String])

  public var description: String {
    switch self {
    case .unknownPass(let id, let known):
      return "unknown cleaning pass \"\(id)\"; known passes: \(known.joined(separator: ", "))"
    }
  }
}
