import NormalizeCore

/// Which language's date words read each sentence: the document's, unless a sentence is
/// plainly in another language that has a `date-grammar` lexicon (a German quote in a French
/// article), judged by the stop words of `Lexicons/<lang>/stopwords.tsv`. With no document
/// language, the text's own stop words choose one.
///
/// ```swift
/// // "Der Minister sagte am 3. Mai, dass …" inside an article with lang "fr":
/// // that sentence is read with the German words, the rest with the French.
/// ```
struct SentenceLanguages: Sendable {
  /// The languages told apart, in a fixed order (bit i of a mask is `codes[i]`).
  let codes: [String]
  /// Lowercased stop word → bit mask of the languages listing it.
  private let masks: WordHash.Table<UInt32>
  private let filter: WordHash.Filter
  /// The languages that have a `date-grammar` lexicon.
  private let grammarLanguages: Set<String>

  /// Reads the stop words of `languages` (at most 32); languages without a list are left out.
  init(lexicons: any LexiconProvider, languages: [String], grammarLanguages: Set<String>) throws {
    self.grammarLanguages = grammarLanguages
    var codes: [String] = []
    var masks: [String: UInt32] = [:]
    var filter = WordHash.Filter()
    for language in languages.sorted() where codes.count < 32 {
      let entries = try lexicons.entries(kind: "stopwords", language: language)
      guard !entries.isEmpty else { continue }
      let bit = UInt32(1) << UInt32(codes.count)
      codes.append(language)
      for entry in entries {
        guard let word = entry.fields.first?.lowercased(), !word.isEmpty else { continue }
        masks[word, default: 0] |= bit
        filter.insert(word)
      }
    }
    self.codes = codes
    self.masks = WordHash.Table(masks)
    self.filter = filter
  }

  /// Consecutive token ranges and the language each is read in (nil: the document's own
  /// vocabulary), or nil when the whole text is read in `document`'s. A sentence switches
  /// when it holds at least four stop words of another language and three times as many as of
  /// the document's. `document` is the
  /// document language; when nil, the text's most frequent stop-word language is used.
  func runs(_ tokens: [Token], document: String?) -> (
    document: String?, runs: [(Range<Int>, String?)]
  )? {
    guard !codes.isEmpty, !tokens.isEmpty else { return nil }
    var own = document
    var ownIndex = own.flatMap { codes.firstIndex(of: $0) }
    // A language without a stop-word list cannot be told from the others: keep it throughout.
    if own != nil, ownIndex == nil { return nil }
    // Stop-word hits per language, per sentence: sentence j's are
    // `hits[j * width ..< (j + 1) * width]`, one flat buffer rather than an array per sentence.
    let width = codes.count
    var ranges: [Range<Int>] = []
    var hits = [Int](repeating: 0, count: width)
    var total = [Int](repeating: 0, count: width)
    var start = 0
    var base = 0
    for k in 0..<tokens.count {
      if k > start, tokens[k].sentence != tokens[k - 1].sentence {
        ranges.append(start..<k)
        hits.append(contentsOf: repeatElement(0, count: width))
        base += width
        start = k
      }
      guard tokens[k].kind == .word, filter.mayContain(tokens[k].hash),
        var mask = masks[tokens[k]]
      else { continue }
      while mask != 0 {
        let i = mask.trailingZeroBitCount
        hits[base + i] += 1
        total[i] += 1
        mask &= mask - 1
      }
    }
    ranges.append(start..<tokens.count)
    if own == nil {
      // Only a language with a grammar of its own is worth choosing; English and unknown text
      // keep the mixed vocabulary (CLDR layouts of every language).
      guard let best = total.indices.max(by: { total[$0] < total[$1] }), total[best] >= 3,
        grammarLanguages.contains(codes[best])
      else {
        return nil
      }
      own = codes[best]
      ownIndex = best
    }
    var runs: [(Range<Int>, String?)] = []
    var switched = false
    for (j, range) in ranges.enumerated() {
      let sentence = j * width
      // The first language with the most hits.
      var best = 0
      for i in 1..<width where hits[sentence + i] > hits[sentence + best] { best = i }
      var language: String?
      if best != ownIndex, hits[sentence + best] >= 4,
        hits[sentence + best] >= 3 * (ownIndex.map { hits[sentence + $0] } ?? 0) + 1
      {
        language = codes[best]
        switched = true
      }
      if let last = runs.last, last.1 == language {
        runs[runs.count - 1] = (last.0.lowerBound..<range.upperBound, language)
      } else {
        runs.append((range, language))
      }
    }
    if !switched && own == document { return nil }
    return (own, runs)
  }
}
