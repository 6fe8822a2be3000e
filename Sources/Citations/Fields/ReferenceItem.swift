import ByteSupport

/// A parsed reference in typed form, before it becomes CSL-JSON (`csl`) or APA (`APARenderer`).
///
/// ```swift
/// var item = ReferenceItem()
/// item.authors = [PersonName(literal: "Yonhap News Agency")]
/// item.issued = DateParts(year: 2025, month: 5, day: 27)
/// item.csl["issued"]  // {"date-parts": [[2025, 5, 27]]}
/// ```
public struct ReferenceItem: Sendable, Equatable {
  /// CSL item type: article-journal, chapter, book, webpage, article-newspaper, thesis, report, article.
  public var type = "article"
  public var authors: [PersonName] = []
  public var editors: [PersonName] = []
  public var translators: [PersonName] = []
  public var issued: DateParts?
  /// Whether the reference says it has no date ("n.d.").
  public var undated = false
  public var accessed: DateParts?
  public var title: TitleAnalysis?
  public var containerTitle: String?
  public var collectionTitle: String?
  public var publisher: String?
  public var publisherPlace: String?
  public var volume: String?
  public var issue: String?
  public var page: String?
  public var edition: String?
  public var genre: String?
  public var medium: String?
  public var url: String?
  public var doi: String?
  public var isbn: String?
  public var note: String?
  public var citationNumber: String?

  /// Creates an empty item.
  public init() {}

  /// Whether nothing was found.
  public var isEmpty: Bool {
    authors.isEmpty && editors.isEmpty && issued == nil && title == nil && containerTitle == nil
      && publisher == nil
      && url == nil && doi == nil && note == nil && page == nil && volume == nil
  }

  /// The CSL-JSON item, valid against the official schema (citation-style-language
  /// `csl-data.json` v1.0.2: standard variables only, `additionalProperties: false`) once an
  /// `id` is added (`csl(id:)`). What CSL has no variable for goes under `custom`, the place
  /// CSL reserves for it: `title-romanized`, `translated-title` and `translation-source`
  /// ("glossary" when the translation is Normalize's, not the reference's). `original-title`
  /// is never the title repeated: a bracketed English title is a translation *of* the title,
  /// not the title of an original work, so it goes to `custom.translated-title`.
  public var csl: [String: CSLValue] {
    var out: [String: CSLValue] = ["type": .string(type)]
    func names(_ list: [PersonName]) -> CSLValue { .array(list.map(\.csl)) }
    if !authors.isEmpty { out["author"] = names(authors) }
    if !editors.isEmpty { out["editor"] = names(editors) }
    if !translators.isEmpty { out["translator"] = names(translators) }
    if let issued { out["issued"] = issued.csl }
    if let accessed { out["accessed"] = accessed.csl }
    var custom: [String: CSLValue] = [:]
    if let title {
      out["title"] = .string(title.title)
      if let translated = title.translated { custom["translated-title"] = .string(translated) }
      if let source = title.translationSource { custom["translation-source"] = .string(source) }
      if let romanized = title.romanized { custom["title-romanized"] = .string(romanized) }
      if let language = title.language { out["language"] = .string(language) }
    }
    if !custom.isEmpty { out["custom"] = .object(custom) }
    let strings: [(String, String?)] = [
      ("container-title", containerTitle), ("collection-title", collectionTitle),
      ("publisher", publisher),
      ("publisher-place", publisherPlace), ("volume", volume), ("issue", issue), ("page", page),
      ("edition", edition),
      ("genre", genre), ("medium", medium), ("URL", url), ("DOI", doi), ("ISBN", isbn),
      ("note", note),
      ("citation-number", citationNumber),
    ]
    for (key, value) in strings { if let value, !value.isEmpty { out[key] = .string(value) } }
    return out
  }

  /// The CSL-JSON item with its `id`, which the CSL schema requires and processors key
  /// citations by.
  ///
  /// - Parameter id: a stable identifier: `<article id>-ref-<index>` in records,
  ///   ``ReferenceItem/textID(_:)`` for `normalize ref`.
  /// - Returns: ``csl`` plus `id`.
  public func csl(id: String) -> [String: CSLValue] {
    var out = csl
    out["id"] = .string(id)
    return out
  }

  /// A stable id derived from a reference's text: "ref-" and the 64-bit FNV-1a hash of its
  /// UTF-8 bytes in hex, so the same reference gets the same id in every run and on every machine.
  ///
  /// ```swift
  /// ReferenceItem.textID("Kim, M. (2024). 한국어 문법의 이해. 서울대학교출판부.")  // "ref-…" (16 hex digits)
  /// ```
  public static func textID(_ reference: String) -> String {
    var hash = FNV1a.basis64
    for byte in reference.utf8 { hash = FNV1a.step(hash, byte) }
    let hex = String(hash, radix: 16)
    return "ref-" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// A person or organisation in a reference. Organisations (and names the parser cannot split)
/// carry `literal` only.
public struct PersonName: Sendable, Equatable {
  public var family: String?
  public var given: String?
  public var literal: String?

  /// A person with family and given names.
  public init(family: String, given: String?) {
    self.family = family
    self.given = given
  }

  /// An organisation or an unsplit name.
  public init(literal: String) { self.literal = literal }

  var csl: CSLValue {
    var object: [String: CSLValue] = [:]
    if let literal { object["literal"] = .string(literal) }
    if let family { object["family"] = .string(family) }
    if let given, !given.isEmpty { object["given"] = .string(given) }
    return .object(object)
  }
}

/// A date as CSL `date-parts`: a year, optionally month and day.
public struct DateParts: Sendable, Equatable, Comparable {
  public var year: Int
  public var month: Int?
  public var day: Int?

  /// Creates a date.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  var csl: CSLValue {
    var parts: [CSLValue] = [.number(Double(year))]
    if let month {
      parts.append(.number(Double(month)))
      if let day { parts.append(.number(Double(day))) }
    }
    return .object(["date-parts": .array([.array(parts)])])
  }

  /// ISO 8601 text: "2025", "2025-05", "2025-05-27".
  public var iso: String {
    var text = padded(year, width: 4)
    if let month {
      text += "-" + padded(month, width: 2)
      if let day { text += "-" + padded(day, width: 2) }
    }
    return text
  }

  public static func < (lhs: DateParts, rhs: DateParts) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }
}

/// Zero-padded numbers for ISO dates.
func padded(_ value: Int, width: Int) -> String {
  let digits = "\(value)"
  return digits.count >= width
    ? digits : Array(repeating: "0", count: width - digits.count).joined() + digits
}
