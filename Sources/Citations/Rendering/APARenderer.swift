/// Renders a `ReferenceItem` in APA 7 style, as plain text (no italics), the way APA's CSL style
/// (`apa.csl`) lays an item out: authors (or editors; with neither, the title moves to the
/// author position), the date in parentheses (year only, with month and day for newspapers
/// and web pages), the title (original; its romanisation in parentheses when the script is not
/// Latin; the English translation in square brackets) with edition, volume and genre, then
/// the source: a periodical with volume(issue) and pages, or "In" editors, book title and
/// "(Vol. 3, pp. 229–241)"; publisher; the DOI as https://doi.org/… or the URL. Page ranges
/// take an en dash ("892–901"), as a CSL processor writes them.
///
/// ```swift
/// APARenderer.render(item)
/// // "Yonhap News Agency. (2025, May 27). 消息：俄乌战俘互换名单中未含两名朝军 (Xiaoxi: …) [News: Two North Korean soldiers …]."
/// ```
enum APARenderer {
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// Types whose container is a periodical ("Journal, 12(3), 45–67"), as in apa.csl; any other
  /// type with a container is a part of a book or proceedings ("In … (pp. 45–67)").
  static let serialTypes: Set<String> = [
    "article-journal", "article-magazine", "article-newspaper", "periodical", "post-weblog",
    "review", "review-book",
  ]

  /// Types dated to the day ("2025, May 27"); the others show the year only (APA 9.14, apa.csl).
  static let fullDateTypes: Set<String> = [
    "article-magazine", "article-newspaper", "broadcast", "collection", "document", "event",
    "motion_picture", "pamphlet",
    "performance", "personal_communication", "post", "post-weblog", "song", "speech", "webpage",
  ]

  static func render(_ item: ReferenceItem) -> String {
    var parts: [String] = []
    let authors = names(item.authors)
    let title = titlePart(item, authorsGiven: !authors.isEmpty)
    var titleLeads = false
    if !authors.isEmpty {
      parts.append(ended(authors))
    } else if !item.editors.isEmpty {
      parts.append(ended(names(item.editors) + (item.editors.count > 1 ? " (Eds.)" : " (Ed.)")))
    } else if let title {
      // APA 9.12: with no author, the title moves to the author position.
      parts.append(ended(title))
      titleLeads = true
    }
    parts.append("(\(date(item))).")
    if let title, !titleLeads { parts.append(ended(title)) }
    if let container = item.containerTitle {
      parts.append(ended(source(container, item: item, authorsGiven: !authors.isEmpty)))
    }
    // A periodical's publisher is left out (APA 9.25; apa.csl prints none for serials).
    if let publisher = item.publisher, publisher != authors, !serialTypes.contains(item.type) {
      parts.append(ended(publisher))
    }
    if let doi = item.doi, !doi.isEmpty {
      parts.append("https://doi.org/" + doi)
    } else if let url = item.url, !url.isEmpty {
      parts.append(url)
    }
    return parts.joined(separator: " ")
  }

  /// The title with its romanisation and translation, then what APA puts after a book's title:
  /// editors of an authored book and translators, "(A. Ross, Ed.; 2nd ed., Vol. 3)", and a
  /// bracketed genre for theses and reports ("[Doctoral dissertation]").
  private static func titlePart(_ item: ReferenceItem, authorsGiven: Bool) -> String? {
    guard let title = item.title else { return nil }
    var text = title.title
    if let romanized = title.romanized, romanized != title.title { text += " (\(romanized))" }
    if let translated = title.translated { text += " [\(translated)]" }
    if item.containerTitle == nil {
      // A volume that is not a number is a volume title ("Plays: Volume Two").
      if let volume = item.volume, !isNumeric(volume) { text += ": " + volume }
      var groups: [String] = []
      if authorsGiven && !item.editors.isEmpty {
        groups.append(
          names(item.editors, initialsFirst: true) + (item.editors.count > 1 ? ", Eds." : ", Ed."))
      }
      if !item.translators.isEmpty {
        groups.append(names(item.translators, initialsFirst: true) + ", Trans.")
      }
      let locators = locatorList(item)
      if !locators.isEmpty { groups.append(locators.joined(separator: ", ")) }
      if !groups.isEmpty { text += " (" + groups.joined(separator: "; ") + ")" }
      if let genre = item.genre, ["thesis", "report"].contains(item.type) { text += " [\(genre)]" }
    }
    return text
  }

  /// "2nd ed.", "Vol. 3", "Issue 2", "pp. 229–241": what follows a book's or a part's title.
  private static func locatorList(_ item: ReferenceItem) -> [String] {
    var locators: [String] = []
    if let edition = item.edition.map(editionText) { locators.append(edition) }
    if let volume = item.volume, isNumeric(volume) {
      locators.append("Vol. " + numberRange(volume))
    }
    if let issue = item.issue { locators.append("Issue " + numberRange(issue)) }
    if let page = item.page {
      let pages = pageRange(page)
      locators.append((pages.contains("–") || pages.contains(",") ? "pp. " : "p. ") + pages)
    }
    return locators
  }

  private static func source(_ container: String, item: ReferenceItem, authorsGiven: Bool) -> String
  {
    if serialTypes.contains(item.type) {
      var text = titleCased(container, language: item.title?.language)
      if let volume = item.volume {
        text += ", " + numberRange(volume)
        if let issue = item.issue { text += "(\(numberRange(issue)))" }
      } else if let issue = item.issue {
        text += ", (\(numberRange(issue)))"
      }
      if let page = item.page { text += ", " + pageRange(page) }
      return text
    }
    var text = "In "
    if !item.editors.isEmpty && authorsGiven {
      text +=
        names(item.editors, initialsFirst: true)
        + (item.editors.count > 1 ? " (Eds.), " : " (Ed.), ")
    }
    text += container
    if let volume = item.volume, !isNumeric(volume) { text += ": " + volume }
    let locators = locatorList(item)
    if !locators.isEmpty { text += " (" + locators.joined(separator: ", ") + ")" }
    return text
  }

  private static func date(_ item: ReferenceItem) -> String {
    guard let issued = item.issued else { return "n.d." }
    var text = String(issued.year)
    if fullDateTypes.contains(item.type), let month = issued.month, month >= 1, month <= 12 {
      text += ", " + monthNames[month - 1]
      if let day = issued.day { text += " \(day)" }
    }
    return text
  }

  private static func ended(_ text: String) -> String {
    guard let last = text.unicodeScalars.last else { return text }
    return ".?!".unicodeScalars.contains(last) ? text : text + "."
  }

  /// Whether a volume is a number ("3", "12-13"), which APA labels "Vol."; CSL processors
  /// treat anything else (roman numerals included) as a volume title.
  static func isNumeric(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("0"..."9").contains($0) || "-–".unicodeScalars.contains($0)
      }
      && text.unicodeScalars.contains { ("0"..."9").contains($0) }
  }

  /// "2" -> "2nd ed."; text that is not a number stays as written ("Rev. ed.").
  static func editionText(_ edition: String) -> String {
    guard let number = Int(edition) else { return edition }
    let tens = number % 100
    let suffix = (11...13).contains(tens) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
    return "\(number)\(suffix) ed."
  }

  /// A page field as CSL processors print it: every "a-b" (hyphen or en dash, spaces around it
  /// or not) becomes "a–b", items separated by commas and ampersands kept: "81-131, 208-241" ->
  /// "81–131, 208–241", "603- 606" -> "603–606".
  static func pageRange(_ page: String) -> String {
    page.split(separator: ",", omittingEmptySubsequences: false).map { commaItem in
      commaItem.split(separator: "&", omittingEmptySubsequences: false).map { item in
        let pieces = String(item).replacingAll("–", with: "-").split(
          separator: "-", omittingEmptySubsequences: false)
        if pieces.count == 2 { return trimmed(pieces[0]) + "–" + trimmed(pieces[1]) }
        return trimmed(item)
      }.joined(separator: " & ")
    }.joined(separator: ", ")
  }

  /// Volumes and issues are numbers with ranges too ("12-13" -> "12–13").
  static func numberRange(_ text: String) -> String { pageRange(text) }

  private static func trimmed(_ text: Substring) -> String {
    String(text).trimming(" \t")
  }

  /// Title case for a periodical's name, as CSL's `text-case="title"` (apa.csl applies it to
  /// `container-title` of periodicals, for English items): a word written all in lowercase
  /// gets a capital unless it is a short function word that does not start the title or
  /// follow a colon or full stop; words with capitals stay as written.
  static func titleCased(_ text: String, language: String?) -> String {
    if let language, !language.hasPrefix("en") { return text }
    var output: [String] = []
    var previous: Character = ":"
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(
      String.init)
    {
      var result = word
      let scalars = word.unicodeScalars
      let lowercase =
        scalars.contains { $0.properties.isLowercase }
        && !scalars.contains { $0.properties.isUppercase }
      if lowercase && (!stopWords.contains(word) || previous == ":" || previous == ".") {
        if let first = word.first { result = first.uppercased() + word.dropFirst() }
      }
      previous = result.last ?? previous
      output.append(result)
    }
    return output.joined(separator: " ")
  }

  static let stopWords: Set<String> = [
    "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of",
    "on", "onto", "or", "over",
    "so", "the", "till", "to", "up", "via", "with", "yet",
  ]

  /// Initials of given names: "Jang Se" -> "J. S.", "Se-yul" -> "S.-Y.", "J.-F." -> "J.-F.".
  static func initials(_ given: String) -> String {
    given.replacingAll(".-", with: "-").split(whereSeparator: { $0 == " " || $0 == "." }).map {
      word -> String in
      if word.contains("-") {
        return word.split(separator: "-").enumerated().compactMap { index, part in
          part.first.map { index == 0 ? "\($0)." : "\(String($0).uppercased())." }
        }.joined(separator: "-")
      }
      return word.first.map { "\($0)." } ?? ""
    }.joined(separator: " ")
  }

  static func names(_ list: [PersonName], initialsFirst: Bool = false) -> String {
    let rendered: [String] = list.map { name in
      if let literal = name.literal { return literal }
      let family = name.family ?? ""
      guard let given = name.given, !given.isEmpty else { return family }
      return initialsFirst ? "\(initials(given)) \(family)" : "\(family), \(initials(given))"
    }
    switch rendered.count {
    case 0: return ""
    case 1: return rendered[0]
    case 2:
      return initialsFirst ? "\(rendered[0]) & \(rendered[1])" : "\(rendered[0]), & \(rendered[1])"
    case 3...20: return rendered.dropLast().joined(separator: ", ") + ", & " + (rendered.last ?? "")
    default: return rendered.prefix(19).joined(separator: ", ") + ", … " + (rendered.last ?? "")
    }
  }
}
