/// Repairs to the tagger's labels for patterns a token-by-token model sees poorly: a
/// translation in square brackets right after a non-Latin title belongs to the title, and a
/// bracketed placeholder after "Retrieved from" / "Available at" stands where the URL goes, and
/// Chinese and Japanese title marks say what a field is: 〈…〉 and 「…」 wrap the title of an
/// article or chapter, 《…》 and 『…』 that of a book or journal (the journal when an article
/// title came before), and 第12巻 / 第15卷 / 第3期 / 第2号 after a journal is its volume or issue;
/// a Chinese national-standard (GB/T 7714) type code such as "[J]" or "[M]" closes the title
/// ("王小明. 台湾的语言政策[J]. 语言学报, 2018, 15(2): 23-45."); a CJK book's "place：publisher"
/// is its imprint (`CJKImprint`); and a reference has one title (`keepOneTitle`, which reads the
/// container words of `markers`).
package enum ReferenceRules {
  package static func repair(tokens: [String], labels: [String], markers: CitationMarkers)
    -> [String]
  {
    var labels = labels
    let n = tokens.count
    // A web address is a URL, whatever the model says (a doi.org address too, as AnyStyle's
    // data labels it; CSLBuilder reads the DOI out of it).
    for (k, token) in tokens.enumerated() {
      let lowered = token.lowercased()
      guard
        lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.")
      else { continue }
      labels[k] = "url"
    }
    repairCJKTitleMarks(tokens: tokens, labels: &labels)
    repairTypeCodes(tokens: tokens, labels: &labels)
    repairCJKImprint(tokens: tokens, labels: &labels)
    var i = 0
    while i < n {
      guard tokens[i].hasPrefix("[") else {
        i += 1
        continue
      }
      // The bracketed run tokens[i...j].
      var j = i
      while j < n, !tokens[j].contains("]") { j += 1 }
      if j >= n { break }
      let inside = tokens[i...j].joined(separator: " ")
      let lowered = inside.lowercased()
      if i > 0, isPlaceholder(lowered),
        ["note", "url"].contains(labels[i - 1]) || labels[i...j].contains("url")
      {
        for k in i...j { labels[k] = "url" }
      } else if i > 0, labels[i - 1] == "title",
        titleHasOtherScript(tokens: tokens, labels: labels, before: i),
        let first = inside.unicodeScalars.dropFirst().first, first.properties.isUppercase
      {
        for k in i...j { labels[k] = "title" }
      }
      i = j + 1
    }
    keepOneTitle(tokens: tokens, labels: &labels, markers: markers)
    return labels
  }

  /// A reference cites one work, so it has one title: a later run of tokens labelled title,
  /// apart from the first, is the container the work appeared in when an editor or "In" comes
  /// right before it ("Trade routes. In M. Diallo (Ed.), Caravans and cities."), and otherwise a
  /// note ("… Nairobi: Jua. 212 p. An account of caravans."). Run after the other repairs, so a
  /// translation they joined to the title stays in it.
  package static func keepOneTitle(
    tokens: [String], labels: inout [String], markers: CitationMarkers
  ) {
    guard let first = labels.firstIndex(of: "title") else { return }
    var k = first
    while k < labels.count, labels[k] == "title" { k += 1 }
    while k < labels.count {
      guard labels[k] == "title" else {
        k += 1
        continue
      }
      // The field right before this run, and the token it starts with.
      let before = labels[k - 1]
      var start = k - 1
      while start > 0, labels[start - 1] == before { start -= 1 }
      let afterContainerMark =
        before == "editor"
        || ReferenceFeatures.isContainerOpener(
          tokens[start].unicodeScalars, markers: markers)
      while k < labels.count, labels[k] == "title" {
        labels[k] = afterContainerMark ? "container-title" : "note"
        k += 1
      }
    }
  }

  /// Labels whole tokens wrapped in CJK title marks (see the type's description).
  package static func repairCJKTitleMarks(tokens: [String], labels: inout [String]) {
    var articleTitle = false
    var afterJournal = false
    for (k, token) in tokens.enumerated() {
      let scalars = token.unicodeScalars
      // Latin tokens (nearly all) go no further than their first scalar.
      guard let first = scalars.first, first.value >= 0x3000 || afterJournal else { continue }
      guard let close = scalars.last(where: { !trailingMarks.contains($0) }) else { continue }
      if (first == "〈" && close == "〉") || (first == "「" && close == "」") {
        labels[k] = "title"
        articleTitle = true
        afterJournal = false
      } else if (first == "《" && close == "》") || (first == "『" && close == "』") {
        labels[k] = articleTitle ? "journal" : "title"
        afterJournal = articleTitle
      } else if afterJournal, isVolumeOrIssue(scalars) {
        labels[k] = "volume"
      } else {
        afterJournal = false
      }
    }
  }

  /// GB/T 7714 references: "authors. title[J]. journal, year, volume(issue): pages." or
  /// "authors. title[M]. place: publisher, year." The first field that ends with "." (after a
  /// citation number) holds the authors, the fields up to the type code the title; after "[J]"
  /// the field up to the next comma is the journal, after "[M]" the field up to a colon is the
  /// place and the next up to a comma the publisher. The rest stays as tagged.
  package static func repairTypeCodes(tokens: [String], labels: inout [String]) {
    guard
      let (code, kind) = tokens.indices.lazy.compactMap({ index in
        splitTypeCode(tokens[index]).map { (index, $0.code) }
      }).first
    else { return }
    var start = 0
    while start < code, labels[start] == "citation-number" || isCitationNumber(tokens[start]) {
      labels[start] = "citation-number"
      start += 1
    }
    guard start <= code else { return }
    if let authorEnd = (start..<code).first(where: { endsField(tokens[$0], with: ".。") }) {
      for k in start...authorEnd { labels[k] = "author" }
      start = authorEnd + 1
    }
    for k in start...code { labels[k] = "title" }
    var k = code + 1
    // Labels the tokens from k up to the first that ends with one of `ends`.
    func take(_ label: String, until ends: String) {
      while k < tokens.count {
        labels[k] = label
        k += 1
        if endsField(tokens[k - 1], with: ends) { return }
      }
    }
    switch kind {
    case "J", "J/OL", "N", "N/OL": take("journal", until: ",，.。")
    case "M", "M/OL", "R", "D", "S":
      if k < tokens.count, (k..<tokens.count).contains(where: { endsField(tokens[$0], with: ":：") })
      {
        take("location", until: ":：")
      }
      take("publisher", until: ",，.。")
    default: break
    }
  }

  /// A CJK book's imprint ("北京：" "清华大学出版社。", `CJKImprint`) is its place and
  /// publisher; in a reference with no title, the field right before the place is the title
  /// (the tagger, which has seen few such references, calls it a journal).
  package static func repairCJKImprint(tokens: [String], labels: inout [String]) {
    for k in tokens.indices.dropFirst() {
      // Latin tokens (nearly all, and this runs on every candidate) go no further than their
      // first scalar.
      guard let first = tokens[k].unicodeScalars.first, first.value >= 0x1100 else { continue }
      let publisher = Array(tokens[k].unicodeScalars)
      guard CJKImprint.isPublisher(publisher[...]) else { continue }
      var place = Array(tokens[k - 1].unicodeScalars)
      guard place.last == ":" || place.last == "：" else { continue }
      place.removeLast()
      guard CJKImprint.isPlace(place[...]) else { continue }
      labels[k - 1] = "location"
      labels[k] = "publisher"
      guard !labels.contains("title"), k >= 2 else { continue }
      let taken = labels[k - 2]
      guard !["author", "editor", "date", "citation-number"].contains(taken) else { continue }
      var j = k - 2
      while j >= 0, labels[j] == taken {
        labels[j] = "title"
        j -= 1
      }
    }
  }

  /// Splits a GB/T 7714 document-type code off the end of a title or token, with the marks
  /// after it: "台湾的语言政策[J]." → ("台湾的语言政策", "J"); nil when there is none.
  package static func splitTypeCode(_ text: String) -> (title: String, code: String)? {
    var core = Substring(text).unicodeScalars
    core.trimLast { trailingMarks.contains($0) }
    guard core.last == "]" else { return nil }
    core = core.withoutLast
    // A code is at most 5 scalars ("DB/OL"): look no further back than that for its "[".
    var open = core.endIndex
    for _ in 0..<6 {
      guard open > core.startIndex else { return nil }
      open = core.index(before: open)
      if core[open] == "[" { break }
    }
    guard open < core.endIndex, core[open] == "[" else { return nil }
    let code = String(core[core.index(after: open)...])
    guard typeCodes[code] != nil else { return nil }
    return (String(core[..<open]), code)
  }

  /// GB/T 7714 document-type codes and the CSL type each names: journal, monograph, conference
  /// paper, thesis, newspaper, report, standard, patent, collection, archive, map, dataset,
  /// software, electronic resource (`/OL`: online), other.
  package static let typeCodes: [String: String] = [
    "J": "article-journal", "J/OL": "article-journal", "M": "book", "M/OL": "book",
    "C": "paper-conference",
    "C/OL": "paper-conference", "D": "thesis", "N": "article-newspaper",
    "N/OL": "article-newspaper", "R": "report",
    "S": "standard", "P": "patent", "G": "book", "A": "document", "CM": "map", "DS": "dataset",
    "DB/OL": "dataset",
    "CP/OL": "software", "EB/OL": "webpage", "Z": "document",
  ]

  private static func endsField(_ token: String, with marks: String) -> Bool {
    guard let last = token.last else { return false }
    return marks.contains(last)
  }

  private static func isCitationNumber(_ token: String) -> Bool {
    let core = token.trimming("[]().")
    return !core.isEmpty && core.count <= 4 && core.allSatisfy(\.isNumber)
      && (token.hasPrefix("[") || token.hasSuffix(".") || token.hasSuffix(")"))
  }

  /// Marks that may follow a field's closing bracket or type code inside its token: 〈…〉。
  /// 《…》， 政策[J].
  private static let trailingMarks = Set("。，、；：．,.;:".unicodeScalars)

  /// "第12巻", "第15卷，", "3期", "第2号。": a number with a volume or issue counter.
  private static func isVolumeOrIssue(_ scalars: String.UnicodeScalarView) -> Bool {
    var core = scalars[...]
    while let last = core.last, trailingMarks.contains(last) { core = core.dropLast() }
    if core.first == "第" { core = core.dropFirst() }
    guard let counter = core.last, "巻卷期号號輯辑册冊".unicodeScalars.contains(counter) else {
      return false
    }
    let digits = core.dropLast()
    return !digits.isEmpty && digits.allSatisfy { $0.properties.numericType != nil }
  }

  /// Whether bracketed text is a placeholder left by a template or a writer.
  package static func isPlaceholder(_ lowered: String) -> Bool {
    lowered.includes("insert") || lowered.includes("url here") || lowered.includes("link here")
      || lowered.includes("[url]") || lowered.includes("[link]") || lowered.includes("tbd")
      || lowered.includes("todo")
      || lowered.includes("placeholder") || lowered.includes("source url")
  }

  private static func titleHasOtherScript(tokens: [String], labels: [String], before index: Int)
    -> Bool
  {
    var k = index - 1
    while k >= 0, labels[k] == "title" {
      for scalar in tokens[k].unicodeScalars
      where scalar.value >= 0x370 && scalar.properties.isAlphabetic {
        return true
      }
      k -= 1
    }
    return false
  }
}
