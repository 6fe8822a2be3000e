import Testing

@testable import HTMLExtraction

@Suite struct TagSetTests {
  /// Element names as libxml2 gives them, members or not, including custom elements, names
  /// longer than 16 bytes and non-ASCII ones.
  static let tags = [
    "div", "span", "p", "a", "li", "h1", "h2", "h6", "h7", "section", "figcaption", "blockquote",
    "script", "style", "noscript", "template", "textarea", "article", "main", "body", "html", "",
    "d", "di", "divx", "my-custom-element", "amp-story-grid-layer", "ytd-rich-grid-renderer",
    "figcaptions", "über", "статья", "x:div", "sixteen-letters-",
  ]

  /// The sets the extractor reads, and one with a name of exactly 16 bytes.
  static let nameLists: [[String]] = [
    ["script", "style", "noscript", "template", "svg", "iframe", "textarea", "nav", "aside"],
    Array(MainTextPass.blockTagNames),
    ["h1", "h2", "h3", "h4", "h5", "h6"],
    ["html", "body", "main", "article"],
    ["div", "span", "p", "time", "small", "em", "strong", "b", "i", "li", "dd", "dt", "td"],
    ["sixteen-letters-", "a"],
  ]

  @Test("membership is Set<String>'s for every tag", arguments: nameLists)
  func sameAsSet(_ names: [String]) {
    let tagSet = TagSet(names)
    let set = Set(names)
    for tag in Self.tags + names {
      #expect(tagSet.contains(tag) == set.contains(tag), "\(tag)")
    }
  }
}
