/// What `TitleAnalyzer` finds in a reference's title.
///
/// ```swift
/// // 消息:俄乌战俘互换名单中未含两名朝军 [News: Two North Korean soldiers …]
/// TitleAnalysis(title: "消息：俄乌战俘互换名单中未含两名朝军", language: "zh-Hans", script: "Hans",
///               translated: "News: Two North Korean soldiers …", translationSource: nil,
///               romanized: "Xiaoxi: E Wu zhanfu huhuan mingdan zhong wei han liang ming chaojun")
/// ```
public struct TitleAnalysis: Sendable, Equatable {
  /// The title in its own language, punctuation normalised, without quotes or the final stop.
  public var title: String
  /// BCP 47 tag of the title's language ("zh-Hans", "ja", "ko", "uk", "ru", "de"), nil when unsure.
  public var language: String?
  /// ISO 15924 code of the title's main script ("Latn", "Cyrl", "Hans", "Hant", "Jpan", "Kore").
  public var script: String?
  /// The English translation: given in the reference, or from a glossary.
  public var translated: String?
  /// "glossary" when Normalize made the translation; nil when the reference gave it.
  public var translationSource: String?
  /// The title in Latin letters, for non-Latin scripts.
  public var romanized: String?

  /// Creates an analysis.
  public init(
    title: String, language: String? = nil, script: String? = nil, translated: String? = nil,
    translationSource: String? = nil,
    romanized: String? = nil
  ) {
    self.title = title
    self.language = language
    self.script = script
    self.translated = translated
    self.translationSource = translationSource
    self.romanized = romanized
  }
}
