import Citations
import NormalizeTestSupport
import Testing

@Suite("Finding references in article text")
struct ReferenceLocatorTests {
  @Test("source lines in several languages, with scalar spans")
  func sourceLines() {
    let text =
      "Первый абзац.\nOriginal Source: evrimagaci.org\n한국어 문단.\n출처: 연합뉴스\nFonte: ANSA, 3 marzo 2025\n来源：新华社\n"
    let found = ReferenceLocator.find(in: text)
    #expect(found.map(\.text) == ["evrimagaci.org", "연합뉴스", "ANSA, 3 marzo 2025", "新华社"])
    #expect(found.map(\.label) == ["Original Source", "출처", "Fonte", "来源"])
    let scalars = Array(text.unicodeScalars)
    for reference in found {
      let span = String(String.UnicodeScalarView(scalars[reference.start..<reference.end]))
      #expect(span == reference.text)
    }
  }

  @Test("a reference section after a heading, with list markers stripped")
  func referenceSection() {
    let text = """
      Body text ends here.
      References:
      - Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: …]. Retrieved from [Insert original URL here]
      1. Okafor, C. (2015). The long harvest. Lagos: Riverbend Press.

      Views: 1
      """
    let found = ReferenceLocator.find(in: text)
    #expect(found.count == 2)
    #expect(found.first?.text.hasPrefix("Yonhap News Agency.") == true)
    #expect(found.last?.text == "Okafor, C. (2015). The long harvest. Lagos: Riverbend Press.")
    #expect(found.allSatisfy { $0.kind == "reference-section" })
  }

  @Test("a sentence mentioning a source is not a source line")
  func notASourceLine() {
    #expect(
      ReferenceLocator.find(in: "The source: a leaked memo, was never named in court.").isEmpty)
  }
}
