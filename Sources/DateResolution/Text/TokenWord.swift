/// A word token's text as the rules compare it with code literals (`Grammar.tokenWord(_:)`):
/// `w == "today"` and `switch w { case "today": … }` answer as they do on the `String`, but a
/// plain token (`Token.isPlain`) whose UTF-8 length differs from the literal's answers at once,
/// as `Token.hasText(nfc:)` does, without the Unicode comparison every failed `String ==`
/// calls (~31 instructions; `Grammar.relativeCore` made ~270,000 of them on the bench sample).
///
/// ```swift
/// guard let w = tokenWord(j) else { return nil }   // the token "yesterday"
/// w == "today"       // false on the lengths alone
/// w == "yesterday"   // true
/// w.text             // "yesterday", for a lookup in a set of strings
/// ```
struct TokenWord: Equatable, ExpressibleByStringLiteral {
  /// The token's lowercased text, or the literal.
  let text: String
  /// A plain token's text (`Token.isPlain`): it equals a word in NFC exactly when their bytes
  /// are equal.
  let isPlain: Bool
  /// A code literal: in NFC, as every literal the rules compare with ("today", "year").
  let isLiteral: Bool

  init(token text: String, isPlain: Bool) {
    self.text = text
    self.isPlain = isPlain
    isLiteral = false
  }

  init(stringLiteral value: String) {
    text = value
    isPlain = false
    isLiteral = true
  }

  @inline(__always) static func == (lhs: TokenWord, rhs: TokenWord) -> Bool {
    if (lhs.isPlain && rhs.isLiteral) || (lhs.isLiteral && rhs.isPlain),
      lhs.text.utf8.count != rhs.text.utf8.count
    {
      return false
    }
    return lhs.text == rhs.text
  }
}

extension Grammar {
  /// The word at `i` for comparing with literals (`TokenWord`), as `word(i)` gives its text.
  @inline(__always) func tokenWord(_ i: Int) -> TokenWord? {
    guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .ideograph else {
      return nil
    }
    return TokenWord(token: tokens.text(at: i), isPlain: tokens[i].isPlain)
  }
}
