import CICU

/// An ICU call failed; carries ICU's error name and what was being attempted.
///
/// ```swift
/// do { _ = try Transliterator.cached("No-Such-Transform") }
/// catch let error as ICUError { print(error) }
/// // cannot open transliterator "No-Such-Transform": U_INVALID_ID (check the id with `Transliterator.availableIDs`)
/// ```
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
  /// ICU's UErrorCode value.
  public let code: Int32
  /// What Normalize was doing, as a lowercase fragment.
  public let operation: String

  /// ICU's symbolic name for `code`, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
  public var name: String { String(cString: cicu_error_name(code)) }

  /// The operation and ICU's error name, e.g.
  /// `cannot open transliterator "No-Such-Transform": U_INVALID_ID`.
  public var description: String { "\(operation): \(name)" }

  init(_ code: Int32, _ operation: String) {
    self.code = code
    self.operation = operation
  }

  /// Throws when `status` is an ICU failure (> 0).
  static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
    if status > 0 { throw ICUError(status, operation()) }
  }
}
