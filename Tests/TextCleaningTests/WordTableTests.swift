import Testing

@testable import TextCleaning

/// `WordTable` answers as a dictionary of the same lowercased words: for generated words of 1
/// to 40 bytes (ASCII letters in any case, digits, Latin, Cyrillic and Hangul letters), looked
/// up by bytes and, for ASCII words, folded in place with 0 to 9 bytes of text on either side
/// (hashed by the table, or with the hash of the folded word given).
@Suite struct WordTableTests {
  static let pieces: [String] = [
    "the", "The", "THE", "m", "und", "Der", "die", "wurde", "a", "I", "s", "9", "2026", "é",
    "Ü", "что", "Это", "не", "있다", "것으로", "ça", "x", "ENTRE", "d", "Los", "0",
  ]

  @Test(arguments: 0..<4)
  func lookupsAgreeWithADictionary(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    func word() -> String {
      var text = ""
      let target = 1 + next(40)
      while text.utf8.count < target { text += Self.pieces[next(Self.pieces.count)] }
      return text
    }
    // The table: 300 words with values, some listed twice (values OR'd), plus every piece.
    var expected: [String: UInt32] = [:]
    var entries: [(word: [UInt8], value: UInt32)] = []
    for index in 0..<300 {
      let text = index < Self.pieces.count ? Self.pieces[index].lowercased() : word().lowercased()
      guard text.utf8.count <= 255 else { continue }
      let value = UInt32(1) << UInt32(next(32))
      entries.append((Array(text.utf8), value))
      expected[text, default: 0] |= value
    }
    let table = WordTable(entries)
    let queries = Array(expected.keys) + (0..<600).map { _ in word() }
    table.withView { view in
      for query in queries {
        let lowered = query.lowercased()
        let answer = expected[lowered] ?? 0
        let bytes = Array(lowered.utf8)
        bytes.withUnsafeBufferPointer { buffer in
          #expect(view.value(of: buffer, hash: ByteHash.hash(buffer)) == answer, "\(query)")
        }
        guard query.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
        // In place, with 0 to 9 bytes of text on either side.
        for (before, after) in [(0, 0), (3, 0), (0, 2), (9, 9), (1, 7)] {
          let text =
            [UInt8](repeating: 0x20, count: before) + Array(query.utf8)
            + [UInt8](repeating: 0x2E, count: after)
          text.withUnsafeBufferPointer { buffer in
            let word = UnsafeBufferPointer(rebasing: buffer[before..<(before + query.utf8.count)])
            #expect(view.valueFoldingASCII(of: word) == answer, "\(query)")
            // With the folded hash given, as a scanner takes it while reading the word.
            let folded = Array(query.utf8).map(WordTable.View.foldASCII)
            let hash = folded.withUnsafeBufferPointer { ByteHash.hash($0) }
            #expect(view.valueFoldingASCII(of: word, foldedHash: hash) == answer, "\(query)")
          }
        }
      }
    }
  }
}
