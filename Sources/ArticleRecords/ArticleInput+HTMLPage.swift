import HTMLExtraction
import TextCleaning

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

extension HTMLPage {
  /// The structure analysis's blocks with the kinds the page's markup gives them: a heading,
  /// list item or paragraph is what its element says, and a table's rows, which the analysis
  /// reads as lines, are joined again into one `table` block. A block the page does not have
  /// (text the analysis joined or changed) keeps the analysis's kind.
  ///
  /// - Parameter clean: the cleaning the analysis's input went through, applied to the page's
  ///   blocks so that their texts compare.
  func restoringKinds(of blocks: [LayoutBlock], clean: (String) -> String) -> [LayoutBlock] {
    // Room for every block at once (no rehashing of paragraph-long keys as the table grows).
    var kinds = [String: LayoutBlock.Kind](minimumCapacity: self.blocks.count)
    var rows: [String: Int] = [:]
    for (index, block) in self.blocks.enumerated() {
      switch block.kind {
      case .table:
        for row in clean(block.text).split(separator: "\n") { rows[String(row)] = index }
      case .heading: kinds[clean(block.text)] = .heading
      case .listItem: kinds[clean(block.text)] = .listItem
      case .body: kinds[clean(block.text)] = .body
      }
    }
    var result: [LayoutBlock] = []
    var openTable: Int?
    for block in blocks {
      // Most pages have no table: no row to look up.
      if !rows.isEmpty, let table = rows[block.text] {
        if openTable == table, let last = result.indices.last {
          result[last].text += "\n" + block.text
        } else {
          result.append(LayoutBlock(text: block.text, kind: .table))
        }
        openTable = table
        continue
      }
      openTable = nil
      result.append(LayoutBlock(text: block.text, kind: kinds[block.text] ?? block.kind))
    }
    return result
  }
}
