import Citations
import DateResolution
import HTMLExtraction
import NameNormalization
import NormalizeCore
import TextCleaning

/// The cleaned, annotated record of one article: schema `normalize.article/1`
/// (`Schemas/normalize.article.1.schema.json`). Offsets are Unicode scalar offsets into
/// `text`, end exclusive. Capabilities that are not built yet leave their arrays empty.
public struct ArticleRecord: Codable, Sendable, Equatable {
  /// Always "normalize.article/1".
  public var schema = ArticleRecord.schemaID
  /// The input's `id`, or the file name (or `FILE:LINE` for JSON Lines) when it has none.
  public var id: String
  /// Where the article came from: file, line, URL.
  public var source: Source
  /// The publication date (document creation time) and where it came from; nil when unknown.
  public var published: Published?
  /// BCP 47 language of the text, as given or guessed from script and stop words.
  public var lang: String?
  /// ISO 15924 codes of the scripts with letters in the text, sorted.
  public var scripts: [String]
  /// The headline: the input's `title`, or the first line when it reads as one ("Two Captured North Korea Troops Seek South Korea Asylum: …").
  public var title: String?
  /// The summary line under the title, when there is one.
  public var standfirst: String?
  /// The body text: paragraphs, headings and list items separated by blank lines.
  public var text: String
  /// Each body block's span in `text` and its kind ("body", "heading", "list-item", "table").
  public var paragraphs: [Paragraph]
  /// Credits, tags, the source line and the breadcrumb, moved out of the body.
  public var metadata: Metadata
  /// Lines removed as boilerplate, with the rule that removed each.
  public var removed: [Removal]
  /// People, places and organisations with their canonical forms ("Yoo Yong Won" -> "Yoo Yong-won", 유용원).
  public var names: [NameMention]
  /// Temporal expressions resolved to TIMEX3 values ("On Thursday" -> 2026-02-05).
  public var dates: [TemporalMention]
  /// The reference section and source line, parsed to CSL-JSON with an APA rendering.
  public var references: [ReferenceAnnotation]
  /// Every problem found while reading, cleaning and validating the article, with code and span.
  public var findings: [Finding]
  /// Input fields Normalize does not know, passed through unchanged.
  public var input: [String: JSONValue]?

  /// The schema id records carry.
  public static let schemaID = "normalize.article/1"

  /// Creates a record from its parts (`RecordAssembler` builds them).
  public init(
    id: String, source: Source, published: Published?, lang: String?, scripts: [String],
    title: String?,
    standfirst: String?, text: String, paragraphs: [Paragraph], metadata: Metadata,
    removed: [Removal],
    names: [NameMention], dates: [TemporalMention], references: [ReferenceAnnotation],
    findings: [Finding],
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
    /// The file the article was read from ("-" for standard input).
    public var file: String?
    /// The line of a JSON Lines input, from 1.
    public var line: Int?
    /// The input's `url`.
    public var url: String?
    /// The publisher, when known (not inferred yet).
    public var publisher: String?

    /// Creates a source.
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
    /// The date, YYYY-MM-DD.
    public var value: String
    /// Where it came from: "input", "option" or "inferred".
    public var from: String

    /// Creates a publication date.
    public init(value: String, from: String) {
      self.value = value
      self.from = from
    }
  }

  /// A span of `text` and what it is: "body", "heading", "list-item" or "table" (rows of figures
  /// or columns, one row per line). The structure analysis's spans, taken as they are.
  public typealias Paragraph = ParagraphSpan

  /// Text that is about the article rather than part of it: the structure analysis's metadata
  /// (credits, tags, source line, breadcrumb), taken as it is and read through it
  /// (`record.metadata.credits`), and for an HTML page its figure captions and what the page
  /// says about itself.
  @dynamicMemberLookup
  public struct Metadata: Codable, Sendable, Equatable {
    /// Credits, tags, source line and breadcrumb, as the structure analysis found them.
    public var layout: LayoutMetadata
    /// Figure captions and photo credits of an HTML page (absent for plain text).
    public var captions: [String]?
    /// What an HTML page says about itself (absent for plain text).
    public var page: Page?

    /// Creates metadata; every part defaults to empty.
    public init(
      _ layout: LayoutMetadata = LayoutMetadata(), captions: [String]? = nil, page: Page? = nil
    ) {
      self.layout = layout
      self.captions = captions
      self.page = page
    }

    /// The structure analysis's parts, read as the metadata's own (`metadata.sourceLine`).
    public subscript<Value>(dynamicMember keyPath: KeyPath<LayoutMetadata, Value>) -> Value {
      layout[keyPath: keyPath]
    }

    enum PageKeys: String, CodingKey {
      case captions, page
    }

    /// Reads the layout's keys from the same JSON object, then `captions` and `page` when present.
    public init(from decoder: Decoder) throws {
      layout = try LayoutMetadata(from: decoder)
      let container = try decoder.container(keyedBy: PageKeys.self)
      captions = try container.decodeIfPresent([String].self, forKey: .captions)
      page = try container.decodeIfPresent(Page.self, forKey: .page)
    }

    /// The layout's keys (every one, `null` when absent), then the page's when there is one.
    public func encode(to encoder: Encoder) throws {
      try layout.encode(to: encoder)
      var container = encoder.container(keyedBy: PageKeys.self)
      try container.encodeIfPresent(captions, forKey: .captions)
      try container.encodeIfPresent(page, forKey: .page)
    }
  }

  /// An HTML page's own metadata (title, authors, publication and modification dates with their
  /// source, site name, canonical URL, declared language, description): HTMLExtraction's
  /// reading, taken as it is. Absent fields were not on the page.
  public typealias Page = PageMetadata

  /// A removed line and the rule that removed it.
  public typealias Removal = RemovedLine

  enum CodingKeys: String, CodingKey {
    case schema, id, source, published, lang, scripts, title, standfirst, text, paragraphs,
      metadata,
      removed, names, dates, references, findings, input
  }

  /// Writes every key in schema order, `null` for absent optionals (the record's shape).
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
  /// Writes every key, `null` for an absent URL or publisher (the record's shape).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encodeIfPresent(line, forKey: .line)
    try container.encode(url, forKey: .url)
    try container.encode(publisher, forKey: .publisher)
  }
}
