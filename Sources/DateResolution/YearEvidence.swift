import NormalizeCore

extension DateResolver {
  /// Whether a date with a year can be read in `text` at all: false only when none of its
  /// tokens is one a year is read from — a number in any script ("2025", "２０２５", "٢٠٢٥"),
  /// a Han, kana or Hangul letter ("二〇二五年", "이천이십오년"), an English number word
  /// ("nineteen ninety-six", "two thousand one"; not "a", "an") or the first word of a lexicon
  /// phrase whose value has a year. Without one, `resolve` with no DCT finds no date with a
  /// year (YYYY-MM-DD, YYYY-MM, YYYY): a cheap test before resolving a short line only for
  /// such a date.
  ///
  /// ```swift
  /// resolver.mayReadYear(in: "SEOUL, May 28, 2025 — North Korea")   // true
  /// resolver.mayReadYear(in: "Aktualisiert am Dienstag")            // false
  /// resolver.mayReadYear(in: "Опубліковано вчора")                  // false
  /// resolver.mayReadYear(in: "nineteen ninety-six")                 // true
  /// ```
  public func mayReadYear(in text: String) -> Bool {
    // An ASCII digit always starts or continues a number token (`Tokenizer`): true at once,
    // without tokenising the text.
    if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
    for token in Tokenizer.tokenize(text) {
      switch token.kind {
      case .number, .ideograph: return true
      case .punctuation: continue
      case .word:
        if EnglishTables.numberWords[token] != nil, !token.hasText(nfc: "a"),
          !token.hasText(nfc: "an")
        {
          return true
        }
        if yearPhraseStarts[token] != nil { return true }
      }
    }
    return false
  }

  /// The first words of the lexicons' phrases whose value carries a year (a `date` literal
  /// such as "date 2000-01-01"; "date 199", a decade, carries none), for `mayReadYear(in:)`.
  static func yearPhraseStarts(_ extras: [Vocabulary]) -> WordHash.Table<Bool> {
    var words: [String] = []
    for vocabulary in extras {
      for (first, entries) in vocabulary.grammar.phrases.byFirst {
        let hasYear = entries.contains {
          guard case .literal(_, let value) = $0.value else { return false }
          let head = value.utf8.prefix(4)
          return head.count == 4 && head.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if hasYear { words.append(first) }
      }
    }
    return WordHash.Table(words: words)
  }

  /// Whether a `date-grammar` lexicon has a phrase whose value carries a year
  /// ("phrase<TAB>…<TAB>date 2000-01-01"), read off the lines without building the grammar:
  /// only such a line can put a word into `yearPhraseStarts`.
  static func grammarHasYearPhrase(_ entries: [LexiconEntry]) -> Bool {
    entries.contains { entry in
      guard entry.fields.count == 3, entry.fields[0] == "phrase" else { return false }
      let value = entry.fields[2]
      // Only a literal ("set …", "duration …", "date …") carries a year; most values are shifts
      // ("day-1"), turned away on their first bytes (fields carry no leading space).
      let bytes = value.utf8
      guard
        bytes.starts(with: "date ".utf8) || bytes.starts(with: "set ".utf8)
          || bytes.starts(with: "duration ".utf8),
        case .literal(_, let literal)? = DateGrammarLexicon.meaning(value)
      else { return false }
      let head = literal.utf8.prefix(4)
      return head.count == 4 && head.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
  }
}
