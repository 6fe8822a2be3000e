import NormalizeCore

/// The dateline of wire copy ("新华社北京三月二十八日电"): the day the story was filed, which
/// "今天" and "昨天" in it count from when it differs from the publication date by a day or two
/// (the story was filed the evening before, or across a time zone).
extension CJKGrammar {
  /// The dateline's date when one of the first three lines has a month-day date followed by a
  /// `dateline-end` word and it lies within two days of `dct`; else nil.
  func datelineDate(_ candidates: [Candidate], dct: CivilDate?) -> CivilDate? {
    guard let dct else { return nil }
    for c in candidates {
      // Within the first three lines.
      let lines = tokens[...c.start].reduce(0) { $0 + Int($1.newlinesBefore) }
      if lines > 3 || tokens[c.start].start > 400 { return nil }
      guard c.type == "DATE", marker(.datelineEnd, at: c.end) != nil else { continue }
      switch c.meaning {
      case .date(let spec) where spec.month != nil && spec.day != nil: break
      case .dayInMonth: break
      default: continue
      }
      guard case .value(let value, _, _) = Resolver.resolve(c.meaning, Resolver.Context(dct: dct)),
        let date = CivilDate(parsing: value), abs(date.dayNumber - dct.dayNumber) <= 2
      else { return nil }
      return date
    }
    return nil
  }

  /// `own` candidates plus those of `other` (the general grammar) that overlap none of them,
  /// in text order.
  static func merge(_ own: [Candidate], _ other: [Candidate]) -> [Candidate] {
    guard !own.isEmpty else { return other }
    var out = own
    var k = 0
    for c in other {
      while k < own.count, own[k].end <= c.start { k += 1 }
      if k < own.count, own[k].start < c.end { continue }
      out.append(c)
    }
    out.sort { $0.start < $1.start }
    return out
  }
}
