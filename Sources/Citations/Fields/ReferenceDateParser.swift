import ICUSupport

/// Reads dates as references write them: "(2025, May 27).", "2005,", "(2004a).", "1 февраля
/// 2006", "27.05.2025", "2025-05-27", "Spring 2019", "n.d.".
///
/// Month names come from ICU's CLDR data for the languages references are written in, so
/// "maggio", "мая", "травня", "Mai" and "mai" all read as May.
///
/// ```swift
/// ReferenceDateParser().parse("(2025, May 27).")   // DateParts(year: 2025, month: 5, day: 27)
/// ReferenceDateParser().parse("27 травня 2025")     // 2025-05-27
/// ```
struct ReferenceDateParser: Sendable {
  let months: [String: Int]

  static let locales = [
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "bg", "hr", "pl", "cs", "sv", "id", "tr",
  ]

  init() {
    var months: [String: Int] = [:]
    for locale in Self.locales {
      guard let symbols = try? CalendarSymbols(locale: locale) else { continue }
      for width in CalendarSymbols.Width.allCases {
        for (index, name) in symbols.months(width).enumerated() {
          let key = Self.fold(name)
          if key.unicodeScalars.count >= 3, months[key] == nil { months[key] = index + 1 }
        }
      }
    }
    for (index, name) in [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
    ].enumerated() {
      months[name] = index + 1
    }
    months["sep"] = 9
    self.months = months
  }

  static func fold(_ word: String) -> String {
    String(String.UnicodeScalarView(word.lowercased().unicodeScalars.filter { $0 != "." }))
  }

  /// Whether the text says "no date".
  static func isUndated(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.includes("n.d") || lowered.includes("s.d.") || lowered.includes("o.j.")
      || lowered.includes("б.г")
      || lowered.includes("no date") || lowered.includes("s.f.") || lowered == "nd"
  }

  /// The date in `text`, or nil when it has no year.
  func parse(_ text: String) -> DateParts? {
    // Words and numbers, in order.
    var items: [(word: String, number: Int?)] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty {
        let word = String(current)
        items.append((word, Int(word)))
        current = String.UnicodeScalarView()
      }
    }
    var separators: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
      if scalar.properties.isAlphabetic || isDigit {
        if let last = current.last, (last.value >= 0x30 && last.value <= 0x39) != isDigit {
          flush()
        }
        current.append(scalar)
      } else {
        flush()
        if scalar == "-" || scalar == "." || scalar == "/" { separators.append(scalar) }
      }
    }
    flush()
    guard
      let yearIndex = items.firstIndex(where: { item in
        guard let n = item.number else { return false }
        return item.word.count == 4 && n >= 1400 && n <= 2099
      }), let year = items[yearIndex].number
    else { return nil }
    var date = DateParts(year: year)
    // A month word and a day beside it.
    if let monthIndex = items.firstIndex(where: {
      months[Self.fold($0.word)] != nil && $0.number == nil
    }),
      let month = months[Self.fold(items[monthIndex].word)]
    {
      date.month = month
      for neighbour in [monthIndex + 1, monthIndex - 1]
      where neighbour >= 0 && neighbour < items.count && neighbour != yearIndex {
        if let day = items[neighbour].number, day >= 1, day <= 31, items[neighbour].word.count <= 2
        {
          date.day = day
          break
        }
      }
      return date
    }
    // Numeric forms: 2025-05-27, 27.05.2025, 27/05/2025.
    let numbers = items.compactMap(\.number)
    if numbers.count == 3, items.count == 3 {
      if yearIndex == 0, numbers[1] >= 1, numbers[1] <= 12, numbers[2] >= 1, numbers[2] <= 31 {
        date.month = numbers[1]
        date.day = numbers[2]
      } else if yearIndex == 2, numbers[1] >= 1, numbers[1] <= 12, numbers[0] >= 1,
        numbers[0] <= 31,
        !separators.contains("/")
      {
        date.month = numbers[1]
        date.day = numbers[0]
      } else if yearIndex == 2, numbers[0] >= 1, numbers[0] <= 12, numbers[1] >= 1, numbers[1] <= 31
      {
        date.month = numbers[0]
        date.day = numbers[1]
      }
    } else if numbers.count == 2, items.count == 2, yearIndex == 0, numbers[1] >= 1,
      numbers[1] <= 12,
      separators.contains("-")
    {
      date.month = numbers[1]
    }
    return date
  }
}
