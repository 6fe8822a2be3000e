import Foundation

/// The working state of one ``ArticleStructureAnalyzer/analyze(_:knownTitle:)`` call.
struct Analysis {
  /// What the structure step decided for one paragraph.
  enum Role: Equatable {
    case undecided, title, standfirst, credit, duplicateCredit, tag, sourceLine, breadcrumb
    case reference, body, removed(String)
  }

  struct Item {
    var text: String
    var features: ParagraphFeatures
    var rule: String?
    var quality: Double
    var role: Role = .undecided

    /// Matched a rule that simply drops the line.
    var isHard: Bool { rule.map { !BoilerplateRule.structural.contains($0) } ?? false }
  }

  /// Only the locator is kept: the analyzer's tables are shared by every thread, and each copy
  /// of a struct holding them would touch their reference counts from both cores.
  let locator: MainTextLocator
  let knownTitle: String?
  var items: [Item] = []
  let language: String

  init(analyzer: ArticleStructureAnalyzer, text: String, knownTitle: String?) {
    locator = analyzer.locator
    let paragraphs = ParagraphSplitter.paragraphs(of: text)
    let scanned = analyzer.stopwords.languageAndFeatures(of: paragraphs.map(\.text))
    language = scanned.language
    if let knownTitle {
      var copy = knownTitle
      self.knownTitle = copy.withUTF8 { ParagraphSplitter.fold($0) }
    } else {
      self.knownTitle = nil
    }
    let patternTable = analyzer.patterns.table(for: language)
    // Texts seen so far, by a hash of their bytes (equal hashes are compared as text).
    var seen: [UInt64: [Int]] = [:]
    let centre = analyzer.locator.densityCentre(for: language)
    items.reserveCapacity(paragraphs.count)
    for (paragraph, features) in zip(paragraphs, scanned.features) {
      var rule = analyzer.patterns.rule(
        for: paragraph.text, scalars: features.scalars, endsSentence: features.endsSentence,
        isASCII: features.isASCII, atEdge: false, table: patternTable)
      if rule == nil, features.effectiveLength > 20 {
        var text = paragraph.text
        let hash = text.withUTF8 { ByteHash.hashLong($0) }
        if let earlier = seen[hash], earlier.contains(where: { items[$0].text == paragraph.text }) {
          rule = BoilerplateRule.duplicateLine
        } else {
          seen[hash, default: []].append(items.count)
        }
      }
      let quality =
        rule.map { BoilerplateRule.structural.contains($0) } == false
        ? -1 : analyzer.locator.quality(features, centre: centre)
      items.append(Item(text: paragraph.text, features: features, rule: rule, quality: quality))
    }
  }

  mutating func run() -> ArticleLayout {
    var layout = ArticleLayout()
    guard !items.isEmpty else { return layout }
    let weights = items.map { locator.weight(quality: $0.quality, features: $0.features, rule: $0.rule) }
    let found = locator.region(weights)
    let hasRegion = found != nil
    let region = found ?? 0...0

    // The first paragraph that reads as running text opens the body.
    let firstBody =
      (hasRegion ? region : 0...(items.count - 1)).first { index in
        let item = items[index]
        return !item.isHard && item.quality > 0 && item.features.endsSentence && item.features.effectiveLength >= 70
      } ?? region.lowerBound

    // Known title: the matching line, wherever it is.
    if let knownTitle, let index = items.firstIndex(where: { $0.text == knownTitle }) {
      items[index].role = .title
      layout.title = items[index].text
    }

    // No paragraph reads as running text (a results table, a wire brief in a language without a
    // stop-word profile): the whole input is the article, less what a lexicon rule names, rather
    // than an empty body.
    var regionEnd = hasRegion ? region.upperBound : items.count - 1
    let regionStart = hasRegion ? region.lowerBound : 0
    if !hasRegion, let heading = items.indices.first(where: {
      items[$0].rule == BoilerplateRule.relatedHeading || items[$0].rule == BoilerplateRule.commentHeading
    }) {
      regionEnd = heading - 1
    }

    // References, tags headings: cut the body there.
    if let index = items.indices.first(where: { $0 > firstBody && items[$0].rule == BoilerplateRule.referenceHeading }) {
      items[index].role = .removed(BoilerplateRule.referenceHeading)
      var next = index + 1
      while next < items.count, !items[next].isHard, !isBlockHeading(items[next].rule) {
        items[next].role = .reference
        layout.referenceSection.append(items[next].text)
        next += 1
      }
      regionEnd = min(regionEnd, index - 1)
    }
    for index in items.indices where index > firstBody && items[index].rule == BoilerplateRule.tagsHeading {
      items[index].role = .removed(BoilerplateRule.tagsHeading)
      var next = index + 1
      while next < items.count, items[next].role == .undecided, isTagLike(items[next]) {
        items[next].role = .tag
        layout.metadata.tags.append(stripListMarker(items[next].text))
        next += 1
      }
      if index <= regionEnd { regionEnd = index - 1 }
    }
    for index in items.indices where index > firstBody && items[index].rule == BoilerplateRule.tagLine {
      items[index].role = .tag
      layout.metadata.tags.append(contentsOf: splitTagLine(items[index].text))
    }
    for index in items.indices where index > firstBody && items[index].rule == BoilerplateRule.hashtagLine {
      items[index].role = .tag
      layout.metadata.tags.append(contentsOf: splitHashtags(items[index].text))
    }

    // A trailing run of short list lines at the end of the body is a tag list.
    markTrailingTagList(regionEnd: &regionEnd, firstBody: firstBody, layout: &layout)

    // Blocks that end the main text.
    var blockRule: String?
    for index in items.indices {
      let item = items[index]
      if blockRule == nil, index > firstBody, index > regionEnd {
        if item.rule == BoilerplateRule.relatedHeading {
          blockRule = BoilerplateRule.relatedBlock
          continue
        }
        if item.rule == BoilerplateRule.commentHeading {
          blockRule = BoilerplateRule.commentSection
          continue
        }
      }
      // Credits and the source line keep their meaning inside a block ("(Photo: © NordPress)"
      // under "THE LATEST NEWS" is still a photo credit).
      if let blockRule, index > regionEnd, items[index].role == .undecided,
        item.rule != BoilerplateRule.sourceLine, item.rule != BoilerplateRule.credit
      {
        items[index].role = .removed(item.isHard ? (item.rule ?? blockRule) : blockRule)
      }
    }

    // Metadata lines.
    var creditsSeen: Set<String> = []
    for index in items.indices where items[index].role == .undecided {
      let item = items[index]
      switch item.rule {
      case BoilerplateRule.credit:
        if creditsSeen.insert(item.text).inserted {
          items[index].role = .credit
          layout.metadata.credits.append(item.text)
        } else {
          items[index].role = .removed(BoilerplateRule.duplicateCredit)
        }
      case BoilerplateRule.sourceLine where layout.metadata.sourceLine == nil && index >= firstBody:
        items[index].role = .sourceLine
        layout.metadata.sourceLine = item.text
      case BoilerplateRule.breadcrumb where index < firstBody && layout.metadata.breadcrumb == nil:
        if !endsWithPeriod(item.text) {
          items[index].role = .breadcrumb
          layout.metadata.breadcrumb = item.text
        }
      default:
        break
      }
    }

    // Title and standfirst: the headline-like lines just above the body.
    if knownTitle == nil { findTitle(firstBody: firstBody, layout: &layout) }

    // Body and removed lines.
    for index in items.indices {
      let item = items[index]
      guard item.role == .undecided else { continue }
      if item.isHard, let rule = item.rule {
        items[index].role = .removed(rule)
      } else if index >= regionStart && index <= regionEnd {
        let shortText =
          item.features.scalars < 80 && item.features.letters > 0 && item.features.digits * 2 < item.features.scalars
        if item.quality > locator.parameters.keepQuality || shortText || !hasRegion {
          items[index].role = .body
          layout.blocks.append(LayoutBlock(text: item.text, kind: kind(of: item)))
        } else {
          items[index].role = .removed(BoilerplateRule.lowContent)
        }
      } else {
        let rule =
          item.rule.flatMap { isBlockHeading($0) ? $0 : nil }
          ?? (item.features.effectiveLength < 70 ? BoilerplateRule.shortOutside : BoilerplateRule.outside)
        items[index].role = .removed(rule)
      }
    }
    for item in items {
      if case .removed(let rule) = item.role { layout.removed.append(RemovedLine(text: item.text, rule: rule)) }
    }
    return layout
  }

  // MARK: - Pieces

  private func isBlockHeading(_ rule: String?) -> Bool {
    rule == BoilerplateRule.relatedHeading || rule == BoilerplateRule.commentHeading
      || rule == BoilerplateRule.referenceHeading || rule == BoilerplateRule.tagsHeading
  }

  /// A short line without sentence punctuation: at most 8 words (or 40 effective scalars of CJK).
  private func isTagLike(_ item: Item) -> Bool {
    !item.isHard && item.features.words >= 1 && item.features.words <= 8 && item.features.scalars <= 80
      && !endsWithPeriod(item.text) && !item.features.endsSentence
  }

  private static let listMarkers: [String] = ["- ", "• ", "* ", "– ", "— ", "· ", "▪ ", "► ", "# "]

  private static let listMarkerBytes: [[UInt8]] = listMarkers.map { Array($0.utf8) }

  private func hasListMarker(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first else { return false }
    // Every marker starts with - * # or a two- or three-byte scalar (• – — · ▪ ►).
    if first == 0x2D || first == 0x2A || first == 0x23 || first >= 0xC2,
      Self.listMarkerBytes.contains(where: { bytes.starts(with: $0) })
    {
      return true
    }
    // "1. " / "2) "
    var digits = 0
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        if digits > 2 { return false }
        continue
      }
      return digits > 0 && (byte == 0x2E || byte == 0x29) && iterator.next() == 0x20
    }
    return false
  }

  private func stripListMarker(_ text: String) -> String {
    for marker in Self.listMarkerBytes where text.utf8.starts(with: marker) {
      return String(decoding: text.utf8.dropFirst(marker.count), as: UTF8.self)
    }
    if text.utf8.first == 0x23 { return String(decoding: text.utf8.dropFirst(), as: UTF8.self) }
    return text
  }

  /// The items of "Tags: a, b, c" (also "标签：中欧班列 霍尔果斯": in Chinese and Japanese, where
  /// words are not spaced, a list without separators is split at its spaces).
  private func splitTagLine(_ text: String) -> [String] {
    guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return [] }
    let list = text[text.index(after: colon)...]
    var items = list
      .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" || $0 == "、" || $0 == "，" || $0 == "；" })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    if items.count == 1, StopwordTables.characterLanguages.contains(language) {
      items = items[0].split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    }
    return items
  }

  /// The tags of "#서민재 #우크라이나 #오데사": every word, without its "#".
  private func splitHashtags(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
      .map { String($0.drop(while: { $0 == "#" || $0 == "＃" })) }
      .filter { !$0.isEmpty }
  }

  /// Ends with . 。 ; or , but not with "..." or "…".
  private func endsWithPeriod(_ text: String) -> Bool {
    var bytes = text.utf8.reversed().makeIterator()
    switch bytes.next() {
    case 0x2E:
      // "..." ends with three full stops.
      return !(bytes.next() == 0x2E && bytes.next() == 0x2E)
    case 0x3B, 0x2C:
      return true
    case 0x82:
      // "。" is E3 80 82.
      return bytes.next() == 0x80 && bytes.next() == 0xE3
    default:
      return false
    }
  }

  private mutating func markTrailingTagList(regionEnd: inout Int, firstBody: Int, layout: inout ArticleLayout) {
    guard regionEnd >= firstBody else { return }
    // Walk back over list-like tag lines at the end of the region, then forward past it.
    var start = regionEnd + 1
    while start - 1 > firstBody, items[start - 1].role == .undecided, isTagLike(items[start - 1]),
      hasListMarker(items[start - 1].text)
    {
      start -= 1
    }
    var end = regionEnd
    while end + 1 < items.count, items[end + 1].role == .undecided, isTagLike(items[end + 1]),
      hasListMarker(items[end + 1].text)
    {
      end += 1
    }
    guard end - start + 1 >= 2 else { return }
    // Nothing that reads as body may follow.
    for index in (end + 1)..<max(end + 1, items.count) where !items[index].isHard && items[index].quality > 0
      && items[index].role == .undecided && items[index].rule == nil
    {
      return
    }
    for index in start...end {
      items[index].role = .tag
      layout.metadata.tags.append(stripListMarker(items[index].text))
    }
    regionEnd = min(regionEnd, start - 1)
  }

  /// A line that can be a headline: 3–40 words (CJK: 6–150 effective scalars), no letters-only
  /// noise, not ending like a sentence with a full stop.
  private func isTitleLike(_ item: Item) -> Bool {
    guard item.role == .undecided, !item.isHard, item.rule == nil || item.rule == BoilerplateRule.breadcrumb,
      item.features.letters > 0
    else { return false }
    if endsWithPeriod(item.text) || item.text.utf8.last == 0x3A { return false }
    if StopwordTables.characterLanguages.contains(language) {
      return item.features.effectiveLength >= 12 && item.features.effectiveLength <= 300
    }
    return item.features.words >= 3 && item.features.words <= 40
  }

  /// Lines that may sit between a title and the body: dropped boilerplate, credits, counters.
  private func isSkippableAboveBody(_ item: Item) -> Bool {
    switch item.role {
    case .credit, .duplicateCredit, .breadcrumb, .removed: return true
    default: break
    }
    return item.isHard || (item.features.words < 3 && !isTitleLike(item))
  }

  private mutating func findTitle(firstBody: Int, layout: inout ArticleLayout) {
    guard firstBody > 0 else { return }
    var index = firstBody - 1
    let limit = max(0, firstBody - 8)
    while index >= limit, isSkippableAboveBody(items[index]) { index -= 1 }
    guard index >= limit, isTitleLike(items[index]) else { return }
    let candidate = index
    // Two headline-like lines: the upper one is the title, the lower one the standfirst, unless
    // the lower one is clearly shorter (then the upper one is a kicker or a menu line). Korean
    // and Chinese subtitles are often about as long as the title, so "about as long" suffices.
    if candidate > 0, isTitleLike(items[candidate - 1]),
      items[candidate].features.words >= 8,
      items[candidate].features.scalars * 5 > items[candidate - 1].features.scalars * 4
    {
      items[candidate - 1].role = .title
      items[candidate].role = .standfirst
      layout.title = items[candidate - 1].text
      layout.standfirst = items[candidate].text
    } else {
      items[candidate].role = .title
      layout.title = items[candidate].text
    }
  }

  private func kind(of item: Item) -> LayoutBlock.Kind {
    if hasListMarker(item.text) { return .listItem }
    let words = item.features.words
    if words >= 1, words <= 10, !item.features.endsSentence, !endsWithPeriod(item.text) {
      if item.text.utf8.last == 0x3A || item.text.utf8.reversed().starts(with: [0x9A, 0xBC, 0xEF]) { return words <= 4 ? .heading : .body }
      return .heading
    }
    return .body
  }
}
