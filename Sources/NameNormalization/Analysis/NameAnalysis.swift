/// Everything Normalize can say about one name on its own: what it is, its canonical form and
/// parts, its spellings in other schemes, its Hangul candidates and its matching key.
///
/// ```json
/// {"input": "Yeonmi Park", "script": "Latn", "kind": "person", "origin": "ko",
///  "canonical": "Park Yeon-mi", "family": "Park", "given": "Yeon-mi", "order": "given-first",
///  "hangul": ["박연미", …], "spellings": [], "key": "ko:bak.yonmi", "rule": "korean-syllables"}
/// ```
public struct NameAnalysis: Sendable, Equatable, Codable {
  /// The name as given, unchanged ("Yeonmi Park", "유용원", "Зеленський").
  public var input: String
  /// ISO 15924 code of the name's main script ("Latn", "Hang", "Cyrl", "Hani", "Kana").
  public var script: String
  /// "person", "place" or "organization" when a lexicon says so or the name is a Korean
  /// personal name; nil otherwise.
  public var kind: String?
  /// Language of origin ("ko", "uk", "zh", …) when a lexicon, the Korean engine or
  /// the script tells it.
  public var origin: String?
  /// The form the name normalises to ("Park Yeon-mi", "Kyiv", "Xi Jinping"); the input itself
  /// when nothing better is known.
  public var canonical: String
  /// The family name within `canonical` ("Park"); nil when unknown.
  public var family: String?
  /// The given name(s) within `canonical` ("Yeon-mi"); nil for a one-word name.
  public var given: String?
  /// "family-first" or "given-first", as the input was written (Korean names).
  public var order: String?
  /// Hangul candidates, best first (Korean names).
  public var hangul: [String]?
  /// Spellings in other schemes, best first.
  public var spellings: [NameSpelling]
  /// The romanisation-independent key all spellings of this name share.
  public var key: String
  /// How the canonical form was found: "lexicon", "korean-syllables", "korean-hangul",
  /// "transliteration" or "as-written".
  public var rule: String
  /// The alias-lexicon entry, as path:line, when one matched.
  public var lexicon: String?
  /// Why the input could not be analysed further (empty, no letters, too long).
  public var note: String?

  /// An analysis with every field given; the optional ones default to unknown.
  public init(
    input: String, script: String, kind: String? = nil, origin: String? = nil, canonical: String,
    family: String? = nil, given: String? = nil, order: String? = nil, hangul: [String]? = nil,
    spellings: [NameSpelling] = [], key: String, rule: String, lexicon: String? = nil,
    note: String? = nil
  ) {
    self.input = input
    self.script = script
    self.kind = kind
    self.origin = origin
    self.canonical = canonical
    self.family = family
    self.given = given
    self.order = order
    self.hangul = hangul
    self.spellings = spellings
    self.key = key
    self.rule = rule
    self.lexicon = lexicon
    self.note = note
  }
}
