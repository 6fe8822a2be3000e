import NormalizeCore

/// Words that mark the parts of a reference, per language (`citation-markers.tsv`): a note that
/// gives the access date or the address ("Retrieved", "Abgerufen", "consulté"), the label after
/// an edition number ("2nd ed.", "3. Aufl.", "5.ª edición"), "et al." after a list of names, the
/// words that open a container ("In", "dans", "в") and those that mark editors ("eds.", "Hrsg.",
/// "под ред."). Loaded once per parser and handed, read-only, to the tagger's features, its
/// repair rules and the reranker, in tagging and in training alike.
///
/// ```swift
/// let markers = try CitationMarkers(lexicons: provider)
/// markers.marksAccess("abgerufen am 3. März 2025")   // true
/// markers.edition.contains("auflage")                 // true
/// markers.container.contains("dans")                  // true: "… . Dans J. Dupont (dir.), …"
/// markers.containerAfterTitle.contains("в")           // false: the reranker was trained on four
/// ```
public struct CitationMarkers: Sendable {
  /// The lexicon kind: `Lexicons/<lang>/citation-markers.tsv`, `marker<TAB>word`.
  public static let kind = "citation-markers"

  /// What a marker word marks.
  public enum Marker: String, CaseIterable, Sendable {
    /// In a note: the access date or address follows ("retrieved", "accessed", "abgerufen").
    case access
    /// After an edition number: "ed", "aufl", "изд" (the number alone is kept).
    case edition
    /// After a list of names: "et al" (dropped, with a following dot).
    case etAl = "et-al"
    /// Opens a container, the book or journal a part appears in: "in", "dans", "в", "u".
    case container
    /// A container opener the reranker looks for right after a title. Its weights were trained
    /// with exactly these words ("in", "dans", "en", "im"): retrain with
    /// `normalize-dev train-refs` after changing them.
    case containerAfterTitle = "container-after-title"
    /// Marks editors: "eds", "hrsg", "dir", "под", "ред".
    case editor
    /// Labels a source line before its colon: "original source", "fonte", "источник", "출처".
    case sourceLabel = "source-label"
  }

  /// Access words, lower case, every language's, in file order.
  public let access: [String]
  /// Edition labels, lower case, every language's.
  public let edition: Set<String>
  /// "et al" and its like, every language's, in file order.
  public let etAl: [String]
  /// Container openers, lower case, every language's (a tagger feature and a repair rule).
  public let container: Set<String>
  /// The container openers the reranker's weights were trained with.
  public let containerAfterTitle: Set<String>
  /// Editor words, lower case, every language's (a tagger feature).
  public let editor: Set<String>
  /// Source-line labels, lower case, every language's (`ReferenceLocator`).
  public let sourceLabel: Set<String>

  /// Loads and checks every `citation-markers` file.
  ///
  /// - Throws: `LexiconError.invalidEntry` with file and line for a line without exactly two
  ///   fields, an unknown marker, a word with an upper-case letter, or a marker and word listed
  ///   twice in one file.
  public init(lexicons: any LexiconProvider) throws {
    var words: [Marker: [String]] = [:]
    for language in lexicons.languages(forKind: Self.kind) {
      var seen = Set<[String]>()
      for entry in try lexicons.entries(kind: Self.kind, language: language) {
        guard entry.fields.count == 2 else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message: "expected marker<TAB>word, found \(entry.fields.count) field(s)")
        }
        guard let marker = Marker(rawValue: entry.fields[0]) else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message:
              "unknown marker '\(entry.fields[0])'; use one of \(Marker.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        let word = entry.fields[1]
        guard word == word.lowercased() else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message: "write the word in lower case (\"\(word.lowercased())\")")
        }
        guard seen.insert(entry.fields).inserted else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message: "\(marker.rawValue) \"\(word)\" is listed twice")
        }
        words[marker, default: []].append(word)
      }
    }
    access = words[.access] ?? []
    edition = Set(words[.edition] ?? [])
    etAl = words[.etAl] ?? []
    container = Set(words[.container] ?? [])
    containerAfterTitle = Set(words[.containerAfterTitle] ?? [])
    editor = Set(words[.editor] ?? [])
    sourceLabel = Set(words[.sourceLabel] ?? [])
  }

  /// Whether lower-cased `text` holds an access word anywhere ("retrieved from", "accessed").
  public func marksAccess(_ lowered: String) -> Bool {
    access.contains { lowered.includes($0) }
  }
}
