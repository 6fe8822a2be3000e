import Citations
import DateResolution
import NameNormalization
import NormalizeCore

/// The cleaned, annotated record of one article: schema `normalize.article/1`
/// (`Schemas/normalize.article.1.schema.json`). Offsets are Unicode scalar offsets into
/// `text`, end exclusive. Capabilities that are not built yet leave their arrays empty.
public struct ArticleRecord: Codable, Sendable, Equatable {
  /// Always "normalize.article/1".
  public var schema = ArticleRecord.schemaID
  public var id: String
  public var source: Source
  /// The publication date (document creation time) and where it came from; nil when unknown.
  public var published: Published?
  /// BCP 47 language of the text, as given or guessed from script and stop words.
  public var lang: String?
  /// ISO 15924 codes of the scripts with letters in the text, sorted.
  public var scripts: [String]
  public var title: String?
  public var standfirst: String?
  /// The body text: paragraphs, headings and list items separated by blank lines.
  public var text: String
  public var paragraphs: [Paragraph]
  public var metadata: Metadata
  /// Lines removed as boilerplate, with the rule that removed each.
  public var removed: [Removal]
  public var names: [NameMention]
  public var dates: [TemporalMention]
  public var references: [ReferenceAnnotation]
  public var findings: [Finding]
  /// Input fields Normalize does not know, passed through unchanged.
  public var input: [String: JSONValue]?

  /// The schema id records carry.
  public static let schemaID = "normalize.article/1"

  public init(
    id: String, source: Source, published: Published?, lang: String?, scripts: [String], title: String?,
    standfirst: String?, text: String, paragraphs: [Paragraph], metadata: Metadata, removed: [Removal],
    names: [NameMention], dates: [TemporalMention], references: [ReferenceAnnotation], findings: [Finding],
    input: [String: JSONValue]?
  ) {
    self.id = id
    self.source = source
    self.published = published
    self.lang = lang
    self.scripts = scripts
    self.title = title
    self.standfirst = standfirst
    self.text = text
    self.paragraphs = paragraphs
    self.metadata = metadata
    self.removed = removed
    self.names = names
    self.dates = dates
    self.references = references
    self.findings = findings
    self.input = input
  }

  /// Where the article came from.
  public struct Source: Codable, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var url: String?
    public var publisher: String?

    public init(file: String?, line: Int?, url: String?, publisher: String?) {
      self.file = file
      self.line = line
      self.url = url
      self.publisher = publisher
    }
  }

  /// A publication date and its origin: "input" (the record's `published`), "option"
  /// (`--published`) or "inferred" (from the text).
  public struct Published: Codable, Sendable, Equatable {
    public var value: String
    public var from: String

    public init(value: String, from: String) {
      self.value = value
      self.from = from
    }
  }

  /// A span of `text` and what it is: "body", "heading", "list-item" or "table" (rows of figures
  /// or columns, one row per line).
  public struct Paragraph: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: String

    public init(start: Int, end: Int, kind: String) {
      self.start = start
      self.end = end
      self.kind = kind
    }
  }

  /// Text that is about the article rather than part of it.
  public struct Metadata: Codable, Sendable, Equatable {
    public var credits: [String] = []
    public var tags: [String] = []
    public var sourceLine: String?
    public var breadcrumb: String?
    /// Figure captions and photo credits of an HTML page (absent for plain text).
    public var captions: [String]?
    /// What an HTML page says about itself (absent for plain text).
    public var page: Page?

    public init(
      credits: [String] = [], tags: [String] = [], sourceLine: String? = nil, breadcrumb: String? = nil,
      captions: [String]? = nil, page: Page? = nil
    ) {
      self.credits = credits
      self.tags = tags
      self.sourceLine = sourceLine
      self.breadcrumb = breadcrumb
      self.captions = captions
      self.page = page
    }

    enum CodingKeys: String, CodingKey {
      case credits, tags, breadcrumb, captions, page
      case sourceLine = "source_line"
    }
  }

  /// An HTML page's own metadata: title (og:title, <title>, the main heading), authors,
  /// publication and modification dates with their source, site name, canonical URL, declared
  /// language and description. Absent fields were not on the page.
  public struct Page: Codable, Sendable, Equatable {
    public var title: String?
    public var authors: [String]
    public var published: Published?
    public var modified: Published?
    public var siteName: String?
    public var canonicalURL: String?
    public var language: String?
    public var description: String?

    public init(
      title: String?, authors: [String], published: Published?, modified: Published?, siteName: String?,
      canonicalURL: String?, language: String?, description: String?
    ) {
      self.title = title
      self.authors = authors
      self.published = published
      self.modified = modified
      self.siteName = siteName
      self.canonicalURL = canonicalURL
      self.language = language
      self.description = description
    }

    enum CodingKeys: String, CodingKey {
      case title, authors, published, modified, language, description
      case siteName = "site_name"
      case canonicalURL = "canonical_url"
    }
  }

  /// A removed line and the rule that removed it.
  public struct Removal: Codable, Sendable, Equatable {
    public var text: String
    public var rule: String

    public init(text: String, rule: String) {
      self.text = text
      self.rule = rule
    }
  }

  enum CodingKeys: String, CodingKey {
    case schema, id, source, published, lang, scripts, title, standfirst, text, paragraphs, metadata,
      removed, names, dates, references, findings, input
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(id, forKey: .id)
    try container.encode(source, forKey: .source)
    try container.encode(published, forKey: .published)
    try container.encode(lang, forKey: .lang)
    try container.encode(scripts, forKey: .scripts)
    try container.encode(title, forKey: .title)
    try container.encode(standfirst, forKey: .standfirst)
    try container.encode(text, forKey: .text)
    try container.encode(paragraphs, forKey: .paragraphs)
    try container.encode(metadata, forKey: .metadata)
    try container.encode(removed, forKey: .removed)
    try container.encode(names, forKey: .names)
    try container.encode(dates, forKey: .dates)
    try container.encode(references, forKey: .references)
    try container.encode(findings, forKey: .findings)
    try container.encodeIfPresent(input, forKey: .input)
  }
}

extension ArticleRecord.Source {
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encodeIfPresent(line, forKey: .line)
    try container.encode(url, forKey: .url)
    try container.encode(publisher, forKey: .publisher)
  }
}

extension ArticleRecord.Metadata {
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(credits, forKey: .credits)
    try container.encode(tags, forKey: .tags)
    try container.encode(sourceLine, forKey: .sourceLine)
    try container.encode(breadcrumb, forKey: .breadcrumb)
    try container.encodeIfPresent(captions, forKey: .captions)
    try container.encodeIfPresent(page, forKey: .page)
  }
}
