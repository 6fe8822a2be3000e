import NormalizeTestSupport
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

  /// Up to 15 ASCII bytes become a small string made from their bits
  /// (`Tokenizer.smallASCIIText`), past them `text(of:)`: for every length from 0 to 20, over
  /// letters, digits, punctuation and control bytes followed by other bytes, the string equals
  /// the one `String(decoding:)` makes, in bytes, `==` and hash; and the layout check that
  /// guards that path holds on this platform.
  @Test func shortASCIIGivesTheDecodedString() {
    #expect(Tokenizer.smallASCIILayoutHolds)
    var generator = SplitMix64(seed: 20)
    var checked = 0
    for count in 0...20 {
      for _ in 0..<200 {
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next() % 0x80) }
        // Bytes after the text are read and must not count: garbage, not zeros.
        let padded = bytes + (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let made =
          count <= 15
          ? padded.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { Tokenizer.smallASCIIText($0, count: count) } ?? ""
          }
          : bytes.withUnsafeBufferPointer { Tokenizer.text(of: $0) }
        let decoded = String(decoding: bytes, as: UTF8.self)
        #expect(Array(made.utf8) == bytes, "\(bytes)")
        #expect(made == decoded && made.hashValue == decoded.hashValue, "\(bytes)")
        #expect(made.unicodeScalars.count == decoded.unicodeScalars.count, "\(bytes)")
        checked += 1
      }
    }
    #expect(checked == 4_200)
  }

  /// A word that starts with ASCII letters and goes on in Latin-1 or Cyrillic letters is
  /// lowered scalar by scalar (`Tokenizer.simpleLowercase`): the text `lowercased()` gives,
  /// with the hash of that text, and plain; a letter outside those blocks keeps the word
  /// from being plain.
  @Test func mixedWordsLowerAsLowercased() {
    let words = [
      "FÜR", "Café", "NAÏVE", "Straße", "ÀÉÎÕÜÝÞ", "XÀÿµªº", "Ab\u{0401}\u{0416}\u{0451}",
      "Maİ", "Ağustos", "Ωmega",
    ]
    for word in words {
      let tokens = Tokenizer.tokenize(word)
      #expect(tokens.count == 1, "\(word)")
      guard let token = tokens.first else { continue }
      #expect(Array(token.text.utf8) == Array(word.lowercased().utf8), "\(word)")
      #expect(token.hash == WordHash.of(token.text), "\(word)")
      let simple = word.unicodeScalars.allSatisfy {
        $0.isASCII || Tokenizer.simpleLowercase($0.value) != nil
      }
      #expect(token.isPlain == simple, "\(word)")
    }
  }

  @Test func tokensKeepTheirText() {
    let tokens = Tokenizer.tokenize("Le 27 mai 2025, в мае — 2025년 5월 27일, antidisestablishment")
    #expect(
      tokens.map(\.text) == [
        "le", "27", "mai", "2025", ",", "в", "мае", "—", "2025", "년", "5", "월", "27", "일", ",",
        "antidisestablishment",
      ])
  }

  /// `[Token].text(at:)` reads the text where the token is: the same string as `tokens[k].text`
  /// for every token, in words of Latin, Cyrillic, Greek and decomposed scripts, numbers,
  /// ideographs and punctuation, short and past 15 bytes.
  @Test func textAtAnIndexIsTheTokensText() {
    let tokens = Tokenizer.tokenize(
      "Am 3. Mai 2025 – в понедельник, 27 травня; Τρίτη 5 Μαΐου; 2025年5月27日（火）, "
        + "e\u{301}te\u{301} internationalisation достопримечательностями")
    #expect(tokens.count > 20)
    for k in tokens.indices {
      #expect(Array(tokens.text(at: k).utf8) == Array(tokens[k].text.utf8), "token \(k)")
    }
  }

  /// Past either end there is no token: the text is empty, never a trap (a rule looking at
  /// `k + 2` near the end of "bis 5. Mai" must not stop the user's batch).
  @Test func textPastEitherEndIsEmpty() {
    let tokens = Tokenizer.tokenize("bis 5. Mai")
    #expect(tokens.count == 4)
    for index in [-1, tokens.count, tokens.count + 2, Int.max] {
      #expect(tokens.text(at: index) == "", "index \(index)")
    }
    #expect(([] as [Token]).text(at: 0) == "")
  }
}
