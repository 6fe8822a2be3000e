import DateResolution
import NormalizeCore

/// Checks the dates of an article against its publication date: absolute dates (to the day)
/// half a year or more after publication (a wrong year, or a planned event worth a look) and relative dates left unresolved ("on
/// Thursday" with no publication date). Impossible dates ("February 30") and a missing
/// publication date are reported by the resolver and the assembler.
public struct CheckDates: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "check-dates"
  /// The finding codes this rule reports.
  public static let codes = ["date-after-publication", "unresolved-relative-date"]

  /// How far after publication a date must be to be reported.
  public static let aheadDays = 180

  /// Creates the rule.
  public init() {}

  /// A day number (days since 0000-03-01) for comparing calendar dates, with the granularity.
  static func dayRange(_ value: String) -> (first: Int, last: Int)? {
    // YYYY, YYYY-MM or YYYY-MM-DD (a time after the date is ignored), parsed on bytes.
    var fields = [0, 0, 0]
    var digits = [0, 0, 0]
    var field = 0
    for byte in value.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        fields[field] = fields[field] * 10 + Int(byte - 0x30)
        digits[field] += 1
      } else if byte == 0x2D && field < 2 {
        field += 1
      } else if byte == 0x54 && field == 2 {
        break
      } else {
        return nil
      }
    }
    guard digits[0] == 4 else { return nil }
    let year = fields[0]
    if field == 0 { return (days(year, 1, 1), days(year, 12, 31)) }
    let month = fields[1]
    guard digits[1] == 2, (1...12).contains(month) else { return nil }
    if field == 1 { return (days(year, month, 1), days(year, month, 28) + 3) }
    let day = fields[2]
    guard digits[2] == 2, (1...31).contains(day) else { return nil }
    let d = days(year, month, day)
    return (d, d)
  }

  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
    let year = m <= 2 ? y - 1 : y
    let month = m <= 2 ? m + 9 : m - 3
    return 365 * year + year / 4 - year / 100 + year / 400 + (153 * month + 2) / 5 + d - 1
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    guard !article.dates.isEmpty else { return }
    let published = article.published.flatMap(Self.dayRange)
    var unresolved = 0
    for mention in article.dates where mention.type == "DATE" {
      // Without a publication date the resolver reports the unresolved dates itself (no-dct).
      if mention.value.utf8.first == 0x58, article.published != nil {
        unresolved += 1
        if unresolved <= 10 {
          findings.append(
            Finding(
              code: "unresolved-relative-date", severity: .info, start: mention.start,
              end: mention.end, field: mention.field,
              message:
                "\"\(mention.text)\" could not be resolved (\(mention.value)); give the publication date so relative dates resolve"
            ))
        }
        continue
      }
      // News often looks ahead by weeks or months; half a year or more ahead is more often a
      // wrong year than a plan.
      // Only absolute dates to the day ("March 17, 2027"): a bare year is usually a forecast or
      // a maturity, and a date resolved from the publication date ("next year") cannot be a
      // wrong year.
      guard let published, mention.anchor == nil, let range = Self.dayRange(mention.value),
        range.first == range.last,
        range.first > published.last + Self.aheadDays
      else { continue }
      findings.append(
        Finding(
          code: "date-after-publication", severity: .info, start: mention.start, end: mention.end,
          field: mention.field,
          message:
            "\"\(mention.text)\" (\(mention.value)) is after the publication date \(article.published ?? ""); check the year, or confirm it is a planned event"
        ))
    }
  }
}
