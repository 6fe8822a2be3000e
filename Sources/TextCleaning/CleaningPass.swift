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
  /// The pass as a `RepairPass`, or nil when it is not one: answered by the conformance
  /// itself, where `pass as? any RepairPass` searched the binary's conformance records for
  /// each pass type at start-up.
  var asRepairPass: (any RepairPass)? { get }
}

extension CleaningPass {
  /// By default a pass is not opt-in: it runs unless disabled (`--disable-pass`).
  public var isOptIn: Bool { false }

  /// By default a pass may change any text, so it is never skipped.
  public func mayChange(_ presence: BytePresence) -> Bool { true }

  /// A pass is not a repair pass unless it conforms to `RepairPass`.
  public var asRepairPass: (any RepairPass)? { nil }

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
    /// Scalar offset of the change in the pass's input.
    public var offset: Int
    /// The text taken out ("\u{00A0}" for a no-break space); empty for a pure insertion.
    public var removed: String
    /// The text put in its place (" "); empty for a deletion.
    public var inserted: String
  }

  /// The first `limit` changes, in the order they were made.
  public private(set) var changes: [Change] = []
  /// How many changes were made in all, kept or not.
  public private(set) var count = 0
  /// The most changes kept in `changes`.
  public let limit: Int

  /// Creates an empty recorder keeping at most `limit` changes.
  public init(limit: Int = 50) { self.limit = limit }

  /// Records one change.
  public mutating func record(offset: Int, removed: String, inserted: String) {
    count += 1
    if changes.count < limit {
      changes.append(Change(offset: offset, removed: removed, inserted: inserted))
    }
  }
}
