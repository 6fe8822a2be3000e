import NormalizeCore

/// Reads `date-words` lexicons: date words CLDR lacks, one per line as
/// `phrase<TAB>meaning`, where meaning is a unit shift (`day-1`, `year+0`, `week+1`) or a
/// vague reference (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
///
/// ```
/// # Lexicons/it/date-words.tsv
/// stamattina	day+0
/// l'altroieri	day-2
/// ```
enum DateWordsLexicon {
  static let kind = "date-words"

  static let units: [String: TimeUnit] = [
    "day": .day, "week": .week, "month": .month, "quarter": .quarter, "year": .year,
    "decade": .decade,
  ]

  static func vocabulary(_ entries: [LexiconEntry]) throws -> Vocabulary {
    var v = Vocabulary()
    for entry in entries {
      guard entry.fields.count == 2 else {
        throw DateResolutionError.badDateWord(
          location: entry.location,
          message: "expected phrase<TAB>meaning, found \(entry.fields.count) fields")
      }
      let tokens = Tokenizer.tokenize(entry.fields[0]).map(\.text)
      guard let first = tokens.first else {
        throw DateResolutionError.badDateWord(location: entry.location, message: "empty phrase")
      }
      let meaning = entry.fields[1]
      guard let signIndex = meaning.firstIndex(where: { $0 == "+" || $0 == "-" }),
        let unit = units[String(meaning[..<signIndex])],
        let offset = Int(meaning[signIndex...].replacingOccurrences(of: "+", with: ""))
      else {
        throw DateResolutionError.badDateWord(
          location: entry.location,
          message:
            "meaning \"\(meaning)\" is not <unit><+|-><n> with unit day, week, month, quarter, year or decade"
        )
      }
      v.phrases.add(tokens, .shift(unit, offset))
      v.triggers.insert(first)
    }
    return v
  }
}
