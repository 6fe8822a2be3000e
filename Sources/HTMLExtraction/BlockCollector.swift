/// Walks the chosen containers of a page in document order and cuts their text into
/// paragraphs at block elements, each with its kind (heading, list item, table, body) and tag
/// path. Lists, tables and boxes that read as link lists or widgets inside the article are left
/// out (readability's conditional cleaning).
struct BlockCollector {
  let pass: MainTextPass
  let scores: [Double]
  let isCandidate: [Bool]
  private(set) var blocks: [HTMLBlock] = []
  private var buffer = ""
  private var linkScalars = 0
  private var bufferScalars = 0
  private var blockStack: [Int] = []
  private var linkDepth = 0

  init(pass: MainTextPass, scores: [Double], isCandidate: [Bool]) {
    self.pass = pass
    self.scores = scores
    self.isCandidate = isCandidate
  }

  static let cleanedTags: Set<String> = [
    "table", "ul", "ol", "div", "section", "form", "fieldset", "header", "dl",
  ]

  /// Whether a container inside the article reads as a widget or link list.
  private func dropsConditionally(_ index: Int) -> Bool {
    let document = pass.document
    let tag = document.tags[index]
    guard Self.cleanedTags.contains(tag) else { return false }
    let weight = pass.classWeight(index)
    let score = isCandidate[index] ? scores[index] : 0
    if weight + score < 0 { return true }
    if pass.commas[index] >= 10 { return false }
    let paragraphs = pass.paragraphs[index]
    let images = pass.images[index]
    let listItems = pass.listItems[index] - 100
    let inputs = pass.inputs[index]
    let density = pass.linkDensity(index)
    let length = pass.textLength[index]
    let isList = tag == "ul" || tag == "ol"
    if length == 0 { return true }
    if images > 1 && Double(paragraphs) / Double(images) < 0.5 && length < 200 { return true }
    if !isList && listItems > paragraphs { return true }
    if inputs > paragraphs / 3 && inputs > 0 { return true }
    if !isList && length < 25 && (images == 0 || images > 2) { return true }
    if weight < 25 && density > 0.2 && !isList && tag != "table" { return true }
    if density > 0.5 { return true }
    return false
  }

  /// A table of figures or short cells (no paragraphs inside), read as rows.
  private func tableRows(_ index: Int) -> String? {
    let document = pass.document
    var rows: [String] = []
    for node in document.descendants(of: index) where document.kinds[node] == .element {
      switch document.tags[node] {
      case "table", "p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
        return nil
      case "tr":
        let cells = document.children(of: node).filter {
          document.tags[$0] == "td" || document.tags[$0] == "th"
        }
        .map { BlockText.fold(document.text(of: $0)) }
        if cells.contains(where: { $0.unicodeScalars.count > 200 }) { return nil }
        let row = cells.filter { !$0.isEmpty }.joined(separator: " | ")
        if !row.isEmpty { rows.append(row) }
      default:
        break
      }
    }
    return rows.count >= 2 ? rows.joined(separator: "\n") : nil
  }

  /// The tag path of `index`, its last 16 elements (a page can nest 100,000 deep).
  private func path(_ index: Int) -> String {
    let document = pass.document
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { nodes in
      var count = 0
      var node = index
      while node > 0 && count < 16 {
        nodes[count] = node
        count += 1
        node = Int(document.parents[node])
      }
      // The names' bytes joined first, then one string.
      var path: [UInt8] = []
      for position in stride(from: count - 1, through: 0, by: -1) {
        path += document.tags[nodes[position]].utf8
        if position > 0 { path.append(UInt8(ascii: ">")) }
      }
      return String(decoding: path, as: UTF8.self)
    }
  }

  private func isTitle(_ text: String) -> Bool {
    guard let title = pass.title, !title.isEmpty, !text.isEmpty else { return false }
    return title == text || title.hasPrefix(text) || text.hasPrefix(title)
  }

  /// Ends the paragraph being read.
  mutating func flush() {
    defer {
      buffer = ""
      linkScalars = 0
      bufferScalars = 0
    }
    let text = BlockText.fold(buffer)
    guard !text.isEmpty else { return }
    // A paragraph that is nothing but links ("Read more: …", a list of other stories).
    if linkScalars * 10 > bufferScalars * 6 && bufferScalars > 0 { return }
    let owner = blockStack.last ?? 0
    let tag = pass.document.tags[owner]
    var kind = HTMLBlock.Kind.body
    if MainTextPass.headingTags.contains(tag) {
      if isTitle(text) { return }
      kind = .heading
    } else if tag == "li" || tag == "dt" || tag == "dd" {
      kind = .listItem
    }
    blocks.append(HTMLBlock(text: text, kind: kind, path: path(owner)))
  }

  /// Appends text node `node`'s text (its length as measured for the sums when it was).
  private mutating func append(_ node: Int, inLink: Bool) {
    let text = pass.document.texts[node]
    buffer += text
    let measured = Int(pass.measuredLengths[node])
    let length = measured >= 0 ? measured : MainTextPass.measure(text).0
    bufferScalars += length
    if inLink { linkScalars += length }
  }

  /// Reads the subtree of `root`.
  mutating func collect(_ root: Int) {
    let document = pass.document
    // (node, entering): exits close block elements and links.
    var stack: [(Int, Bool)] = [(root, true)]
    while let (node, entering) = stack.popLast() {
      let tag = document.tags[node]
      if !entering {
        if tag == "a" { linkDepth -= 1 }
        if pass.isBlock(node) {
          flush()
          blockStack.removeLast()
        }
        continue
      }
      if pass.skipped[node] || pass.dropped[node] { continue }
      if document.kinds[node] == .text {
        append(node, inLink: linkDepth > 0)
        continue
      }
      if tag == "br" || tag == "hr" {
        flush()
        continue
      }
      if node != root && dropsConditionally(node) { continue }
      if tag == "table", let rows = tableRows(node) {
        flush()
        blocks.append(HTMLBlock(text: rows, kind: .table, path: path(node)))
        continue
      }
      if pass.isBlock(node) {
        flush()
        blockStack.append(node)
      }
      if tag == "a" { linkDepth += 1 }
      stack.append((node, false))
      // The children pushed last to first, so that they come off in document order.
      let firstChild = stack.count
      var child = Int(document.firstChildren[node])
      while child >= 0 {
        stack.append((child, true))
        child = Int(document.nextSiblings[child])
      }
      stack[firstChild...].reverse()
    }
  }
}
