import Citations
import DateResolution
import NameNormalization
import NormalizeCore
import TextCleaning

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
  /// or columns, one row per line). The structure analysis's spans, taken as they are.
  public typealias Paragraph = ParagraphSpan

  /// Text that is about the article rather than part of it (credits, tags, source line,
  /// breadcrumb): the structure analysis's metadata, taken as it is.
  public typealias Metadata = LayoutMetadata

  /// A removed line and the rule that removed it.
  public typealias Removal = RemovedLine

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
