import NormalizeCore

/// Word-for-word English renderings of titles from `Lexicons/<lang>/title-glossary.tsv`
/// (`source<TAB>English`), used only when the glossary covers every word of the title; a
/// partial translation is worse than none.
///
/// Chinese and Japanese titles are matched by the longest glossary entry at each position of
/// the text (they have no spaces); other languages by the longest run of words (case-folded).
///
/// ```swift
/// let glossary = try TitleGlossary(lexicons: provider)
/// glossary.translate("俄罗斯与乌克兰交换战俘", language: "zh-Hans")
/// // "Russia and Ukraine exchange prisoners of war"
/// glossary.translate("俄罗斯与乌克兰交换间谍", language: "zh-Hans")  // nil: 间谍 is not covered
/// ```
struct TitleGlossary: Sendable {
  /// language folder → source (lowercased) → English.
  let tables: [String: [String: String]]
  /// language folder → longest source, in scalars (CJK) or words (others).
  let longest: [String: Int]

  init(lexicons: any LexiconProvider) throws {
    var tables: [String: [String: String]] = [:]
    var longest: [String: Int] = [:]
    for language in lexicons.languages(forKind: "title-glossary") {
      var table: [String: String] = [:]
      for entry in try lexicons.entries(kind: "title-glossary", language: language) {
        guard entry.fields.count == 2 else {
          throw CitationsError.invalidGlossary(
            path: entry.path, line: entry.line,
            message: "expected source<TAB>English, got \(entry.fields.count) fields")
        }
        let source = entry.fields[0].lowercased()
        if let existing = table[source], existing != entry.fields[1] {
          throw CitationsError.invalidGlossary(
            path: entry.path, line: entry.line,
            message: "\"\(entry.fields[0])\" is already translated as \"\(existing)\"")
        }
        table[source] = entry.fields[1]
        let size =
          Self.isSpaceless(language)
          ? source.unicodeScalars.count : source.split(separator: " ").count
        longest[language] = max(longest[language] ?? 0, size)
      }
      tables[language] = table
    }
    self.tables = tables
    self.longest = longest
  }

  static func folder(for language: String) -> String {
    String(language.split(separator: "-").first ?? Substring(language))
  }

  static func isSpaceless(_ folder: String) -> Bool { folder == "zh" || folder == "ja" }

  /// The English translation of `title`, or nil when some word is not in the glossary.
  func translate(_ title: String, language: String) -> String? {
    let folder = Self.folder(for: language)
    guard let table = tables[folder], let maxSize = longest[folder], !table.isEmpty else {
      return nil
    }
    let result =
      Self.isSpaceless(folder)
      ? translateSpaceless(title, table: table, maxSize: maxSize)
      : translateWords(title, table: table, maxSize: maxSize)
    return result.map(TitleRomanizer.capitalizeFirst)
  }

  private func translateSpaceless(_ title: String, table: [String: String], maxSize: Int) -> String?
  {
    let scalars = Array(title.lowercased().unicodeScalars)
    var words: [String] = []
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      if ReferenceToken.isSpace(scalar) {
        i += 1
        continue
      }
      if ReferenceFeatures.isPunctuation(scalar) {
        let mark = TitleRomanizer.halfWidth(String(scalar))
        if words.isEmpty || mark == "(" || mark == "\"" {
          words.append(mark)
        } else {
          words[words.count - 1] += mark
        }
        i += 1
        continue
      }
      var matched = false
      for size in stride(from: min(maxSize, scalars.count - i), through: 1, by: -1) {
        let key = String(String.UnicodeScalarView(scalars[i..<(i + size)]))
        if let english = table[key] {
          if let last = words.last, last == "(" || last == "\"" {
            words[words.count - 1] += english
          } else {
            words.append(english)
          }
          i += size
          matched = true
          break
        }
      }
      if !matched { return nil }
    }
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  private func translateWords(_ title: String, table: [String: String], maxSize: Int) -> String? {
    // Words with the punctuation around them kept apart.
    var words: [(lead: String, word: String, trail: String)] = []
    for raw in title.lowercased().split(whereSeparator: { $0 == " " }) {
      let scalars = Array(raw.unicodeScalars)
      var lo = 0
      var hi = scalars.count
      while lo < hi, ReferenceFeatures.isPunctuation(scalars[lo]) { lo += 1 }
      while hi > lo, ReferenceFeatures.isPunctuation(scalars[hi - 1]) { hi -= 1 }
      let lead = String(String.UnicodeScalarView(scalars[0..<lo]))
      let word = String(String.UnicodeScalarView(scalars[lo..<hi]))
      let trail = String(String.UnicodeScalarView(scalars[hi...]))
      words.append((lead, word, trail))
    }
    var out: [String] = []
    var i = 0
    while i < words.count {
      if words[i].word.isEmpty {
        if out.isEmpty {
          out.append(words[i].lead + words[i].trail)
        } else {
          out[out.count - 1] += words[i].lead + words[i].trail
        }
        i += 1
        continue
      }
      var matched = false
      for size in stride(from: min(maxSize, words.count - i), through: 1, by: -1) {
        let slice = words[i..<(i + size)]
        // A phrase may not span punctuation inside it.
        if slice.dropLast().contains(where: { !$0.trail.isEmpty })
          || slice.dropFirst().contains(where: { !$0.lead.isEmpty })
        {
          continue
        }
        let key = slice.map(\.word).joined(separator: " ")
        if let english = table[key] {
          out.append(slice.first.map(\.lead).map { $0 + english } ?? english)
          if let trail = slice.last?.trail { out[out.count - 1] += trail }
          i += size
          matched = true
          break
        }
      }
      if !matched { return nil }
    }
    return out.isEmpty ? nil : out.joined(separator: " ")
  }
}
