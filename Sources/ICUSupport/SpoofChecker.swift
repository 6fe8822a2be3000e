import CICU
import Foundation

/// UTS #39 security checks through ICU's spoof checker: confusable skeletons, mixed-script
/// confusables, invisible characters.
///
/// ```swift
/// let checker = SpoofChecker.shared
/// checker.skeleton("Yoo Yong-wоn") == checker.skeleton("Yoo Yong-won")  // true (Cyrillic о)
/// checker.check("Yoo Yong-wоn").contains(.restrictionLevel)           // true: mixed Latin+Cyrillic
/// checker.check("유용원").isEmpty                                        // true
/// ```
public final class SpoofChecker: @unchecked Sendable {
  /// Failed checks, as ICU reports them.
  public struct Checks: OptionSet, Sendable, Hashable {
    /// ICU's USpoofChecks bits.
    public let rawValue: Int32
    /// Creates a set from ICU's bits.
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// Two strings compared (`areConfusable`) look alike and are of the same script.
    public static let singleScriptConfusable = Checks(rawValue: CICU_SPOOF_SINGLE_SCRIPT_CONFUSABLE)
    /// Two strings compared look alike and are not of the same script ("paypal" / "pаypаl").
    public static let mixedScriptConfusable = Checks(rawValue: CICU_SPOOF_MIXED_SCRIPT_CONFUSABLE)
    /// Two single-script strings compared look alike, each in another script (Cyrillic "раса" /
    /// Latin "paca").
    public static let wholeScriptConfusable = Checks(rawValue: CICU_SPOOF_WHOLE_SCRIPT_CONFUSABLE)
    /// The text mixes scripts beyond ICU's "highly restrictive" level (e.g. Latin + Cyrillic).
    public static let restrictionLevel = Checks(rawValue: CICU_SPOOF_RESTRICTION_LEVEL)
    /// Invisible characters such as zero-width spaces, or sequences unlikely to display, such as
    /// the same combining mark twice in a row.
    public static let invisible = Checks(rawValue: CICU_SPOOF_INVISIBLE)
    /// Digits from more than one numbering system ("2٠25": ASCII and Arabic-Indic).
    public static let mixedNumbers = Checks(rawValue: CICU_SPOOF_MIXED_NUMBERS)
    /// A combining mark that a base letter can hide, such as a dot above "i" (i + U+0307).
    public static let hiddenOverlay = Checks(rawValue: CICU_SPOOF_HIDDEN_OVERLAY)
  }

  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()

  /// A checker with ICU's default checks (restriction level "highly restrictive", invisible
  /// characters, mixed numbers); shared and thread-safe. Nil only if ICU lacks its data.
  public static let shared: SpoofChecker? = try? SpoofChecker()

  /// Opens a checker with ICU's default checks.
  ///
  /// - Throws: `ICUError` when ICU's confusables data is missing.
  public init() throws {
    var status: Int32 = 0
    guard let handle = cicu_spoof_open(0, 0, &status), status <= 0 else {
      throw ICUError(status > 0 ? status : 1, "cannot open the spoof checker")
    }
    self.handle = handle
  }

  deinit { cicu_spoof_close(handle) }

  /// The checks `text` fails (empty = passes). Intended for single identifiers or names.
  public func check(_ text: String) -> Checks {
    var status: Int32 = 0
    let bits = UTF16Buffer.with(text) { ptr, length in
      lock.lock()
      defer { lock.unlock() }
      return cicu_spoof_check(handle, ptr, length, &status)
    }
    return status > 0 ? [] : Checks(rawValue: bits)
  }

  /// The confusable skeleton of `text` (UTS #39): two strings that look alike share it.
  public func skeleton(_ text: String) -> String {
    let result = try? UTF16Buffer.with(text) { ptr, length in
      try UTF16Buffer.string(
        capacity: Int(length) * 2 + 8, operation: "compute a confusable skeleton"
      ) {
        dest, capacity, status in
        lock.lock()
        defer { lock.unlock() }
        return cicu_spoof_skeleton(handle, ptr, length, dest, capacity, &status)
      }
    }
    return result ?? text
  }

  /// Whether `a` and `b` are visually confusable (e.g. "paypal" and "pаypаl" with Cyrillic а).
  public func areConfusable(_ a: String, _ b: String) -> Bool {
    var status: Int32 = 0
    let bits = UTF16Buffer.with(a) { aPtr, aLength in
      UTF16Buffer.with(b) { bPtr, bLength in
        lock.lock()
        defer { lock.unlock() }
        return cicu_spoof_confusable(handle, aPtr, aLength, bPtr, bLength, &status)
      }
    }
    return status <= 0 && bits != 0
  }
}
