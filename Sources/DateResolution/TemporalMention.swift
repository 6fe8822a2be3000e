/// A temporal expression in an article resolved to a TimeML TIMEX3 value, as the record's
/// `dates` array carries it (schema `normalize.article/1`).
///
/// ```json
/// {"start": 3, "end": 11, "text": "Thursday", "type": "DATE", "value": "2026-02-05", "anchor": "dct"}
/// {"start": 410, "end": 424, "text": "the late 1990s", "type": "DATE", "value": "199", "mod": "END"}
/// ```
///
/// `DateResolver.resolve(_:dct:language:)` produces them; `TimexJSONLine` writes them in the
/// `normalize date --jsonl` format.
public struct TemporalMention: Codable, Sendable, Equatable {
  /// The TIMEX3 types (TimeML 1.2.1).
  public static let types = ["DATE", "TIME", "DURATION", "SET"]
  /// The TIMEX3 `mod` values (TimeML 1.2.1); the resolver uses START, MID, END, APPROX,
  /// LESS_THAN, MORE_THAN and EQUAL_OR_MORE.
  public static let mods = [
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START", "MID", "END", "APPROX",
  ]
  /// What a value was resolved against: the publication date, or an earlier date in the text.
  public static let anchors = ["dct", "narrative"]

  /// Start of the expression: a Unicode scalar offset in `text` (or in `field`).
  public var start: Int
  /// End of the expression, exclusive.
  public var end: Int
  /// The expression as it appears in the text ("13. Dezember", "3월 27일").
  public var text: String
  /// TIMEX3 type: DATE, TIME, DURATION or SET.
  public var type: String
  /// TIMEX3 value: ISO 8601 with XX placeholders, seasons ("2024-FA"), PAST_REF, P3Y, …
  public var value: String
  /// TIMEX3 mod: START, MID, END, APPROX, …
  public var mod: String?
  /// What a relative value was resolved against: "dct", "narrative" or nil for absolute values.
  public var anchor: String?
  /// Field the offsets count in when not `text`.
  public var field: String?

  /// Creates a mention; `mod`, `anchor` and `field` are nil unless they apply.
  public init(
    start: Int, end: Int, text: String, type: String, value: String, mod: String? = nil,
    anchor: String? = nil, field: String? = nil
  ) {
    self.start = start
    self.end = end
    self.text = text
    self.type = type
    self.value = value
    self.mod = mod
    self.anchor = anchor
    self.field = field
  }
}
