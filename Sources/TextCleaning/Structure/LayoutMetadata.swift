/// Lines that belong to the article but not to its body: the record's `metadata`.
///
/// ```swift
/// // "(Photo: © AndKronos)"            -> credits
/// // "- North Korean soldiers in Ukraine" (trailing list) -> tags
/// // "Original Source: evrimagaci.org" -> sourceLine
/// // "Home NorthKorea Two Captured …"  -> breadcrumb
/// ```
public struct LayoutMetadata: Codable, Sendable, Equatable {
  /// Photo and image credits ("Courtesy of …", "Foto: dpa", "사진=연합뉴스"), each once.
  public var credits: [String]
  /// Tags or topics, one per entry, without list markers or a "Tags:" heading.
  public var tags: [String]
  /// The line naming where the article first appeared ("Original Source: evrimagaci.org").
  public var sourceLine: String?
  /// The navigation path above the title ("Home › Politics › Asia").
  public var breadcrumb: String?

  /// Creates metadata; every part defaults to empty.
  public init(
    credits: [String] = [], tags: [String] = [], sourceLine: String? = nil,
    breadcrumb: String? = nil
  ) {
    self.credits = credits
    self.tags = tags
    self.sourceLine = sourceLine
    self.breadcrumb = breadcrumb
  }

  enum CodingKeys: String, CodingKey {
    case credits, tags, breadcrumb
    case sourceLine = "source_line"
  }

  /// Writes every key, `null` for an absent source line or breadcrumb (the record's shape).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(credits, forKey: .credits)
    try container.encode(tags, forKey: .tags)
    try container.encode(sourceLine, forKey: .sourceLine)
    try container.encode(breadcrumb, forKey: .breadcrumb)
  }
}
