import NormalizeCore

/// Reads labelled segments into a `ReferenceItem`: names into family/given (organisations as
/// `literal`), dates into date-parts, "30 (5)" into volume and issue, pages without "pp.", URL
/// and DOI cleaned, and the item type from which fields are present.
///
/// ```swift
/// var builder = CSLBuilder(dates: ReferenceDateParser(), titles: analyzer, markers: markers)
/// let item = builder.build(segments: [
///   ReferenceSegment(label: "author", text: "Yonhap News Agency.", start: 0, end: 19),
///   ReferenceSegment(label: "date", text: "(2025, May 27).", start: 20, end: 35)], reference: "…")
/// item.authors  // [literal "Yonhap News Agency"]
/// item.issued   // 2025-05-27
/// ```
struct CSLBuilder {
  let dates: ReferenceDateParser
  let titles: TitleAnalyzer
  /// Access words, edition labels and "et al" (`citation-markers.tsv`).
  let markers: CitationMarkers
  /// Findings met while reading the fields.
  var findings: [Finding] = []

  init(dates: ReferenceDateParser, titles: TitleAnalyzer, markers: CitationMarkers) {
    self.dates = dates
    self.titles = titles
    self.markers = markers
  }

  static func clean(_ text: String) -> String {
    TitleAnalyzer.tidy(text).trimming(" ,;:.()[]，；：。、（）【】")
  }

  mutating func build(segments: [ReferenceSegment], reference: String) -> ReferenceItem {
    var item = ReferenceItem()
    var titleText: String?
    var notes: [String] = []
    var sawRetrieved = false
    for (index, segment) in segments.enumerated() {
      let text = segment.text
      switch segment.label {
      case "author":
        if item.authors.isEmpty {
          item.authors = NameListParser.parse(text, etAl: markers.etAl)
        } else {
          item.authors += NameListParser.parse(text, etAl: markers.etAl)
        }
      case "editor": item.editors += NameListParser.parse(text, etAl: markers.etAl)
      case "translator": item.translators += NameListParser.parse(text, etAl: markers.etAl)
      case "date":
        if ReferenceDateParser.isUndated(text) {
          item.undated = true
        } else if let date = dates.parse(text) {
          if item.issued == nil {
            item.issued = date
          } else if let issued = item.issued, issued.month == nil,
            date.year == issued.year || date.month != nil
          {
            // "2006. … 1 февраля." — a later day and month of the same year.
            item.issued = DateParts(year: issued.year, month: date.month, day: date.day)
          }
        } else if let month = monthAndDay(text), let issued = item.issued, issued.month == nil {
          item.issued = DateParts(year: issued.year, month: month.0, day: month.1)
        }
      case "title":
        titleText = titleText.map { $0 + " " + text } ?? text
      case "journal", "container-title":
        let value = Self.clean(stripIn(text))
        if item.containerTitle == nil { item.containerTitle = value }
        if segment.label == "journal" { item.type = "article-journal" }
      case "collection-title": item.collectionTitle = Self.clean(text)
      case "publisher":
        item.publisher = item.publisher.map { $0 + "; " + Self.clean(text) } ?? Self.clean(text)
      case "location": item.publisherPlace = Self.clean(text)
      case "volume": readVolume(text, into: &item)
      case "pages":
        item.page = pages(text)
        // "229-241). Springer.": what follows the parenthesis is the publisher the tagger ran in.
        if item.publisher == nil, let close = text.firstIndex(of: ")") {
          let rest = Self.clean(String(text[text.index(after: close)...]))
          if rest.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            item.publisher = rest
          }
        }
      case "edition": item.edition = Self.edition(text, labels: markers.edition)
      case "genre": item.genre = Self.clean(text)
      case "medium": item.medium = Self.clean(text)
      case "isbn": item.isbn = Self.clean(text.replacingAll("ISBN", with: ""))
      case "citation-number": item.citationNumber = Self.clean(text)
      case "doi": item.doi = doi(text)
      case "url":
        readURL(text, into: &item)
      case "note", "source":
        let lowered = text.lowercased()
        if markers.marksAccess(lowered) {
          sawRetrieved = true
          if let date = dates.parse(text) { item.accessed = date }
          if index + 1 == segments.count && !lowered.includes("http") {
            findings.append(
              Finding(
                code: "missing-url", severity: .warning,
                message: "\"\(text)\" is not followed by a URL"))
          }
          if lowered.includes("http") { readURL(text, into: &item) }
        } else {
          notes.append(Self.clean(text))
        }
      default:
        notes.append(Self.clean(text))
      }
    }
    _ = sawRetrieved
    // A GB/T 7714 type code ("台湾的语言政策[J]") says what the item is; it is not title.
    var codedType: String?
    if var titleText {
      if let (title, code) = ReferenceRules.splitTypeCode(titleText) {
        titleText = title.trimming(" .,;。，；")
        codedType = ReferenceRules.typeCodes[code]
      }
      let (analysis, titleFindings) = titles.analyze(titleText, context: reference)
      if !analysis.title.isEmpty { item.title = analysis }
      findings += titleFindings
    }
    let joinedNotes = notes.filter { !$0.isEmpty }.joined(separator: "; ")
    if !joinedNotes.isEmpty { item.note = joinedNotes }
    item.type = codedType ?? itemType(item, reference: reference)
    return item
  }

  private func stripIn(_ text: String) -> String {
    for prefix in ["In: ", "In ", "in: ", "in ", "В: ", "В кн.: ", "Dans ", "In:", "//"]
    where text.hasPrefix(prefix) {
      return String(text.dropFirst(prefix.count))
    }
    return text
  }

  private func monthAndDay(_ text: String) -> (Int, Int?)? {
    let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    guard
      let monthWord = words.first(where: {
        dates.months[ReferenceDateParser.fold(String($0))] != nil
      }),
      let month = dates.months[ReferenceDateParser.fold(String(monthWord))]
    else { return nil }
    let day = words.compactMap { Int($0) }.first { $0 >= 1 && $0 <= 31 }
    return (month, day)
  }

  private func readVolume(_ text: String, into item: inout ReferenceItem) {
    // "30 (5)", "12(3):", "Vol. 12, No. 3", "vol. II", "Т. 5, № 2".
    let lowered = text.lowercased()
    // Digit runs, and roman numerals only as whole words ("vol. II"): the "V" of "Vol." is no volume.
    var numbers: [String] = []
    for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
      if word.allSatisfy({ "IVXLC".contains($0) }) {
        numbers.append(String(word))
        continue
      }
      var current = ""
      for character in word {
        if character.isNumber {
          current.append(character)
        } else {
          if !current.isEmpty { numbers.append(current) }
          current = ""
        }
      }
      if !current.isEmpty { numbers.append(current) }
    }
    if numbers.isEmpty {
      let cleaned = Self.clean(text)
      if !cleaned.isEmpty { item.volume = cleaned }
      return
    }
    let issueMarked =
      lowered.includes("no.") || lowered.includes("(") || lowered.includes("№")
      || lowered.includes("issue")
      || lowered.includes("nr.") || lowered.includes("heft")
    if lowered.hasPrefix("no") || lowered.hasPrefix("№") || lowered.hasPrefix("issue")
      || lowered.hasPrefix("nr")
    {
      item.issue = numbers[0]
      return
    }
    item.volume = numbers[0]
    if numbers.count >= 2 && issueMarked { item.issue = numbers[1] }
  }

  /// An edition as CSL wants it: the number alone when there is one ("2nd ed." -> "2",
  /// "5.ª ed" -> "5"), so a processor adds its own ordinal and label; other text as written
  /// ("Rev. ed."). `labels` are the edition labels of `citation-markers.tsv` ("ed", "aufl").
  static func edition(_ text: String, labels: Set<String>) -> String {
    let cleaned = clean(text)
    let words = cleaned.split(whereSeparator: { $0 == " " || $0 == "." })
    guard let first = words.first else { return cleaned }
    let digits = first.prefix { $0.isASCII && $0.isNumber }
    let rest = first.dropFirst(digits.count)
    guard !digits.isEmpty,
      ["", "st", "nd", "rd", "th", "ª", "º", "e", "er", "re", "a", "o"].contains(rest.lowercased()),
      words.dropFirst().allSatisfy({ labels.contains($0.lowercased()) })
    else { return cleaned }
    return String(digits)
  }

  private func pages(_ text: String) -> String? {
    var value = Self.clean(text)
    // "229-241). Springer": the tagger ran the pages into what follows the parenthesis.
    if let close = value.firstIndex(of: ")") { value = String(value[..<close]) }
    for prefix in [
      "pp. ", "pp.", "p. ", "p.", "S. ", "s. ", "С. ", "с. ", "Pp. ", "P. ", "pages ", "page ",
    ] where value.hasPrefix(prefix) {
      value = String(value.dropFirst(prefix.count))
      break
    }
    for suffix in [" с", " pp", " p", " S", " стр", " pages", "頁", "页"]
    where value.hasSuffix(suffix) {
      value = String(value.dropLast(suffix.count))
    }
    // "第147~153頁": the counter's "第" before the numbers.
    if value.hasPrefix("第") { value = String(value.dropFirst()) }
    value = value.trimming(" .,")
    return value.isEmpty ? nil : value
  }

  private func doi(_ text: String) -> String {
    var value = text.trimming(" .,;[]()<>")
    let lowered = value.lowercased()
    for marker in ["doi.org/", "doi:", "doi>", "doi "] {
      if let range = lowered.firstRange(of: marker) {
        let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
        value = String(value.dropFirst(offset))
        break
      }
    }
    return value.trimming(" .,;[]()<>")
  }

  private mutating func readURL(_ text: String, into item: inout ReferenceItem) {
    let lowered = text.lowercased()
    if ReferenceRules.isPlaceholder(lowered) {
      findings.append(
        Finding(
          code: "placeholder", severity: .warning,
          message:
            "the URL is a placeholder (\(text.trimming(" ."))); put the source's address or remove the reference"
        ))
      return
    }
    let candidates = text.split(separator: " ").map { String($0).trimming(" .,;<>()[]") }
    guard
      let url = candidates.first(where: {
        $0.lowercased().hasPrefix("http") || $0.lowercased().hasPrefix("www.")
      }) ?? candidates.last
    else { return }
    if url.lowercased().includes("doi.org/") {
      item.doi = doi(url)
    } else if item.url == nil {
      item.url = url
    }
    if let date = dates.parse(text.replacingAll(url, with: "")), item.accessed == nil,
      lowered.includes("access") || lowered.includes("retriev")
    {
      item.accessed = date
    }
  }

  /// Whether lowercased text names a thesis by a word of its own: "PhD thesis", "Dissertation"
  /// (not "hypothesis", "synthesis" or "parenthesis"; and "theses" is left out: a title may open
  /// with it).
  static func namesThesis(_ lowered: String) -> Bool {
    lowered.includesWord(startingWith: "thesis")
      || lowered.includesWord(startingWith: "dissertation")
  }

  private func itemType(_ item: ReferenceItem, reference: String) -> String {
    // A journal field makes a journal article, whatever words the reference holds ("… a
    // hypothesis of coastal trade …" is no thesis).
    if item.type == "article-journal" { return "article-journal" }
    let lowered = reference.lowercased()
    if let genre = item.genre?.lowercased(), Self.namesThesis(genre) || genre.includes("дис") {
      return "thesis"
    }
    if Self.namesThesis(lowered) || lowered.includesWord(startingWith: "автореф") {
      return "thesis"
    }
    if item.containerTitle != nil
      && (!item.editors.isEmpty || lowered.includes(" in:") || lowered.includes(" in "))
      && item.publisher != nil
    {
      return "chapter"
    }
    if item.authors.contains(where: { name in
      guard let literal = name.literal?.lowercased() else { return false }
      return [
        "news", "agency", "times", "post", "daily", "press", "tass", "reuters", "xinhua", "yonhap",
      ].contains { literal.contains($0) }
    }) {
      return "article-newspaper"
    }
    if lowered.includesWord(startingWith: "report", wholeOrPlural: true)
      || lowered.includes("working paper")
    {
      return "report"
    }
    if item.containerTitle != nil { return item.publisher != nil ? "chapter" : "article" }
    if item.publisher != nil || item.publisherPlace != nil || item.isbn != nil { return "book" }
    if item.url != nil || lowered.includes("retrieved") { return "webpage" }
    return "article"
  }
}
