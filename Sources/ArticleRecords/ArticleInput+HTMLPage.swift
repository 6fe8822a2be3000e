import HTMLExtraction

extension ArticleInput {
  /// The article with what its HTML page gives where the input gave nothing: the main text
  /// (when no `text` came beside the page), the title, the declared language and the
  /// publication date with its source (`publishedFrom`: "html-meta", "html-json-ld",
  /// "html-time" or "url"). The input's own fields always win.
  func filling(from page: HTMLPage) -> ArticleInput {
    var article = self
    if article.text.isEmpty { article.text = page.text }
    if article.title == nil { article.title = page.metadata.title }
    if article.lang == nil { article.lang = page.metadata.language }
    if article.published == nil, let date = page.metadata.published {
      article.published = date.value
      article.publishedFrom = date.from
    }
    return article
  }
}

extension ArticleRecord.Page {
  /// The record's view of a page's metadata.
  init(_ metadata: PageMetadata) {
    func dated(_ date: PageMetadata.Dated?) -> ArticleRecord.Published? {
      date.map { ArticleRecord.Published(value: $0.value, from: $0.from) }
    }
    self.init(
      title: metadata.title, authors: metadata.authors, published: dated(metadata.published),
      modified: dated(metadata.modified), siteName: metadata.siteName, canonicalURL: metadata.canonicalURL,
      language: metadata.language, description: metadata.description)
  }
}
