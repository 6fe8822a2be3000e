import Foundation
import NormalizeCore

/// The compiled `boilerplate.tsv` rules of every language, matched against whole lines.
///
/// Patterns are written in lowercase and matched against the lowercased line (cheaper than
/// ICU's case-insensitive mode), each compiled once as `^(?:pattern)$`. For every pattern a
/// ``PatternPrefilter`` derives at load time what a matching line must look like: how it can
/// start, how long it can be, which literal it must contain. The patterns of an article's
/// language list are indexed by the first scalar a matching line can have, so a line only
/// reaches the regex engine for the patterns whose conditions it meets (on the bench sample,
/// about one line in fifty runs any regex at all). The result is the same as trying every
/// pattern in order: the first pattern that matches the whole lowercased line names the rule.
///
/// ```text
/// # Lexicons/it/boilerplate.tsv
/// comment-heading	lascia un commento
/// related-heading	(?:ultime notizie|leggi anche|articoli correlati)\s*:?
/// ```
struct BoilerplatePatterns: Sendable {
  /// The patterns tried for one article language (its own file, `en/`, `all/`), in order, with
  /// an index by first scalar. Immutable after init, so shared freely across threads.
  struct Table: @unchecked Sendable {
    fileprivate struct Pattern {
      let regex: NSRegularExpression
      let rule: String
      let maxLength: Int
      let prefixes: [[ScalarSet]]
      let required: [[[UInt8]]]
      /// Per required string: true when it can be searched in the line as written (no scalar
      /// of it is produced by lowercasing another scalar).
      let stable: [[Bool]]
    }

    /// One pattern in a bucket and the indices of its prefixes that can start there (empty:
    /// the pattern has no prefix condition).
    fileprivate struct Entry {
      let pattern: Int
      let prefixes: [Int]
    }

    fileprivate let patterns: [Pattern]
    /// 128 buckets for an ASCII first scalar, then 64 for non-ASCII ones by `scalar & 63`;
    /// entries in pattern order.
    fileprivate let buckets: [[Entry]]
  }

  /// One table per article language with a `boilerplate.tsv` or a stop-word list, and "en".
  private let tables: [String: Table]
  private let patternLanguages: [String]

  /// Lines up to this many scalars are tried whatever their last character.
  static let shortLineLength = 100

  /// Longest line (in Unicode scalars) the patterns are tried on; longer lines are running text.
  static let maxLineLength = 320

  /// Compiles every language's `boilerplate` entries and indexes them for each language list
  /// ``list(for:available:)`` can return.
  ///
  /// - Parameter extraLanguages: further article languages (those with stop-word lists) that
  ///   need a table even without a `boilerplate.tsv` of their own.
  /// - Throws: `LexiconError.invalidEntry` for a line without exactly two fields, a rule id that
  ///   is not kebab-case, a regex that does not compile, or a `)` that closes a group the
  ///   pattern did not open (it would escape the `^(?:…)$` wrapper).
  init(lexicons: any LexiconProvider, extraLanguages: [String] = []) throws {
    var perLanguage: [String: [Table.Pattern]] = [:]
    for language in lexicons.languages(forKind: "boilerplate") {
      let entries = try lexicons.entries(kind: "boilerplate", language: language)
      var list: [Table.Pattern] = []
      for entry in entries {
        guard entry.fields.count == 2 else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message: "expected rule<TAB>regex, found \(entry.fields.count) field(s)")
        }
        let rule = entry.fields[0]
        let pattern = entry.fields[1]
        guard Self.isKebabCase(rule) else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "rule id '\(rule)' is not kebab-case")
        }
        let regex: NSRegularExpression
        let filter: PatternPrefilter
        do {
          regex = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])
        } catch {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "regex does not compile: \(pattern)")
        }
        do {
          filter = try PatternPrefilter(pattern: pattern)
        } catch {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "unbalanced ')' in regex: \(pattern)")
        }
        list.append(
          Table.Pattern(
            regex: regex, rule: rule, maxLength: filter.maxLength ?? Int.max,
            prefixes: filter.hasPrefixCondition ? filter.prefixes : [], required: filter.required,
            stable: filter.required.map { $0.map(Self.isCaseStable) }))
      }
      perLanguage[language] = list
    }
    patternLanguages = perLanguage.keys.sorted()
    var tables: [String: Table] = [:]
    let available = Set(perLanguage.keys)
    for language in Set(perLanguage.keys).union(extraLanguages).union(["en"]).subtracting(["all"]) {
      let patterns = Self.list(for: language, available: available).flatMap { perLanguage[$0] ?? [] }
      guard !patterns.isEmpty else { continue }
      tables[language] = Self.index(patterns)
    }
    self.tables = tables
  }

  private static func index(_ patterns: [Table.Pattern]) -> Table {
    var buckets = [[Table.Entry]](repeating: [], count: 192)
    for (number, pattern) in patterns.enumerated() {
      for bucket in 0..<192 {
        if pattern.prefixes.isEmpty {
          buckets[bucket].append(Table.Entry(pattern: number, prefixes: []))
          continue
        }
        let starting = pattern.prefixes.indices.filter { index in
          guard let first = pattern.prefixes[index].first else { return true }
          return bucket < 128
            ? first.contains(UInt32(bucket)) : first.mayContainNonASCII(bucket: UInt32(bucket - 128))
        }
        if !starting.isEmpty { buckets[bucket].append(Table.Entry(pattern: number, prefixes: starting)) }
      }
    }
    return Table(patterns: patterns, buckets: buckets)
  }

  /// Whether lowercasing a line can neither create nor change any scalar of `bytes` (no ASCII
  /// letter, nothing with case, not the combining dot U+0307 that "İ" lowercases to).
  private static func isCaseStable(_ bytes: [UInt8]) -> Bool {
    String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { scalar in
      let value = scalar.value
      if value < 0x80 { return !((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) }
      return value != 0x307 && !scalar.properties.changesWhenCaseMapped
    }
  }

  /// The pattern files tried for an article in `language`: its own, English (menus and share
  /// buttons are often English on any site), then `all/`.
  private static func list(for language: String, available: Set<String>) -> [String] {
    var list = [language]
    if language != "en" { list.append("en") }
    list.append("all")
    return list.filter { available.contains($0) }
  }

  /// The languages that have a `boilerplate.tsv`.
  var languages: [String] { patternLanguages }

  /// The patterns for an article in `language` (English's list for a language without one);
  /// pass it to ``rule(for:scalars:endsSentence:isASCII:atEdge:table:)``.
  func table(for language: String) -> Table? {
    tables[language] ?? tables["en"]
  }

  /// The rule id of the first pattern that matches all of the lowercased `line`, trying the
  /// article language's file, then English, then `all/` (file order within each), or nil.
  ///
  /// Lines longer than ``maxLineLength`` scalars are never matched. Lines longer than
  /// ``shortLineLength`` that end like a sentence are matched only when `atEdge` is true (the
  /// analyzer passes false today); otherwise they are running text left to the classifier.
  ///
  /// - Parameters:
  ///   - scalars: the number of Unicode scalars in `line`.
  ///   - isASCII: whether `line` is all ASCII (its lowercase is then a byte-wise lowercase).
  func rule(
    for line: String, scalars: Int, endsSentence: Bool, isASCII: Bool, atEdge: Bool, table: Table?
  ) -> String? {
    guard scalars <= Self.maxLineLength, scalars <= Self.shortLineLength || !endsSentence || atEdge,
      let table
    else { return nil }
    var copy = line
    return copy.withUTF8 { bytes in table.rule(for: line, bytes: bytes, scalars: scalars, isASCII: isASCII) }
  }

  private static func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }
}

extension BoilerplatePatterns.Table {
  fileprivate func rule(for line: String, bytes: UnsafeBufferPointer<UInt8>, scalars: Int, isASCII: Bool) -> String? {
    let depth = PatternPrefilter.depth
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: depth + 4) { head -> String? in
      let headCount = Self.lowercasedHead(bytes, into: head, limit: depth)
      var lowered: String?
      func loweredLine() -> String {
        if let lowered { return lowered }
        let text = line.lowercased()
        lowered = text
        return text
      }
      let entries: [Entry]
      if headCount == 0 {
        entries = patterns.indices.map { Entry(pattern: $0, prefixes: []) }
      } else {
        let first = head[0]
        entries = buckets[first < 0x80 ? Int(first) : 128 + Int(first & 63)]
      }
      for entry in entries {
        let pattern = patterns[entry.pattern]
        guard scalars <= pattern.maxLength else { continue }
        if !entry.prefixes.isEmpty {
          let starts = entry.prefixes.contains { index in
            let sets = pattern.prefixes[index]
            guard sets.count <= headCount else { return false }
            for (offset, set) in sets.enumerated() where !set.contains(head[offset]) { return false }
            return true
          }
          guard starts else { continue }
        }
        var hasRequired = true
        for (setIndex, needles) in pattern.required.enumerated() {
          var found = false
          for (needleIndex, needle) in needles.enumerated() {
            if isASCII {
              found = Self.containsFoldingASCII(bytes, needle)
            } else if pattern.stable[setIndex][needleIndex] {
              found = Self.contains(bytes, needle)
            } else {
              var text = loweredLine()
              found = text.withUTF8 { Self.contains($0, needle) }
            }
            if found { break }
          }
          if !found {
            hasRequired = false
            break
          }
        }
        guard hasRequired else { continue }
        let text = loweredLine()
        let range = NSRange(location: 0, length: text.utf16.count)
        if pattern.regex.firstMatch(in: text, options: [.anchored], range: range) != nil { return pattern.rule }
      }
      return nil
    }
  }

  /// Writes the first scalars of the lowercased line (at least `limit` when the line has that
  /// many, a few more when a scalar lowercases to several) and returns how many were written.
  private static func lowercasedHead(
    _ bytes: UnsafeBufferPointer<UInt8>, into head: UnsafeMutableBufferPointer<UInt32>, limit: Int
  ) -> Int {
    var count = 0
    var index = 0
    while index < bytes.count, count < limit {
      let byte = bytes[index]
      if byte < 0x80 {
        head[count] = UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        count += 1
        index += 1
        continue
      }
      var value: UInt32
      var length: Int
      if byte < 0xE0 {
        length = 2
        value = UInt32(byte & 0x1F)
      } else if byte < 0xF0 {
        length = 3
        value = UInt32(byte & 0x0F)
      } else {
        length = 4
        value = UInt32(byte & 0x07)
      }
      length = min(length, bytes.count - index)
      for offset in 1..<max(length, 1) { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
      index += max(length, 1)
      switch value {
      case 0x410...0x42F, 0xC0...0xD6, 0xD8...0xDE:
        head[count] = value + 0x20
        count += 1
      case 0x400...0x40F:
        head[count] = value + 0x50
        count += 1
      case 0xDF...0xFF, 0x430...0x45F, 0x2000...0x20FF, 0x3000...0x9FFF, 0xAC00...0xD7A3:
        head[count] = value
        count += 1
      default:
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
          head[count] = value
          count += 1
          continue
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars where count < head.count {
          head[count] = lower.value
          count += 1
        }
      }
    }
    return count
  }

  /// Whether `haystack`, ASCII-lowercased, contains `needle`.
  private static func containsFoldingASCII(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var start = 0
    let last = haystack.count - needle.count
    while start <= last {
      let byte = haystack[start]
      if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == first {
        var offset = 1
        while offset < needle.count {
          let other = haystack[start + offset]
          if (other >= 0x41 && other <= 0x5A ? other + 0x20 : other) != needle[offset] { break }
          offset += 1
        }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  /// Whether `haystack` contains `needle`, byte for byte.
  private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var start = 0
    let last = haystack.count - needle.count
    while start <= last {
      if haystack[start] == first {
        var offset = 1
        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }
}
