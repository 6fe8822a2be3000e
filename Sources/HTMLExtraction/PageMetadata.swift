/// What a page says about itself: title, authors, dates, site, canonical address, language and
/// description, each from the first source that has it.
///
/// ```swift
/// let metadata = PageMetadata.read(document, url: "https://www.example.de/2025/05/27/wahl/")
/// metadata.title              // "Wahl in Bayern: Was sich ändert" (og:title, else <title>, else <h1>)
/// metadata.published          // PageMetadata.Dated(value: "2025-05-27", from: "html-meta")
/// metadata.language           // "de" (<html lang="de-DE">, else Content-Language)
/// ```
public struct PageMetadata: Codable, Sendable, Equatable {
  /// A date and where on the page it was read: "html-meta" (meta tags, itemprop, a
  /// machine field named "publish…"), "html-json-ld" (schema.org JSON-LD), "html-time"
  /// (`<time datetime>`), "html-text" (a date line the page shows, in an element whose class or
  /// id names a date) or "url".
  public struct Dated: Codable, Sendable, Equatable {
    /// The date, YYYY-MM-DD ("2025-05-27").
    public var value: String
    /// Where it was read: "html-meta", "html-json-ld", "html-time", "html-text" or "url".
    public var from: String

    /// Creates a date with its source.
    public init(value: String, from: String) {
      self.value = value
      self.from = from
    }
  }

  /// The headline: og:title (or twitter:title, dc.title, headline), else JSON-LD `headline`, else
  /// `<title>`, else the first `<h1>`; a site name around a separator is cut off
  /// ("Wahl in Bayern | Süddeutsche Zeitung" → "Wahl in Bayern").
  public var title: String?
  /// Distinct author names from meta tags, JSON-LD and `itemprop="author"`, without "By " and
  /// without addresses; empty when the page names none.
  public var authors: [String] = []
  /// The publication date and where on the page it was read.
  public var published: Dated?
  /// The last-modified date (article:modified_time, JSON-LD `dateModified`, …).
  public var modified: Dated?
  /// The site's name: og:site_name, else the JSON-LD publisher, else `publisher`/`dc.publisher`.
  public var siteName: String?
  /// The page's canonical address: an absolute `<link rel="canonical">`, else an absolute og:url.
  public var canonicalURL: String?
  /// The primary language subtag, lower case ("de" for "de-DE").
  public var language: String?
  /// The page's summary: the first of og:description, description, twitter:description and
  /// dc.description, else JSON-LD's `description`.
  public var description: String?

  /// Metadata with nothing known, as `HTMLPageReader` gives it for an empty page.
  public init() {}

  /// The record's keys (`metadata.page` in normalize.article/1); absent fields are left out.
  enum CodingKeys: String, CodingKey {
    case title, authors, published, modified, language, description
    case siteName = "site_name"
    case canonicalURL = "canonical_url"
  }

  /// The sources of `published.from`, for the record schema.
  public static let dateSources = ["html-meta", "html-json-ld", "html-time", "html-text", "url"]

  static let titleKeys = ["og:title", "twitter:title", "dc.title", "headline"]
  static let descriptionKeys = [
    "og:description", "description", "twitter:description", "dc.description",
  ]
  static let siteKeys = ["og:site_name", "publisher", "dc.publisher"]
  static let authorKeys = [
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
    "cxenseparse:author",
    "dcterms.creator", "og:article:author",
  ]
  static let publishedKeys = [
    "article:published_time", "og:article:published_time", "datepublished", "published_time",
    "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date", "date", "original-publish-date",
    "article_date_original",
    "og:published_time", "cxenseparse:recs:publishtime", "displaydate", "release_date",
  ]
  /// Class and id words of elements that show or hold the article's date.
  static let dateElementWords = ["date", "publish", "posted", "byline", "meta", "time"].map {
    Array($0.utf8)
  }
  static let publishWord = Array("publish".utf8)
  /// Elements whose attributes or text ``read(_:url:)`` reads by their name.
  static let readTags = TagSet(["html", "meta", "title", "h1", "link", "script", "time"])
  /// Elements a date line or a date field is written in.
  static let dateLineTags = TagSet([
    "div", "span", "p", "time", "small", "em", "strong", "b", "i", "li", "dd", "dt", "td", "abbr",
    "header", "section",
    "input", "font", "address", "h2", "h3", "h4", "h5", "h6",
  ])

  static let modifiedKeys = [
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
    "lastmod",
    "article.updated", "dc.date.modified",
  ]

  /// Reads the metadata of `document`; `url` (the address the page was fetched from) is the
  /// last source of a publication date.
  public static func read(_ document: HTMLDocument, url: String?) -> PageMetadata {
    var tags: [String: String] = [:]
    var metadata = PageMetadata()
    var titleElement: String?
    var firstHeading: String?
    var timeDate: String?
    var jsonLD: [String] = []
    var pageLanguage: String?
    var contentLanguage: String?
    var itemAuthors: [String] = []
    var elementDate: String?
    /// Dates shown in date lines, with their node; the first after the main heading wins (a
    /// site header often shows today's date above it).
    var shownDates: [(node: Int, date: String)] = []
    var firstHeadingNode: Int?
    /// Per class and id spelling: 0 not yet read, 1 no date word, 2 a date word, 3 "publish" too.
    var dateWords = [UInt8](repeating: 0, count: document.classAndIDCount)
    // Per tag name (HTMLDocument.tagNames): a date line's, one the switch below reads.
    let dateLineByTag = document.tagNames.map(Self.dateLineTags.contains)
    let readByTag = document.tagNames.map(Self.readTags.contains)
    for index in 1..<document.count where document.kinds[index] == .element {
      let tag = document.tags[index]
      let tagKey = Int(document.tagKeys[index])
      // A date line the page shows ("November 19, 2019 - 11:28 AMT", "기사입력 : 2018-09-28"),
      // or a machine field (<input class="published_date" value="…">), named by class or id.
      if shownDates.count < 20, dateLineByTag[tagKey],
        let key = document.classAndIDKey(of: index)
      {
        if dateWords[key] == 0 {
          let name = document.classAndID(key: key)
          dateWords[key] =
            !dateElementWords.contains(where: { ClassHints.find($0, in: name, wholeToken: false) })
            ? 1 : ClassHints.find(publishWord, in: name, wholeToken: false) ? 3 : 2
        }
        if dateWords[key] > 1 {
          if elementDate == nil, dateWords[key] == 3,
            let value = document.attribute(.content, of: index) ?? document.attribute(
              .value, of: index)
              ?? document.attribute(.datetime, of: index)
          {
            elementDate = PageDate.parse(value)
          }
          if document.firstChildren[index] >= 0 {
            let text = BlockText.fold(document.text(of: index))
            if text.unicodeScalars.count <= 120, let date = PageDate.parse(text) {
              shownDates.append((index, date))
            }
          }
        }
      }
      // Only the few tags the switch reads are compared by name.
      if readByTag[tagKey] {
        switch tag {
        case "html":
          if pageLanguage == nil {
            pageLanguage =
              document.attribute(.lang, of: index) ?? document.attribute(.xmlLang, of: index)
          }
        case "meta":
          guard let content = document.attribute(.content, of: index).map(BlockText.fold),
            !content.isEmpty
          else { continue }
          if let equiv = document.attribute(.httpEquiv, of: index)?.lowercased(),
            equiv == "content-language"
          {
            contentLanguage = content
          }
          for key in [KeptAttribute.property, .name, .itemprop] {
            if let name = document.attribute(key, of: index)?.lowercased(), tags[name] == nil {
              tags[name] = content
            }
          }
        case "title":
          if titleElement == nil { titleElement = BlockText.fold(document.text(of: index)) }
        case "h1":
          if firstHeadingNode == nil { firstHeadingNode = index }
          if firstHeading == nil {
            let text = BlockText.fold(document.text(of: index))
            if !text.isEmpty { firstHeading = text }
          }
        case "link":
          let rel = document.attribute(.rel, of: index)?.lowercased() ?? ""
          if rel == "canonical", metadata.canonicalURL == nil,
            let href = document.attribute(.href, of: index), href.hasPrefix("http")
          {
            metadata.canonicalURL = href
          }
        case "script":
          if document.attribute(.type, of: index)?.lowercased() == "application/ld+json",
            jsonLD.count < 8
          {
            jsonLD.append(document.text(of: index))
          }
        case "time":
          if timeDate == nil, let value = document.attribute(.datetime, of: index),
            let date = PageDate.parse(value)
          {
            timeDate = date
          }
        default:
          break
        }
      }
      // Microdata on other elements: <span itemprop="datePublished" content="…">, <time itemprop=…>.
      if let property = document.attribute(.itemprop, of: index)?.lowercased(), tag != "meta" {
        let value =
          document.attribute(.content, of: index) ?? document.attribute(.datetime, of: index)
        switch property {
        case "datepublished", "datemodified":
          if tags[property] == nil,
            let value = value ?? Optional(BlockText.fold(document.text(of: index)))
          {
            tags[property] = value
          }
        case "author":
          let name = BlockText.fold(document.text(of: index))
          if !name.isEmpty, name.unicodeScalars.count < 80, itemAuthors.count < 10 {
            itemAuthors.append(name)
          }
        default:
          break
        }
      }
    }
    var linked = LinkedData()
    for text in jsonLD { linked.read(text) }

    func first(_ keys: [String]) -> String? {
      for key in keys { if let value = tags[key], !value.isEmpty { return value } }
      return nil
    }
    metadata.description = first(descriptionKeys) ?? linked.description
    metadata.siteName =
      tags["og:site_name"] ?? linked.publisher ?? first(Array(siteKeys.dropFirst()))
    let title =
      first(titleKeys) ?? linked.headline ?? titleElement.flatMap { $0.isEmpty ? nil : $0 }
      ?? firstHeading
    metadata.title = title.map {
      withoutSiteName($0, siteName: metadata.siteName, heading: firstHeading)
    }
    if metadata.canonicalURL == nil, let address = tags["og:url"], address.hasPrefix("http") {
      metadata.canonicalURL = address
    }
    var authors: [String] = []
    for key in authorKeys {
      if let value = tags[key], !value.hasPrefix("http"), !value.isEmpty { authors.append(value) }
    }
    authors += linked.authors + itemAuthors
    metadata.authors = cleanAuthors(authors)
    let urlDate = url.flatMap(PageDate.fromURL) ?? metadata.canonicalURL.flatMap(PageDate.fromURL)
    let metaText = first(publishedKeys)
    if let date = metaText.flatMap(PageDate.parse) {
      metadata.published = Dated(value: date, from: "html-meta")
    } else if let date = linked.published.flatMap(PageDate.parse) {
      metadata.published = Dated(value: date, from: "html-json-ld")
    } else if let date = elementDate {
      metadata.published = Dated(value: date, from: "html-meta")
    } else if let date = timeDate {
      metadata.published = Dated(value: date, from: "html-time")
    } else if let date = urlDate {
      metadata.published = Dated(value: date, from: "url")
    } else if let shown = shownDates.first(where: { $0.node > (firstHeadingNode ?? 0) })
      ?? shownDates.first
    {
      metadata.published = Dated(value: shown.date, from: "html-text")
    }
    // A UTC timestamp (2019-11-20T02:59:46Z) is often the evening before in the newsroom: when
    // the page's own local date (<time>, the URL) is the day before, that is the date.
    if let published = metadata.published,
      published.from == "html-meta" || published.from == "html-json-ld",
      let raw = published.from == "html-meta" ? metaText : linked.published, PageDate.isUTC(raw),
      let before = PageDate.dayBefore(published.value)
    {
      if timeDate == before {
        metadata.published = Dated(value: before, from: "html-time")
      } else if urlDate == before {
        metadata.published = Dated(value: before, from: "url")
      }
    }
    if let date = first(modifiedKeys).flatMap(PageDate.parse) {
      metadata.modified = Dated(value: date, from: "html-meta")
    } else if let date = linked.modified.flatMap(PageDate.parse) {
      metadata.modified = Dated(value: date, from: "html-json-ld")
    }
    metadata.language =
      primaryLanguage(pageLanguage) ?? primaryLanguage(contentLanguage)
      ?? primaryLanguage(linked.language)
    return metadata
  }

  /// The separators between a headline and the site's name in `<title>`.
  static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

  /// The UTF-8 of each title separator in every form `range(of:)` takes for it: it matches
  /// canonically equivalent text, and of the separators' characters only "·" has another
  /// form (U+0387 GREEK ANO TELEIA).
  static let titleSeparatorForms: [[[UInt8]]] = titleSeparators.map { separator in
    let other = String(separator.unicodeScalars.map { $0 == "\u{B7}" ? "\u{387}" : Character($0) })
    // Compared as bytes: `==` on strings is canonical equivalence, which would call them equal.
    return other.utf8.elementsEqual(separator.utf8)
      ? [Array(separator.utf8)] : [Array(separator.utf8), Array(other.utf8)]
  }

  /// Whether `title`'s bytes hold one of `forms`: when they hold none, `range(of:)` finds no
  /// separator there, and Foundation's search (slow, canonical equivalence) is not run.
  static func mayHold(_ title: String, _ forms: [[UInt8]]) -> Bool {
    var title = title
    return title.withUTF8 { bytes in
      forms.contains { form in
        guard let first = form.first, form.count <= bytes.count else { return false }
        var start = 0
        while start + form.count <= bytes.count {
          if bytes[start] == first, bytes[start..<(start + form.count)].elementsEqual(form) {
            return true
          }
          start += 1
        }
        return false
      }
    }
  }

  /// A title without the site's name after or before it: "부산 북항에 해양 도서관 문 열어 |
  /// 한빛일보" -> "부산 북항에 해양 도서관 문 열어" when the page names 한빛일보 as its site, or when
  /// the part left is the page's main heading.
  static func withoutSiteName(_ title: String, siteName: String?, heading: String?) -> String {
    for (separator, forms) in zip(titleSeparators, titleSeparatorForms) {
      guard mayHold(title, forms),
        let range = title.range(of: separator, options: .backwards)
      else { continue }
      let before = String(title[..<range.lowerBound])
      let after = String(title[range.upperBound...])
      let site = siteName?.lowercased()
      if let site,
        after.lowercased() == site || site.hasPrefix(after.lowercased()) && after.count >= 3
      {
        return before
      }
      if let heading, before == heading { return before }
      if let range = title.range(of: separator), let site,
        title[..<range.lowerBound].lowercased() == site
      {
        return String(title[range.upperBound...])
      }
    }
    return title
  }

  /// "de-DE" -> "de", "pt_BR" -> "pt"; nil for what is not a language tag.
  static func primaryLanguage(_ tag: String?) -> String? {
    guard let tag else { return nil }
    let primary = tag.trimmingSpaces.prefix { $0 != "-" && $0 != "_" && $0 != "," && $0 != ";" }
      .lowercased()
    guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
      return nil
    }
    return primary
  }

  /// Distinct author names without "By " and without addresses.
  static func cleanAuthors(_ names: [String]) -> [String] {
    var result: [String] = []
    for name in names {
      var text = BlockText.fold(name)
      for prefix in ["By ", "by ", "BY "] where text.hasPrefix(prefix) {
        text = String(text.dropFirst(prefix.count))
      }
      guard !text.isEmpty, text.unicodeScalars.count <= 80, !text.contains("://"),
        !result.contains(text)
      else { continue }
      result.append(text)
      if result.count == 10 { break }
    }
    return result
  }
}

extension String {
  var trimmingSpaces: Substring {
    let scalars = Substring(self)
    return scalars.drop { $0 == " " }
  }
}
