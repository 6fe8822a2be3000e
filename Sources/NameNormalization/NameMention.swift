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
  /// Where the name starts, in Unicode scalars from the start of the field.
  public var start: Int
  /// Where the name ends, in Unicode scalars, exclusive.
  public var end: Int
  /// The name as written, its words joined by single spaces ("Jang Se Yul", "유용원").
  public var text: String
  /// "person", "place" or "organization".
  public var kind: String
  /// The form the name normalises to ("Jang Se-yul", "Kyiv").
  public var canonical: String
  /// The family name within `canonical` ("Jang"), when known.
  public var family: String?
  /// The given name(s) within `canonical` ("Se-yul"), when known.
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

  /// A mention with every field given; the optional ones default to unknown.
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
