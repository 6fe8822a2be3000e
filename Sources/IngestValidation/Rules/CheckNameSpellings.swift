import NameNormalization
import NormalizeCore

/// Finds one person spelled two ways within an article ("Zelensky" and "Zelenskyy": mentions
/// with the same key whose spellings differ by more than case, spacing, hyphens or a dropped
/// given name) and one spelling tied to two different people.
public struct CheckNameSpellings: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "check-name-spellings"
  /// The finding codes this rule reports.
  public static let codes = ["name-spelling-varies", "ambiguous-name"]

  /// Creates the rule.
  public init() {}

  /// Lower-cased letters of each word, hyphens, dots and apostrophes removed: "Yong-won" →
  /// "yongwon". Two spellings are the same when their folded words are equal or one's words are
  /// a subset of the other's (a partial mention).
  public static func foldedWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if scalar == " " || scalar == "\u{A0}" || scalar == "\n" {
        if !current.isEmpty { words.append(String(current)) }
        current = String.UnicodeScalarView()
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.append(scalar)
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// Whether two spellings are mere variants (case, spacing, hyphens, partial mention).
  public static func areVariants(_ a: String, _ b: String) -> Bool {
    let wa = foldedWords(a)
    let wb = foldedWords(b)
    if wa.joined() == wb.joined() { return true }
    let sa = Set(wa)
    let sb = Set(wb)
    return sa.isSubset(of: sb) || sb.isSubset(of: sa)
  }

  /// Whether two spellings that are not variants look like one name spelled two ways: the last
  /// words (family names in Western order) are at least three letters long and start alike
  /// ("Zelensky" / "Zelenskyy"), not detector noise ("Ralph E" / "EEE").
  public static func isRespelling(_ a: String, _ b: String) -> Bool {
    guard let lastA = foldedWords(a).last, let lastB = foldedWords(b).last, lastA.count >= 3,
      lastB.count >= 3
    else {
      return false
    }
    return lastA.prefix(2) == lastB.prefix(2)
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    var byKey: [String: [NameMention]] = [:]
    var order: [String] = []
    for mention in article.names where mention.kind == "person" {
      guard let key = mention.key else { continue }
      if byKey[key] == nil { order.append(key) }
      byKey[key, default: []].append(mention)
    }
    for key in order {
      guard let mentions = byKey[key] else { continue }
      var spellings: [NameMention] = []
      for mention in mentions
      where !spellings.contains(where: { Self.areVariants($0.text, mention.text) }) {
        spellings.append(mention)
      }
      guard spellings.count > 1, let first = spellings.first else { continue }
      for other in spellings.dropFirst() where Self.isRespelling(first.text, other.text) {
        findings.append(
          Finding(
            code: "name-spelling-varies", severity: .warning, start: other.start, end: other.end,
            field: other.field,
            message:
              "\"\(other.text)\" and \"\(first.text)\" name the same person (\(first.canonical)) spelled two ways; use one spelling"
          ))
      }
    }
    // One spelling, two people: full mentions whose folded text is equal but keys differ.
    var keysBySpelling: [String: (key: String, mention: NameMention)] = [:]
    for mention in article.names where mention.kind == "person" && mention.partial != true {
      guard let key = mention.key else { continue }
      let folded = Self.foldedWords(mention.text).joined(separator: " ")
      guard folded.contains(" ") else { continue }
      if let seen = keysBySpelling[folded], seen.key != key {
        findings.append(
          Finding(
            code: "ambiguous-name", severity: .info, start: mention.start, end: mention.end,
            field: mention.field,
            message:
              "\"\(mention.text)\" is read as two different people (\(seen.mention.canonical) and \(mention.canonical)); add a lexicon entry to settle it"
          ))
      } else {
        keysBySpelling[folded] = (key, mention)
      }
    }
  }
}
