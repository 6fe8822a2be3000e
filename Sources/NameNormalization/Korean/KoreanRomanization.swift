/// One Latin spelling of a Korean name, as `KoreanRomanizer` ranks them.
///
/// ```swift
/// romanizer.romanizations(of: "유용원").first  // KoreanRomanization(text: "Yoo Yong-won", style: .common, …)
/// ```
public struct KoreanRomanization: Sendable, Equatable, Codable {
  /// The spelling, family name first: "Yoo Yong-won", "YOO YONGWON", "Yu Yongwŏn".
  public var text: String
  /// Which convention the spelling follows.
  public var style: KoreanRomanizationStyle
  /// The model's probability of this letter sequence as the person's real spelling (0 when the
  /// spelling is a convention the model gives no weight to).
  public var score: Double

  /// Creates a spelling.
  public init(text: String, style: KoreanRomanizationStyle, score: Double) {
    self.text = text
    self.style = style
    self.score = score
  }
}

/// Romanisation conventions for Korean personal names.
public enum KoreanRomanizationStyle: String, Sendable, Codable, CaseIterable {
  /// Revised Romanization (2000) with the rules for names: surname apart, no sound changes
  /// between given-name syllables, hyphen between them ("Yu Yong-won").
  case rr
  /// McCune–Reischauer with breves and apostrophes ("Yu Yongwŏn", "Ch'oe").
  case mr
  /// Spellings people really use, ranked by the learned model ("Yoo Yong-won", "Koo Byoung-sam").
  case common
  /// News-agency style: the usual surname spelling and an RR given name, hyphenated ("Yoo Yong-won").
  case yonhap
  /// Passport style: RR letters without sound rules, capitals, fused given name ("YOO YONGWON").
  case passport
}
