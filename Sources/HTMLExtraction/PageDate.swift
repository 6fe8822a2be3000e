/// Calendar dates as pages write them in meta tags, JSON-LD, `<time datetime>` and URLs, read
/// to `YYYY-MM-DD` (the local date as written; a time and zone after it are ignored).
///
/// ```swift
/// PageDate.parse("2019-11-19T13:03:00-05:00")     // "2019-11-19"
/// PageDate.parse("Tue, 19 Nov 2019 18:03:00 GMT") // "2019-11-19"
/// PageDate.parse("November 19, 2019")              // "2019-11-19"
/// PageDate.fromURL("https://example.com/2019/11/19/vw-id-space/")  // "2019-11-19"
/// ```
public enum PageDate {
  static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
  ]

  /// The years accepted: the web's.
  static let years = 1991...2100

  /// A real calendar date as `YYYY-MM-DD`, or nil.
  static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
    guard years.contains(year), (1...12).contains(month), day >= 1 else { return nil }
    let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= days[month - 1] else { return nil }
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  /// Splits into runs of ASCII digits and of letters (lowercased), dropping the rest.
  static func tokens(_ text: String) -> [(isNumber: Bool, text: String)] {
    var result: [(Bool, String)] = []
    var current = ""
    var currentIsNumber = false
    for scalar in text.unicodeScalars.prefix(200) {
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      let isLetter = (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
      if isDigit || isLetter {
        if !current.isEmpty && currentIsNumber != isDigit {
          result.append((currentIsNumber, current))
          current = ""
        }
        currentIsNumber = isDigit
        current.unicodeScalars.append(isLetter ? Unicode.Scalar(scalar.value | 0x20) ?? scalar : scalar)
      } else if !current.isEmpty {
        result.append((currentIsNumber, current))
        current = ""
      }
    }
    if !current.isEmpty { result.append((currentIsNumber, current)) }
    return result.map { (isNumber: $0.0, text: $0.1) }
  }

  /// Reads a date written as ISO 8601 (`2019-11-19`, `2019-11-19T13:03Z`, `2019/11/19`,
  /// `20191119`), RFC 2822 (`Tue, 19 Nov 2019 18:03:00 GMT`) or with an English month name
  /// (`November 19, 2019`, `19 November 2019`).
  public static func parse(_ text: String) -> String? {
    let parts = tokens(text)
    guard let first = parts.first else { return nil }
    if first.isNumber {
      if first.text.count == 8, let whole = Int(first.text) {
        return format(whole / 10000, whole / 100 % 100, whole % 100)
      }
      if first.text.count == 4, parts.count >= 3, let year = Int(first.text), parts[1].isNumber, parts[2].isNumber,
        let month = Int(parts[1].text), let day = Int(parts[2].text)
      {
        return format(year, month, day)
      }
    }
    // Month names: "19 Nov 2019", "November 19, 2019", "Tue, 19 Nov 2019".
    for (index, part) in parts.enumerated() where !part.isNumber {
      guard let month = months[String(part.text.prefix(3))], part.text.count >= 3 else { continue }
      let before = index > 0 && parts[index - 1].isNumber ? Int(parts[index - 1].text) : nil
      let after = parts[(index + 1)...].filter(\.isNumber).prefix(2).compactMap { Int($0.text) }
      if let before, before <= 31, let year = after.first, year > 31 { return format(year, month, before) }
      if after.count >= 2, after[0] <= 31, after[1] > 31 { return format(after[1], month, after[0]) }
      return nil
    }
    return nil
  }

  /// A date in a URL's path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`, `/2019/11/` is not
  /// enough (no day).
  public static func fromURL(_ url: String) -> String? {
    guard let schemeEnd = url.range(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    let path = rest[slash...].prefix { $0 != "?" && $0 != "#" }
    let all = tokens(String(path))
    let parts = all.map { $0.isNumber ? $0.text : "" }
    for (index, part) in parts.enumerated() {
      if part.count == 4, index + 2 < parts.count, let year = Int(part), let month = Int(parts[index + 1]),
        let day = Int(parts[index + 2]), parts[index + 1].count <= 2, parts[index + 2].count <= 2,
        let date = format(year, month, day)
      {
        return date
      }
      if part.count == 8, let whole = Int(part), let date = format(whole / 10000, whole / 100 % 100, whole % 100) {
        return date
      }
    }
    return nil
  }
}
