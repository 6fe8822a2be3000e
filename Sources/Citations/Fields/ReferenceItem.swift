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
  /// The authors in order; an organisation is one `literal` name ("Yonhap News Agency").
  public var authors: [PersonName] = []
  /// The editors ("In M. Kim (Ed.), …"), in order.
  public var editors: [PersonName] = []
  /// The translators, in order.
  public var translators: [PersonName] = []
  /// The publication date, as precise as the reference gives it ("2025", "2025-05-27").
  public var issued: DateParts?
  /// Whether the reference says it has no date ("n.d.").
  public var undated = false
  /// When an online source was retrieved ("abgerufen am 13. Dezember 2024").
  public var accessed: DateParts?
  /// The title with its language, and any translation or romanisation the reference gives.
  public var title: TitleAnalysis?
  /// The journal, newspaper or book the item is part of ("言語研究", "Nature").
  public var containerTitle: String?
  /// The series the item belongs to.
  public var collectionTitle: String?
  /// The publisher; several are joined with "; " ("Springer", "서울대학교출판부").
  public var publisher: String?
  /// The place of publication ("Москва", "Berlin").
  public var publisherPlace: String?
  /// The volume ("12" from "Vol. 12, No. 3", "II" from "vol. II").
  public var volume: String?
  /// The issue ("3" from "Vol. 12, No. 3" or "12(3)").
  public var issue: String?
  /// The page range without its label ("45–67" from "S. 45–67").
  public var page: String?
  /// The edition: its number when the reference gives one ("2" from "2. Aufl."), else the text.
  public var edition: String?
  /// The kind of work as the reference names it ("Doctoral dissertation", "Policy brief").
  public var genre: String?
  /// The medium as the reference names it ("Video", "Podcast").
  public var medium: String?
  /// The web address ("https://www.yna.co.kr/view/AKR20250527…").
  public var url: String?
  /// The DOI without its resolver prefix ("10.1038/s41586-020-2649-2").
  public var doi: String?
  /// The ISBN without its "ISBN" label ("978-89-521-1234-5").
  public var isbn: String?
  /// Segments no field claimed (notes, sources, unknown labels), joined with "; ".
  public var note: String?
  /// The reference's number in a numbered list, brackets and dots trimmed ("12" for "[12]").
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
  /// The family name ("Kim", "Müller"); nil for an organisation.
  public var family: String?
  /// The given names or initials ("M.", "Yong-won"); may be nil or empty.
  public var given: String?
  /// The whole name when it is not split: an organisation ("Yonhap News Agency") or a name the
  /// parser cannot split.
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
  /// The year (2025).
  public var year: Int
  /// The month, 1–12, when known.
  public var month: Int?
  /// The day of the month, when known (only with a month).
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

  /// Chronological order; a missing month or day sorts before any given one ("2025" < "2025-01").
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
