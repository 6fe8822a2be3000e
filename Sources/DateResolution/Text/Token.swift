/// One token of the text the tagger works on: a word, a number, one punctuation scalar, or one
/// ideograph / Hangul syllable (scripts written without spaces are split per scalar, so that
/// "23小时前" and "23시간 전" match CLDR phrases tokenised the same way).
struct Token: Sendable {
  enum Kind: UInt8, Sendable {
    case word, number, punctuation, ideograph
  }

  /// Scalar offsets into the text, end exclusive.
  var start: Int
  var end: Int
  var kind: Kind
  /// Lowercased text (words), the digits (numbers) or the scalar (punctuation).
  var text: String
  /// The first letter is uppercase ("May" the month, not "may" the verb).
  var isCapitalized = false
  /// Whitespace precedes the token.
  var spaceBefore = false
  /// A line break precedes the token (2 or more: a paragraph break).
  var newlinesBefore: UInt8 = 0
  /// The value of a number token with at most nine digits; -1 otherwise.
  var number: Int = -1
  /// The digit count of a number token ("05" → 2).
  var digits: Int = 0
  /// Index of the sentence the token is in.
  var sentence: Int = 0
  /// Index of the paragraph the token is in.
  var paragraph: Int = 0
  /// `WordHash` of `text`, for every token.
  var hash: UInt32 = 0
  /// `text` is in NFC and no other string in NFC equals it under Unicode equivalence, so it
  /// equals a lexicon word (always NFC) exactly when their bytes are equal: ASCII, Latin-1 and
  /// basic Cyrillic words, numbers, ASCII punctuation, ideographs other than the compatibility
  /// ones. Hash filters may turn away only such tokens (`WordHash.Filter.mayContain(_:)`).
  var isPlain = false

  /// Whether the text is `word`, answering as `text == word` does when `word` is in NFC (code
  /// literals and lexicon words are): a plain token then equals it exactly when their bytes are
  /// equal, so a different length answers at once, without the Unicode-equivalence comparison
  /// that "—" against "'" would cost.
  ///
  /// ```swift
  /// token.hasText(nfc: "’")   // false at once for the token ","; true for "’"
  /// ```
  @inline(__always) func hasText(nfc word: String) -> Bool {
    TokenWord(token: text, isPlain: isPlain) == TokenWord(stringLiteral: word)
  }

  /// The token is directly attached to the previous one (no whitespace between).
  var isAttached: Bool { !spaceBefore && newlinesBefore == 0 }
}

extension [Token] {
  /// `self[index].text`, read where the token is: subscripting the array would copy the whole
  /// token (retaining and releasing its text) to hand back one field.
  ///
  /// ```swift
  /// let tokens = Tokenizer.tokenize("Sie kommt am 3. Mai")
  /// tokens.text(at: 4)   // "mai"
  /// tokens.text(at: 99)  // "": no token there, as a rule looking past the text's end expects
  /// ```
  @inline(__always) func text(at index: Int) -> String {
    guard index >= 0 && index < count else { return "" }
    return withUnsafeBufferPointer { buffer in
      // A pointer to the field itself: loading `buffer[index].text` copies the whole token.
      guard let base = buffer.baseAddress, let field = (base + index).pointer(to: \Token.text)
      else { return "" }
      return field.pointee
    }
  }
}
