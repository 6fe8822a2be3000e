/// A number as Chinese, Japanese and Korean dates write it: Arabic or full-width digits
/// ("2008", "１９９７"), positional Han digits ("二〇〇八", "一九九七", "二０００", "九七") or Han
/// numerals with powers ("二十八", "十八", "四百多", "三千二百").
struct CJKNumeral {
  /// The value; nil when a digit is unknown ("几年" "some years").
  var value: Int?
  /// Token index after the numeral.
  var end: Int
  /// Written digit by digit (a year reads so: 一九九七, 2008), not with powers (二十八).
  var positional: Bool
  /// The number of digits when positional.
  var digits: Int
  /// Written in Arabic or full-width digits.
  var arabic: Bool
  /// "十几" (ten and some): the value counts the unknown digit as 0.
  var approximate = false
}

extension CJKGrammar {
  /// The numeral starting at token `k`, or nil (also when `k` is inside a numeral or a
  /// decimal: "3.5", "九九七" of "一九九七").
  func numeral(at k: Int) -> CJKNumeral? {
    k >= 0 && k < numerals.count ? numerals[k] : nil
  }

  /// Reads the numeral at `k` (`numeral(at:)` keeps what this found for every token).
  func readNumeral(at k: Int) -> CJKNumeral? {
    guard k < tokens.count else { return nil }
    if k > 0, tokens[k].isAttached, isNumeralToken(k - 1) { return nil }
    if k > 1, tokens[k].isAttached, tokens[k - 1].text == "." || tokens[k - 1].text == "．",
      tokens[k - 2].kind == .number
    {
      return nil
    }
    if tokens[k].kind == .number {
      let t = tokens[k]
      guard t.number >= 0 else { return nil }
      // A decimal ("3.5") is no date number.
      if k + 2 < tokens.count, tokens[k + 1].text == "." || tokens[k + 1].text == "．",
        tokens[k + 2].kind == .number,
        tokens[k + 1].isAttached, tokens[k + 2].isAttached
      {
        return nil
      }
      return CJKNumeral(
        value: t.number, end: k + 1, positional: true, digits: t.digits, arabic: true)
    }
    // Han digits and powers, possibly with full-width digit runs inside ("二０００").
    var j = k
    var items: [(digit: Int?, power: Int?, digits: Int)] = []
    while j < tokens.count, j == k || tokens[j].isAttached {
      if tokens[j].kind == .number {
        guard tokens[j].number >= 0 else { return nil }
        items.append((tokens[j].number, nil, tokens[j].digits))
        j += 1
        continue
      }
      guard digits[j] != -2 || powers[j] != 0 else { break }
      items.append(
        (digits[j] != -2 ? Int(digits[j]) : nil, powers[j] != 0 ? Int(powers[j]) : nil, 1))
      j += 1
    }
    guard !items.isEmpty,
      items.contains(where: { $0.digits == 1 && ($0.digit != nil || $0.power != nil) })
    else { return nil }
    if !items.contains(where: { $0.power != nil }) {
      var value = 0
      var digits = 0
      var unknown = false
      for item in items {
        guard let d = item.digit else { return nil }
        if d < 0 {
          unknown = true
          continue
        }
        var scale = 1
        for _ in 0..<item.digits { scale *= 10 }
        value = value &* scale &+ d
        digits += item.digits
      }
      if digits > 9 { return nil }
      return CJKNumeral(
        value: unknown ? nil : value, end: j, positional: items.count > 1 || items[0].digits > 1,
        digits: digits, arabic: false)
    }
    // With powers: 二十八 = 28, 十八 = 18, 三千二百五十 = 3250, 一百六十万 = 1,600,000.
    var total = 0
    var section = 0
    var current: Int? = nil
    var approximate = false
    for item in items {
      if item.digits > 1 { return nil }
      if let d = item.digit {
        if d < 0 {
          // 几 after a power is "and some" (十几 ≈ 10); before one the value is unknown.
          guard section > 0 || total > 0 else {
            return CJKNumeral(value: nil, end: j, positional: false, digits: 0, arabic: false)
          }
          approximate = true
          current = 0
        } else {
          current = d
        }
      } else if let p = item.power {
        if p >= 10_000 {
          total = (total + section + (current ?? 0)) &* p
          section = 0
        } else {
          section += (current ?? 1) * p
        }
        current = nil
      }
    }
    let value = total + section + (current ?? 0)
    return CJKNumeral(
      value: value, end: j, positional: false, digits: 0, arabic: false, approximate: approximate)
  }

  /// Whether token `k` is a digit, a Han digit or a power.
  func isNumeralToken(_ k: Int) -> Bool {
    if tokens[k].kind == .number { return true }
    return digits[k] != -2 || powers[k] != 0
  }
}
