import NormalizeCore

/// The word lists mention detection reads from `Lexicons/` (formats in Lexicons/README.md):
///
/// - `name-stopwords` (any language): capitalised words that are never a name on their own —
///   months, weekdays, compass points, demonyms ("March", "Monday", "North", "Korean");
/// - `stopwords` (per language): the function words of a text's language, never part of a
///   name in that language (German "Im Rahmen", French "La Police", Croatian "Na Twitteru");
/// - `particles` (ko): particles and copula endings that attach to a Hangul name (서울에서,
///   김정은의);
/// - `name-particles` (any language): lower-case words inside a name between its capitalised
///   parts (Jan de Vries, Ursula von der Leyen, Abdul Aziz bin Salman);
/// - `not-name-endings` (ko): last syllables of Korean words that name institutions or end
///   verbs (국회, 검찰청, 전했다), never the end of a given name.
///
/// ```swift
/// let lists = try NameWordLists(lexicons: provider)
/// lists.nameStopwords.contains("september")          // true
/// lists.functionWords["de"]?.contains("im")          // true
/// lists.koreanParticles.contains("에서")               // true
/// ```
struct NameWordLists: Sendable {
  /// Lower-cased words that are not names alone (`name-stopwords` of every language).
  private(set) var nameStopwords: Set<String> = []
  /// Lower-cased function words by language (`stopwords`), for the text's language.
  private(set) var functionWords: [String: Set<String>] = [:]
  /// Korean particles and copula endings (`ko/particles`).
  private(set) var koreanParticles: Set<String> = []
  /// Last syllables of Korean institution names and verb forms (`ko/not-name-endings`).
  private(set) var notNameEndings: Set<String> = []
  /// Lower-case particles inside names (`name-particles` of every language).
  private(set) var nameParticles: Set<String> = []
  /// Two-character Chinese family names (`zh/compound-surnames`), for romanising Han names.
  private(set) var compoundSurnames: Set<String> = []

  /// Reads the five kinds (and `compound-surnames`) from every language folder that has them.
  ///
  /// - Throws: `LexiconError.invalidEntry` with the file and line of an entry that is not one
  ///   word (or, for the Korean kinds, not Hangul syllables).
  init(lexicons: any LexiconProvider) throws {
    for entry in try lexicons.allEntries(kind: "name-stopwords") {
      nameStopwords.insert(try Self.word(entry, kind: "name-stopwords").lowercased())
    }
    for language in lexicons.languages(forKind: "stopwords") {
      var words: Set<String> = []
      for entry in try lexicons.entries(kind: "stopwords", language: language) {
        if let word = entry.fields.first { words.insert(word.lowercased()) }
      }
      functionWords[language] = words
    }
    for entry in try lexicons.allEntries(kind: "name-particles") {
      nameParticles.insert(try Self.word(entry, kind: "name-particles").lowercased())
    }
    for entry in try lexicons.allEntries(kind: "particles") {
      koreanParticles.insert(try Self.hangul(entry, kind: "particles"))
    }
    for entry in try lexicons.allEntries(kind: "not-name-endings") {
      let syllable = try Self.hangul(entry, kind: "not-name-endings")
      guard syllable.unicodeScalars.count == 1 else {
        throw LexiconError.invalidEntry(
          path: entry.path, line: entry.line,
          message: "expected one Hangul syllable, found \"\(syllable)\"")
      }
      notNameEndings.insert(syllable)
    }
    compoundSurnames = try ScriptNameRomanizer.compoundSurnames(lexicons: lexicons)
  }

  private static func word(_ entry: LexiconEntry, kind: String) throws -> String {
    guard entry.fields.count == 1, let word = entry.fields.first, !word.contains(" ") else {
      throw LexiconError.invalidEntry(
        path: entry.path, line: entry.line,
        message: "a \(kind) line holds one word, found \(entry.fields.count) fields")
    }
    return word
  }

  private static func hangul(_ entry: LexiconEntry, kind: String) throws -> String {
    let text = try word(entry, kind: kind)
    guard text.unicodeScalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) }) else {
      throw LexiconError.invalidEntry(
        path: entry.path, line: entry.line,
        message: "\"\(text)\" is not written in Hangul syllables; a \(kind) entry is Korean")
    }
    return text
  }
}
