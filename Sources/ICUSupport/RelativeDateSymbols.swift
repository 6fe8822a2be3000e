import CICU

/// Relative date phrases of a locale from ICU's CLDR data ("23 ore fa", "vor 23 Stunden",
/// "23시간 전", "23小时前", "anno scorso"), for building recognisers.
///
/// ```swift
/// let it = try RelativeDateSymbols(locale: "it")
/// it.format(-23, .hour, numeric: true)   // "23 ore fa"
/// it.format(-1, .year, numeric: false)   // "anno scorso"
/// try RelativeDateSymbols(locale: "ko").format(-23, .hour, numeric: true)  // "23시간 전"
/// ```
///
/// Not thread-safe: use one instance per thread (it is meant for load-time generation).
public final class RelativeDateSymbols {
  /// Units ICU formats relative offsets for.
  public enum Unit: Int32, CaseIterable, Sendable {
    case year = 0
    case quarter, month, week, day, hour, minute, second
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday
  }

  /// Formatter widths.
  public enum Style: Int32, CaseIterable, Sendable {
    case long = 0
    case short, narrow
  }

  /// The locale id.
  public let locale: String
  private let formatter: OpaquePointer

  /// Opens ICU's relative date-time formatter for `locale`.
  ///
  /// - Throws: `ICUError` when ICU has no formatter for it.
  public init(locale: String, style: Style = .long) throws {
    var status: Int32 = 0
    guard let raw = cicu_reldatefmt_open(locale, style.rawValue, &status), status <= 0 else {
      throw ICUError(
        status > 0 ? status : 1, "cannot open relative date formatter for \"\(locale)\"")
    }
    self.locale = locale
    formatter = OpaquePointer(raw)
  }

  deinit { cicu_reldatefmt_close(UnsafeMutableRawPointer(formatter)) }

  /// The phrase for `offset` units from now; nil when ICU fails.
  ///
  /// - Parameters:
  ///   - offset: negative for the past ("-23" hours → "23 ore fa").
  ///   - numeric: true always writes the number; false allows words ("ieri", "작년").
  public func format(_ offset: Double, _ unit: Unit, numeric: Bool) -> String? {
    try? UTF16Buffer.string(capacity: 48, operation: "format a relative date") {
      dest, capacity, status in
      cicu_reldatefmt_format(
        UnsafeMutableRawPointer(formatter), offset, unit.rawValue, numeric ? 1 : 0, dest, capacity,
        &status)
    }
  }
}

/// A locale's cardinal plural rules (CLDR), e.g. to pick one sample number per category.
///
/// ```swift
/// let ru = try PluralRules(locale: "ru")
/// ru.category(1)   // "one"
/// ru.category(23)  // "few"
/// ru.category(25)  // "many"
/// ```
public final class PluralRules {
  private let rules: OpaquePointer

  /// - Throws: `ICUError` when ICU has no rules for `locale`.
  public init(locale: String) throws {
    var status: Int32 = 0
    guard let raw = cicu_plural_open(locale, &status), status <= 0 else {
      throw ICUError(status > 0 ? status : 1, "cannot open plural rules for \"\(locale)\"")
    }
    rules = OpaquePointer(raw)
  }

  deinit { cicu_plural_close(UnsafeMutableRawPointer(rules)) }

  /// The plural category keyword of `number` ("zero", "one", "two", "few", "many", "other").
  public func category(_ number: Double) -> String {
    (try? UTF16Buffer.string(capacity: 8, operation: "select a plural category") {
      dest, capacity, status in
      cicu_plural_select(UnsafeMutableRawPointer(rules), number, dest, capacity, &status)
    }) ?? "other"
  }
}

/// Formats dates with a locale's best pattern for a skeleton (UTC), to learn how a locale
/// writes dates.
///
/// ```swift
/// let millis = 1_748_304_000_000.0  // 2025-05-27
/// try SkeletonDateFormatter(locale: "it", skeleton: "yMMMMd").format(millis)  // "27 maggio 2025"
/// try SkeletonDateFormatter(locale: "ko", skeleton: "yMMMMd").format(millis)  // "2025년 5월 27일"
/// try SkeletonDateFormatter(locale: "zh", skeleton: "yMMMMd").format(millis)  // "2025年5月27日"
/// ```
public final class SkeletonDateFormatter {
  private let formatter: OpaquePointer

  /// - Throws: `ICUError` when ICU cannot build a pattern for the skeleton.
  public init(locale: String, skeleton: String) throws {
    var status: Int32 = 0
    let raw = UTF16Buffer.with(skeleton) { units, length in
      cicu_datefmt_open_skeleton(locale, units, length, &status)
    }
    guard let raw, status <= 0 else {
      throw ICUError(
        status > 0 ? status : 1, "cannot open a \"\(skeleton)\" date format for \"\(locale)\"")
    }
    formatter = OpaquePointer(raw)
  }

  /// The formatter of `patterns`' locale for `skeleton`, without building the locale's pattern
  /// data again: opening the generator is most of the cost of a formatter.
  ///
  /// ```swift
  /// let patterns = try DatePatternGenerator(locale: "uk")
  /// try SkeletonDateFormatter(patterns: patterns, skeleton: "yMMMMd").format(millis)  // "27 травня 2025 р."
  /// ```
  ///
  /// - Throws: `ICUError` when ICU cannot build a pattern for the skeleton.
  public init(patterns: DatePatternGenerator, skeleton: String) throws {
    var status: Int32 = 0
    let raw = UTF16Buffer.with(skeleton) { units, length in
      cicu_datefmt_open_best(
        UnsafeMutableRawPointer(patterns.generator), patterns.locale, units, length, &status)
    }
    guard let raw, status <= 0 else {
      throw ICUError(
        status > 0 ? status : 1,
        "cannot open a \"\(skeleton)\" date format for \"\(patterns.locale)\"")
    }
    formatter = OpaquePointer(raw)
  }

  deinit { cicu_datefmt_close(UnsafeMutableRawPointer(formatter)) }

  /// Switches to `patterns`' best pattern for another `skeleton` (the generator this formatter
  /// was opened with): it then formats as `SkeletonDateFormatter(patterns:skeleton:)` would, for
  /// a fraction of the cost of opening one.
  ///
  /// ```swift
  /// let patterns = try DatePatternGenerator(locale: "de")
  /// let formatter = try SkeletonDateFormatter(patterns: patterns, skeleton: "yMMMMd")
  /// formatter.format(millis)  // "27. Mai 2025"
  /// try formatter.apply(patterns: patterns, skeleton: "MMMd")
  /// formatter.format(millis)  // "27. Mai"
  /// ```
  ///
  /// - Throws: `ICUError` when ICU has no pattern for the skeleton; the formatter keeps its own.
  public func apply(patterns: DatePatternGenerator, skeleton: String) throws {
    let status = UTF16Buffer.with(skeleton) { units, length in
      cicu_datefmt_apply_best(
        UnsafeMutableRawPointer(formatter), UnsafeMutableRawPointer(patterns.generator), units,
        length)
    }
    try ICUError.check(
      status, "cannot apply a \"\(skeleton)\" date pattern for \"\(patterns.locale)\"")
  }

  /// The formatted date for `millis` since 1970-01-01T00:00Z; nil when ICU fails.
  public func format(_ millis: Double) -> String? {
    try? UTF16Buffer.string(capacity: 48, operation: "format a date") { dest, capacity, status in
      cicu_datefmt_format(UnsafeMutableRawPointer(formatter), millis, dest, capacity, &status)
    }
  }
}
