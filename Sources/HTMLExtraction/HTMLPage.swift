import NormalizeCore

/// A page read: its main text as paragraphs with kinds, what was removed and why, figure
/// captions and credits, and the page's own metadata.
///
/// ```swift
/// let reader = try HTMLPageReader(lexicons: lexicons)
/// let page = reader.read(html, url: "https://www.example.ru/2025/05/27/pogoda/")
/// page.text                    // "В Москве ожидается …\n\nСиноптики …"
/// page.metadata.published      // PageMetadata.Dated(value: "2025-05-27", from: "html-meta")
/// ```
public struct HTMLPage: Sendable, Equatable {
  /// The main text's paragraphs in page order, each with its kind and element path.
  public var blocks: [HTMLBlock]
  /// Parts left out of the main text (comment sections, related-article blocks), with their rule.
  public var removed: [HTMLRemoval]
  /// Figure captions and photo credits, in page order ("Фото: РИА Новости").
  public var captions: [String]
  /// What the page says about itself: title, authors, dates, site, canonical URL, language.
  public var metadata: PageMetadata

  /// The paragraphs, one per line (a table's rows on lines of their own), as the structure
  /// analysis reads plain text.
  public var text: String { blocks.map(\.text).joined(separator: "\n") }
}

/// Reads HTML pages (already decoded to a `String`): libxml2's tree, the main text and the
/// metadata.
public struct HTMLPageReader: Sendable {
  let extractor: MainTextExtractor

  /// - Throws: `LexiconError` for a malformed `html-hints.tsv`.
  public init(lexicons: any LexiconProvider) throws {
    extractor = try MainTextExtractor(lexicons: lexicons)
  }

  /// Reads one page. `url` is where it was fetched from (a date in its path is the last
  /// source of the publication date).
  public func read(_ html: String, url: String? = nil) -> HTMLPage {
    var html = html
    return html.withUTF8 { read(utf8: $0, url: url) }
  }

  /// ``read(_:url:)`` on the page's UTF-8 bytes (already decoded from its charset).
  public func read(utf8 html: [UInt8], url: String? = nil) -> HTMLPage {
    html.withUnsafeBufferPointer { read(utf8: $0, url: url) }
  }

  /// ``read(_:url:)`` on the page's UTF-8 bytes in place.
  public func read(utf8 html: UnsafeBufferPointer<UInt8>, url: String? = nil) -> HTMLPage {
    let document = HTMLDocument(utf8: html)
    guard !document.isEmpty else {
      return HTMLPage(blocks: [], removed: [], captions: [], metadata: PageMetadata())
    }
    let metadata = PageMetadata.read(document, url: url)
    let main = extractor.extract(document, title: metadata.title)
    return HTMLPage(
      blocks: main.blocks, removed: main.removed, captions: main.captions, metadata: metadata)
  }
}
