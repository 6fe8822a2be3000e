import NormalizeFrontend

/// What `normalize --version` prints: the tool's version, then where its lexicons come from
/// and their checksum (the same data gives the same records).
enum NormalizeVersion {
  /// The tool's version.
  static let number = "0.1.0"

  static var description: String { "normalize \(number)\n\(LexiconLocator.dataDescription)" }
}
