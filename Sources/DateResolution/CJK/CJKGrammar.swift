/// Finds temporal expressions in Chinese, Japanese and Korean text, whose words are not
/// separated by spaces: a scanner over the one-scalar tokens of Han, kana and Hangul (and
/// digit runs), driven by the words and numerals of `Lexicons/<lang>/cjk-dates.tsv`.
///
/// The rules mirror the English grammar's: calendar dates with any of year, month, day, time
/// ("2008年3月5日", "二〇〇八年", "三月五日", "5日", "令和5年", "2024년 3월 5일에", "下午3点30分"),
/// relative words and their combinations ("去年十一月", "上周三", "지난주 수요일", "先週",
/// "今天上午"), durations, counted shifts and sets ("三年多", "两个多月", "10年来", "3개월",
/// "五年前", "3일 후", "每年"), decades and centuries ("80年代", "20世纪", "1990년대"), seasons,
/// halves and quarters ("第一季度", "1분기", "上半年"), parts of periods ("九月初", "年底",
/// "本世纪末") and holidays by their calendar rules ("春节", "추석", "国庆节").
///
/// ```swift
/// CJKGrammar(tokens: Tokenizer.tokenize("去年十一月二十七日到今年三月十五日"), vocabulary: zh, dctYear: 1996).candidates()
/// // 去年十一月二十七日 (year -1, 11-27), 今年三月十五日 (year +0, 03-15)
/// ```
struct CJKGrammar {
  let tokens: [Token]
  let vocabulary: CJKVocabulary
  /// The DCT's year, to read two-digit decades ("90년대" 1990s, "20年代" in 2026 the 2020s).
  let dctYear: Int?
  /// The scalar of each one-scalar token (Han, kana, Hangul, punctuation); 0 for others.
  let scalars: [UInt32]
  /// The lexicon words starting at each token, shortest first: `matches[matchStart[k]..<matchStart[k + 1]]`,
  /// each an index into the vocabulary's word list and the token after the word.
  private let matches: [(word: Int32, end: Int32)]
  private let matchStart: [Int32]
  /// The digit (0–9, -1 unknown, -2 none) and power (0 none) of each one-scalar token.
  let digits: [Int8]
  let powers: [Int32]
  /// The numeral starting at each token that starts one (read once: the rules ask often).
  private(set) var numerals: [CJKNumeral?] = []

  init(tokens: [Token], vocabulary: CJKVocabulary, dctYear: Int?) {
    self.tokens = tokens
    self.vocabulary = vocabulary
    self.dctYear = dctYear
    // By index, reading each text in place (`map` would copy every token).
    var scalars = [UInt32](repeating: 0, count: tokens.count)
    for k in tokens.indices where tokens[k].kind == .ideograph || tokens[k].kind == .punctuation {
      scalars[k] = tokens.text(at: k).unicodeScalars.first?.value ?? 0
    }
    self.scalars = scalars
    // Every word at every token, once: the rules then ask about them many times.
    let index = vocabulary.index
    var matches: [(word: Int32, end: Int32)] = []
    var matchStart = [Int32](repeating: 0, count: tokens.count + 1)
    var digits = [Int8](repeating: -2, count: tokens.count)
    var powers = [Int32](repeating: 0, count: tokens.count)
    for k in tokens.indices {
      matchStart[k] = Int32(matches.count)
      guard scalars[k] != 0,
        !(k > 0 && tokens[k - 1].kind == .number && tokens[k].newlinesBefore > 0)
      else { continue }
      var node: Int32 = 0
      var j = k
      while j < tokens.count, j - k < vocabulary.maxLength, scalars[j] != 0,
        j == k || tokens[j].isAttached,
        let child = index.child(of: node, scalars[j])
      {
        node = child
        j += 1
        if let w = index.word(at: node) {
          matches.append((w, Int32(j)))
          if j == k + 1 {
            let entry = index.entries[Int(w)]
            if let d = entry.digit { digits[k] = Int8(d) }
            if let p = entry.power { powers[k] = Int32(p) }
          }
        }
      }
    }
    matchStart[tokens.count] = Int32(matches.count)
    self.matches = matches
    self.matchStart = matchStart
    self.digits = digits
    self.powers = powers
    var numerals = [CJKNumeral?](repeating: nil, count: tokens.count)
    for k in tokens.indices where tokens[k].kind == .number || digits[k] != -2 || powers[k] != 0 {
      numerals[k] = readNumeral(at: k)
    }
    self.numerals = numerals
  }

  /// All candidates in text order, without overlaps: the longest expression at each start.
  func candidates() -> [Candidate] {
    var out: [Candidate] = []
    var i = 0
    while i < tokens.count {
      guard canStart(i) else {
        i += 1
        continue
      }
      if let best = longest(at: i) {
        out.append(best)
        i = max(best.end, i + 1)
      } else if let (first, second) = rangeMembers(at: i) {
        // "一九九一至一九九五年", "十七至十九日": the first member takes the second's unit.
        out.append(first)
        out.append(second)
        i = second.end
      } else {
        i += 1
      }
    }
    return out
  }

  /// Cheap test: a number, or the first scalar of a lexicon word (at a word start in Korean).
  private func canStart(_ i: Int) -> Bool {
    if tokens[i].kind == .number { return true }
    guard scalars[i] != 0, vocabulary.firstScalars.contains(scalars[i]) else { return false }
    return !vocabulary.wordsStartAfterSpace || !tokens[i].isAttached || i == 0
      || scalars[i - 1] == 0 || isNumeralToken(i - 1)
  }

  private func longest(at i: Int) -> Candidate? {
    var best: Candidate?
    func consider(_ c: Candidate?) {
      guard let c, c.end > c.start else { return }
      if c.end > (best?.end ?? Int.min) { best = c }
    }
    consider(calendarDate(at: i))
    consider(countedUnit(at: i))
    consider(boundWord(at: i))
    consider(annual(at: i))
    consider(bareYear(at: i))
    if let c = best, crossesWord(c) { return nil }
    return best
  }

  /// Whether a `not-date` word crosses the candidate's start or end ("超过去年": 过去 starts
  /// inside 超过; "十八周年": 十八周 ends inside 周年).
  private func crossesWord(_ c: Candidate) -> Bool {
    guard vocabulary.hasNotDateWords else { return false }
    for edge in [c.start, c.end] where edge > 0 && edge < tokens.count && tokens[edge].isAttached {
      var j = edge - 1
      while j >= 0, edge - j < vocabulary.maxLength {
        if let e = marker(.notDate, at: j), e > edge { return true }
        if !tokens[j].isAttached { break }
        j -= 1
      }
    }
    return false
  }

  /// Four Han digits alone ("一九九八：", "一九九一至…"): a year; Arabic digits need 年.
  private func bareYear(at i: Int) -> Candidate? {
    guard tokens[i].kind == .ideograph, let num = numeral(at: i), num.positional, !num.arabic,
      num.digits == 4,
      let v = num.value, (1000...2100).contains(v)
    else { return nil }
    return Candidate(i, num.end, .date(DateSpec(year: v)))
  }

  // MARK: Token helpers

  /// Whether token `k` continues the expression before it: attached, or in Korean (written
  /// with spaces between words) after spaces on the same line.
  func continues(_ k: Int) -> Bool {
    guard k > 0, k < tokens.count else { return false }
    if tokens[k].isAttached { return true }
    guard tokens[k].newlinesBefore == 0 else { return false }
    // Spaces between digits and Han ("2024 年 12 月 24 日", common on the web) join too.
    return vocabulary.wordsStartAfterSpace
      || (tokens[k].kind == .number) != (tokens[k - 1].kind == .number)
  }

  /// The longest lexicon word at `k` (attached one-scalar tokens) that satisfies `accept`.
  /// A marker after a number must be on its line ("1994 年", not "1994\n年").
  func word(at k: Int, _ accept: (CJKWord) -> Bool) -> (word: CJKWord, end: Int)? {
    guard k >= 0, k < tokens.count else { return nil }
    var m = Int(matchStart[k + 1]) - 1
    let first = Int(matchStart[k])
    while m >= first {
      let entry = vocabulary.index.entries[Int(matches[m].word)]
      if accept(entry) { return (entry, Int(matches[m].end)) }
      m -= 1
    }
    return nil
  }

  /// The single-token word at `k`, if any.
  func singleWord(at k: Int) -> CJKWord? {
    guard k >= 0, k < tokens.count, matchStart[k] < matchStart[k + 1],
      matches[Int(matchStart[k])].end == Int32(k + 1)
    else {
      return nil
    }
    return vocabulary.index.entries[Int(matches[Int(matchStart[k])].word)]
  }

  /// A word with one of `markers` at `k`.
  func marker(_ markers: CJKMarkers, at k: Int) -> Int? {
    word(at: k) { !$0.markers.isDisjoint(with: markers) }?.end
  }

  /// `k` when it continues the expression (`continues`), for optional elements.
  func next(_ k: Int) -> Int? { continues(k) ? k : nil }
}
