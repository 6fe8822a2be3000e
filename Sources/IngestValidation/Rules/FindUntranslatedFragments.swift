import ByteSupport
import NormalizeCore

/// Finds fragments of another language inside English sentences, as machine or hasty
/// translation leaves them: "23 ore ago" (Italian "ore" = hours, English "ago"), "3 Stunden
/// ago". The pattern is a number, a word that is not an English time unit, then "ago".
public struct FindUntranslatedFragments: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "find-untranslated-fragments"
  /// The finding codes this rule reports.
  public static let codes = ["untranslated-fragment"]

  /// Creates the rule.
  public init() {}

  /// English time units (singular and plural) and words that may stand between a number and "ago".
  static let englishUnits: Set<String> = [
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day",
    "days", "week", "weeks", "month", "months", "year", "years", "yrs", "decade", "decades",
    "century", "centuries",
    "millennia", "millennium", "fortnight", "fortnights", "more", "full", "long", "short", "odd",
    "million", "billion",
    "thousand", "hundred", "moons", "generations", "generation", "lifetimes", "seasons", "season",
    "games", "matches",
    "races", "elections", "sessions", "episodes", "km", "miles", "and", "h", "m", "s", "d", "y",
    "wks", "mos",
  ]

  private static let spaceAgo = Array(" ago".utf8)

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    if let lang = article.lang, !lang.hasPrefix("en") { return }
    scan(article.text, field: nil, into: &findings)
    if let title = article.title { scan(title, field: "title", into: &findings) }
  }

  private func scan(_ text: String, field: String?, into findings: inout [Finding]) {
    ByteText.withBytes(text) { bytes in
      let count = bytes.count
      var index = 1
      // " ago" followed by a non-word byte: the next " ago" found by the C library (every
      // index before it fails the test below).
      while index + 3 <= count {
        index = ByteSearch.next(Self.spaceAgo, anchor: 2, in: bytes, from: index - 1) + 1
        guard index + 3 <= count else { break }
        guard bytes[index] == 0x61, bytes[index + 1] == 0x67, bytes[index + 2] == 0x6F,
          bytes[index - 1] == 0x20,
          index + 3 == count || !ByteText.isWordByte(bytes[index + 3])
        else {
          index += 1
          continue
        }
        defer { index += 3 }
        // The word before: letters (any script) back to a space.
        var unitStart = index - 1
        while unitStart > 0, bytes[unitStart - 1] != 0x20, ByteText.isWordByte(bytes[unitStart - 1])
        { unitStart -= 1 }
        let unitEnd = index - 1
        guard unitStart < unitEnd, unitStart > 0, bytes[unitStart - 1] == 0x20 else { continue }
        // Digits just before it (possibly glued to a word: "News23 ore ago").
        var digitsStart = unitStart - 1
        while digitsStart > 0, bytes[digitsStart - 1] >= 0x30, bytes[digitsStart - 1] <= 0x39 {
          digitsStart -= 1
        }
        guard digitsStart < unitStart - 1 else { continue }
        let unit = ByteText.string(bytes, unitStart..<unitEnd)
        guard !Self.englishUnits.contains(unit.lowercased()) else { continue }
        let start = ByteText.scalarOffset(bytes, digitsStart)
        let end =
          start + ByteText.scalarOffset(bytes, index + 3)
          - ByteText.scalarOffset(bytes, digitsStart)
        findings.append(
          Finding(
            code: "untranslated-fragment", severity: .warning, start: start, end: end, field: field,
            message:
              "\"\(unit)\" in \"… \(unit) ago\" is not English (an untranslated time unit?); translate it or remove the fragment"
          ))
      }
    }
  }
}
