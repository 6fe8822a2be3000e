/// One entry of an alias lexicon: a canonical name with its kind, origin and the spellings that
/// stand for it (`Lexicons/<lang>/aliases.tsv`, format in Lexicons/README.md).
///
/// ```text
/// Kyiv	place	uk	Kiev|Kyyiv|Kiew|Київ|Киев
/// Volodymyr Zelenskyy	person	uk	Zelensky=41|Zelenskyy=12|Vladimir Zelensky|Володимир Зеленський	2025-01-13	2025-03-18	001|002
/// Jens Stoltenberg	person	no	Stoltenberg@2000-
/// ```
public struct AliasEntry: Sendable, Equatable, Hashable {
  /// What the name denotes.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    case person, place, organization
  }

  /// The form the name normalises to, in its conventional order ("Kyiv", "Volodymyr Zelenskyy",
  /// "Yoo Yong-won").
  public var canonical: String
  /// Whether the name is a person, a place or an organisation.
  public var kind: Kind
  /// Language of origin ("uk", "ko", …); nil for "-".
  public var origin: String?
  /// The other spellings, in file order, with their counts when the file gives them.
  public var variants: [Variant]
  /// First and last publication dates the name was seen on (built lexicons).
  public var firstSeen: String?
  /// The last publication date the name was seen on ("2025-03-18"; built lexicons).
  public var lastSeen: String?
  /// Example article ids (built lexicons).
  public var examples: [String]
  /// Where the entry is, as `path:line`.
  public var location: String

  /// One spelling that stands for the entry ("Kiev", "Київ", "Zelensky=41").
  public struct Variant: Sendable, Equatable, Hashable {
    /// The spelling as the file writes it, without its count or years ("Kiev", "Київ").
    public var text: String
    /// How many times a corpus used this spelling ("Zelensky=41"); nil when the file gives none.
    public var count: Int?
    /// The years this spelling stands for the entry ("Stoltenberg@2000-": Jens Stoltenberg in
    /// news from 2000 on, not Gerhard or Thorvald Stoltenberg in 1987); nil for always.
    public var years: ClosedRange<Int>?
    /// A spelling, with its corpus count and the years it stands for the entry when known.
    public init(text: String, count: Int? = nil, years: ClosedRange<Int>? = nil) {
      self.text = text
      self.count = count
      self.years = years
    }
  }

  /// An entry as one line of an aliases file gives it; `location` is its `path:line`.
  public init(
    canonical: String, kind: Kind, origin: String?, variants: [Variant], firstSeen: String? = nil,
    lastSeen: String? = nil, examples: [String] = [], location: String
  ) {
    self.canonical = canonical
    self.kind = kind
    self.origin = origin
    self.variants = variants
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.examples = examples
    self.location = location
  }

  /// Family name first in the canonical form: Korean, Chinese, Vietnamese and Hungarian names.
  public var isFamilyFirst: Bool { ["ko", "zh", "vi", "hu"].contains(origin ?? "") }

  /// The family name of a person (the first or last word of the canonical form).
  public var family: String? {
    guard kind == .person else { return nil }
    let words = canonical.split(separator: " ")
    guard words.count > 1 else { return canonical }
    return String(isFamilyFirst ? words[0] : words[words.count - 1])
  }

  /// The given name(s) of a person.
  public var given: String? {
    guard kind == .person else { return nil }
    let words = canonical.split(separator: " ")
    guard words.count > 1 else { return nil }
    return (isFamilyFirst ? words.dropFirst() : words.dropLast()).joined(separator: " ")
  }
}
