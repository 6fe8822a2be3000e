import Citations
import NormalizeCore
import Testing

/// The `citation-markers` lexicon kind: loading the shipped files and rejecting bad lines.
@Suite("Citation markers from the lexicons")
struct CitationMarkersTests {
  @Test("the shipped markers cover the languages the parser reads")
  func shipped() throws {
    let lexicons = try #require(CitationsFixtures.lexicons)
    let markers = try CitationMarkers(lexicons: lexicons)
    #expect(markers.marksAccess("retrieved from https://example.org"))
    #expect(markers.marksAccess("abgerufen am 3. märz 2025"))
    #expect(markers.marksAccess("consulté le 12 mai 2024"))
    #expect(!markers.marksAccess("seoul: yonhap"))
    #expect(markers.edition.isSuperset(of: ["ed", "aufl", "изд", "edición", "éd"]))
    #expect(markers.etAl == ["et al"])
  }

  @Test("the tagger's container and editor words and the source labels come from the lexicons")
  func taggerWords() throws {
    let lexicons = try #require(CitationsFixtures.lexicons)
    let markers = try CitationMarkers(lexicons: lexicons)
    #expect(markers.container.isSuperset(of: ["in", "dans", "в", "en", "im", "na", "u", "у"]))
    #expect(markers.editor.isSuperset(of: ["eds", "hrsg", "dir", "под", "ред"]))
    #expect(
      markers.sourceLabel.isSuperset(of: ["original source", "fonte", "источник", "출처", "来源"]))
    // The reranker's weights were trained with exactly these four (retrain if they change).
    #expect(markers.containerAfterTitle == ["in", "dans", "en", "im"])
  }

  @Test("a container word opens a container in the parsed reference")
  func containerFromTheLexicon() throws {
    let parser = try #require(CitationsFixtures.parser)
    let reference = parser.parse(
      "Okonkwo, A. (2011). Palm oil and credit. In B. Mensah (Ed.), Markets of the Gulf of Guinea (pp. 45–67). Accra: Harbour Books.",
      published: nil)
    #expect(reference.csl?["container-title"]?.stringValue == "Markets of the Gulf of Guinea")
  }

  @Test("bad tagger-word lines are rejected with their file and line")
  func rejectsTaggerWords() {
    let upper = InMemoryLexiconProvider([
      "citation-markers": ["pl": "# Polish\ncontainer\tna\ncontainer\tW"]
    ])
    #expect {
      try CitationMarkers(lexicons: upper)
    } throws: { error in
      guard case .invalidEntry(let path, let line, _)? = error as? LexiconError else {
        return false
      }
      return path == "pl/citation-markers.tsv" && line == 3
    }
    let twice = InMemoryLexiconProvider([
      "citation-markers": ["ru": "editor\tред\neditor\tпод\neditor\tред"]
    ])
    #expect {
      try CitationMarkers(lexicons: twice)
    } throws: { error in
      guard case .invalidEntry(let path, let line, _)? = error as? LexiconError else {
        return false
      }
      return path == "ru/citation-markers.tsv" && line == 3
    }
  }

  @Test("an edition label read from the lexicon keeps the number alone")
  func editionFromTheLexicon() throws {
    let parser = try #require(CitationsFixtures.parser)
    let reference = parser.parse(
      "Mensah, K. A. (2012). Coastal trade in West Africa (5th ed.). Accra: Harbour Books.",
      published: nil)
    #expect(reference.csl?["edition"]?.stringValue == "5")
  }

  @Test("bad lines are rejected with their file and line")
  func rejects() {
    let unknown = InMemoryLexiconProvider([
      "citation-markers": ["de": "access\tabgerufen\nvolume\tbd"]
    ])
    #expect {
      try CitationMarkers(lexicons: unknown)
    } throws: { error in
      guard case .invalidEntry(let path, let line, _)? = error as? LexiconError else {
        return false
      }
      return path == "de/citation-markers.tsv" && line == 2
    }
    let upper = InMemoryLexiconProvider(["citation-markers": ["en": "access\tRetrieved"]])
    #expect(throws: LexiconError.self) { try CitationMarkers(lexicons: upper) }
    let oneField = InMemoryLexiconProvider(["citation-markers": ["fr": "consulté"]])
    #expect(throws: LexiconError.self) { try CitationMarkers(lexicons: oneField) }
  }
}
