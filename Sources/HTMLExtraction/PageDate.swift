import ICUSupport
import NormalizeCore

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
  /// The years accepted: the web's.
  static let years = 1991...2100

  /// A real calendar date as `YYYY-MM-DD`, or nil.
  static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
    guard years.contains(year), CivilDate.isValid(year: year, month: month, day: day) else {
      return nil
    }
    return CivilDate(year: year, month: month, day: day).iso
  }

  /// A run of ASCII digits or ASCII letters (lowercased), with what separated it from the run
  /// before (at most 4 scalars kept).
  struct Token {
    var isNumber: Bool
    var text: String
    var separator: String
  }

  /// Splits into runs of ASCII digits and of ASCII letters, dropping the rest ("2025年5月27日"
  /// gives 2025, 5, 27 with 年 and 月 between them).
  static func tokens(_ text: String) -> [Token] {
    var result: [Token] = []
    // The run and the separator are gathered as UTF-8 and made strings once.
    var current: [UInt8] = []
    var currentIsNumber = false
    var separator = ""
    var pendingSeparator: [UInt8] = []
    var pendingScalars = 0
    func endRun() {
      result.append(
        Token(
          isNumber: currentIsNumber, text: String(decoding: current, as: UTF8.self),
          separator: separator))
      current.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars.prefix(200) {
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      let isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
      let isLetter = isUpper || (scalar.value >= 0x61 && scalar.value <= 0x7A)
      if isDigit || isLetter {
        if !current.isEmpty && currentIsNumber != isDigit {
          endRun()
          separator = ""
        }
        if current.isEmpty {
          separator = String(decoding: pendingSeparator, as: UTF8.self)
          pendingSeparator.removeAll(keepingCapacity: true)
          pendingScalars = 0
        }
        currentIsNumber = isDigit
        current.append(UInt8(truncatingIfNeeded: isUpper ? scalar.value | 0x20 : scalar.value))
      } else {
        if !current.isEmpty { endRun() }
        if pendingScalars < 4 {
          UTF8.encode(scalar) { pendingSeparator.append($0) }
          pendingScalars += 1
        }
      }
    }
    if !current.isEmpty { endRun() }
    return result
  }

  /// What may stand between the year, month and day of a numeric date.
  static let dateSeparators: Set<String> = [
    "-", "/", ".", "年", "月", "년 ", "월 ", "년", "월", "/ ", ". ",
  ]

  /// Month names and abbreviations (English), lower case: CLDR's wide and abbreviated names
  /// ("november", "nov"), read from ICU as the date resolver reads them, and "sept".
  static let monthNames: [String: Int] = {
    var names: [String: Int] = ["sept": 9]
    guard let english = try? CalendarSymbols(locale: "en") else { return names }
    for width in [CalendarSymbols.Width.wide, .abbreviated] {
      for (index, name) in english.months(width).enumerated() where !name.isEmpty {
        names[name.lowercased()] = index + 1
      }
    }
    return names
  }()

  /// Reads a date written as ISO 8601 (`2019-11-19`, `2019-11-19T13:03Z`, `2019/11/19`,
  /// `20191119`, also after other words: "기사입력 : 2018-09-28 17:32"), RFC 2822
  /// (`Tue, 19 Nov 2019 18:03:00 GMT`) or with an English month name (`November 19, 2019`,
  /// `19 November 2019`, "on Monday, November 18th, 2019 at 11:08 a.m.").
  public static func parse(_ text: String) -> String? {
    let parts = tokens(text)
    for (index, part) in parts.enumerated() where part.isNumber {
      if part.text.count == 8, index == 0, let whole = Int(part.text) {
        return format(whole / 10000, whole / 100 % 100, whole % 100)
      }
      if part.text.count == 4, index + 2 < parts.count, let year = Int(part.text),
        parts[index + 1].isNumber,
        parts[index + 2].isNumber, parts[index + 1].text.count <= 2,
        parts[index + 2].text.count <= 2,
        dateSeparators.contains(parts[index + 1].separator),
        dateSeparators.contains(parts[index + 2].separator),
        let month = Int(parts[index + 1].text), let day = Int(parts[index + 2].text),
        let date = format(year, month, day)
      {
        return date
      }
    }
    // Month names: "19 Nov 2019", "November 19, 2019", "Tue, 19 Nov 2019".
    for (index, part) in parts.enumerated() where !part.isNumber {
      guard let month = monthNames[part.text] else { continue }
      let before = index > 0 && parts[index - 1].isNumber ? Int(parts[index - 1].text) : nil
      let after = parts[(index + 1)...].prefix(4).filter(\.isNumber).prefix(2).compactMap {
        Int($0.text)
      }
      if let before, before <= 31, let year = after.first, year > 31 {
        return format(year, month, before)
      }
      if after.count >= 2, after[0] <= 31, after[1] > 31 {
        return format(after[1], month, after[0])
      }
      return nil
    }
    return nil
  }

  /// Whether a timestamp is written in UTC ("…Z", "+00:00", "GMT"): its date can be a day
  /// after the newsroom's own.
  static func isUTC(_ text: String) -> Bool {
    var trimmed = Substring(text)
    while let last = trimmed.last, last == " " || last == "\n" || last == "\t" {
      trimmed = trimmed.dropLast()
    }
    return trimmed.hasSuffix("Z") || trimmed.hasSuffix("+00:00") || trimmed.hasSuffix("+0000")
      || trimmed.hasSuffix("GMT")
      || trimmed.hasSuffix("UTC")
  }

  /// The day before a `YYYY-MM-DD` date (within ``years``).
  static func dayBefore(_ date: String) -> String? {
    guard let day = CivilDate(parsing: date) else { return nil }
    let before = day.adding(days: -1)
    return format(before.year, before.month, before.day)
  }

  /// A date in a URL's path: `/2019/11/19/`, `/2019-11-19`, `/2019/nov/18/`, `/20191119/`;
  /// `/2019/11/` is not enough (no day).
  public static func fromURL(_ url: String) -> String? {
    let found: String?
    if let ascii = asciiPath(url) { found = ascii } else { found = characterPath(url) }
    guard let path = found else { return nil }
    let all = tokens(path)
    let parts = all.map { $0.isNumber ? $0.text : "" }
    for (index, part) in parts.enumerated() {
      // "/2019/nov/18/"
      if part.count == 4, index + 2 < all.count, let year = Int(part),
        let month = monthNames[all[index + 1].text],
        all[index + 2].isNumber, let day = Int(all[index + 2].text),
        let date = format(year, month, day)
      {
        return date
      }
      if part.count == 4, index + 2 < parts.count, let year = Int(part),
        let month = Int(parts[index + 1]),
        let day = Int(parts[index + 2]), parts[index + 1].count <= 2, parts[index + 2].count <= 2,
        let date = format(year, month, day)
      {
        return date
      }
      if part.count == 8, let whole = Int(part),
        let date = format(whole / 10000, whole / 100 % 100, whole % 100)
      {
        return date
      }
    }
    return nil
  }

  /// The path of `url` (from the first "/" after "://" up to "?" or "#"), or nil when it has
  /// none, read as characters.
  private static func characterPath(_ url: String) -> String? {
    guard let schemeEnd = url.range(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
  }

  /// ``characterPath(_:)`` on the bytes of an ASCII address (nil when `url` is not ASCII, else
  /// the path or no path), where every byte is a character of its own ("\r\n" is one, but neither byte is sought).
  private static func asciiPath(_ url: String) -> String?? {
    var url = url
    return url.withUTF8 { bytes -> String?? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var index = 0
      while index + 3 <= bytes.count,
        !(bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F)
      {
        index += 1
      }
      guard index + 3 <= bytes.count else { return .some(nil) }
      var slash = index + 3
      while slash < bytes.count, bytes[slash] != 0x2F { slash += 1 }
      guard slash < bytes.count else { return .some(nil) }
      var end = slash
      while end < bytes.count, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
      return .some(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[slash..<end]), as: UTF8.self))
    }
  }
}
