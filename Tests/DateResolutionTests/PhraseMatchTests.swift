import Testing

@testable import DateResolution

/// `PhraseTable.match` turns tokens away by a hash filter before comparing; `DateLayout` works
/// out once what `Grammar.match(_:at:)` asked of each element at every token. Both must answer
/// as plain matching does: by `String ==` over the entries, and the facts read off the
/// elements.
@Suite struct PhraseMatchTests {
  static let languages = ["de", "es", "fr", "hr", "it", "ja", "ko", "pt", "ru", "uk", "zh", "el"]

  /// Relative phrases and dates of those languages, with decomposed and ligature spellings.
  static let text =
    "vor 3 Tagen, vor drei Jahren; il y a 3 jours, l’année dernière; hace 2 días, el año pasado; "
    + "3 дня назад, через 2 часа, в прошлом году; 3 дні тому, минулого року; prije 3 dana; "
    + "3 giorni fa, l'anno scorso; há 3 dias; 23시간 전, 작년; 23小时前, 去年; 3日前; "
    + "πριν από 3 ημέρες, πέρυσι; l’anne\u{301}e dernie\u{300}re, ﬁn de l'anno; 27 мая 2025 г.; "
    + "27 maggio 2025; 27. Mai 2025; 2025年5月27日; 2025년 5월 27일\n3 дня\nназад"

  /// `PhraseTable.hasText` answers as `String ==` for every token of the text against words
  /// in NFC and not: ASCII, Latin-1, Cyrillic, Greek, Han and Hangul, decomposed spellings, a
  /// ligature, and signs that equal ASCII under equivalence (U+212A KELVIN SIGN, U+037E GREEK
  /// QUESTION MARK).
  @Test func hasTextAnswersAsStringEquality() {
    let tokens = Tokenizer.tokenize(
      Self.text + " Ka; année anne\u{301}e K\u{212A} Å Å ;\u{37E} Ёлка ёлка е\u{308}лка")
    let words = [
      "vor", "tagen", "jahren", "ann\u{E9}e", "anne\u{301}e", "dernie\u{300}re", "dernière",
      "дня", "назад", "е\u{308}лка", "ёлка", "ημέρες", "πέρυσι", "时", "前", "전", "작년", "ﬁn",
      "fin", "k", "\u{212A}", "\u{212A}a", ";", "\u{37E}", "Å", "Å", "\u{C5}", "", "maggio",
      "l", "'", "’",
    ]
    var compared = 0
    for k in tokens.indices {
      for word in words {
        let expected = tokens.text(at: k) == word
        #expect(
          PhraseTable<Int>.hasText(tokens, k, word, wordIsNFC: WordHash.isNFC(word)) == expected,
          "\"\(tokens.text(at: k))\" against \"\(word)\"")
        compared += 1
      }
    }
    #expect(compared == tokens.count * words.count && compared > 3_000)
  }

  /// The longest entry whose tokens all equal the text's, on one line, by `String ==`.
  static func naiveMatch<Value>(_ table: PhraseTable<Value>, _ tokens: [Token], at index: Int)
    -> (value: Value, end: Int)?
  {
    guard index < tokens.count, let list = table.byFirst[tokens[index].text] else { return nil }
    for entry in list {
      let end = index + entry.tokens.count
      guard end <= tokens.count else { continue }
      let same = (0..<entry.tokens.count).allSatisfy { tokens[index + $0].text == entry.tokens[$0] }
      let oneLine = !(index + 1..<end).contains { tokens[$0].newlinesBefore > 0 }
      if same && (entry.tokens.count == 1 || oneLine) { return (entry.value, end) }
    }
    return nil
  }

  static func check<Value: Equatable>(
    _ table: PhraseTable<Value>, _ tokens: [Token], _ name: String
  ) -> Int {
    var found = 0
    for index in tokens.indices {
      let fast = table.match(tokens, at: index)
      let naive = naiveMatch(table, tokens, at: index)
      #expect(fast?.value == naive?.value && fast?.end == naive?.end, "\(name) at \(index)")
      if fast != nil { found += 1 }
    }
    return found
  }

  @Test(arguments: languages)
  func cldrTablesMatchAsByStringEquality(language: String) {
    let v = CLDRVocabulary.build(language: language)
    let tokens = Tokenizer.tokenize(Self.text)
    var found = 0
    found += Self.check(v.units, tokens, "\(language) units")
    found += Self.check(v.pastPrefixes, tokens, "\(language) past prefixes")
    found += Self.check(v.pastSuffixes, tokens, "\(language) past suffixes")
    found += Self.check(v.futurePrefixes, tokens, "\(language) future prefixes")
    found += Self.check(v.futureSuffixes, tokens, "\(language) future suffixes")
    found += Self.check(v.phrases, tokens, "\(language) phrases")
    #expect(found > 0, "\(language): no phrase of the text matched")
  }

  /// Entries written decomposed ("anne\u{301}e") or with a ligature: the table then compares
  /// by `String ==` (Unicode equivalence), and precomposed text still matches them.
  @Test func entriesOutsideNFCMatchByEquivalence() {
    var nfc = PhraseTable<Int>()
    nfc.add(["l", "’", "année", "dernière"], 1)
    nfc.add(["3", "дня", "назад"], 2)
    var decomposed = nfc
    decomposed.add(["l", "’", "anne\u{301}e", "dernie\u{300}re", "encore"], 3)
    let tokens = Tokenizer.tokenize(Self.text)
    #expect(Self.check(nfc, tokens, "nfc") == 3)
    #expect(Self.check(decomposed, tokens, "decomposed") == 3)
  }

  /// Each layout's element facts are those the matcher read off the elements at every try.
  @Test(arguments: languages)
  func layoutShapesAreTheElementsFacts(language: String) {
    let layouts = CLDRVocabulary.build(language: language).layouts
    #expect(!layouts.isEmpty, "\(language)")
    for layout in layouts {
      #expect(layout.shapes.count == layout.elements.count)
      #expect(layout.hasMonthName == layout.elements.contains(.monthName))
      for (index, element) in layout.elements.enumerated() {
        let tail = layout.elements[index...].allSatisfy {
          if case .literal = $0 { return true } else { return false }
        }
        var punctuation = false
        if case .literal(let text) = element {
          punctuation = text.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic }
        }
        var afterWord = false
        if index > 0, case .literal(let previous) = layout.elements[index - 1] {
          afterWord = previous.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
        let shape = layout.shapes[index]
        #expect(shape.beginsLiteralTail == tail, "\(language) \(layout) \(index)")
        #expect(shape.isPunctuation == punctuation, "\(language) \(layout) \(index)")
        #expect(shape.followsWordLiteral == afterWord, "\(language) \(layout) \(index)")
      }
    }
  }
}
