import CICU

/// A locale's CLDR date-time pattern generator (skeleton → best pattern), opened once and shared
/// by the `SkeletonDateFormatter`s of that locale: building it reads the locale's whole pattern
/// data, which costs far more than the formatter itself.
///
/// ```swift
/// let patterns = try DatePatternGenerator(locale: "it")
/// for skeleton in ["yMMMMd", "MMMd", "yMd"] {
///   try SkeletonDateFormatter(patterns: patterns, skeleton: skeleton).format(millis)
///   // "27 maggio 2025", "27 mag", "27/5/2025"
/// }
/// ```
public final class DatePatternGenerator {
  let generator: OpaquePointer
  /// The ICU locale ("it", "ko", "zh").
  public let locale: String

  /// - Throws: `ICUError` when ICU has no pattern data to open for `locale`.
  public init(locale: String) throws {
    var status: Int32 = 0
    guard let raw = cicu_datepatterns_open(locale, &status), status <= 0 else {
      throw ICUError(
        status > 0 ? status : 1, "cannot open the date pattern generator for \"\(locale)\"")
    }
    generator = OpaquePointer(raw)
    self.locale = locale
  }

  deinit { cicu_datepatterns_close(UnsafeMutableRawPointer(generator)) }
}
