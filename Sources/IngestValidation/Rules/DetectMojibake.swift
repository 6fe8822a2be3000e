import NormalizeCore
import TextCleaning

/// Reports mojibake in the input — UTF-8 read as Latin-1, Windows-1252, MacRoman, Windows-1251
/// … (possibly several times), CESU-8 emoji, Windows-1252 quotes read as C1 controls — as an
/// error with the repaired text as its suggestion. The detector is the cleaning stage's own
/// `FixMojibake`: the record's text is already repaired, so the findings come from the repairs
/// it made (spans on the repaired words); with that pass turned off, the same pass looks at the
/// record's text without changing it.
///
/// ```swift
/// // input "Ana Souza (nÃƒÂ©e Lima)" → the record reads "Ana Souza (née Lima)" and carries
/// // mojibake (error): "(nÃƒÂ©e" in the input should read "(née" (UTF-8 read as …)
/// ```
public struct DetectMojibake: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "detect-mojibake"
  /// The finding codes this rule reports.
  public static let codes = ["mojibake"]
  /// The most findings reported per article (then one summary finding).
  public var limit = 20

  /// Creates the rule.
  public init() {}

  /// Appends this rule's findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    let located: [LocatedRepair]
    if let repairs = article.repairs {
      located = repairs.filter(\.repair.isMojibake)
    } else {
      var found: [TextRepair]? = []
      var none: ChangeRecorder? = nil
      _ = FixMojibake().apply(article.text, recorder: &none, repairs: &found)
      located = (found ?? []).filter(\.isMojibake).map { repair in
        LocatedRepair(
          repair: repair, start: repair.offset,
          end: repair.offset + repair.before.unicodeScalars.count)
      }
    }
    for item in located.prefix(limit) {
      let repair = item.repair
      let how = repair.detail.map { " (\($0))" } ?? ""
      let advice =
        article.repairs == nil
        ? "re-decode the source as UTF-8 or leave the fix-mojibake pass on"
        : "the record carries the repaired text; re-decode the source as UTF-8 to fix it at the root"
      findings.append(
        Finding(
          code: "mojibake", severity: .error, start: item.start, end: item.end, field: item.field,
          message:
            "mojibake\(how): \"\(TextRepair.clip(repair.before))\" should read \"\(TextRepair.clip(repair.after))\"; \(advice)"
        ))
    }
    if located.count > limit {
      findings.append(
        Finding(
          code: "mojibake", severity: .info,
          message: "\(located.count - limit) more repairs of mojibake not listed"))
    }
  }
}
