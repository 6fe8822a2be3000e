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
    if let words = foldedASCIIWords(text) { return words }
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

  /// ``foldedWords(_:)`` of an ASCII spelling ("Kim Jong-un", "Lloyd J. Austin III") from its
  /// bytes, or nil when `text` is not ASCII: ASCII letters lower-cased and digits are kept,
  /// spaces and line feeds end a word, everything else is dropped.
  private static func foldedASCIIWords(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      var words: [String] = []
      var word: [UInt8] = []
      for byte in bytes {
        switch byte {
        case 0x80...: return nil
        case 0x20, 0x0A:
          if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
          word.removeAll(keepingCapacity: true)
        case 0x41...0x5A: word.append(byte | 0x20)
        case 0x61...0x7A, 0x30...0x39: word.append(byte)
        default: break
        }
      }
      if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
      return words
    }
  }

  /// Whether two spellings are mere variants (case, spacing, hyphens, partial mention).
  public static func areVariants(_ a: String, _ b: String) -> Bool {
    areVariants(foldedWords(a), foldedWords(b))
  }

  /// ``areVariants(_:_:)`` on the ``foldedWords(_:)`` of two spellings.
  static func areVariants(_ wa: [String], _ wb: [String]) -> Bool {
    if wa.joined() == wb.joined() { return true }
    let sa = Set(wa)
    let sb = Set(wb)
    return sa.isSubset(of: sb) || sb.isSubset(of: sa)
  }

  /// Whether two spellings that are not variants look like one name spelled two ways: the last
  /// words (family names in Western order) are at least three letters long and start alike
  /// ("Zelensky" / "Zelenskyy"), not detector noise ("Ralph E" / "EEE").
  public static func isRespelling(_ a: String, _ b: String) -> Bool {
    isRespelling(foldedWords(a), foldedWords(b))
  }

  /// ``isRespelling(_:_:)`` on the ``foldedWords(_:)`` of two spellings.
  static func isRespelling(_ wa: [String], _ wb: [String]) -> Bool {
    guard let lastA = wa.last, let lastB = wb.last, lastA.count >= 3,
      lastB.count >= 3
    else {
      return false
    }
    return lastA.prefix(2) == lastB.prefix(2)
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    // Each spelling is folded once per article, however many mentions it is compared with.
    var foldedBySpelling: [String: [String]] = [:]
    func folded(_ text: String) -> [String] {
      if let words = foldedBySpelling[text] { return words }
      let words = Self.foldedWords(text)
      foldedBySpelling[text] = words
      return words
    }
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
      for mention in mentions {
        let words = folded(mention.text)
        if !spellings.contains(where: { Self.areVariants(folded($0.text), words) }) {
          spellings.append(mention)
        }
      }
      guard spellings.count > 1, let first = spellings.first else { continue }
      for other in spellings.dropFirst()
      where Self.isRespelling(folded(first.text), folded(other.text)) {
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
      let words = folded(mention.text)
      // Words never hold a space: the spelling has one when it has two words or more.
      guard words.count > 1 else { continue }
      let spelling = words.joined(separator: " ")
      if let seen = keysBySpelling[spelling], seen.key != key {
        findings.append(
          Finding(
            code: "ambiguous-name", severity: .info, start: mention.start, end: mention.end,
            field: mention.field,
            message:
              "\"\(mention.text)\" is read as two different people (\(seen.mention.canonical) and \(mention.canonical)); add a lexicon entry to settle it"
          ))
      } else {
        keysBySpelling[spelling] = (key, mention)
      }
    }
  }
}
