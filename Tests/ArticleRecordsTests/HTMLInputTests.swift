import ArticleRecords
import Foundation
import Testing

/// HTML pages through the whole pipeline: `.html` files, a JSON Lines `html` field (alone or
/// beside `text`), pages in legacy charsets, the page's date as the record's `published`, and
/// hostile pages that must become a record or a reject with its reason.
@Suite struct HTMLInputTests {
  private func write(_ bytes: [UInt8], name: String) throws -> String {
    let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static let page = """
    <html lang="pl"><head><title>Gdańsk otwiera nowy most zwodzony | Kurier Bałtycki</title>
    <meta property="og:site_name" content="Kurier Bałtycki">
    <meta property="article:published_time" content="2025-05-27T08:00:00+02:00"></head>
    <body><nav><a href="/">Strona główna</a></nav><article>
    <p>Nowy most zwodzony na Motławie został otwarty we wtorek dla pieszych i rowerzystów, poinformował urząd miasta w Gdańsku.</p>
    <p>Przęsło podnosi się co godzinę, aby przepuścić jachty płynące do mariny w centrum miasta.</p>
    </article><div id="comments"><p>Wreszcie! Czekaliśmy na ten most od lat.</p></div></body></html>
    """

  @Test("a JSON Lines crawl line with url and html becomes a record of the page's main text")
  func jsonLineWithHTML() throws {
    let object: [String: Any] = [
      "id": "gdansk", "url": "https://kurier.example/2025/05/27/most", "html": Self.page,
    ]
    let line = try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8)
    let run = try Fixtures.run(paths: [try write([UInt8](line), name: "crawl.jsonl")])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.id == "gdansk")
    #expect(record.title == "Gdańsk otwiera nowy most zwodzony")
    #expect(record.text.hasPrefix("Nowy most zwodzony na Motławie został otwarty we wtorek"))
    #expect(!record.text.contains("Strona główna") && !record.text.contains("Wreszcie"))
    #expect(record.published == ArticleRecord.Published(value: "2025-05-27", from: "html-meta"))
    #expect(record.lang == "pl")
    #expect(record.source.publisher == "Kurier Bałtycki")
    #expect(
      record.removed.contains { $0.rule == "comment-section" && $0.text.contains("Wreszcie") })
    #expect(record.metadata.page?.siteName == "Kurier Bałtycki")
    #expect(record.input == nil, "html is a known field, not passed through")
    // Dates in the text resolve against the page's date: "we wtorek" is that Tuesday.
    #expect(record.paragraphs.count == 2)
  }

  @Test("text beside html is the body; the page gives the metadata; the input's published wins")
  func textBesideHTML() throws {
    let object: [String: Any] = [
      "id": "x", "text": "Treść podana przez użytkownika.", "html": Self.page,
      "published": "2025-06-01",
    ]
    let line = try JSONSerialization.data(withJSONObject: object)
    let run = try Fixtures.run(paths: [try write([UInt8](line), name: "both.jsonl")])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.text == "Treść podana przez użytkownika.")
    #expect(record.published == ArticleRecord.Published(value: "2025-06-01", from: "input"))
    #expect(record.metadata.page?.published?.value == "2025-05-27")
  }

  @Test("a line with neither text nor html is rejected, naming both")
  func neitherTextNorHTML() throws {
    let run = try Fixtures.run(paths: [
      try write(Array("{\"id\":\"a\",\"url\":\"https://x.example\"}\n".utf8), name: "none.jsonl")
    ])
    let reject = try #require(run.outcomes.first?.reject)
    #expect(reject.code == "missing-text" && reject.reason.contains("html"))
  }

  @Test("an .html file in a folder walk; a page in windows-1251 that says so in http-equiv")
  func htmlFileInLegacyCharset() throws {
    let html = """
      <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Погода</title></head>
      <body><article><p>В Новосибирске в среду ожидается до двадцати градусов мороза и сильный ветер, сообщили синоптики.</p></article></body></html>
      """
    let bytes = try #require(html.data(using: .windowsCP1251))
    let folder = try Fixtures.temporaryFolder()
    try bytes.write(to: folder.appendingPathComponent("pogoda.html"))
    try Data("ignored".utf8).write(to: folder.appendingPathComponent("notes.md"))
    let run = try Fixtures.run(paths: [folder.path])
    #expect(run.counts.read == 1)
    let record = try #require(run.outcomes.first?.record)
    #expect(record.text.hasPrefix("В Новосибирске в среду ожидается до двадцати градусов мороза"))
    #expect(
      record.findings.contains {
        $0.code == "legacy-encoding" && $0.message.contains("windows-1251")
      })
  }

  @Test("a page whose meta charset is wrong is read by detection")
  func wrongDeclaredCharset() throws {
    let html = """
      <html><head><meta charset="utf-8"></head><body><p>Київська міська рада ухвалила рішення про ремонт мостів через Дніпро, повідомили в четвер у мерії.</p></body></html>
      """
    let bytes = try #require(html.data(using: .windowsCP1251))
    let run = try Fixtures.run(paths: [try write([UInt8](bytes), name: "wrong.html")])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.text.contains("Київська міська рада"))
    #expect(record.findings.contains { $0.code == "legacy-encoding" })
  }

  @Test("binary bytes named .html are rejected as binary data; an empty page as empty input")
  func hostilePages() throws {
    var bytes = Array("<html><body>".utf8)
    var generator = SystemRandomNumberGenerator()
    bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let binary = try Fixtures.run(paths: [try write(bytes, name: "image.html")])
    #expect(binary.outcomes.first?.reject?.code == "binary-data")
    let empty = try Fixtures.run(paths: [try write(Array("  \n".utf8), name: "empty.html")])
    #expect(empty.outcomes.first?.reject?.code == "empty-input")
    let scripts = try Fixtures.run(paths: [
      try write(Array("<html><script>var a = 1;</script></html>".utf8), name: "app.html")
    ])
    let record = try #require(scripts.outcomes.first?.record)
    #expect(record.text.isEmpty && record.findings.contains { $0.code == "empty-body" })
  }

  @Test("a file without an .html name is read as HTML when it is one")
  func sniffedPage() throws {
    let run = try Fixtures.run(paths: [try write(Array(Self.page.utf8), name: "page.txt")])
    let record = try #require(run.outcomes.first?.record)
    #expect(record.title == "Gdańsk otwiera nowy most zwodzony")
    #expect(!record.text.contains("<p>"))
  }
}
