import NormalizeCore

/// One article as read from the input, before analysis.
public struct ArticleInput: Sendable {
  /// The article id: the input's `id`, else the file name without extension ("seoul-0527" for
  /// `seoul-0527.txt`), or `FILE:LINE` for a JSON Lines line.
  public var id: String
  /// The article text as given, not yet cleaned ("유용원 의원은 지난해 3월 …"); empty when only
  /// `html` was given.
  public var text: String
  /// The page, decoded, when the input is HTML (a file, or a JSON Lines `html` field); `text`
  /// is then empty (the main text is read from the page) or, when given beside `html`, the body.
  /// Kept as ``htmlUTF8``.
  public var html: String? {
    get { htmlUTF8.map { String(decoding: $0, as: UTF8.self) } }
    set { htmlUTF8 = newValue.map { Array($0.utf8) } }
  }
  /// ``html`` as its UTF-8 bytes, as libxml2 reads it: a JSON Lines `html` field goes there
  /// straight from the line's bytes, never through a `String`.
  public var htmlUTF8: [UInt8]?
  /// Where `published` came from when not from the input itself ("html-meta", "url", …).
  public var publishedFrom: String?
  /// The headline as given (JSON Lines `title`, a sidecar's `title`); nil to take it from the text.
  public var title: String?
  /// The publication date as given (checked later).
  public var published: String?
  /// Where the article was published online, as given: the record's `source.url`, and for a page
  /// the last source of its publication date.
  public var url: String?
  /// The language as given ("uk", "zh-Hant"), trusted over the guess from scripts and stop words;
  /// nil to guess.
  public var lang: String?
  /// The input path as given, or "-" for standard input.
  public var file: String
  /// 1-based line number for JSON Lines input; nil for a whole file.
  public var line: Int?
  /// Fields the input had beyond the known ones, passed through under `input`.
  public var passthrough: [String: JSONValue]
  /// Problems met while reading (invalid UTF-8, with byte offsets into the file).
  public var findings: [Finding]

  /// Creates an article; only `id` and `text` are required ("-" stands for standard input).
  public init(
    id: String, text: String, title: String? = nil, published: String? = nil, url: String? = nil,
    lang: String? = nil, file: String = "-", line: Int? = nil,
    passthrough: [String: JSONValue] = [:],
    findings: [Finding] = [], html: String? = nil
  ) {
    self.htmlUTF8 = html.map { Array($0.utf8) }
    self.id = id
    self.text = text
    self.title = title
    self.published = published
    self.url = url
    self.lang = lang
    self.file = file
    self.line = line
    self.passthrough = passthrough
    self.findings = findings
  }
}
