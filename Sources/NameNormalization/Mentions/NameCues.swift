import NormalizeCore

/// Words that mark a neighbouring capitalised span as a person's name, from every
/// `Lexicons/<lang>/name-cues.tsv`: titles before it ("Foreign Minister Cho Tae-yul",
/// "Mr. Lee", "lawmaker Yoo"), titles after it (Korean "유용원 의원") and verbs after it
/// ("Zelensky said").
struct NameCues: Sendable {
  static let kind = "name-cues"

  private(set) var titles: Set<String> = []
  private(set) var verbs: Set<String> = []
  /// Titles written after the name (Korean: 유용원 의원, 장세율 씨).
  private(set) var titlesAfter: Set<String> = []
  /// Words that make a capitalised span an organisation or a thing ("Co", "Agreement").
  private(set) var notPerson: Set<String> = []

  init(lexicons: any LexiconProvider) throws {
    for entry in try lexicons.allEntries(kind: Self.kind) {
      guard entry.fields.count == 2 else {
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "expected word<TAB>role, found \(entry.fields.count) fields")
      }
      let word = entry.fields[0].lowercased()
      switch entry.fields[1] {
      case "title": titles.insert(word)
      case "verb": verbs.insert(word)
      case "title-after": titlesAfter.insert(word)
      case "not-person": notPerson.insert(word)
      default:
        throw LexiconError.invalidEntry(path: entry.path, line: entry.line, message: "role \"\(entry.fields[1])\" is not title, title-after, verb or not-person")
      }
    }
  }

  func isTitle(_ word: String) -> Bool { titles.contains(word) || (Self.hasUpper(word) && titles.contains(word.lowercased())) }
  func isVerb(_ word: String) -> Bool { verbs.contains(word) || (Self.hasUpper(word) && verbs.contains(word.lowercased())) }
  func isCue(_ word: String) -> Bool { isTitle(word) || isVerb(word) }
  func isNotPerson(_ word: String) -> Bool {
    notPerson.contains(word) || (Self.hasUpper(word) && notPerson.contains(word.lowercased()))
  }

  /// Whether lower-casing could change the word (cues are stored lower-case).
  private static func hasUpper(_ word: String) -> Bool {
    word.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
  }

  /// Whether `word` is a title that follows a name, alone or with a particle (의원은, 씨가).
  func startsWithTitleAfter(_ word: String) -> Bool {
    if titlesAfter.contains(word) { return true }
    var prefix = ""
    for character in word.prefix(6) {
      prefix.append(character)
      if titlesAfter.contains(prefix), word.count - prefix.count <= 2 { return true }
    }
    return false
  }
}
