/// Titles in quotation marks: a film, a programme or a book whose name holds a date word is no
/// temporal expression (TimeML marks none inside proper names).
extension Grammar {
  /// Whether the candidate lies inside a short quoted title in title case: ``High Noon'',
  /// “60 Minutes”, “The Day After”. A quotation of one word (``Tomorrow,'' he said) or one with
  /// a lowercase word (“Next week we vote”) is speech, not a title. English only: in German
  /// every noun is capitalised („Am Montag“).
  func isInQuotedTitle(_ c: Candidate) -> Bool {
    // Most candidates follow a lowercase word ("in", "the"): they are turned away first. No
    // grammar lexicon (`lexMasks` empty): the text is read as English.
    guard c.start > 0, tokens[c.start - 1].kind == .punctuation || isTitleToken(c.start - 1),
      lexMasks.isEmpty
    else { return false }
    for k in c.start..<c.end where !isTitleToken(k) { return false }
    var start = c.start
    while start > 0, c.start - start < 6, isTitleToken(start - 1) { start -= 1 }
    guard start > 0, isQuote(start - 1), tokens[start - 1].sentence == tokens[c.start].sentence
    else { return false }
    var end = c.end
    while end < tokens.count, end - c.end < 6, isTitleToken(end) { end += 1 }
    if isPunct(end, ".") || isPunct(end, ",") || isPunct(end, "!") || isPunct(end, "?") {
      end += 1
    }
    // Not the apostrophe of a possessive ("Sunday's debate").
    guard end < tokens.count, isQuote(end), !(isWord(end + 1, "s") && tokens[end + 1].isAttached)
    else { return false }
    // A capitalised word after the quotation's first token: title case, not a capital opening
    // a quoted sentence.
    return (start + 1..<c.end).contains { tokens[$0].kind == .word }
      || (c.end..<end).contains { tokens[$0].kind == .word && tokens[$0].isCapitalized }
  }

  /// A capitalised word or a number, on the candidate's line.
  private func isTitleToken(_ k: Int) -> Bool {
    guard k >= 0, k < tokens.count else { return false }
    switch tokens[k].kind {
    case .number: return true
    case .word: return tokens[k].isCapitalized
    default: return false
    }
  }

  /// An opening or closing quotation mark: ", “, ”, ‘, ’, the ` and ' of ``…''. Compared by
  /// bytes: most tokens before a candidate are a comma or a full stop.
  private func isQuote(_ k: Int) -> Bool {
    guard k >= 0, k < tokens.count, tokens[k].kind == .punctuation else { return false }
    var bytes = tokens[k].text.utf8.makeIterator()
    switch bytes.next() {
    case 0x22, 0x27, 0x60: return bytes.next() == nil  // " ' `
    case 0xE2:  // U+2018, U+2019, U+201C, U+201D: E2 80 98/99/9C/9D
      guard bytes.next() == 0x80, let last = bytes.next(), bytes.next() == nil else { return false }
      return last == 0x98 || last == 0x99 || last == 0x9C || last == 0x9D
    default: return false
    }
  }
}
