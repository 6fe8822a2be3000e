/// One romanised spelling of a name and the scheme that produced it.
///
/// ```swift
/// NameSpelling(text: "Volodymyr Zelenskyi", scheme: "uk-national")
/// NameSpelling(text: "Hsi Chin-p'ing", scheme: "wade-giles")
/// ```
public struct NameSpelling: Sendable, Equatable, Hashable, Codable {
  /// The spelling ("Volodymyr Zelenskyi", "Hsi Chin-p'ing").
  public var text: String
  /// "uk-national", "bgn", "common", "pinyin", "wade-giles", "hepburn", "hepburn-ascii",
  /// "passport", or the Korean styles "rr", "mr", "yonhap".
  public var scheme: String

  /// A spelling and the scheme that produced it.
  public init(text: String, scheme: String) {
    self.text = text
    self.scheme = scheme
  }
}
