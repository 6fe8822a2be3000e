import DateResolution
import NameNormalization
import NormalizeCore
import TextCleaning

/// Runs every article-level rule over one article: encoding and mojibake, Unicode hygiene,
/// content (placeholders, boilerplate, untranslated fragments, truncated bodies), dates and
/// names. One call per article; the record pipeline calls it while assembling a record.
///
/// ```swift
/// let validator = try ArticleValidator(lexicons: provider)
/// let findings = validator.findings(
///   text: "Retrieved from [Insert original URL here]", title: nil, published: "2025-05-28",
///   names: [], dates: [], rawText: "Retrieved from [Insert original URL here]")
/// findings.map(\.code)  // ["placeholder"]
/// ```
public struct ArticleValidator: Sendable {
  /// The rules, in the order they run.
  public let rules: [any ValidationRule]

  /// Builds the validator with every rule, in order.
  ///
  /// - Parameter lexicons: the lexicon provider (the `boilerplate` rules that
  ///   ``FindLeftoverBoilerplate`` reads).
  /// - Throws: `LexiconError` for a malformed lexicon.
  public init(lexicons: any LexiconProvider) throws {
    try self.init(boilerplateLines: BoilerplateLines(lexicons: lexicons))
  }

  /// Builds the validator with every rule, in order, ``FindLeftoverBoilerplate`` asking
  /// `boilerplateLines` (those of a structure analyzer, so the tables are built once).
  public init(boilerplateLines: BoilerplateLines) {
    let leftover = FindLeftoverBoilerplate(lines: boilerplateLines)
    rules = Self.defaultRules.map { $0 is FindLeftoverBoilerplate ? leftover : $0 }
  }

  /// A validator with a chosen set of rules (tests, benchmarks).
  public init(rules: [any ValidationRule]) {
    self.rules = rules
  }

  /// Every rule, in order, those that read lexicons without them (they then report nothing):
  /// the registry of ids and codes. A validator that checks articles comes from
  /// ``init(lexicons:)``.
  public static let defaultRules: [any ValidationRule] = [
    DetectMojibake(), CheckLineEndings(), RequireNFC(), FlagPrivateUseAndUnassigned(),
    FlagConfusableMixedScripts(),
    FindPlaceholders(), FindLeftoverBoilerplate(), FindUntranslatedFragments(), CheckBodyLength(),
    CheckTitleRepeatsBody(), CheckDates(), CheckNameSpellings(),
  ]

  /// The findings of every rule for one article, in rule order.
  ///
  /// - Parameters:
  ///   - text: the record's cleaned body text; spans count in it.
  ///   - rawText: the text as read, before cleaning (`field: "input.text"`).
  ///   - lang: the record's language, when known (some content rules are English-only).
  ///   - references: the raw reference strings (`field: "references[i]"`).
  ///   - repairs: what the cleaning stage repaired, placed in the record (nil when the mojibake
  ///     repair did not run: mojibake is then looked for in `text`).
  ///   - boilerplateVerdicts: the structure analysis's boilerplate answers for the lines of
  ///     `text` (``ArticleLayout/boilerplateVerdicts``), when `text` is its body.
  /// - Returns: findings whose spans count in `text` unless `field` says otherwise.
  public func findings(
    text: String, title: String?, published: String?, names: [NameMention],
    dates: [TemporalMention], rawText: String,
    lang: String? = nil, references: [String] = [], repairs: [LocatedRepair]? = nil,
    boilerplateVerdicts: BoilerplateVerdicts = BoilerplateVerdicts()
  ) -> [Finding] {
    let context = ArticleContext(
      text: text, title: title, published: published, names: names, dates: dates, rawText: rawText,
      lang: lang,
      references: references, repairs: repairs, boilerplateVerdicts: boilerplateVerdicts)
    var findings: [Finding] = []
    for rule in rules { rule.check(context, into: &findings) }
    return findings
  }

  /// Every code the rules can report, with the rule that reports it.
  public static var codes: [(code: String, rule: String)] {
    defaultRules.flatMap { rule in type(of: rule).codes.map { (code: $0, rule: type(of: rule).id) }
    }
  }
}
