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
  private var measuredLengths: [Int32]
  private var measuredCommas: [Int32]
  /// Per node: what its tag counts as in ``measure()`` (`TagRole` bits), read once.
  private var tagRoles: [UInt8] = []
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
  }

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
    var known: [ClassAndIDKey: ClassHints.Effects] = [:]
    for index in 1..<document.count {
      let parent = Int(document.parents[index])
      if skipped[parent] {
        skipped[index] = true
        continue
      }
      guard kinds[index] == .element else { continue }
      let tag = document.tags[index]
      if Self.skippedTags.contains(tag) {
        skipped[index] = true
        continue
      }
      var classAndID = document.classAndID(of: index)
      for attribute in document.attributes[index] {
        switch attribute.name {
        case "hidden":
          skipped[index] = true
        case "aria-hidden" where attribute.value == "true":
          skipped[index] = true
        case "style":
          let style = attribute.value.utf8.compactMap {
            $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0)
          }
          if ClassHints.find(Self.displayNone, in: style, wholeToken: false)
            || ClassHints.find(Self.visibilityHidden, in: style, wholeToken: false)
          {
            skipped[index] = true
          }
        case "itemprop" where attribute.value == "articleBody":
          classAndID += Array(" articlebody".utf8)
        case "role"
        where attribute.value == "navigation" || attribute.value == "complementary"
          || attribute.value == "contentinfo":
          skipped[index] = true
        default:
          break
        }
      }
      if !classAndID.isEmpty {
        let key = ClassAndIDKey(classAndID)
        if let found = known[key] {
          effects[index] = found
        } else {
          let found = hints.effects(classAndID: classAndID)
          known[key] = found
          effects[index] = found
        }
      }
      if Self.blockTags.contains(tag) && parent > 0 { blockChildren[parent] = true }
    }
  }

  /// Sums text and link lengths, commas and element counts into every ancestor, leaving out
  /// skipped and dropped nodes.
  private mutating func measure() {
    let count = document.count
    if tagRoles.isEmpty { tagRoles = document.tags.map(TagRole.of) }
    for index in 0..<count {
      textLength[index] = 0
      linkLength[index] = 0
      commas[index] = 0
      paragraphs[index] = 0
      listItems[index] = 0
      images[index] = 0
      inputs[index] = 0
    }
    var inLink = Array(repeating: false, count: count)
    for index in 1..<count {
      let parent = Int(document.parents[index])
      inLink[index] = inLink[parent] || tagRoles[index] == TagRole.link
    }
    for index in stride(from: count - 1, through: 1, by: -1) {
      let role = tagRoles[index]
      // Images and form controls count even where they are skipped as text.
      if !dropped[index] {
        if role == TagRole.image { images[index] += 1 }
        if role == TagRole.input { inputs[index] += 1 }
      }
      if !(skipped[index] || dropped[index]) && document.kinds[index] == .text {
        if measuredLengths[index] < 0 {
          let (length, commaCount) = Self.measure(document.texts[index])
          measuredLengths[index] = Int32(clamping: length)
          measuredCommas[index] = Int32(clamping: commaCount)
        }
        let length = Int(measuredLengths[index])
        textLength[index] = length
        commas[index] = Int(measuredCommas[index])
        if inLink[index] { linkLength[index] = length }
      }
      if !(skipped[index] || dropped[index]) {
        if role == TagRole.paragraph { paragraphs[index] += 1 }
        if role == TagRole.listItem { listItems[index] += 1 }
      }
      let parent = Int(document.parents[index])
      if skipped[index] || dropped[index] {
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
  }

  /// Length in scalars with white-space runs counted once, and the commas ("," "，" "、" "،").
  static func measure(_ text: String) -> (Int, Int) {
    var length = 0
    var commas = 0
    var inSpace = true
    for scalar in text.unicodeScalars {
      switch scalar.value {
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
      if MainTextPass.blockTags.contains(document.tags[index]) {
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
