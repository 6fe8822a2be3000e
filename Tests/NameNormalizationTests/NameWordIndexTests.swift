import Testing

@testable import NameNormalization

/// `NameWordIndex` answers as the dictionary it is made from, under `String` equality: for
/// generated words of 1 to 30 bytes (ASCII letters in any case and digits, Latin with
/// diacritics, precomposed and decomposed, Cyrillic with ё and Ѐ, Hangul syllables and jamo,
/// kana with a voiced mark precomposed and apart, Chinese, the Kelvin sign that a `String`
/// takes for "K"), each asked as stored, in other cases and decomposed.
@Suite struct NameWordIndexTests {
  static let pieces: [String] = [
    "the", "The", "THE", "kim", "Kim", "Yoo", "yong", "won", "-", "'", "a", "I", "9", "2026",
    "é", "e\u{301}", "Ü", "ż", "ł", "Зеленський", "київ", "Сеул", "유", "용원", "习近平", "\u{212A}", "K",
    "zelensky", "andry", "mc", "が", "か\u{3099}", "Ѐ", "Ё", "Е\u{308}", "서울", "\u{1109}\u{1165}",
    "ё", "Ü", "U\u{308}",
  ]

  @Test(arguments: 0..<4)
  func lookupsAgreeWithTheDictionary(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    func word() -> String {
      var text = ""
      let target = 1 + next(30)
      while text.utf8.count < target { text += Self.pieces[next(Self.pieces.count)] }
      return text
    }
    var dictionary: [String: Int] = [:]
    for index in 0..<400 {
      dictionary[index < Self.pieces.count ? Self.pieces[index] : word()] = next(1000)
    }
    let index = NameWordIndex(dictionary)
    let queries =
      Array(dictionary.keys)
      + dictionary.keys.flatMap {
        [$0.uppercased(), $0.lowercased(), $0.decomposedStringWithCanonicalMapping]
      } + (0..<800).map { _ in word() } + [""]
    #expect(queries.count > 2000)
    var found = 0
    for query in queries {
      #expect(index.value(of: query) == dictionary[query], "\(query)")
      if dictionary[query] != nil { found += 1 }
    }
    #expect(found >= dictionary.count)
  }

  @Test func aSetIsAnIndexOfOnes() {
    let index = NameWordIndex(Set(["the", "The", "сеул", "K"]))
    #expect(index.value(of: "The") == 1)
    #expect(index.contains("\u{212A}"))  // the Kelvin sign is "K" to a String
    #expect(!index.contains("THE"))
    #expect(index.contains("сеул"))
    #expect(!index.contains("Сеул"))
  }
}
