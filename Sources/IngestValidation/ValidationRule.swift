import DateResolution
import NameNormalization
import NormalizeCore
import TextCleaning

/// What an article-level rule sees: the cleaned text and title, the publication date, the
/// annotations already made, and the raw input text.
public struct ArticleContext: Sendable {
  /// The record's cleaned body text; spans count in it.
  public var text: String
  /// The record's title.
  public var title: String?
  /// The publication date (YYYY-MM-DD), if known.
  public var published: String?
  /// Name mentions (spans in `text` unless `field` says otherwise).
  public var names: [NameMention]
  /// Temporal expressions with their TIMEX3 values.
  public var dates: [TemporalMention]
  /// The article text as read, before cleaning; findings on it use `field: "input.text"`.
  public var rawText: String {
    didSet { rawSummary = RawTextSummary(rawText) }
  }
  /// What one pass over `rawText` found (carriage returns, surely NFC), so the raw-text rules
  /// skip the scans that cannot find anything.
  public private(set) var rawSummary: RawTextSummary
  /// The record's language (BCP 47), if known.
  public var lang: String?
  /// The raw strings of the reference section (field "references[i]").
  public var references: [String]
  /// What the cleaning stage's repair passes repaired, placed in the record; nil when the
  /// mojibake repair did not run (`--disable-pass fix-mojibake`), so rules look at `text`.
  public var repairs: [LocatedRepair]?
  /// The boilerplate rules' answers for the lines the structure analysis matched
  /// (``ArticleLayout/boilerplateVerdicts``), so `find-leftover-boilerplate` does not match
  /// them again; empty when the text did not come from the analysis.
  public var boilerplateVerdicts: BoilerplateVerdicts

  /// Bundles what the rules read about one article.
  public init(
    text: String, title: String?, published: String?, names: [NameMention],
    dates: [TemporalMention], rawText: String,
    lang: String? = nil, references: [String] = [], repairs: [LocatedRepair]? = nil,
    boilerplateVerdicts: BoilerplateVerdicts = BoilerplateVerdicts()
  ) {
    self.boilerplateVerdicts = boilerplateVerdicts
    self.references = references
    self.repairs = repairs
    self.text = text
    self.title = title
    self.published = published
    self.names = names
    self.dates = dates
    self.rawText = rawText
    self.rawSummary = RawTextSummary(rawText)
    self.lang = lang
  }
}

/// One validation rule over one article, in the manner of swift-format's rules: a stable
/// kebab-case `id`, the codes it can report, and a check that appends findings.
///
/// Rules live one per file in `Rules/`; `ArticleValidator.rules` is their ordered registry.
public protocol ValidationRule: Sendable {
  /// The rule's id, the kebab-case of its type name ("find-placeholders").
  static var id: String { get }
  /// The finding codes the rule reports.
  static var codes: [String] { get }
  /// Appends the rule's findings about `article`.
  func check(_ article: ArticleContext, into findings: inout [Finding])
}
