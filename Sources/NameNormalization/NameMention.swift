/// A person, place or organisation name found in an article, as the record's `names` array
/// carries it (schema `normalize.article/1`).
///
/// ```json
/// {"start": 120, "end": 131, "text": "Jang Se Yul", "kind": "person", "canonical": "Jang Se-yul",
///  "family": "Jang", "given": "Se-yul", "origin": "ko", "hangul": ["장세율", "장세열"],
///  "key": "ko:jang.seyul", "lexicon": null}
/// ```
///
/// Found by `NameMentionDetector`.
public struct NameMention: Codable, Sendable, Equatable {
  public var start: Int
  public var end: Int
  public var text: String
  /// "person", "place" or "organization".
  public var kind: String
  public var canonical: String
  public var family: String?
  public var given: String?
  /// Origin of the name ("ko", "uk", "ru", "zh", "ja", …) when known.
  public var origin: String?
  /// "family-first" or "given-first" as written ("Yeonmi Park" is given-first), for Korean names.
  public var order: String?
  /// Hangul candidates, best first, for Korean names.
  public var hangul: [String]?
  /// Romanisation-independent matching key.
  public var key: String?
  /// The lexicon entry the canonical form came from, if any.
  public var lexicon: String?
  /// Field the offsets count in when not `text`.
  public var field: String?
  /// True for a mention that is only part of a name — a lone surname after a title ("Mr. Lee")
  /// or a later short form linked to the full name ("Zelensky said"); nil for full mentions.
  public var partial: Bool?

  public init(
    start: Int, end: Int, text: String, kind: String, canonical: String, family: String? = nil,
    given: String? = nil, origin: String? = nil, order: String? = nil, hangul: [String]? = nil,
    key: String? = nil,
    lexicon: String? = nil, field: String? = nil, partial: Bool? = nil
  ) {
    self.start = start
    self.end = end
    self.text = text
    self.kind = kind
    self.canonical = canonical
    self.family = family
    self.given = given
    self.origin = origin
    self.order = order
    self.hangul = hangul
    self.key = key
    self.lexicon = lexicon
    self.field = field
    self.partial = partial
  }
}
