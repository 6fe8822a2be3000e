import Foundation
import HTMLExtraction
import Testing

/// Hostile and broken pages: every one gives a page (possibly empty), in bounded time, never a
/// crash; and the charset and HTML sniffing that decide how bytes are read.
@Suite struct HTMLRobustnessTests {
  @Test("100,000 nested elements are read whole, without recursion")
  func deepNesting() throws {
    let extractor = try HTMLFixtures.extractor.get()
    let sentence = "Глубоко вложенный текст остаётся текстом, даже на стотысячном уровне. "
    let html =
      "<html><body>" + String(repeating: "<div>", count: 100_000)
      + String(repeating: sentence, count: 5)
      + String(repeating: "</div>", count: 100_000) + "</body></html>"
    let page = extractor.extract(HTMLDocument(utf8: Array(html.utf8)), title: nil)
    #expect(page.blocks.map(\.text).joined().contains("стотысячном уровне"))
    let inline = "<p>" + String(repeating: "<b><i>", count: 50_000) + "deep"
    _ = extractor.extract(HTMLDocument(utf8: Array(inline.utf8)), title: nil)
  }

  @Test("bytes that are no HTML at all, and empty input, give an empty page")
  func garbage() throws {
    let extractor = try HTMLFixtures.extractor.get()
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    _ = extractor.extract(
      HTMLDocument(utf8: Array(String(decoding: noise, as: UTF8.self).utf8)), title: nil)
    #expect(HTMLDocument(utf8: []).isEmpty)
    #expect(extractor.extract(HTMLDocument(utf8: []), title: nil).blocks.isEmpty)
    _ = PageMetadata.read(
      HTMLDocument(utf8: Array("<<<>>></p></div><meta content>".utf8)), url: "::")
  }

  @Test("a page's declared charset: BOM, meta charset, http-equiv, browser aliases")
  func declaredCharset() {
    #expect(
      HTMLCharset.declared(Array("<meta charset=\"windows-1251\"><p>".utf8)) == "windows-1251")
    #expect(
      HTMLCharset.declared(
        Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">".utf8))
        == "windows-1252")
    #expect(HTMLCharset.declared(Array("<meta charset='gb2312'>".utf8)) == "GB18030")
    #expect(HTMLCharset.declared([0xEF, 0xBB, 0xBF] + Array("<p>".utf8)) == "UTF-8")
    #expect(HTMLCharset.declared([0xFF, 0xFE, 0x3C, 0x00]) == "UTF-16LE")
    #expect(HTMLCharset.declared(Array("<p>charset=koi8-r is only text here</p>".utf8)) == nil)
    #expect(HTMLCharset.declared(Array("<meta charset=\"utf-16\">".utf8)) == "UTF-8")
  }

  @Test("HTML is told from plain text that happens to start with '<'")
  func sniffing() {
    #expect(HTMLSniffer.looksLikeHTML(Array("\n  <!DOCTYPE html><html lang=\"ko\">".utf8)))
    #expect(HTMLSniffer.looksLikeHTML(Array("<div class=post><p>Привет</p></div>".utf8)))
    #expect(!HTMLSniffer.looksLikeHTML(Array("<Untitled> draft of 27 May".utf8)))
    #expect(!HTMLSniffer.looksLikeHTML(Array("{\"text\": \"<p>\"}".utf8)))
  }

  @Test("dates as pages write them")
  func pageDates() {
    #expect(PageDate.parse("2019-11-19T13:03:00-05:00") == "2019-11-19")
    #expect(PageDate.parse("20191119") == "2019-11-19")
    #expect(PageDate.parse("2019/11/19 10:00") == "2019-11-19")
    #expect(PageDate.parse("19 Nov 2019") == "2019-11-19")
    #expect(PageDate.parse("Nov. 19, 2019 at 5:03 PM ET") == "2019-11-19")
    #expect(PageDate.parse("November 20, 2019 - 11:28 AMT") == "2019-11-20")
    #expect(PageDate.parse("2025年5月27日") == "2025-05-27")
    #expect(PageDate.fromURL("https://example.com/2019/nov/18/story/") == "2019-11-18")
    #expect(PageDate.parse("2019-02-29") == nil)
    #expect(PageDate.parse("1200-01-01") == nil)
    #expect(PageDate.parse("yesterday") == nil)
    #expect(PageDate.fromURL("https://example.com/2019/11/19/story/") == "2019-11-19")
    #expect(PageDate.fromURL("https://example.com/news/20191119/story") == "2019-11-19")
    #expect(PageDate.fromURL("https://example.com/story-11574168580") == nil)
    #expect(PageDate.fromURL("https://example.com/2019/11/story") == nil)
  }
}
