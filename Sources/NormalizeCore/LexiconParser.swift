import ICUSupport

/// Parses the text of one lexicon file into entries, checking the rules every kind shares:
/// valid UTF-8, NFC, no empty fields.
public enum LexiconParser {
  /// Parses `contents` of the file at `path` (relative to the root) in folder `language`.
  ///
  /// - Throws: `LexiconError.invalidEntry` with the line of the first problem.
  public static func parse(_ contents: String, path: String, language: String) throws
    -> [LexiconEntry]
  {
    let result = parseAll(contents, path: path, language: language)
    if let first = result.problems.first { throw first }
    return result.entries
  }

  /// Parses every line, collecting every problem instead of stopping at the first (for
  /// `normalize lexicon check`). Lines with a problem are left out of `entries`.
  public static func parseAll(_ contents: String, path: String, language: String) -> (
    entries: [LexiconEntry], problems: [LexiconError]
  ) {
    var entries: [LexiconEntry] = []
    var problems: [LexiconError] = []
    var lineNumber = 0
    // Split on scalars: "\r\n" is a single Character, so splitting the String on "\n" would
    // never break CRLF lines.
    for rawLine in contents.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    {
      lineNumber += 1
      var scalars = rawLine
      if scalars.last == "\r" { scalars = scalars.dropLast() }
      let line = Substring(scalars)
      let trimmed = line.trimmingCharacters(in: " ")
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let text = String(line)
      if !Normalizer.isNormalized(text, form: .nfc) {
        problems.append(
          .invalidEntry(
            path: path, line: lineNumber,
            message: "not in Unicode NFC (run it through `normalize clean`)"))
        continue
      }
      let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: " ")
      }
      if fields.contains(where: \.isEmpty) {
        problems.append(
          .invalidEntry(
            path: path, line: lineNumber, message: "empty field (fields are separated by one TAB)"))
        continue
      }
      entries.append(LexiconEntry(fields: fields, path: path, line: lineNumber, language: language))
    }
    return (entries, problems)
  }
}

extension Substring {
  /// The substring without leading and trailing characters in `set` (scalar comparison).
  func trimmingCharacters(in set: Character) -> String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == set { start = index(after: start) }
    while end > start, self[index(before: end)] == set { end = index(before: end) }
    return String(self[start..<end])
  }
}
