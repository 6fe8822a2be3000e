import ICUSupport

/// One named, ordered step of text cleaning (as swift-format's rules and ftfy's fixers).
///
/// A pass is pure: the same input gives the same output, and applying it to its own output
/// changes nothing (idempotence, checked by tests for every pass).
public protocol CleaningPass: Sendable {
  /// Stable kebab-case id, used in `--explain` output, options and tests ("apply-nfc").
  var id: String { get }
  /// One line saying what the pass does.
  var summary: String { get }
  /// Opt-in passes run only when asked for by id.
  var isOptIn: Bool { get }
  /// Returns the cleaned text; records each change when `recorder` is given.
  func apply(_ text: String, recorder: inout ChangeRecorder?) -> String
  /// False when the pass certainly leaves a text with these bytes unchanged, so the cleaner
  /// can skip it without scanning (the default says it may always change something).
  func mayChange(_ presence: BytePresence) -> Bool
}

extension CleaningPass {
  public var isOptIn: Bool { false }

  public func mayChange(_ presence: BytePresence) -> Bool { true }

  /// Applies the pass without recording changes.
  public func apply(_ text: String) -> String {
    var none: ChangeRecorder? = nil
    return apply(text, recorder: &none)
  }
}

/// Collects what a pass changed, for `--explain`: scalar offset in the pass's input, the text
/// removed and the text put in its place. Keeps the first `limit` changes and counts the rest.
public struct ChangeRecorder: Sendable {
  /// One change.
  public struct Change: Sendable, Equatable, Codable {
    public var offset: Int
    public var removed: String
    public var inserted: String
  }

  public private(set) var changes: [Change] = []
  public private(set) var count = 0
  public let limit: Int

  public init(limit: Int = 50) { self.limit = limit }

  /// Records one change.
  public mutating func record(offset: Int, removed: String, inserted: String) {
    count += 1
    if changes.count < limit {
      changes.append(Change(offset: offset, removed: removed, inserted: inserted))
    }
  }
}
