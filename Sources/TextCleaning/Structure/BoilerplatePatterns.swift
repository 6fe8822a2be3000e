import Foundation
import NormalizeCore

/// The compiled `boilerplate.tsv` rules of every language, matched against whole lines.
///
/// Each language's patterns are compiled once into one alternation
/// `^(?:(p1)|(p2)|…)$` (case-insensitive), so a line costs one regex call per language tried;
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

  private let tables: [String: Table]

  /// Longest line (in Unicode scalars) the patterns are tried on; longer lines are running text.
  static let maxLineLength = 320

  /// Compiles every language's `boilerplate` entries.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a line without exactly two fields or with a
  ///   regex that does not compile.
  init(lexicons: any LexiconProvider) throws {
    var tables: [String: Table] = [:]
    for language in lexicons.languages(forKind: "boilerplate") {
      let entries = try lexicons.entries(kind: "boilerplate", language: language)
      var parts: [String] = []
      var groups: [(Int, String)] = []
      var nextGroup = 1
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
          single = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
        } catch {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "regex does not compile: \(pattern)")
        }
        groups.append((nextGroup, rule))
        nextGroup += 1 + single.numberOfCaptureGroups
        parts.append("(\(pattern))")
      }
      guard !parts.isEmpty else { continue }
      let combined = "^(?:" + parts.joined(separator: "|") + ")$"
      do {
        let regex = try NSRegularExpression(pattern: combined, options: [.caseInsensitive])
        tables[language] = Table(regex: regex, groups: groups)
      } catch {
        let path = entries.first?.path ?? "\(language)/boilerplate.tsv"
        throw LexiconError.invalidEntry(path: path, line: 0, message: "patterns do not combine into one regex")
      }
    }
    self.tables = tables
  }

  /// The languages that have patterns.
  var languages: [String] { tables.keys.sorted() }

  /// The rule id of the first pattern (in `languages` order, then file order) that matches all
  /// of `line`, or nil.
  func rule(for line: String, languages: [String]) -> String? {
    let ns = line as NSString
    let range = NSRange(location: 0, length: ns.length)
    for language in languages {
      guard let table = tables[language],
        let match = table.regex.firstMatch(in: line, options: [.anchored], range: range)
      else { continue }
      for (group, rule) in table.groups where match.range(at: group).location != NSNotFound {
        return rule
      }
    }
    return nil
  }

  private static func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }
}
