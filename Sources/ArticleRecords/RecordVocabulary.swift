import Citations
import DateResolution
import IngestValidation
import NormalizeCore
import TextCleaning

/// The closed vocabularies of the record (`normalize.article/1`), gathered from the lists the
/// modules that produce them declare, so the JSON Schema's enums are checked against the code
/// (`RecordSchemaTests`) and cannot drift from it.
///
/// ```swift
/// RecordVocabulary.findingCodes.contains("placeholder")  // true
/// RecordVocabulary.timexMods.contains("WHATEVER")         // false
/// ```
public enum RecordVocabulary {
  /// Finding codes reported while reading and assembling a record (this module).
  public static let assemblyFindingCodes = [
    "bad-sidecar", "empty-body", "inferred-published", "invalid-published", "invalid-utf8",
    "legacy-encoding",
    "lone-surrogate", "no-publication-date", "references-not-parsed", "repaired-text",
  ]

  /// Codes of inputs that became rejects instead of records (`--rejects`), never in a record.
  public static let rejectCodes = [
    "binary-data", "blank-line", "empty-input", "malformed-json", "missing-text",
    "not-a-regular-file", "not-an-object",
    "symlink-loop", "too-large", "unencodable", "unreadable",
  ]

  /// Every finding code a record (or one of its references) can carry, sorted.
  public static let findingCodes: [String] = {
    var codes = Set(assemblyFindingCodes)
    codes.formUnion(ArticleValidator.defaultRules.flatMap { type(of: $0).codes })
    codes.formUnion(TextHygieneRules.codes)
    codes.formUnion(BatchValidator.codes)
    codes.formUnion(ReferenceParser.findingCodes)
    codes.formUnion(DateResolver.findingCodes)
    return codes.sorted()
  }()

  /// Finding severities.
  public static let severities = Severity.allCases.map(\.rawValue)

  /// TIMEX3 types (TimeML 1.2.1): DATE, TIME, DURATION, SET.
  public static let timexTypes = TemporalMention.types
  /// TIMEX3 `mod` values (TimeML 1.2.1): START, MID, END, APPROX, LESS_THAN, ….
  public static let timexMods = TemporalMention.mods
  /// What a date value was resolved against: `dct` (the publication date) or `narrative`.
  public static let timexAnchors = TemporalMention.anchors

  /// `removed[].rule` ids the structure analyzer gives itself; the rest are the rule ids of
  /// the `boilerplate.tsv` lexicons in use.
  public static let builtInRemovalRules = ArticleStructureAnalyzer.builtInRemovalRules.sorted()
}
