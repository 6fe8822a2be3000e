/// Calendar units of durations, relative offsets and granularity.
enum TimeUnit: Int, Sendable, Comparable, CaseIterable {
  case second, minute, hour, day, weekend, week, fortnight, month, season, quarter, half, year,
    decade, century

  static func < (a: TimeUnit, b: TimeUnit) -> Bool { a.rawValue < b.rawValue }

  /// The ISO 8601 / TIMEX3 duration for `count` of this unit ("P3Y", "PT5H", "PXY" when unknown).
  func duration(_ count: Int?) -> String {
    let n = count.map(String.init) ?? "X"
    switch self {
    case .second: return "PT\(n)S"
    case .minute: return "PT\(n)M"
    case .hour: return "PT\(n)H"
    case .day: return "P\(n)D"
    case .weekend: return count.map { "P\($0 * 2)D" } ?? "PXWE"
    case .week: return "P\(n)W"
    case .fortnight: return count.map { "P\($0 * 2)W" } ?? "PXW"
    case .month: return "P\(n)M"
    case .season: return count.map { "P\($0 * 3)M" } ?? "PXM"
    case .quarter: return "P\(n)Q"
    case .half: return count.map { "P\($0 * 6)M" } ?? "PXM"
    case .year: return "P\(n)Y"
    case .decade: return "P\(n)DE"
    case .century: return "P\(n)CE"
    }
  }

  /// The SET value for "every/each/per" one of this unit ("daily" → P1D).
  var setValue: String { duration(1) }
}
