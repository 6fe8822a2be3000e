/// Expressions built from the CLDR vocabulary: relative phrases ("anno scorso", "ieri",
/// "작년"), counted offsets with direction words ("23 ore fa", "vor 23 Stunden", "23시간 전",
/// "23小时前", half-translated "23 ore ago"), and date layouts ("2025년 5월 27일",
/// "2025年5月27日", "27 maggio 2025", "27 мая 2025").
extension Grammar {
  func multilingualExpression(_ i: Int) -> Candidate? {
    var best: Candidate?
    func consider(_ c: Candidate?) {
      guard let c else { return }
      if c.end > (best?.end ?? Int.min) { best = c }
    }
    if let (phrase, e) = vocabulary.phrases.match(tokens, at: i) {
      switch phrase {
      case .shift(let u, let n): consider(Candidate(i, e, .shift(u, n, origin: .dct, time: nil)))
      case .weekday(let d, let offset):
        consider(Candidate(i, e, .weekday(d, offset: offset, time: nil)))
      }
    }
    consider(countedOffset(i))
    // Layouts of several languages may match ("27 мая 2025 г." also fits Ukrainian's
    // "27 травня 2025 р." up to the year): keep the longest.
    if tokens[i].kind == .number || vocabulary.triggersByToken[tokens[i]] != nil {
      for layout in vocabulary.layouts where layoutMayStart(layout, at: i) {
        consider(match(layout, at: i))
      }
    }
    return best
  }

  /// `[prefix] N unit [suffix]` with exactly one direction word.
  private func countedOffset(_ i: Int) -> Candidate? {
    var j = i
    var sign = 0
    var foreignDirection = false
    if let (_, e) = vocabulary.pastPrefixes.match(tokens, at: j) {
      sign = -1
      j = e
      foreignDirection = true
    } else if let (_, e) = vocabulary.futurePrefixes.match(tokens, at: j), !isWord(j, "in") {
      sign = 1
      j = e
      foreignDirection = true
    }
    guard let n = number(j), tokens[j].digits <= 4 else { return nil }
    var k = j + 1
    var foreignUnit = false
    var unitValue: TimeUnit
    if let (u, e) = vocabulary.units.match(tokens, at: k) {
      unitValue = u
      k = e
      foreignUnit = true
    } else if let (u, e, _) = unit(k) {
      unitValue = u
      k = e
    } else {
      return nil
    }
    if sign == 0 {
      if let (_, e) = vocabulary.pastSuffixes.match(tokens, at: k) {
        sign = -1
        k = e
        foreignDirection = true
      } else if let (_, e) = vocabulary.futureSuffixes.match(tokens, at: k) {
        sign = 1
        k = e
        foreignDirection = true
      } else if isWord(k, "ago") {
        sign = -1
        k += 1
      } else if isWord(k, "later") {
        sign = 1
        k += 1
      }
    }
    guard sign != 0, foreignUnit || foreignDirection else { return nil }
    return Candidate(i, k, .shift(unitValue, sign * n, origin: .dct, time: nil))
  }

  /// A CLDR date layout at `i`: slots must match; word literals must match except at the end;
  /// punctuation literals are optional when the layout has a month name.
  private func match(_ layout: DateLayout, at i: Int) -> Candidate? {
    var k = i
    var spec = DateSpec()
    let hasName = layout.hasMonthName
    for (index, element) in layout.elements.enumerated() {
      let shape = layout.shapes[index]
      let onlyLiteralsLeft = shape.beginsLiteralTail
      // A date is written on one line.
      if k > i, !sameLine(k), !onlyLiteralsLeft { return nil }
      switch element {
      case .year:
        guard let y = number(k), tokens[k].digits == 4 || (tokens[k].digits == 5 && y > 9999),
          !inTableRow[k]
        else { return nil }
        spec.year = y
        k += 1
      case .day:
        guard let d = number(k), tokens[k].digits <= 2, d >= 1, !isGluedInTable(k) else {
          return nil
        }
        spec.day = d
        k += 1
      case .monthNumber:
        guard let m = number(k), tokens[k].digits <= 2, m >= 1, m <= 12 else { return nil }
        spec.month = m
        k += 1
      case .monthName:
        guard let (m, e) = month(k, needsContext: false) else { return nil }
        spec.month = m
        k = e
      case .literal(let text):
        let isPunctuation = shape.isPunctuation
        let afterWord = shape.followsWordLiteral
        // A final period ends the sentence, unless it closes an abbreviation ("2025 г.").
        if onlyLiteralsLeft, isPunctuation, !afterWord { return finish(i, k, spec) }
        if k < tokens.count, tokens.text(at: k) == text {
          k += 1
        } else if onlyLiteralsLeft {
          return finish(i, k, spec)
        } else if hasName, isPunctuation {
          continue
        } else {
          return nil
        }
      }
    }
    return finish(i, k, spec)
  }

  private func finish(_ i: Int, _ k: Int, _ spec: DateSpec) -> Candidate? {
    guard k > i, spec.month != nil, spec.year != nil || spec.day != nil else { return nil }
    return Candidate(i, k, .date(spec))
  }
}
