/// One run of ``MainTextExtractor`` over one page: per-node flags and lengths in flat arrays,
/// filled in document order (a node's index is above its parent's, so one backward loop sums
/// children into parents).
struct MainTextPass {
  let document: HTMLDocument
  let hints: ClassHints
  let title: String?

  /// Elements never read as text (scripts, forms' controls, embedded media, navigation).
  static let skippedTags = TagSet([
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select",
    "option", "button", "input", "textarea", "head", "title", "meta", "link", "nav", "aside",
    "footer", "audio",
    "video", "source", "picture", "img", "map", "dialog", "menu",
  ])
  /// Elements that start and end a paragraph.
  static let blockTagNames: Set<String> = [
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br",
    "summary",
    "center", "caption", "body", "html",
  ]
  /// ``blockTagNames``, looked up per node.
  static let blockTags = TagSet(Array(blockTagNames))
  static let headingTags = TagSet(["h1", "h2", "h3", "h4", "h5", "h6"])
  static let displayNone = Array("display:none".utf8)
  static let visibilityHidden = Array("visibility:hidden".utf8)
  /// Containers never dropped for their class words (the page's frame).
  static let frameTags = TagSet(["html", "body", "main", "article"])

  var skipped: [Bool]
  var effects: [ClassHints.Effects]
  var dropped: [Bool]
  var textLength: [Int]
  var linkLength: [Int]
  var commas: [Int]
  var paragraphs: [Int]
  var listItems: [Int]
  var images: [Int]
  var inputs: [Int]
  var blockChildren: [Bool]
  /// Per text node: its ``measure(_:)`` length and commas once measured (-1 before): the
  /// sums are made again after each drop, the texts stay the same.
  private(set) var measuredLengths: [Int32]
  private var measuredCommas: [Int32]
  /// Per node: what its tag counts as in ``measure()`` (`TagRole` bits), read once.
  private var tagRoles: [UInt8] = []
  /// Per node: whether it is in a link (an `a` element or below one), read once.
  private var inLink: [Bool] = []
  /// Per tag name (``HTMLDocument/tagNames``): whether it is in ``blockTags``, in
  /// ``skippedTags``.
  private let blockByTag: [Bool]
  private let skippedByTag: [Bool]
  var removed: [HTMLRemoval] = []
  var captions: [String] = []

  init(document: HTMLDocument, hints: ClassHints, title: String?) {
    self.document = document
    self.hints = hints
    self.title = title
    let count = document.count
    skipped = Array(repeating: false, count: count)
    effects = Array(repeating: [], count: count)
    dropped = Array(repeating: false, count: count)
    textLength = Array(repeating: 0, count: count)
    linkLength = Array(repeating: 0, count: count)
    commas = Array(repeating: 0, count: count)
    paragraphs = Array(repeating: 0, count: count)
    listItems = Array(repeating: 0, count: count)
    images = Array(repeating: 0, count: count)
    inputs = Array(repeating: 0, count: count)
    blockChildren = Array(repeating: false, count: count)
    measuredLengths = Array(repeating: -1, count: count)
    measuredCommas = Array(repeating: 0, count: count)
    blockByTag = document.tagNames.map(Self.blockTags.contains)
    skippedByTag = document.tagNames.map(Self.skippedTags.contains)
  }

  /// Whether node `index` is a block element (``blockTags``).
  func isBlock(_ index: Int) -> Bool { blockByTag[Int(document.tagKeys[index])] }

  /// What a tag counts as when the lengths are summed.
  private enum TagRole {
    static let link: UInt8 = 1
    static let image: UInt8 = 2
    static let input: UInt8 = 4
    static let paragraph: UInt8 = 8
    static let listItem: UInt8 = 16

    static func of(_ tag: String) -> UInt8 {
      switch tag {
      case "a": return link
      case "img": return image
      case "input", "select", "textarea", "button": return input
      case "p": return paragraph
      case "li": return listItem
      default: return 0
      }
    }
  }

  mutating func run() -> MainTextExtractor.Result {
    markSkipped()
    measure()
    dropByHints(unlikely: true)
    measure()
    var result = extractBest()
    // Too little text: class words or the scoring misled; retry without dropping "unlikely"
    // containers (readability's second attempt).
    if scalarCount(result.blocks) < 250 {
      dropped = Array(repeating: false, count: document.count)
      removed = []
      captions = []
      dropByHints(unlikely: false)
      measure()
      let second = extractBest()
      if scalarCount(second.blocks) > scalarCount(result.blocks) { result = second }
    }
    return result
  }

  private func scalarCount(_ blocks: [HTMLBlock]) -> Int {
    blocks.reduce(0) { $0 + $1.text.unicodeScalars.count }
  }

  // MARK: Flags

  private mutating func markSkipped() {
    let kinds = document.kinds
    // Pages repeat a few class names thousands of times: each is matched once.
    var known = [ClassHints.Effects?](repeating: nil, count: document.classAndIDCount)
    for index in 1..<document.count {
      let parent = Int(document.parents[index])
      if skipped[parent] {
        skipped[index] = true
        continue
      }
      guard kinds[index] == .element else { continue }
      if skippedByTag[Int(document.tagKeys[index])] {
        skipped[index] = true
        continue
      }
      var articleBodies = 0
      for position in document.attributePositions(of: index) {
        let value = document.attributeBytes(at: position)
        switch document.attributeKind(at: position) {
        case .hidden:
          skipped[index] = true
        case .ariaHidden where value.elementsEqual("true".utf8):
          skipped[index] = true
        case .style:
          let style = value.compactMap {
            $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0)
          }
          if ClassHints.find(Self.displayNone, in: style, wholeToken: false)
            || ClassHints.find(Self.visibilityHidden, in: style, wholeToken: false)
          {
            skipped[index] = true
          }
        case .itemprop where value.elementsEqual("articleBody".utf8):
          articleBodies += 1
        case .role
        where value.elementsEqual("navigation".utf8) || value.elementsEqual("complementary".utf8)
          || value.elementsEqual("contentinfo".utf8):
          skipped[index] = true
        default:
          break
        }
      }
      if articleBodies > 0 {
        // itemprop="articleBody" counts as a class word.
        var classAndID = document.classAndID(of: index)
        for _ in 0..<articleBodies { classAndID += Array(" articlebody".utf8) }
        effects[index] = hints.effects(classAndID: classAndID)
      } else if let key = document.classAndIDKey(of: index) {
        if let found = known[key] {
          effects[index] = found
        } else {
          let found = hints.effects(classAndID: document.classAndID(key: key))
          known[key] = found
          effects[index] = found
        }
      }
      if isBlock(index) && parent > 0 { blockChildren[parent] = true }
    }
  }

  /// Sums text and link lengths, commas and element counts into every ancestor, leaving out
  /// skipped and dropped nodes.
  private mutating func measure() {
    let count = document.count
    if tagRoles.isEmpty {
      let roles = document.tagNames.map(TagRole.of)
      tagRoles = document.tagKeys.map { roles[Int($0)] }
      inLink = Array(repeating: false, count: count)
      for index in 1..<count {
        let parent = Int(document.parents[index])
        inLink[index] = inLink[parent] || tagRoles[index] == TagRole.link
      }
    }
    // Local arrays, filled from zero and stored at the end: no uniqueness check per node.
    var textLength = [Int](repeating: 0, count: count)
    var linkLength = [Int](repeating: 0, count: count)
    var commas = [Int](repeating: 0, count: count)
    var paragraphs = [Int](repeating: 0, count: count)
    var listItems = [Int](repeating: 0, count: count)
    var images = [Int](repeating: 0, count: count)
    var inputs = [Int](repeating: 0, count: count)
    let kinds = document.kinds
    let parents = document.parents
    let texts = document.texts
    for index in stride(from: count - 1, through: 1, by: -1) {
      let role = tagRoles[index]
      let left = skipped[index] || dropped[index]
      // Images and form controls count even where they are skipped as text.
      if !dropped[index] {
        if role == TagRole.image { images[index] += 1 }
        if role == TagRole.input { inputs[index] += 1 }
      }
      if !left && kinds[index] == .text {
        if measuredLengths[index] < 0 {
          let (length, commaCount) = Self.measure(texts[index])
          measuredLengths[index] = Int32(clamping: length)
          measuredCommas[index] = Int32(clamping: commaCount)
        }
        let length = Int(measuredLengths[index])
        textLength[index] = length
        commas[index] = Int(measuredCommas[index])
        if inLink[index] { linkLength[index] = length }
      }
      if !left {
        if role == TagRole.paragraph { paragraphs[index] += 1 }
        if role == TagRole.listItem { listItems[index] += 1 }
      }
      let parent = Int(parents[index])
      if left {
        images[parent] += images[index]
        inputs[parent] += inputs[index]
        continue
      }
      textLength[parent] += textLength[index]
      linkLength[parent] += linkLength[index]
      commas[parent] += commas[index]
      paragraphs[parent] += paragraphs[index]
      listItems[parent] += listItems[index]
      images[parent] += images[index]
      inputs[parent] += inputs[index]
    }
    self.textLength = textLength
    self.linkLength = linkLength
    self.commas = commas
    self.paragraphs = paragraphs
    self.listItems = listItems
    self.images = images
    self.inputs = inputs
  }

  /// Length in scalars with white-space runs counted once, and the commas ("," "，" "、" "،").
  static func measure(_ text: String) -> (Int, Int) {
    var text = text
    // On the string's UTF-8, which is well formed: each scalar decoded from its lead byte.
    return text.withUTF8 { bytes in
      var length = 0
      var commas = 0
      var inSpace = true
      var index = 0
      while index < bytes.count {
        let lead = UInt32(bytes[index])
        var value = lead
        if lead < 0x80 {
          index += 1
        } else if lead < 0xE0 {
          value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          value =
            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
            | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          value = 0x10000  // no four-byte scalar is a space or a comma
          index += 4
        }
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0:
          if !inSpace { length += 1 }
          inSpace = true
        case 0x2C, 0xFF0C, 0x3001, 0x060C:
          commas += 1
          length += 1
          inSpace = false
        default:
          length += 1
          inSpace = false
        }
      }
      return (length, commas)
    }
  }

  func linkDensity(_ index: Int) -> Double {
    textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
  }

  /// Drops comment sections, related-article blocks and (when `unlikely`) menus, share bars and
  /// the like by their class and id words. A container holding most of the page's text is the
  /// page's frame, whatever its class says, and stays.
  private mutating func dropByHints(unlikely: Bool) {
    let total = max(1, textLength[0])
    for index in 1..<document.count where document.kinds[index] == .element && !skipped[index] {
      let parent = Int(document.parents[index])
      if dropped[parent] {
        dropped[index] = true
        continue
      }
      let found = effects[index]
      guard !found.isEmpty, !Self.frameTags.contains(document.tags[index]) else { continue }
      // "entry-content-read-more", "article-comments": a body word keeps the element for the
      // scoring to judge (readability's rule).
      let likely = found.contains(.likely)
      let rule: String?
      if found.contains(.comments) && !likely {
        rule = "comment-section"
      } else if found.contains(.related) && !likely {
        rule = "related-block"
      } else if unlikely && found.contains(.unlikely) && !likely {
        rule = nil
      } else if found.contains(.caption) && !found.contains(.likely) && textLength[index] < 400 {
        let text = BlockText.fold(document.text(of: index))
        if !text.isEmpty && captions.count < 50 && !captions.contains(text) {
          captions.append(text)
        }
        dropped[index] = true
        continue
      } else {
        continue
      }
      guard textLength[index] * 2 < total || textLength[index] < 200 else { continue }
      dropped[index] = true
      if let rule, textLength[index] > 0, removed.count < 50 {
        removed.append(
          HTMLRemoval(
            text: BlockText.clip(
              document.blockSeparatedText(of: index, blockTags: Self.blockTagNames), to: 300),
            rule: rule))
      }
    }
    // Figure captions: metadata, never body text.
    for index in 1..<document.count
    where document.tags[index] == "figcaption" && !skipped[index] && !dropped[index] {
      let text = BlockText.fold(document.text(of: index))
      if !text.isEmpty && captions.count < 50 && !captions.contains(text) { captions.append(text) }
      dropped[index] = true
    }
  }

  // MARK: Scoring

  private func tagScore(_ tag: String) -> Double {
    switch tag {
    case "div", "article", "main": return 5
    case "pre", "td", "blockquote": return 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
    default: return 0
    }
  }

  func classWeight(_ index: Int) -> Double {
    var weight = 0.0
    if effects[index].contains(.negative) { weight -= 25 }
    if effects[index].contains(.positive) { weight += 25 }
    return weight
  }

  private func isScorable(_ index: Int) -> Bool {
    guard document.kinds[index] == .element, !skipped[index], !dropped[index] else { return false }
    switch document.tags[index] {
    case "p", "pre", "td": return true
    case "div", "section": return !blockChildren[index]
    default: return false
    }
  }

  private mutating func extractBest() -> MainTextExtractor.Result {
    let count = document.count
    var scores = [Double](repeating: 0, count: count)
    var isCandidate = [Bool](repeating: false, count: count)
    var candidates: [Int] = []
    // Paragraphs: p, pre, td and boxes of inline content; and the text written straight into a
    // box beside its block children ("Chelsea have … <br><div class=separator>…"), which
    // readability wraps in a paragraph of its own: that text scores the box itself.
    var inlineLength = textLength
    var inlineCommas = commas
    for index in 1..<count
    where document.kinds[index] == .element && !skipped[index] && !dropped[index] {
      let parent = Int(document.parents[index])
      if isBlock(index) {
        inlineLength[parent] -= textLength[index]
        inlineCommas[parent] -= commas[index]
      }
    }
    var paragraphs: [(node: Int, firstAncestor: Int, length: Int, commas: Int)] = []
    for index in 1..<count
    where document.kinds[index] == .element && !skipped[index] && !dropped[index] {
      if isScorable(index) {
        if textLength[index] >= 25 {
          paragraphs.append((index, Int(document.parents[index]), textLength[index], commas[index]))
        }
      } else if blockChildren[index] && inlineLength[index] >= 25
        && !Self.headingTags.contains(document.tags[index])
      {
        paragraphs.append((index, index, inlineLength[index], inlineCommas[index]))
      }
    }
    for paragraph in paragraphs {
      let score = 1 + Double(paragraph.commas) + Double(min(paragraph.length / 100, 3))
      var ancestor = paragraph.firstAncestor
      var level = 0
      while ancestor > 0 && level < 5 {
        if !isCandidate[ancestor] {
          isCandidate[ancestor] = true
          scores[ancestor] = tagScore(document.tags[ancestor]) + classWeight(ancestor)
          candidates.append(ancestor)
        }
        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
        scores[ancestor] += score / divider
        ancestor = Int(document.parents[ancestor])
        level += 1
      }
    }
    var top = -1
    var topScore = -Double.infinity
    var ranked: [(Int, Double)] = []
    for candidate in candidates {
      let final = scores[candidate] * (1 - linkDensity(candidate))
      scores[candidate] = final
      ranked.append((candidate, final))
      if final > topScore {
        topScore = final
        top = candidate
      }
    }
    if top < 0 {
      // No paragraph long enough to score: the whole body.
      top = document.elements(named: "body").first ?? 0
      topScore = 0
    } else {
      // Several strong candidates under one container: the container is the article
      // (paragraphs split by wrappers).
      ranked.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
      let alternatives = ranked.dropFirst().prefix(5).filter { $0.1 >= topScore * 0.75 }.map(\.0)
      if alternatives.count >= 3 {
        var parent = Int(document.parents[top])
        while parent > 0 && document.tags[parent] != "body" {
          if alternatives.filter({ document.contains(parent, $0) }).count >= 3 {
            top = parent
            break
          }
          parent = Int(document.parents[parent])
        }
      }
      // An only child stands for its parent.
      while top > 0, Int(document.parents[top]) > 0,
        document.tags[Int(document.parents[top])] != "body",
        document.children(of: Int(document.parents[top])).filter({
          document.kinds[$0] == .element && !skipped[$0] && !dropped[$0]
        }).count == 1
      {
        top = Int(document.parents[top])
      }
    }

    // The top candidate and its siblings that read like more of the same.
    var included: [Int] = []
    let parent = Int(document.parents[top])
    if parent > 0 && document.tags[top] != "body" {
      let threshold = max(10, topScore * 0.2)
      let topClass = document.attribute("class", of: top)
      for sibling in document.children(of: parent) where !skipped[sibling] && !dropped[sibling] {
        if sibling == top {
          included.append(sibling)
          continue
        }
        guard document.kinds[sibling] == .element else { continue }
        var bonus = 0.0
        if let topClass, !topClass.isEmpty, document.attribute("class", of: sibling) == topClass {
          bonus = topScore * 0.2
        }
        if isCandidate[sibling] && scores[sibling] + bonus >= threshold {
          included.append(sibling)
        } else if document.tags[sibling] == "p" {
          let length = textLength[sibling]
          let density = linkDensity(sibling)
          let text = document.text(of: sibling)
          if length > 80 && density < 0.25 {
            included.append(sibling)
          } else if length > 0 && length <= 80 && density == 0
            && (text.contains(". ") || text.hasSuffix("."))
          {
            included.append(sibling)
          }
        }
      }
    } else {
      included = [top]
    }

    var collector = BlockCollector(pass: self, scores: scores, isCandidate: isCandidate)
    for node in included { collector.collect(node) }
    collector.flush()
    return MainTextExtractor.Result(blocks: collector.blocks, removed: removed, captions: captions)
  }
}
