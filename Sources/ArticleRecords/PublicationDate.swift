import Foundation

/// Checks and normalises publication dates given by the user or the input.
///
/// ```swift
/// PublicationDate.normalize("2025-05-28")            // "2025-05-28"
/// PublicationDate.normalize("1987-02-26T15:01:01")   // "1987-02-26T15:01:01"
/// PublicationDate.normalize("2025-02-30")            // nil (no such day)
/// ```
public enum PublicationDate {
  /// The date in ISO 8601 form when it is a real calendar date (`YYYY-MM-DD`, optionally
  /// followed by `T` and a time), else nil.
  public static func normalize(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let scalars = Array(trimmed.unicodeScalars)
    guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        guard let digit = scalars[i].properties.numericType == .decimal ? Int(String(scalars[i])) : nil, scalars[i].isASCII else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), year >= 1 else { return nil }
    if scalars.count == 10 { return trimmed }
    guard scalars[10] == "T" || scalars[10] == " " else { return nil }
    return String(String.UnicodeScalarView(scalars[0..<10])) + "T" + String(String.UnicodeScalarView(scalars[11...]))
  }

  /// Days in a month of the proleptic Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
