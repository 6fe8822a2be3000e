import NormalizeCore

/// One article as read from the input, before analysis.
public struct ArticleInput: Sendable {
  public var id: String
  public var text: String
  /// The page, decoded, when the input is HTML (a file, or a JSON Lines `html` field); `text`
  /// is then empty (the main text is read from the page) or, when given beside `html`, the body.
  public var html: String?
  /// Where `published` came from when not from the input itself ("html-meta", "url", …).
  public var publishedFrom: String?
  public var title: String?
  /// The publication date as given (checked later).
  public var published: String?
  public var url: String?
  public var lang: String?
  public var file: String
  public var line: Int?
  /// Fields the input had beyond the known ones, passed through under `input`.
  public var passthrough: [String: JSONValue]
  /// Problems met while reading (invalid UTF-8, with byte offsets into the file).
  public var findings: [Finding]

  public init(
    id: String, text: String, title: String? = nil, published: String? = nil, url: String? = nil,
    lang: String? = nil, file: String = "-", line: Int? = nil,
    passthrough: [String: JSONValue] = [:],
    findings: [Finding] = [], html: String? = nil
  ) {
    self.html = html
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
