import Citations
import NormalizeCore
import NormalizeTestSupport
import Testing

@Suite("Finding references in article text")
struct ReferenceLocatorTests {
  @Test("source lines in several languages, with scalar spans")
  func sourceLines() throws {
    let labels = try #require(CitationsFixtures.markers).sourceLabel
    let text =
      "Первый абзац.\nOriginal Source: evrimagaci.org\n한국어 문단.\n출처: 연합뉴스\nFonte: ANSA, 3 marzo 2025\n来源：新华社\n"
    let found = ReferenceLocator.find(in: text, sectionHeadings: [], sourceLabels: labels)
    #expect(found.map(\.text) == ["evrimagaci.org", "연합뉴스", "ANSA, 3 marzo 2025", "新华社"])
    #expect(found.map(\.label) == ["Original Source", "출처", "Fonte", "来源"])
    let scalars = Array(text.unicodeScalars)
    for reference in found {
      let span = String(String.UnicodeScalarView(scalars[reference.start..<reference.end]))
      #expect(span == reference.text)
    }
  }

  @Test("a reference section after a heading, with list markers stripped")
  func referenceSection() throws {
    let text = """
      Body text ends here.
      References:
      - Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: …]. Retrieved from [Insert original URL here]
      1. Okafor, C. (2015). The long harvest. Lagos: Riverbend Press.

      Views: 1
      """
    let lexicons = try #require(CitationsFixtures.lexicons)
    let headings = try ReferenceHeadings(lexicons: lexicons).all
    let labels = try CitationMarkers(lexicons: lexicons).sourceLabel
    let found = ReferenceLocator.find(in: text, sectionHeadings: headings, sourceLabels: labels)
    #expect(found.count == 2)
    #expect(found.first?.text.hasPrefix("Yonhap News Agency.") == true)
    #expect(found.last?.text == "Okafor, C. (2015). The long harvest. Lagos: Riverbend Press.")
    #expect(found.allSatisfy { $0.kind == "reference-section" })
  }

  @Test("a sentence mentioning a source is not a source line")
  func notASourceLine() throws {
    let labels = try #require(CitationsFixtures.markers).sourceLabel
    #expect(
      ReferenceLocator.find(
        in: "The source: a leaked memo, was never named in court.", sectionHeadings: [],
        sourceLabels: labels
      ).isEmpty)
  }

  @Test("a section heading in any language with a reference-headings lexicon")
  func headingsFromTheLexicon() throws {
    let lexicons = try #require(CitationsFixtures.lexicons)
    let headings = try ReferenceHeadings(lexicons: lexicons).all
    let labels = try CitationMarkers(lexicons: lexicons).sourceLabel
    let text =
      "Der Text endet hier.\nLiteraturverzeichnis\n- Weber, K. (2019). Häfen an der Donau. Passau: Lindenverlag.\n"
    let found = ReferenceLocator.find(in: text, sectionHeadings: headings, sourceLabels: labels)
    #expect(found.map(\.text) == ["Weber, K. (2019). Häfen an der Donau. Passau: Lindenverlag."])
    #expect(ReferenceLocator.find(in: text, sectionHeadings: [], sourceLabels: labels).isEmpty)
  }

  @Test("a malformed reference-headings file is rejected with its line")
  func malformedHeadings() {
    let upper = InMemoryLexiconProvider(["reference-headings": ["de": "literatur\nQuellen"]])
    #expect(throws: LexiconError.self) { try ReferenceHeadings(lexicons: upper) }
    let twice = InMemoryLexiconProvider(["reference-headings": ["fr": "sources\nsources"]])
    #expect {
      try ReferenceHeadings(lexicons: twice)
    } throws: { error in
      (error as? LexiconError)
        == .invalidEntry(
          path: "fr/reference-headings.tsv", line: 2, message: "\"sources\" is listed twice")
    }
  }
}
