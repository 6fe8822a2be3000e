import Testing

/// One row of a case table: its label, and whether it must pass or documents a current mistake.
///
/// Tables mark a known failure one way: `"expect": "knownFailure"` with a `comment` saying why
/// (ftfy's `"expect": "fail"`); every other row has `"expect": "pass"` (or, in a table whose
/// rows are ``DefaultPassCaseRow``s, no `expect`). A row type that decodes `expect` and
/// `comment` gets ``knownFailureReason`` from ``ExpectMarkedCaseRow`` or ``DefaultPassCaseRow``.
public protocol CaseRow: Sendable {
  /// The row's unique, readable name ("Hangul surname with a hyphenated given name").
  var label: String { get }
  /// Why the row fails today, or nil when it must pass.
  var knownFailureReason: String? { get }
}

/// A row that marks its expectation with `expect` ("pass" or "knownFailure") and `comment`.
public protocol ExpectMarkedCaseRow: CaseRow {
  /// "pass" or "knownFailure".
  var expect: String { get }
  /// Free text; for a known failure, why it fails.
  var comment: String? { get }
}

extension ExpectMarkedCaseRow {
  /// The comment (or the label) of a known failure; nil for a row that must pass.
  public var knownFailureReason: String? { expect == "knownFailure" ? (comment ?? label) : nil }
}

/// A row whose `expect` may be left out: absent means "pass" (tables whose rows mostly pass and
/// whose other keys already say what is expected, such as the date and mention tables'
/// `expected` lists).
public protocol DefaultPassCaseRow: CaseRow {
  /// "pass", "knownFailure", or nil for "pass".
  var expect: String? { get }
  /// Free text; for a known failure, why it fails.
  var comment: String? { get }
}

extension DefaultPassCaseRow {
  /// The comment (or the label) of a known failure; nil for a row that must pass.
  public var knownFailureReason: String? { expect == "knownFailure" ? (comment ?? label) : nil }
}

/// The one way case tables run: each row's check runs as written, or, for a known failure,
/// inside `withKnownIssue`, so the row still runs and a fix shows as "known issue was not
/// recorded" (then switch the row to "pass").
///
/// ```swift
/// @Test(arguments: try CaseTable.load("passes.json", in: folder, as: PassCase.self))
/// func passCase(_ row: PassCase) {
///   CaseRunner.run(row) { #expect(TextCleaner().clean(row.input) == row.expected) }  // "Ｓｅｏｕｌ" -> "Seoul"
/// }
/// ```
public enum CaseRunner {
  /// Runs `check` for `row`, as a known issue when the row is a known failure.
  public static func run(_ row: some CaseRow, _ check: () throws -> Void) rethrows {
    if let reason = row.knownFailureReason {
      withKnownIssue(Comment(rawValue: reason)) { try check() }
    } else {
      try check()
    }
  }

  /// What is wrong with the rows of a table as a whole: no rows, labels empty or used twice,
  /// `expect` other than "pass" or "knownFailure", a known failure without a comment. Empty
  /// when the table is well formed.
  public static func problems(in rows: [some CaseRow]) -> [String] {
    var problems: [String] = rows.isEmpty ? ["the table has no cases"] : []
    var labels = Set<String>()
    for row in rows {
      if row.label.allSatisfy(\.isWhitespace) { problems.append("a case without a label") }
      if !labels.insert(row.label).inserted { problems.append("duplicate label \"\(row.label)\"") }
      let marking: (expect: String, comment: String?)?
      if let marked = row as? any ExpectMarkedCaseRow {
        marking = (marked.expect, marked.comment)
      } else if let marked = row as? any DefaultPassCaseRow {
        marking = (marked.expect ?? "pass", marked.comment)
      } else {
        marking = nil
      }
      if let marking {
        if !["pass", "knownFailure"].contains(marking.expect) {
          problems.append(
            "\(row.label): expect must be \"pass\" or \"knownFailure\", got \"\(marking.expect)\"")
        }
        if marking.expect == "knownFailure", marking.comment?.isEmpty ?? true {
          problems.append("\(row.label): a known failure needs a comment saying why")
        }
      }
    }
    return problems
  }
}
