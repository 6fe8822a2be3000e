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
  /// The tokens, in text order, in the first `count` elements (storage taken from a
  /// `NameTokenStorage` may be longer: what lies beyond is left from an earlier text).
  var tokens: [NameToken]
  /// The UTF-8 bytes the tokens' byte spans index.
  private(set) var bytes: [UInt8]
  /// The alias match keys of the capitalised tokens, filled by the detector
  /// (`NameToken.keyIndex`).
  var keys: [String] = []
  /// How many tokens the text has.
  let endIndex: Int

  /// Tokenizes `text` (`NameToken.tokenize`).
  init(_ text: String) {
    var storage = NameTokenStorage()
    self.init(text, storage: &storage)
  }

  /// Tokenizes `text` into the buffers of `storage` (its bytes, tokens and keys, which are
  /// left empty there): the detector gives them back (`storage()`) when it is done with the
  /// tokens, so that the next text reuses them.
  init(_ text: String, storage: inout NameTokenStorage) {
    var bytes = storage.bytes
    var tokens = storage.tokens
    keys = storage.keys
    (storage.bytes, storage.tokens, storage.keys) = ([], [], [])
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: text.utf8)
    keys.removeAll(keepingCapacity: true)
    endIndex = bytes.withUnsafeBufferPointer { NameToken.tokenize($0, into: &tokens) }
    self.bytes = bytes
    self.tokens = tokens
  }

  /// The list's buffers, for the next text (`init(_:storage:)`).
  consuming func storage() -> NameTokenStorage {
    NameTokenStorage(bytes: bytes, tokens: tokens, keys: keys)
  }

  var startIndex: Int { 0 }
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
