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
  ///
  /// One pass over the tokens, each sentence decided at its end from its own counts (the
  /// document's language known first: the text's counted once more before, when it is not
  /// given), with no table of every sentence's counts.
  func runs(_ tokens: [Token], document: String?) -> (
    document: String?, runs: [(Range<Int>, String?)]
  )? {
    guard !codes.isEmpty, !tokens.isEmpty else { return nil }
    let own: String
    let ownIndex: Int
    if let document {
      // A language without a stop-word list cannot be told from the others: keep it throughout.
      guard let index = codes.firstIndex(of: document) else { return nil }
      own = document
      ownIndex = index
    } else {
      // Only a language with a grammar of its own is worth choosing; English and unknown text
      // keep the mixed vocabulary (CLDR layouts of every language).
      guard let best = mostFrequentLanguage(tokens), grammarLanguages.contains(codes[best]) else {
        return nil
      }
      own = codes[best]
      ownIndex = best
    }
    let width = codes.count
    var runs: [(Range<Int>, String?)] = []
    var switched = false
    withUnsafeTemporaryAllocation(of: Int.self, capacity: width) { hits in
      hits.initialize(repeating: 0)
      var start = 0
      // Sentence `[start, end)` read in its language; its hits are counted, then cleared.
      func close(_ end: Int) {
        // The first language with the most hits.
        var best = 0
        for i in 1..<width where hits[i] > hits[best] { best = i }
        var language: String?
        if best != ownIndex, hits[best] >= 4, hits[best] >= 3 * hits[ownIndex] + 1 {
          language = codes[best]
          switched = true
        }
        if let last = runs.last, last.1 == language {
          runs[runs.count - 1] = (last.0.lowerBound..<end, language)
        } else {
          runs.append((start..<end, language))
        }
        for i in 0..<width { hits[i] = 0 }
        start = end
      }
      for k in 0..<tokens.count {
        if k > start, tokens[k].sentence != tokens[k - 1].sentence { close(k) }
        countStopWord(at: k, in: tokens, into: hits)
      }
      close(tokens.count)
    }
    if !switched && own == document { return nil }
    return (own, runs)
  }

  /// Adds one to `counts[i]` for each language `i` that has token `k` among its stop words
  /// (a word in several languages' lists counts for each of them).
  @inline(__always)
  private func countStopWord(
    at k: Int, in tokens: [Token], into counts: UnsafeMutableBufferPointer<Int>
  ) {
    guard tokens[k].kind == .word, filter.mayContain(tokens[k].hash),
      var mask = masks.value(ofTokenAt: k, in: tokens)
    else { return }
    while mask != 0 {
      counts[mask.trailingZeroBitCount] += 1
      mask &= mask - 1
    }
  }

  /// The language whose stop words the text holds most often (the first of those tied), when it
  /// holds at least three of them.
  private func mostFrequentLanguage(_ tokens: [Token]) -> Int? {
    var total = [Int](repeating: 0, count: codes.count)
    total.withUnsafeMutableBufferPointer { counts in
      for k in 0..<tokens.count { countStopWord(at: k, in: tokens, into: counts) }
    }
    guard let best = total.indices.max(by: { total[$0] < total[$1] }), total[best] >= 3 else {
      return nil
    }
    return best
  }
}
