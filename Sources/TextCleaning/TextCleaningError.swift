/// Errors of the text-cleaning module.
public enum TextCleaningError: Error, CustomStringConvertible, Sendable, Equatable {
  /// A pass id that no pass has (in options or a replayed explanation).
  case unknownPass(id: String, known: [String])

  /// The unknown id and the known ones, e.g.
  /// `unknown cleaning pass "fold-ligature"; known passes: …`.
  public var description: String {
    switch self {
    case .unknownPass(let id, let known):
      return "unknown cleaning pass \"\(id)\"; known passes: \(known.joined(separator: ", "))"
    }
  }
}
