import NormalizeCore

/// The `boilerplate.tsv` rules, asked about one line at a time after the structure analysis:
/// which page-furniture rule a line of a finished body still matches ("Read more", "Leave a
/// Reply", "Подписывайтесь на наш канал", "관련기사"), for checks such as IngestValidation's
/// `find-leftover-boilerplate`. The rules are the ones ``ArticleStructureAnalyzer`` drops lines
/// with, tried the same way (the article language's file, English, then `all/`), so the
/// knowledge of what page furniture looks like has one home.
///
/// ```swift
/// let lines = try BoilerplateLines(lexicons: provider)
/// lines.furnitureRule(forLine: "Read More", language: "en")         // "menu"
/// lines.furnitureRule(forLine: "Lascia un commento", language: "it")  // "comment-heading"
/// lines.furnitureRule(forLine: "Seoul, 12 March 2025", language: "en")  // nil: a date line may open a body
/// ```
public struct BoilerplateLines: Sendable {
  /// Rules that also name lines an article's body may hold (a byline or a date heading in a
  /// live blog, a bare number, a link, a gallery's "3 of 12", "The minister said:", a wire
  /// sign-off, "责任编辑：王芳"), and the ones that move a line to the record's metadata: not
  /// page furniture.
  static let notFurniture: Set<String> = [
    "byline", "date-line", "comment-counter", "url-line", "gallery-counter", "sign-off",
    "editor-line",
    BoilerplateRule.commentAuthor, BoilerplateRule.credit, BoilerplateRule.sourceLine,
    BoilerplateRule.breadcrumb, BoilerplateRule.tagsHeading, BoilerplateRule.tagLine,
    BoilerplateRule.hashtagLine, BoilerplateRule.referenceHeading,
  ]

  /// The longest line, in Unicode scalars, that a rule is tried on.
  public static let longestLine = BoilerplatePatterns.maxLineLength

  private let patterns: BoilerplatePatterns

  /// Loads the `boilerplate` lexicons of every language; the regexes compile on first use.
  ///
  /// - Throws: `LexiconError.invalidEntry` with file and line for a malformed rule.
  public init(lexicons: any LexiconProvider) throws {
    patterns = try BoilerplatePatterns(lexicons: lexicons)
  }

  /// Whether ``furnitureRule(forLine:language:)`` returns nil for `line` (UTF-8) whatever the
  /// language, because the line is running text: trimmed, and with runs of spaces, tabs and
  /// carriage returns counted as one, it has more than ``longestLine`` scalars, or more than
  /// 100 and ends like a sentence ("Seoul said on Thursday that … talks."). Decided on the
  /// bytes without making a string, so that a caller walking a body's lines skips most of them
  /// at the cost of one pass.
  public static func isRunningText(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var lower = 0
    var upper = line.count
    while lower < upper, isSpace(line[lower]) { lower += 1 }
    while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
    guard
      let last = ParagraphFeatures.lastScalar(UnsafeBufferPointer(rebasing: line[lower..<upper]))
    else { return false }
    // The scalars are counted only until they exceed the length that decides.
    let limit =
      ParagraphFeatures.isSentenceEnder(last)
      ? BoilerplatePatterns.shortLineLength : BoilerplatePatterns.maxLineLength
    var scalars = 0
    var previousSpace = false
    for index in lower..<upper {
      let byte = line[index]
      if isSpace(byte) {
        if !previousSpace { scalars += 1 }
        previousSpace = true
      } else {
        if byte & 0xC0 != 0x80 { scalars += 1 }
        previousSpace = false
      }
      if scalars > limit { return true }
    }
    return false
  }

  /// The rules for an article in one language, found once for all its lines: pass them to
  /// ``furnitureRule(forLine:rules:)``. Valid as long as this `BoilerplateLines` is.
  public struct LanguageRules {
    fileprivate let table: BoilerplatePatterns.TableReference?
  }

  /// The rules for an article in `language` (BCP 47; its primary subtag picks the rule file,
  /// English's when it has none or is nil).
  public func rules(forLanguage language: String?) -> LanguageRules {
    LanguageRules(
      table: patterns.table(for: ArticleStructureAnalyzer.lexiconLanguage(of: language)))
  }

  /// The id of the first rule that matches all of `line` (trimmed, runs of spaces folded) and
  /// names page furniture, or nil. Lines are judged as the analyzer judges a line inside the
  /// main text: a line longer than 100 scalars that ends like a sentence is running text.
  ///
  /// - Parameters:
  ///   - line: one line of a body.
  ///   - language: the article's BCP 47 language ("en", "zh-Hans"); its primary subtag picks
  ///     the rule file, English's when it has none or is nil.
  public func furnitureRule(forLine line: String, language: String?) -> String? {
    furnitureRule(forLine: line, rules: rules(forLanguage: language))
  }

  /// ``furnitureRule(forLine:language:)`` with the language's rules found already.
  public func furnitureRule(forLine line: String, rules: LanguageRules) -> String? {
    var copy = line
    let folded = copy.withUTF8 { ParagraphSplitter.fold($0) }
    guard !folded.isEmpty else { return nil }
    var features = ParagraphFeatures()
    var text = folded
    text.withUTF8 { buffer in
      features.isASCII = buffer.allSatisfy { $0 < 0x80 }
      features.scalars = buffer.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      if let last = ParagraphFeatures.lastScalar(buffer) {
        features.endsSentence = ParagraphFeatures.isSentenceEnder(last)
      }
    }
    let rule = patterns.rule(
      for: folded, scalars: features.scalars, endsSentence: features.endsSentence,
      isASCII: features.isASCII, atEdge: false, table: rules.table)
    return rule.flatMap { Self.notFurniture.contains($0) ? nil : $0 }
  }
}
