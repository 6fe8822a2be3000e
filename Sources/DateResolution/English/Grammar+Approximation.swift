/// Approximate points: "around 7:15 p.m.", "about 3 p.m. Monday", "around Christmas". TimeML
/// keeps the modifier inside the expression and marks it `mod="APPROX"`, as it does for
/// durations ("about five hours", `Grammar.quantifiers`).
extension Grammar {
  /// `c` widened over an "around" before it (before any point), or an "about", "approximately"
  /// or "roughly" before a clock time, with mod APPROX; `c` itself when no such word stands
  /// just before it (after `previousEnd`, the end of the expression found before) or it has a
  /// mod already. Not "about" before a date, which is as often the topic ("a report about
  /// Friday's vote"), nor a date in the possessive, whose noun the word governs ("ways to get
  /// around Wednesday's ruling"), nor a vague reference ("around current levels").
  func approximated(_ c: Candidate, after previousEnd: Int) -> Candidate {
    let k = c.start - 1
    guard k >= previousEnd, c.mod == nil else { return c }
    let around = isWord(k, "around")
    guard around || isWord(k, "about") || isWord(k, "approximately") || isWord(k, "roughly"),
      sameLine(c.start)
    else { return c }
    let isClock = c.type == "TIME"
    guard isClock || (around && c.type == "DATE") else { return c }
    if isPunct(c.end, "'") || isPunct(c.end, "’"), isWord(c.end + 1, "s") { return c }
    // "around current levels": a vague reference is no point to be near.
    if case .literal = c.meaning { return c }
    return c.widened(to: k, mod: "APPROX")
  }
}
