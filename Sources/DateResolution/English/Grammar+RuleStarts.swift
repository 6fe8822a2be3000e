/// Which rules can start at a token, judged by its kind before any rule runs: most trigger
/// positions find nothing, and a rule that needs a word or a number at its first token fails
/// there anyway ("9" never starts "yesterday", an apostrophe never starts "three years").
extension Grammar {
  /// The English rules that need a certain kind of token at their start (the lexicon and CLDR
  /// rules are always tried).
  struct RuleStarts: OptionSet {
    let rawValue: UInt8
    /// `relativeExpression`: a word ("yesterday", "the year-ago quarter", "Friday").
    static let relative = RuleStarts(rawValue: 1)
    /// `durationOrShift`: a word or a number ("three years", "more than 20 days", "5 hours").
    static let duration = RuleStarts(rawValue: 2)
    /// `referenceOrSet`: a word ("now", "the future", "daily", "every Monday").
    static let referenceOrSet = RuleStarts(rawValue: 4)
    /// `timeExpression`: a number ("10:35 a.m.", "1630 EST") or "noon", "midnight", "midday".
    static let time = RuleStarts(rawValue: 8)
    /// `modifiedExpression`: a word, a number, or punctuation before a number (the apostrophe
    /// of "the '90s").
    static let calendar = RuleStarts(rawValue: 16)
    static let all: RuleStarts = [.relative, .duration, .referenceOrSet, .time, .calendar]
  }

  /// The rules that can start at token `i`: words start all but clock times (bar "noon",
  /// "midnight", "midday"), numbers calendar dates, durations and clock times, punctuation only
  /// a calendar date and only before a number ("'90s"; an apostrophe elsewhere starts none).
  @inline(__always) func ruleStarts(at i: Int) -> RuleStarts {
    switch tokens[i].kind {
    case .number: return [.calendar, .duration, .time]
    case .punctuation:
      return i + 1 < tokens.count && tokens[i + 1].kind == .number ? .calendar : []
    case .word, .ideograph:
      if tokens[i].hasText(nfc: "noon") || tokens[i].hasText(nfc: "midnight")
        || tokens[i].hasText(nfc: "midday")
      {
        return .all
      }
      return [.calendar, .relative, .duration, .referenceOrSet]
    }
  }

  /// Whether `layout` can match at `i` judging by its first element: a number slot needs a
  /// number ("27" of "27 maggio 2025"), a month name a word ("мая" of "мая 2025").
  @inline(__always) func layoutMayStart(_ layout: DateLayout, at i: Int) -> Bool {
    guard let first = layout.elements.first else { return true }
    switch first {
    case .year, .day, .monthNumber: return number(i) != nil
    case .monthName: return tokens[i].kind == .word || tokens[i].kind == .ideograph
    case .literal: return true
    }
  }
}
