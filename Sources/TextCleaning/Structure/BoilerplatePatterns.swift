import Foundation
import NormalizeCore

/// The compiled `boilerplate.tsv` rules of every language, matched against whole lines.
///
/// Patterns are written in lowercase and matched against the lowercased line (cheaper than
/// ICU's case-insensitive mode). Each language's patterns are compiled once into one alternation
/// `^(?:(p1)|(p2)|…)$`, so a line costs one regex call per language tried;
/// the wrapper group that matched names the rule. Each pattern is also compiled on its own first,
/// so a bad one is reported with its file and line.
///
/// ```text
/// # Lexicons/it/boilerplate.tsv
/// comment-heading	lascia un commento
/// related-heading	(?:ultime notizie|leggi anche|articoli correlati)\s*:?
/// ```
struct BoilerplatePatterns: Sendable {
  /// One language's alternation and, per wrapper group, the rule id.
  private struct Table: @unchecked Sendable {
    let regex: NSRegularExpression
    /// (capture group index of the wrapper, rule id), in file order.
    let groups: [(Int, String)]
  }

  /// All rules of each language (tried on short lines and lines that are not sentences).
  /// One alternation per language list tried together (for example "ru en all"), keyed by the
  /// list joined with spaces, so a line costs a single regex call.
  private let tables: [String: Table]
  private let patternLanguages: [String]

  /// Lines up to this many scalars are tried whatever their last character.
  static let shortLineLength = 100

  /// Longest line (in Unicode scalars) the patterns are tried on; longer lines are running text.
  static let maxLineLength = 320

  /// Compiles every language's `boilerplate` entries, and one combined alternation for each
  /// list ``languageList(for:)`` can return.
  ///
  /// - Parameter extraLanguages: further article languages (those with stop-word lists) that
  ///   need a combined table even without a `boilerplate.tsv` of their own.
  /// - Throws: `LexiconError.invalidEntry` for a line without exactly two fields, a rule id that
  ///   is not kebab-case, or a regex that does not compile.
  init(lexicons: any LexiconProvider, extraLanguages: [String] = []) throws {
    var perLanguage: [String: [(pattern: String, rule: String, groups: Int)]] = [:]
    var paths: [String: String] = [:]
    for language in lexicons.languages(forKind: "boilerplate") {
      let entries = try lexicons.entries(kind: "boilerplate", language: language)
      var list: [(pattern: String, rule: String, groups: Int)] = []
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
        let single: NSRegularExpression
        do {
          single = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])
        } catch {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "regex does not compile: \(pattern)")
        }
        list.append((pattern, rule, single.numberOfCaptureGroups))
      }
      perLanguage[language] = list
      paths[language] = entries.first?.path ?? "\(language)/boilerplate.tsv"
    }
    patternLanguages = perLanguage.keys.sorted()
    var tables: [String: Table] = [:]
    let articleLanguages = Set(perLanguage.keys).union(extraLanguages).union(["en"]).subtracting(["all"])
    for language in articleLanguages {
      let list = Self.list(for: language, available: Set(perLanguage.keys))
      var parts: [String] = []
      var groups: [(Int, String)] = []
      var next = 1
      for member in list {
        for item in perLanguage[member] ?? [] {
          parts.append("(\(item.pattern))")
          groups.append((next, item.rule))
          next += 1 + item.groups
        }
      }
      guard !parts.isEmpty else { continue }
      do {
        let regex = try NSRegularExpression(pattern: "^(?:" + parts.joined(separator: "|") + ")$", options: [])
        tables[list.joined(separator: " ")] = Table(regex: regex, groups: groups)
      } catch {
        throw LexiconError.invalidEntry(
          path: paths[language] ?? "\(language)/boilerplate.tsv", line: 0,
          message: "patterns do not combine into one regex")
      }
    }
    self.tables = tables
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

  /// The key of the combined table for an article in `language` (pass it to
  /// ``rule(for:scalars:endsSentence:tableKey:)``).
  func tableKey(for language: String) -> String {
    let key = Self.list(for: language, available: Set(patternLanguages)).joined(separator: " ")
    return tables[key] != nil ? key : Self.list(for: "en", available: Set(patternLanguages)).joined(separator: " ")
  }

  /// The rule id of the first pattern that matches all of the lowercased `line`, trying the
  /// article language's file, then English, then `all/` (file order within each), or nil.
  ///
  /// Lines longer than ``maxLineLength`` scalars are never matched. Lines longer than
  /// ``shortLineLength`` that end like a sentence are matched only when `atEdge` is true (the
  /// analyzer passes false today: matching every long sentence cost 3× the whole analysis on
  /// the bench sample); otherwise they are running text left to the classifier.
  func rule(for line: String, scalars: Int, endsSentence: Bool, atEdge: Bool, tableKey: String) -> String? {
    guard scalars <= Self.maxLineLength, scalars <= Self.shortLineLength || !endsSentence || atEdge,
      let table = tables[tableKey]
    else { return nil }
    let lowered = line.lowercased()
    let range = NSRange(location: 0, length: lowered.utf16.count)
    guard let match = table.regex.firstMatch(in: lowered, options: [.anchored], range: range) else { return nil }
    for (group, rule) in table.groups where match.range(at: group).location != NSNotFound {
      return rule
    }
    return nil
  }

  private static func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }
}
