import NormalizeCore

/// Words that mark a neighbouring capitalised span as a person's name, from every
/// `Lexicons/<lang>/name-cues.tsv`: titles before it ("Foreign Minister Cho Tae-yul",
/// "Mr. Lee", "lawmaker Yoo") and verbs after it ("Zelensky said").
struct NameCues: Sendable {
  static let kind = "name-cues"

  private(set) var titles: Set<String> = []
  private(set) var verbs: Set<String> = []

  init(lexicons: any LexiconProvider) throws {
    for entry in try lexicons.allEntries(kind: Self.kind) {
      guard entry.fields.count == 2 else {
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "expected word<TAB>role, found \(entry.fields.count) fields")
      }
      let word = entry.fields[0].lowercased()
      switch entry.fields[1] {
      case "title": titles.insert(word)
      case "verb": verbs.insert(word)
      default:
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "role \"\(entry.fields[1])\" is not title or verb")
      }
    }
  }

  func isTitle(_ word: String) -> Bool { titles.contains(word.lowercased()) }
  func isVerb(_ word: String) -> Bool { verbs.contains(word.lowercased()) }
  func isCue(_ word: String) -> Bool {
    let lower = word.lowercased()
    return titles.contains(lower) || verbs.contains(lower)
  }
}
