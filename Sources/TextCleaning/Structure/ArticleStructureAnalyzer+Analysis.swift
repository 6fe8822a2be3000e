import ByteSupport
import Foundation

/// The working state of one ``ArticleStructureAnalyzer/analyze(_:knownTitle:knownLanguage:isExtractedMainText:regroupBlocks:recordsVerdicts:)`` call.
struct Analysis {
  /// What the structure step decided for one paragraph.
  enum Role: Equatable {
    case undecided, title, standfirst, credit, duplicateCredit, tag, sourceLine, breadcrumb
    case reference, body
    case removed(String)
  }

  struct Item {
    var text: String
    /// The line with its runs of spaces kept, when they look like table columns.
    var columns: String?
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
  /// The article language's boilerplate rules written for sentences, to try a long
  /// sentence-shaped line outside or at the edge of the main text (a cookie notice).
  let sentenceTable: BoilerplatePatterns.TableReference?
  let knownTitle: String?
  var items: [Item] = []
  let language: String
  /// The text is an extracted main text (HTML): the whole of it is the region.
  let isExtractedMainText: Bool
  /// Every paragraph matched against the rules, with its answer (``ArticleLayout/boilerplateVerdicts``).
  var verdicts: BoilerplateVerdicts

  /// - Parameters:
  ///   - language: the lexicon language whose rules and stop words apply ("en", "zh").
  ///   - recordsVerdicts: whether to fill ``verdicts`` (nothing reads them without validation).
  init(
    analyzer: ArticleStructureAnalyzer, text: String, knownTitle: String?, language: String,
    isExtractedMainText: Bool = false, recordsVerdicts: Bool = true
  ) {
    locator = analyzer.locator
    self.isExtractedMainText = isExtractedMainText
    let paragraphs = ParagraphSplitter.paragraphs(of: text)
    self.language = language
    let paragraphFeatures = analyzer.stopwords.features(
      of: paragraphs.map(\.text), language: language)
    if let knownTitle {
      var copy = knownTitle
      self.knownTitle = copy.withUTF8 { ParagraphSplitter.fold($0) }
    } else {
      self.knownTitle = nil
    }
    let (patternTable, sentenceTable) = analyzer.patterns.tables(for: language)
    self.sentenceTable = sentenceTable
    verdicts =
      recordsVerdicts
      ? BoilerplateVerdicts(
        patterns: analyzer.patterns, table: patternTable, capacity: paragraphs.count)
      : BoilerplateVerdicts()
    // Texts seen so far, by a hash of their bytes (equal hashes are compared as text): item
    // indices in an open-addressing table with room for every paragraph twice over, so a probe
    // always ends at an empty slot (-1), and no array per text.
    var seenSize = 4
    while seenSize < paragraphs.count * 2 { seenSize <<= 1 }
    var seenHashes = [UInt64](filling: 0, count: isExtractedMainText ? 0 : seenSize)
    var seenItems = [Int32](filling: -1, count: isExtractedMainText ? 0 : seenSize)
    let centre = analyzer.locator.densityCentre(for: language)
    items.reserveCapacity(paragraphs.count)
    for (paragraph, features) in zip(paragraphs, paragraphFeatures) {
      var rule = analyzer.patterns.rule(
        for: paragraph.text, scalars: features.scalars, endsSentence: features.endsSentence,
        isASCII: features.isASCII, atEdge: false, table: patternTable)
      // Lines the rules were tried on (not running text), for the checks of the finished body.
      if recordsVerdicts, features.scalars > 0,
        features.scalars <= BoilerplatePatterns.maxLineLength,
        features.scalars <= BoilerplatePatterns.shortLineLength || !features.endsSentence
      {
        ByteText.withBytes(paragraph.text) {
          verdicts.record(
            $0, scalars: features.scalars, endsSentence: features.endsSentence,
            isASCII: features.isASCII, rule: rule)
        }
      }
      // A rule made for short lines (a byline, a menu, a date line) never takes a sentence:
      // "By the way, his sons wore the same." stays in the body.
      if let matched = rule, !BoilerplateRule.sentenceShaped.contains(matched),
        !BoilerplateRule.structural.contains(matched)
          || BoilerplateRule.neverSentences.contains(matched),
        Self.readsAsProse(paragraph.text, features: features, unterminated: false)
      {
        rule = nil
      }
      // A line carrying on the sentence above joins it, unless a rule names either of them
      // ("Torino, la fabbrica assume cento giovani" + "di Marco Bianchi | 12 febbraio 2025"),
      // or both are table rows ("shr 73 cts vs 1.03 dlrs" + "net 10,245,000 vs 12,364,000": a
      // record's table, read again, has lost the indentation that kept its rows apart).
      if paragraph.continuesPrevious, rule == nil, let last = items.indices.last,
        items[last].rule == nil,
        !(isRowLike(items[last])
          && isRowLike(
            Item(
              text: paragraph.text, columns: paragraph.columns, features: features, rule: nil,
              quality: 0)))
      {
        items[last].text += " " + paragraph.text
        items[last].features.join(features)
        items[last].quality = analyzer.locator.quality(items[last].features, centre: centre)
        continue
      }
      if rule == nil, features.effectiveLength > 20, !isExtractedMainText {
        var text = paragraph.text
        let hash = text.withUTF8 { LongRunHash.hash($0) }
        let mask = seenSize - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        var seenBefore = false
        while seenItems[slot] >= 0 {
          if seenHashes[slot] == hash, items[Int(seenItems[slot])].text == paragraph.text {
            seenBefore = true
            break
          }
          slot = (slot + 1) & mask
        }
        if seenBefore {
          rule = BoilerplateRule.duplicateLine
        } else {
          seenHashes[slot] = hash
          seenItems[slot] = Int32(items.count)
        }
      }
      let quality =
        rule.map { BoilerplateRule.structural.contains($0) } == false
        ? -1 : analyzer.locator.quality(features, centre: centre)
      items.append(
        Item(
          text: paragraph.text, columns: paragraph.columns, features: features, rule: rule,
          quality: quality))
    }
  }

  mutating func run() -> ArticleLayout {
    var layout = ArticleLayout()
    guard !items.isEmpty else { return layout }
    let weights = items.map {
      locator.weight(quality: $0.quality, features: $0.features, rule: $0.rule)
    }
    let found = isExtractedMainText ? nil : locator.region(weights)
    let hasRegion = found != nil
    let region = found ?? 0...0

    // The first paragraph that reads as running text opens the body.
    let firstBody =
      (hasRegion ? region : 0...(items.count - 1)).first { index in
        let item = items[index]
        return !item.isHard && item.quality > 0 && item.features.endsSentence
          && item.features.effectiveLength >= 70
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
    if !hasRegion,
      let heading = items.indices.first(where: {
        items[$0].rule == BoilerplateRule.relatedHeading
          || items[$0].rule == BoilerplateRule.commentHeading
      })
    {
      regionEnd = heading - 1
    }

    // References, tags headings: cut the body there.
    if let index = items.indices.first(where: {
      $0 > firstBody && items[$0].rule == BoilerplateRule.referenceHeading
    }) {
      items[index].role = .removed(BoilerplateRule.referenceHeading)
      var next = index + 1
      while next < items.count, !items[next].isHard, !isBlockHeading(items[next].rule) {
        items[next].role = .reference
        layout.referenceSection.append(items[next].text)
        next += 1
      }
      regionEnd = min(regionEnd, index - 1)
    }
    for index in items.indices
    where index > firstBody && items[index].rule == BoilerplateRule.tagsHeading {
      items[index].role = .removed(BoilerplateRule.tagsHeading)
      var next = index + 1
      while next < items.count, items[next].role == .undecided, isTagLike(items[next]) {
        items[next].role = .tag
        layout.metadata.tags.append(stripListMarker(items[next].text))
        next += 1
      }
      if index <= regionEnd { regionEnd = index - 1 }
    }
    for index in items.indices
    where index > firstBody && items[index].rule == BoilerplateRule.tagLine {
      items[index].role = .tag
      layout.metadata.tags.append(contentsOf: splitTagLine(items[index].text))
    }
    for index in items.indices
    where index > firstBody && items[index].rule == BoilerplateRule.hashtagLine {
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
        // Two comment headers ("jbaxt says:") below the article open the comments even without
        // a heading; one alone may be a news line ("The minister said:").
        if item.rule == BoilerplateRule.commentAuthor,
          items[(index + 1)...].contains(where: { $0.rule == BoilerplateRule.commentAuthor })
        {
          blockRule = BoilerplateRule.commentSection
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

    // Title and standfirst: the first line, when it reads as a headline.
    if knownTitle == nil {
      // Table rows as they stand before a title is taken: a table's first row is no headline.
      let rowsBeforeTitle = findTableRows(
        regionStart: regionStart, regionEnd: regionEnd, hasRegion: hasRegion)
      findTitle(firstBody: firstBody, tableRows: rowsBeforeTitle, layout: &layout)
    }

    // Body and removed lines.
    let tableRows = findTableRows(
      regionStart: regionStart, regionEnd: regionEnd, hasRegion: hasRegion)
    let linkListRows = findLinkListRows()
    let zone: Range<Int> =
      hasRegion && regionEnd >= regionStart
      ? widenedRegion(
        regionStart..<(regionEnd + 1), tableRows: tableRows, linkListRows: linkListRows)
      : regionStart..<max(regionStart, regionEnd + 1)
    // A long cookie or newsletter notice reads like prose and can end up at either end of the
    // region: the rules written for sentences are tried there (a few lines, not every line).
    if hasRegion, regionEnd >= regionStart {
      // Up to three lines inwards from each end, while they match.
      for (start, step) in [(regionEnd, -1), (regionStart, 1)] {
        var index = start
        while index >= regionStart, index <= regionEnd, abs(index - start) < 3,
          items[index].role == .undecided, !items[index].isHard
        {
          let features = items[index].features
          guard
            let rule = BoilerplatePatterns.sentenceRule(
              for: items[index].text, scalars: features.scalars,
              endsSentence: features.endsSentence,
              isASCII: features.isASCII, table: sentenceTable)
          else { break }
          items[index].role = .removed(rule)
          index += step
        }
      }
    }
    for index in items.indices {
      let item = items[index]
      guard item.role == .undecided else { continue }
      if item.isHard, let rule = item.rule {
        items[index].role = .removed(rule)
      } else if tableRows[index] {
        // A table stays, as one block of its rows, wherever it is.
        items[index].role = .body
        if index == 0 || !tableRows[index - 1] {
          var end = index
          while end + 1 < items.count, tableRows[end + 1] { end += 1 }
          let rows = items[index...end].map { $0.columns ?? $0.text }
          layout.blocks.append(LayoutBlock(text: rows.joined(separator: "\n"), kind: .table))
        }
      } else if zone.contains(index) {
        let shortText =
          item.features.scalars < 80 && item.features.letters > 0
          && item.features.digits * 2 < item.features.scalars
        if item.quality > locator.parameters.keepQuality || shortText || !hasRegion
          || readsAsProse(item, unterminated: true)
        {
          items[index].role = .body
          layout.blocks.append(LayoutBlock(text: item.text, kind: kind(of: item)))
        } else {
          items[index].role = .removed(BoilerplateRule.lowContent)
        }
      } else if let rule = item.rule, isBlockHeading(rule) {
        items[index].role = .removed(rule)
      } else if readsAsProse(item, unterminated: !linkListRows[index]) {
        // A sentence outside the widened region has a boilerplate block between it and the
        // text (the region took in every sentence up to one); a rule made for sentences may
        // name it better ("We use cookies to improve your experience. By continuing …").
        let rule = BoilerplatePatterns.sentenceRule(
          for: item.text, scalars: item.features.scalars, endsSentence: item.features.endsSentence,
          isASCII: item.features.isASCII, table: sentenceTable)
        items[index].role = .removed(rule ?? BoilerplateRule.pastBoilerplateBlock)
      } else {
        let rule =
          item.features.effectiveLength < 70
          ? BoilerplateRule.shortOutside : BoilerplateRule.outside
        items[index].role = .removed(rule)
      }
    }
    for item in items {
      if case .removed(let rule) = item.role {
        layout.removed.append(RemovedLine(text: item.text, rule: rule))
      }
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
    !item.isHard && item.features.words >= 1 && item.features.words <= 8
      && item.features.scalars <= 80
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
    var items =
      list
      .split(whereSeparator: {
        $0 == "," || $0 == ";" || $0 == "|" || $0 == "、" || $0 == "，" || $0 == "；"
      })
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

  private mutating func markTrailingTagList(
    regionEnd: inout Int, firstBody: Int, layout: inout ArticleLayout
  ) {
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
    for index in (end + 1)..<max(end + 1, items.count)
    where !items[index].isHard && items[index].quality > 0
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
    guard item.role == .undecided, !item.isHard,
      item.rule == nil || item.rule == BoilerplateRule.breadcrumb,
      item.features.letters > 0
    else { return false }
    if endsWithPeriod(item.text) || item.text.utf8.last == 0x3A { return false }
    if StopwordTables.characterLanguages.contains(language) {
      return item.features.effectiveLength >= 12 && item.features.effectiveLength <= 300
    }
    return item.features.words >= 3 && item.features.words <= 40
  }

  /// The title is the first line that is neither metadata nor lexicon boilerplate, when it reads
  /// as a headline (an exclamation in sentence case, "We'll be glad to see you all!", does not)
  /// and the body follows it; a headline-like line right under it, at least 8 words and about as
  /// long, becomes the standfirst, and a shorter one means no title is taken. No other line is ever made the title: "VOL OPEN CHANGE" in a table or the
  /// fourth line of a chat stays where it is. When the line after them reads as a headline too,
  /// nothing is taken: running the analysis again on the body would take that line, and the
  /// body must not change on a second pass. For the same reason a line that opens with a wire
  /// dateline ("OTTAWA, March 2 - Canada will buy…": the lead under the headline) or a table row
  /// is never a headline, and a title needs a line of body under it (with a standfirst, under
  /// that): a record's text, read again without its title, must keep its first paragraph.
  private mutating func findTitle(firstBody: Int, tableRows: [Bool], layout: inout ArticleLayout) {
    func following(_ index: Int) -> Int? {
      items.indices.first { $0 > index && !isSkippableAboveTitle(items[$0]) }
    }
    func headline(_ index: Int) -> Bool {
      isTitleLike(items[index]) && !endsWithEllipsis(items[index].text)
        && items[index].text.utf8.last != 0x3A
        && !(items[index].text.utf8.last == 0x21 && readsAsProse(items[index], unterminated: true))
        && !tableRows[index] && !Self.opensWithDateline(items[index].text)
    }
    guard let candidate = items.indices.first(where: { !isSkippableAboveTitle(items[$0]) }),
      candidate < firstBody, headline(candidate),
      // A line continued by the next one ("Wir wollen kaufen" / "und jedes Mal, …") is no headline.
      let next = following(candidate), !startsLowercase(items[next].text)
    else { return }
    // A standfirst is about as long as the title or longer; a shorter headline-like line under
    // the first one (a kicker, a chat's second line) means there is no title to take.
    var standfirst: Int?
    if headline(next) {
      guard items[next].features.words >= 8,
        items[next].features.scalars * 5 > items[candidate].features.scalars * 4
      else { return }
      standfirst = next
    }
    guard let after = following(standfirst ?? candidate), !headline(after) else { return }
    items[candidate].role = .title
    layout.title = items[candidate].text
    if let standfirst {
      items[standfirst].role = .standfirst
      layout.standfirst = items[standfirst].text
    }
  }

  /// Whether `text` opens with a news-wire dateline: a capitalised place, a comma, a date of at
  /// most three words, one a number and the others letters (and an agency in brackets), then a
  /// dash: "OTTAWA, March 2 -
  /// ", "HANOVER, West Germany, March 11 - ", "Toronto, June 1 - ", "KYIV, 3 March (Reuters) —
  /// ", or a place in capitals and an agency alone: "WASHINGTON (Reuters) - ". Such a line is
  /// the first sentence of the body, whatever its shape. A place with a digit is no place
  /// ("November 20, 2019 - 11:28 AMT" is a date line). Read on the first 120 bytes.
  static func opensWithDateline(_ text: String) -> Bool {
    let bytes = Array(text.utf8.prefix(120))
    // The first dash between spaces: " - ", " – " (E2 80 93) or " — " (E2 80 94).
    var dash = -1
    var index = 1
    while index + 2 < bytes.count {
      if bytes[index - 1] == 0x20 {
        if bytes[index] == 0x2D, bytes[index + 1] == 0x20 {
          dash = index - 1
          break
        }
        if bytes[index] == 0xE2, index + 3 < bytes.count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94, bytes[index + 3] == 0x20
        {
          dash = index - 1
          break
        }
      }
      index += 1
    }
    guard dash > 0 else { return false }
    var prefix = String(decoding: bytes[0..<dash], as: UTF8.self)
    guard let first = prefix.unicodeScalars.first, first.properties.isUppercase else {
      return false
    }
    // An agency in brackets at the end: "(Reuters)", "(AP)".
    var agency = false
    if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
      agency = true
      prefix = String(prefix[..<open]).trimmingCharacters(in: .whitespaces)
    }
    guard let comma = prefix.lastIndex(of: ",") else {
      // No date: a place in capitals before the agency.
      return agency && !prefix.isEmpty && prefix.split(separator: " ").count <= 3
        && prefix.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }
    let place = prefix[..<comma]
    let date = prefix[prefix.index(after: comma)...].split(separator: " ")
    // "March 2", "11 мая", "Oct. 20th": one number of the day or year, the rest words.
    func isNumber(_ word: Substring) -> Bool {
      let digits = word.prefix { $0.isASCII && $0.isNumber }
      return (1...4).contains(digits.count)
        && ["", ".", "st", "nd", "rd", "th"].contains(String(word.dropFirst(digits.count)))
    }
    let numbers = date.filter(isNumber).count
    // A place has no digits: "November 20, 2019 - 11:28" is a date line, not a dateline.
    return place.split(separator: " ").count <= 6 && !place.contains(where: \.isNumber)
      && (1...3).contains(date.count)
      && numbers == 1
      && date.allSatisfy { isNumber($0) || $0.allSatisfy { $0.isLetter || $0 == "." } }
  }

  /// Lines a title may follow: metadata (credits, the breadcrumb) and lexicon boilerplate.
  private func isSkippableAboveTitle(_ item: Item) -> Bool {
    switch item.role {
    case .credit, .duplicateCredit, .breadcrumb, .removed: return true
    default: return item.isHard
    }
  }

  /// Ends with "..." or "…" (a chat line trailing off, not a headline).
  private func endsWithEllipsis(_ text: String) -> Bool {
    text.utf8.reversed().starts(with: [0x2E, 0x2E, 0x2E])
      || text.utf8.reversed().starts(with: [0xA6, 0x80, 0xE2])
  }

  /// Whether the first letter of `text` is lower-case ("und jedes Mal", "але можливо").
  private func startsLowercase(_ text: String) -> Bool {
    guard
      let first = text.unicodeScalars.first(where: {
        $0.properties.isAlphabetic || $0.properties.numericType != nil
      })
    else { return false }
    return first.properties.isLowercase
  }

  /// Whether a paragraph reads as running text by its shape alone, whatever its stop words (so
  /// that a language with few function words, or none in the lexicons, keeps its sentences).
  ///
  /// In CJK text (six Han or kana characters, or twelve Hangul syllables, or more): at least 12
  /// scalars ending in a sentence mark ("双方将于下周在北京继续谈判。", "회담은 다음 주에 다시
  /// 열린다."). Elsewhere: at least 6 words, mostly letters, with two in five or more of the
  /// cased words starting lower-case, that end like a sentence ("Переговоры продолжатся на
  /// следующей неделе в Варшаве."); with `unterminated`, also 8 words or more without the
  /// sentence mark ("Die Regierung will die Steuer im kommenden Jahr senken"). A title-case
  /// menu line or an all-caps wire headline never reads as prose.
  func readsAsProse(_ item: Item, unterminated: Bool) -> Bool {
    Self.readsAsProse(item.text, features: item.features, unterminated: unterminated)
  }

  /// ``readsAsProse(_:unterminated:)`` for a paragraph not yet made an item.
  static func readsAsProse(_ text: String, features: ParagraphFeatures, unterminated: Bool) -> Bool
  {
    guard features.letters > 0 else { return false }
    // Han and kana count three, Hangul two: six or more of them make the paragraph CJK text.
    if features.effectiveLength - features.scalars >= 12 {
      return features.scalars >= 12 && features.endsSentence
    }
    guard features.words >= 6, features.letters * 2 >= features.scalars else { return false }
    if features.endsSentence {
      guard features.letters * 10 >= features.scalars * 6 else { return false }
    } else {
      guard unterminated, features.words >= 8 else { return false }
    }
    if let counts = asciiWordStarts(text) {
      return counts.alphabetic * 10 >= counts.tokens * 7
        && (counts.alphabetic == 0 || counts.lower * 5 >= counts.alphabetic * 2)
    }
    var tokens = 0
    var alphabetic = 0
    var cased = 0
    var lower = 0
    for word in text.split(separator: " ") {
      tokens += 1
      let scalars = word.unicodeScalars
      guard
        let start = scalars.firstIndex(where: {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        })
      else { continue }
      let first = scalars[start].properties
      guard first.isAlphabetic else { continue }
      alphabetic += 1
      if first.isLowercase {
        lower += 1
        cased += 1
      } else if first.isUppercase {
        cased += 1
      }
    }
    // Scripts without case (Arabic, Hebrew, Georgian) pass on the share of words alone.
    return alphabetic * 10 >= tokens * 7 && (cased == 0 || lower * 5 >= cased * 2)
  }

  /// For ASCII `text`, what ``readsAsProse(_:features:unterminated:)`` counts of its words
  /// (runs between spaces), read on the bytes: the words, and those whose first letter or digit
  /// is a letter, lower-case among them (every ASCII letter is cased, and is alphabetic; every
  /// ASCII digit is numeric; no other ASCII scalar is either). Nil for other text.
  static func asciiWordStarts(_ text: String) -> (tokens: Int, alphabetic: Int, lower: Int)? {
    var copy = text
    return copy.withUTF8 { bytes -> (tokens: Int, alphabetic: Int, lower: Int)? in
      guard UTF8Scan.isASCII(bytes) else { return nil }
      var tokens = 0
      var alphabetic = 0
      var lower = 0
      var index = 0
      let count = bytes.count
      while index < count {
        guard bytes[index] != 0x20 else {
          index += 1
          continue
        }
        tokens += 1
        var first: UInt8 = 0
        while index < count, bytes[index] != 0x20 {
          let byte = bytes[index]
          if first == 0, (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 { first = byte }
          index += 1
        }
        if (first | 0x20) &- 0x61 < 26 {
          alphabetic += 1
          if first &- 0x61 < 26 { lower += 1 }
        }
      }
      return (tokens, alphabetic, lower)
    }
  }

  /// The main text region widened over the sentences around it: upwards and downwards, every
  /// line that reads as prose or is a table row joins it, and short lines between them too,
  /// until a block heading ("Related stories") or a boilerplate block: three lines in a row that
  /// are not prose with one a lexicon line among them ("Share", "Subscribe", "Home"), or five
  /// without. A sentence beyond such a block (a teaser under a menu, a promotion in a footer)
  /// has that block as evidence against it; a lead the densest run left out has none.
  private func widenedRegion(_ region: Range<Int>, tableRows: [Bool], linkListRows: [Bool])
    -> Range<Int>
  {
    func edge(from start: Int, step: Int) -> Int {
      var edge = start - step
      var run = 0
      var hard = false
      var index = start
      var blocked = false
      while index >= 0, index < items.count {
        let item = items[index]
        if isBlockHeading(item.rule) {
          blocked = true
          break
        }
        if step > 0, item.role != .undecided, item.role != .title, item.role != .standfirst,
          item.role != .credit, item.role != .duplicateCredit, item.role != .sourceLine
        {
          blocked = true
          break
        }
        // A repeated line is evidence against itself only: a repeated paragraph of prose
        // neither widens the text nor blocks it; nor does a list item ("1. 迷いの森", "- Ticket
        // prices rise in May"), which is content, not a menu.
        if (item.rule == BoilerplateRule.duplicateLine
          && (item.features.effectiveLength >= 70 || isShortSentence(item)))
          || (item.rule == nil && hasListMarker(item.text))
        {
          index += step
          continue
        }
        if !item.isHard
          && (tableRows[index] || isShortSentence(item)
            || readsAsProse(item, unterminated: !linkListRows[index]))
        {
          edge = index
          run = 0
          hard = false
        } else {
          run += 1
          hard = hard || item.isHard
          if run >= 5 || (run >= 3 && hard) {
            blocked = true
            break
          }
        }
        index += step
      }
      // Short lines between the text and the document's edge, no boilerplate block among them
      // (a kicker, a dateline, a sign-off), stay with the text.
      return blocked ? edge : index - step
    }
    let lower = min(region.lowerBound, edge(from: region.lowerBound - 1, step: -1))
    let upper = max(region.upperBound - 1, edge(from: region.upperBound, step: 1))
    return lower..<(upper + 1)
  }

  /// A short sentence on its own line, as one-sentence-per-line text has them ("Копеечка
  /// капает.", "Sie kommt morgen."): two words or more (in CJK text four characters) ending
  /// with . ! ? … or 。！？, starting with a capital, a digit or, in uncased scripts, any letter.
  private func isShortSentence(_ item: Item) -> Bool {
    guard item.features.letters > 0, let last = item.text.unicodeScalars.last,
      ".!?…。！？".unicodeScalars.contains(last)
    else { return false }
    if item.features.effectiveLength - item.features.scalars >= 8 { return true }
    guard item.features.words >= 2,
      let first = item.text.unicodeScalars.first(where: {
        $0.properties.isAlphabetic || $0.properties.numericType != nil
      })
    else { return false }
    return !first.properties.isLowercase
  }

  /// Link lists: runs of three or more lines that do not end a sentence, each at most 20 words
  /// (related headlines, menus), lexicon boilerplate included. A headline in such a run is
  /// evidence of a list of links, not running text.
  private func findLinkListRows() -> [Bool] {
    var rows = [Bool](filling: false, count: items.count)
    var start = -1
    func close(_ end: Int) {
      if start >= 0, end - start >= 3 {
        for index in start..<end { rows[index] = true }
      }
      start = -1
    }
    for index in items.indices {
      let item = items[index]
      if item.isHard || (!item.features.endsSentence && item.features.words <= 20) {
        if start < 0 { start = index }
      } else {
        close(index)
      }
    }
    close(items.count)
    return rows
  }

  /// Table rows: runs of two or more lines that each have column gaps ("Shr   1.84 dlrs   1.59
  /// dlrs") or are short lines of two figures or more without a sentence, at most five letters
  /// per digit ("Net 13.1 mln vs 11.3 mln", "Umsatz 4,2 Mrd Euro vs 3,9 Mrd Euro"), or of one
  /// figure with at most three letters per digit ("Netherlands 61,000"), that no lexicon rule names, and that touch the
  /// main text (at most two lines away) or make up the whole article. They stay in the body as
  /// one `table` block.
  private func findTableRows(regionStart: Int, regionEnd: Int, hasRegion: Bool) -> [Bool] {
    var rows = [Bool](filling: false, count: items.count)
    var start = -1
    func close(_ end: Int) {
      if start >= 0, end - start >= 2,
        !hasRegion || (start <= regionEnd + 3 && end - 1 >= regionStart - 3)
      {
        for index in start..<end { rows[index] = true }
      }
      start = -1
    }
    for index in items.indices {
      if items[index].role == .undecided, isRowLike(items[index]) {
        if start < 0 { start = index }
      } else {
        close(index)
      }
    }
    close(items.count)
    return rows
  }

  private func isRowLike(_ item: Item) -> Bool {
    guard !item.isHard, item.rule == nil else { return false }
    let features = item.features
    // A numbered list item ("10. 魔列車") is a list item, not a row (asked after the counts,
    // which rule out most lines for less).
    if item.columns != nil {
      return !hasListMarker(item.text) && features.words <= 30
        && !readsAsProse(item, unterminated: true)
    }
    guard features.digits > 1, features.words <= 12, !features.endsSentence,
      features.digits * 5 >= features.letters, !hasListMarker(item.text)
    else { return false }
    // Two numbers at least ("1.84 … 1.59"), a year alone ("World Cup 2026") is no row.
    // Numbers are counted where a token starts ("dp3_1_en" has none).
    var numbers = 0
    var previous: UInt8 = 0x20
    for byte in item.text.utf8 {
      if byte &- 0x30 < 10,
        previous == 0x20 || previous == 0x28 || previous == 0x24 || previous == 0x2D
          || previous == 0x2B
      {
        numbers += 1
      }
      previous = byte
    }
    // One figure is enough on a short line of few words ("Netherlands 61,000", "Kuwait 1.25").
    return numbers >= 2
      || (numbers == 1 && features.words <= 6 && features.digits * 3 >= features.letters)
  }

  private func kind(of item: Item) -> LayoutBlock.Kind {
    if hasListMarker(item.text) { return .listItem }
    let words = item.features.words
    if words >= 1, words <= 10, !item.features.endsSentence, !endsWithPeriod(item.text) {
      if item.text.utf8.last == 0x3A || item.text.utf8.reversed().starts(with: [0x9A, 0xBC, 0xEF]) {
        return words <= 4 ? .heading : .body
      }
      return .heading
    }
    return .body
  }
}
