import ByteSupport

/// The name tokens of one text together with the text's UTF-8 bytes, so that a token's word is
/// made into a string only when the detector reads it.
///
/// ```swift
/// let tokens = NameTokenList("Lawmaker Yoo Yong Won met Kim Jong-un’s envoy.")
/// tokens.map(tokens.text)   // ["Lawmaker", "Yoo", "Yong", "Won", "met", "Kim", "Jong-un", "envoy"]
/// tokens.text(tokens[1])    // "Yoo"
/// ```
///
/// Most words of running text are decided on their hash and flags (no cue, not capitalised):
/// they never become strings.
struct NameTokenList: RandomAccessCollection {
  /// The tokens, in text order.
  var tokens: [NameToken]
  /// The UTF-8 bytes the tokens' byte spans index.
  let bytes: [UInt8]
  /// The alias match keys of the capitalised tokens, filled by the detector
  /// (`NameToken.keyIndex`).
  var keys: [String] = []

  /// Tokenizes `text` (`NameToken.tokenize`).
  init(_ text: String) {
    bytes = Array(text.utf8)
    tokens = bytes.withUnsafeBufferPointer { NameToken.tokenize($0) }
  }

  var startIndex: Int { tokens.startIndex }
  var endIndex: Int { tokens.endIndex }
  subscript(position: Int) -> NameToken { tokens[position] }

  /// The word of `token` as written ("Jong-un" of "Jong-un’s").
  func text(_ token: NameToken) -> String {
    bytes.withUnsafeBufferPointer {
      String(utf8Bytes: UnsafeBufferPointer(rebasing: $0[token.byteStart..<token.byteEnd]))
    }
  }

  /// The alias match key of `token`'s word ("" until the detector fills it, and for words that
  /// are not capitalised).
  func key(_ token: NameToken) -> String {
    token.keyIndex >= 0 ? keys[token.keyIndex] : ""
  }

  /// Calls `body` with the UTF-8 bytes of the word of `token`, without making a string.
  func withBytes<R>(of token: NameToken, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[token.byteStart..<token.byteEnd]))
    }
  }
}
