/// Dates and durations used as adjectives: the determiner before them belongs to the noun they
/// modify, not to the temporal expression. TimeML marks "the [October 1998] shooting", "a
/// [third-quarter] loss", "the [14-day] waiting period", "The [year-ago] results", but keeps it
/// where the temporal word is the head: "[the third quarter] declined", "[the 1990s]".
extension Grammar {
  /// `c` without its leading "the", "a" or "an" when what follows the determiner is attributive
  /// (a month, a year, a hyphenated compound or a count before a singular unit) and a noun
  /// follows on the same line; `c` itself otherwise. English only (no grammar lexicon).
  ///
  /// ```text
  /// since the January 1998 bombing     → "January 1998"
  /// reported a third-quarter loss      → "third-quarter"
  /// during the two day rally           → "two day"
  /// in the 1960s, followed …           → "the 1960s" (no noun after it)
  /// ```
  func leavingDeterminerToNoun(_ c: Candidate) -> Candidate {
    guard lexMasks.isEmpty, c.end - c.start >= 2,
      isWord(c.start, "the") || isWord(c.start, "a") || isWord(c.start, "an"),
      isAttributive(from: c.start + 1, to: c.end), modifiesNoun(at: c.end)
    else { return c }
    var trimmed = c
    trimmed.start = c.start + 1
    return trimmed
  }

  /// Whether tokens `start..<end` read as a prenominal modifier, with no "of" in them: they end
  /// in a number (a year, "January 1998"), a month name, a hyphenated compound ending in a singular word
  /// ("14-day", "year-ago", "late-November") or a singular unit after a count ("two day").
  private func isAttributive(from start: Int, to end: Int) -> Bool {
    let last = end - 1
    guard last >= start else { return false }
    // "the end of 1986", "the first quarter of 1987": the head comes first and keeps "the".
    for k in start..<end where isWord(k, "of") { return false }
    if tokens[last].kind == .number { return true }
    guard let w = word(last) else { return false }
    if lexicalValue(last, in: EnglishTables.months) != nil, tokens[last].isCapitalized {
      return true
    }
    if w.hasSuffix("s") { return false }
    if last > start, isHyphen(last - 1), tokens[last - 1].isAttached, tokens[last].isAttached {
      return true
    }
    if let (_, _, plural) = unit(last), !plural, last > start,
      number(last - 1) != nil || lexicalValue(last - 1, in: EnglishTables.numberWords) != nil
    {
      return true
    }
    return false
  }

  /// Whether token `k` is a noun the expression before it can modify: a word on the same line,
  /// after a space, that is no date word ("quarter", "ago") and no function word or verb that
  /// ends the phrase ("of", "was", "ended"). A holiday's first word not followed by "Day" is a
  /// noun ("the November 2020 election", "the 1998 labor contract").
  private func modifiesNoun(at k: Int) -> Bool {
    guard k < tokens.count, tokens[k].kind == .word, tokens[k].spaceBefore,
      tokens[k].newlinesBefore == 0,
      classes[k].isEmpty || isWord(k, in: Self.holidayFirstWords) && !isWord(k + 1, "day")
    else { return false }
    return !isWord(k, in: Self.phraseEnders)
  }

  /// Words that start a holiday only before "Day" ("Election Day", "Labor Day").
  static let holidayFirstWords: WordHash.Table<Bool> = WordHash.Table(words: [
    "election", "labor", "memorial", "independence",
  ])

  /// Words after an expression that end its phrase rather than head it.
  static let phraseEnders: WordHash.Table<Bool> = WordHash.Table(words: [
    "of", "and", "or", "nor", "but", "to", "on", "by", "with", "from", "than", "as", "into",
    "after", "before", "since", "until", "till", "in", "at", "for", "about", "around", "over",
    "under", "up", "down", "out", "off", "per", "via", "amid", "among", "despite", "toward",
    "towards", "following", "ago", "earlier", "later", "alike", "both", "each", "either",
    "against", "between", "during", "without", "through", "because", "if", "so", "then", "when",
    "where", "while", "which", "who", "whom", "whose", "that", "what", "is", "was", "were", "are",
    "be", "been", "being", "has", "had", "have", "will", "would", "could", "can", "may", "might",
    "should", "must", "shall", "did", "does", "do", "not", "also", "alone", "only", "just",
    "ended", "ending", "began", "saw", "brought", "he", "she", "it", "they", "we", "i", "you",
    "there", "his", "her", "its", "their", "our", "my", "your", "s", "t",
  ])
}
