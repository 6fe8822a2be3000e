import Testing

@testable import DateResolution

/// `Tokenizer.text(of:)` makes each token's text without `String(decoding:)`'s validation pass
/// when the bytes are short ASCII: it must give the same string, byte for byte, for any bytes
/// (ASCII and not, up to 15 bytes and past, valid UTF-8 and not).
@Suite struct TokenTextTests {
  /// Byte strings built from pieces: ASCII words and digits, Latin-1, Cyrillic and Hangul
  /// letters, a combining mark, a lone continuation byte, a truncated sequence, an overlong one.
  static let pieces: [[UInt8]] = [
    [], Array("may".utf8), Array("2025".utf8), Array("septembre".utf8), Array("é".utf8),
    Array("мая".utf8), Array("년".utf8), Array("\u{301}".utf8), [0x80], [0xE2, 0x82], [0xC0, 0xAF],
    Array("x".utf8),
  ]

  @Test func givesWhatStringDecodingGives() {
    var checked = 0
    for a in Self.pieces {
      for b in Self.pieces {
        for c in Self.pieces {
          let bytes = a + b + c
          let made = bytes.withUnsafeBufferPointer { Tokenizer.text(of: $0) }
          let decoded = String(decoding: bytes, as: UTF8.self)
          #expect(Array(made.utf8) == Array(decoded.utf8), "\(bytes)")
          checked += 1
        }
      }
    }
    #expect(checked == 1_728)
  }

  @Test func tokensKeepTheirText() {
    let tokens = Tokenizer.tokenize("Le 27 mai 2025, в мае — 2025년 5월 27일, antidisestablishment")
    #expect(
      tokens.map(\.text) == [
        "le", "27", "mai", "2025", ",", "в", "мае", "—", "2025", "년", "5", "월", "27", "일", ",",
        "antidisestablishment",
      ])
  }
}
