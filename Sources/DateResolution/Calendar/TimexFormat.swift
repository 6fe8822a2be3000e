/// Zero-padded number formatting for TIMEX3 values.
enum TimexFormat {
  static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
  static func year(_ y: Int) -> String {
    if y < 0 { return "\(y)" }
    if y < 10 { return "000\(y)" }
    if y < 100 { return "00\(y)" }
    if y < 1000 { return "0\(y)" }
    return "\(y)"
  }
}
