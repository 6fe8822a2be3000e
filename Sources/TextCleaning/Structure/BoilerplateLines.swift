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

  /// The rules `analyzer` drops lines with, sharing its compiled tables and regexes, so a
  /// process that analyses and then validates builds them once. Answers as
  /// ``init(lexicons:)`` over the analyzer's lexicons would: a language without a rule file of
  /// its own is given English's list either way.
  public init(sharingRulesOf analyzer: ArticleStructureAnalyzer) {
    patterns = analyzer.patterns
  }

  /// Whether ``furnitureRule(forLine:language:)`` returns nil for `line` (UTF-8) whatever the
  /// language, because the line is running text: trimmed, and with runs of spaces, tabs and
  /// carriage returns counted as one, it has more than ``longestLine`` scalars, or more than
  /// 100 and ends like a sentence ("Seoul said on Thursday that … talks."). Decided on the
  /// bytes without making a string, so that a caller walking a body's lines skips most of them
  /// at the cost of one pass.
  public static func isRunningText(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    FoldedShape.isRunningText(line)
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
    let shape = copy.withUTF8 { FoldedShape($0) }
    // The lengths first, on the line's bytes: a long line or a sentence is never matched, so
    // it needs neither its folded copy nor the rule table.
    guard shape.scalars > 0, !shape.isRunningText else { return nil }
    let folded = shape.isFolded ? line : copy.withUTF8 { ParagraphSplitter.fold($0) }
    let rule = patterns.rule(
      for: folded, scalars: shape.scalars, endsSentence: shape.endsSentence,
      isASCII: shape.isASCII, atEdge: false, table: rules.table)
    return rule.flatMap { Self.notFurniture.contains($0) ? nil : $0 }
  }

  /// What ``furnitureRule(forLine:rules:)`` answers for `line` (UTF-8, one line of a body)
  /// when `verdicts` (``ArticleLayout/boilerplateVerdicts``) holds the answer because the
  /// structure analysis matched the line as it stands with the same rules: the rule id, or
  /// nil inside when the line is no page furniture. Nil outside when the line has to be
  /// matched ("Read More" joined to the line above it, a table row with its column gaps).
  ///
  /// ```swift
  /// let layout = analyzer.analyze("…\nLascia un commento", knownTitle: nil, knownLanguage: "it")
  /// lines.recordedFurnitureRule(forLine: bytesOf("Lascia un commento"), rules: lines.rules(forLanguage: "it"), verdicts: layout.boilerplateVerdicts)
  /// // .some("comment-heading")
  /// ```
  public func recordedFurnitureRule(
    forLine line: UnsafeBufferPointer<UInt8>, rules: LanguageRules, verdicts: BoilerplateVerdicts
  ) -> String?? {
    let shape = FoldedShape(line)
    // A line with spaces to trim or fold was never matched as it stands.
    guard shape.isFolded else { return nil }
    guard shape.scalars > 0, !shape.isRunningText else { return .some(nil) }
    guard
      let rule = verdicts.rule(
        for: line, scalars: shape.scalars, endsSentence: shape.endsSentence,
        isASCII: shape.isASCII, patterns: patterns, table: rules.table)
    else { return nil }
    return .some(rule.flatMap { Self.notFurniture.contains($0) ? nil : $0 })
  }

  /// What ``ParagraphSplitter/fold(_:)`` would make of a line (trimmed, runs of spaces, tabs
  /// and carriage returns folded to one space), measured on the line's bytes without making it.
  struct FoldedShape {
    /// Unicode scalars of the folded line.
    var scalars = 0
    /// Whether the folded line is all ASCII.
    var isASCII = true
    /// Whether its last scalar closes a sentence (``ParagraphFeatures/isSentenceEnder(_:)``).
    var endsSentence = false
    /// Whether the line is its own folded form (nothing to trim or fold).
    var isFolded = true

    /// Whether no rule is tried on the line: more than ``BoilerplatePatterns/maxLineLength``
    /// scalars, or more than ``BoilerplatePatterns/shortLineLength`` ending like a sentence.
    var isRunningText: Bool {
      scalars > BoilerplatePatterns.maxLineLength
        || (scalars > BoilerplatePatterns.shortLineLength && endsSentence)
    }

    /// `FoldedShape(bytes).isRunningText`, decided as soon as the scalars counted so far
    /// settle it: the last scalar first, then the scalars up to the limit it sets (a paragraph
    /// that ends like a sentence is running text past its 100th scalar, whatever follows).
    static func isRunningText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
      var lower = 0
      var upper = bytes.count
      while lower < upper, isSpace(bytes[lower]) { lower += 1 }
      while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
      let endsSentence =
        ParagraphFeatures.lastScalar(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
        .map(ParagraphFeatures.isSentenceEnder) ?? false
      let limit =
        endsSentence ? BoilerplatePatterns.shortLineLength : BoilerplatePatterns.maxLineLength
      // No more scalars than bytes: a line of at most `limit` bytes is short.
      guard upper - lower > limit else { return false }
      return foldedScalars(bytes, lower..<upper, above: limit) > limit
    }

    /// The scalars of `bytes[range]` (trimmed) counted as in `init`, a run of white space as
    /// one and every byte that does not continue a UTF-8 sequence as one; the count may stop
    /// early once it is above `limit` (it only grows). Eight bytes at a time: a lane counts
    /// unless it is a continuation byte or white space after white space.
    static func foldedScalars(
      _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, above limit: Int
    ) -> Int {
      guard let base = bytes.baseAddress else { return 0 }
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let low7 = ones &* 0x7F
      /// The high bit of every zero lane of `word`, exactly (no lane carries into the next).
      @inline(__always) func zeroLanes(_ word: UInt64) -> UInt64 {
        ~(((word & low7) &+ low7) | word | low7)
      }
      var scalars = 0
      // The high bit of the lane before the current word's first, when that byte is white space.
      var spaceBefore: UInt64 = 0
      var index = range.lowerBound
      while index + 8 <= range.upperBound {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let continuation = zeroLanes((word & (ones &* 0xC0)) ^ (ones &* 0x80))
        let space =
          zeroLanes(word ^ (ones &* 0x20)) | zeroLanes(word ^ (ones &* 0x09))
          | zeroLanes(word ^ (ones &* 0x0D))
        // Lane i after a white-space lane i - 1 (lanes in memory order: lane 0 is the lowest).
        let spaceAfterSpace = space & ((space << 8) | spaceBefore)
        scalars += 8 - continuation.nonzeroBitCount - spaceAfterSpace.nonzeroBitCount
        spaceBefore = space >> 56
        index += 8
        if scalars > limit { return scalars }
      }
      var previousSpace = spaceBefore != 0
      while index < range.upperBound {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          if !previousSpace { scalars += 1 }
          previousSpace = true
        } else {
          previousSpace = false
          if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        index += 1
      }
      return scalars
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
      var lower = 0
      var upper = bytes.count
      while lower < upper, isSpace(bytes[lower]) { lower += 1 }
      while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
      isFolded = lower == 0 && upper == bytes.count
      var previousSpace = false
      for index in lower..<upper {
        let byte = bytes[index]
        if isSpace(byte) {
          // A run of white space becomes one space.
          if previousSpace || byte != 0x20 { isFolded = false }
          if !previousSpace { scalars += 1 }
          previousSpace = true
          continue
        }
        previousSpace = false
        if byte >= 0x80 { isASCII = false }
        if byte & 0xC0 != 0x80 { scalars += 1 }
      }
      if let last = ParagraphFeatures.lastScalar(
        UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
      {
        endsSentence = ParagraphFeatures.isSentenceEnder(last)
      }
    }
  }
}
