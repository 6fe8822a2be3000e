/// One reading of a romanised Korean name: its canonical display form, parts, Hangul
/// candidates and matching key.
///
/// ```swift
/// try parser.parse("Yeonmi Park").first
/// // display "Park Yeon-mi", family "Park", given "Yeon-mi", order .givenFirst,
/// // hangul ["박연미", …], key "ko:bak.yonmi"
/// ```
public struct KoreanNameReading: Sendable, Equatable, Codable {
  /// Family name first, hyphenated given name, the person's own syllable spellings with only
  /// case, spacing and hyphenation mended: "Yoo Yong-won", "Koo Byoung-sam", "Park Yeon-mi".
  public var display: String
  /// The family name as spelled ("Yoo", "Koo", "Park").
  public var family: String
  /// The given name, hyphenated ("Yong-won"); nil for a family name alone.
  public var given: String?
  /// The order the name was written in.
  public var order: NameOrder
  /// Hangul candidates for the whole name, best first ("유용원", "류용원", …).
  public var hangul: [String]
  /// A romanisation-independent key: the RR of the most likely Hangul surname and a coarse
  /// phonetic fold of each given-name syllable, so that "Yoo Yong-won", "YU YONGWON" and
  /// 유용원 all give "ko:yu.yongwon".
  public var key: String
  /// The share of this reading among the readings returned (0…1).
  public var score: Double

  /// Creates a reading.
  public init(
    display: String, family: String, given: String?, order: NameOrder, hangul: [String],
    key: String, score: Double
  ) {
    self.display = display
    self.family = family
    self.given = given
    self.order = order
    self.hangul = hangul
    self.key = key
    self.score = score
  }
}
