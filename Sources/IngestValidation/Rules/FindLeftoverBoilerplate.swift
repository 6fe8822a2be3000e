import ByteSupport
import NormalizeCore
import TextCleaning

/// Finds page furniture left in the body after cleaning: comment-form headings ("Leave a
/// reply", "Lascia un commento"), share and subscribe prompts, view counters, copyright lines,
/// "Read more" and "Related articles" lines. A line counts when one of TextCleaning's
/// `boilerplate.tsv` rules for the article's language (then English and `all/`) matches all of
/// it (``BoilerplateLines``): the rules the structure analysis drops lines with, so what counts
/// as furniture is written once, and a sentence that merely mentions these words is left alone.
/// Lines the structure analysis matched already are answered from its
/// ``ArticleContext/boilerplateVerdicts`` without matching them again.
public struct FindLeftoverBoilerplate: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "find-leftover-boilerplate"
  /// The finding codes this rule reports.
  public static let codes = ["leftover-boilerplate"]

  private let lines: BoilerplateLines?

  /// Creates the rule over the `boilerplate` lexicons of `lexicons`.
  ///
  /// - Throws: `LexiconError.invalidEntry` with file and line for a malformed rule.
  public init(lexicons: any LexiconProvider) throws {
    lines = try BoilerplateLines(lexicons: lexicons)
  }

  /// Creates the rule over `lines`, whose tables may be shared with the structure analysis
  /// (``BoilerplateLines/init(sharingRulesOf:)``).
  public init(lines: BoilerplateLines) {
    self.lines = lines
  }

  /// The rule without its lexicons: it reports nothing (``ArticleValidator/defaultRules`` lists
  /// it for its id and codes).
  public init() {
    lines = nil
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    guard let lines else { return }
    let rules = lines.rules(forLanguage: article.lang)
    ByteText.withBytes(article.text) { bytes in
      var lineStart = 0
      var reported = 0
      while lineStart < bytes.count, reported < 10 {
        let lineEnd = ByteSearch.next(0x0A, in: bytes, from: lineStart)
        defer { lineStart = lineEnd + 1 }
        var start = lineStart
        while start < lineEnd, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        // Most lines of a body are running text no rule can match: decided on their bytes.
        guard start < lineEnd, lineEnd - start <= 4 * BoilerplateLines.longestLine,
          !BoilerplateLines.isRunningText(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
        else {
          continue
        }
        let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
        // The structure analysis matched most short lines already: its answer, else a match.
        let recorded = lines.recordedFurnitureRule(
          forLine: lineBytes, rules: rules, verdicts: article.boilerplateVerdicts)
        if case .some(.none) = recorded { continue }
        let line = ByteText.string(bytes, start..<lineEnd)
        guard let rule = recorded ?? lines.furnitureRule(forLine: line, rules: rules) else {
          continue
        }
        reported += 1
        let offset = ByteText.scalarOffset(bytes, start)
        findings.append(
          Finding(
            code: "leftover-boilerplate", severity: .info, start: offset,
            end: offset + line.unicodeScalars.count,
            message:
              "page furniture \"\(line)\" left in the body (boilerplate rule \(rule)); add the line to the boilerplate lexicon or strip it upstream"
          ))
      }
    }
  }
}
