import ICUSupport
import NormalizeCore

/// Reports raw text that is not in Unicode Normalization Form C: decomposed accents ("e" +
/// U+0301) compare unequal to composed ones ("é") in search and deduplication.
public struct RequireNFC: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "require-nfc"
  /// The finding codes this rule reports.
  public static let codes = ["not-nfc"]

  /// Creates the rule.
  public init() {}

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    let raw = article.rawText
    if article.rawSummary.isSurelyNFC || Normalizer.isNormalized(raw, form: .nfc) { return }
    // Locate the first scalar that NFC changes: the first combining mark after a base character
    // that composes with it, or a singleton such as U+212B ANGSTROM SIGN.
    var offset = 0
    var start: Int?
    var previous: Unicode.Scalar?
    for scalar in raw.unicodeScalars {
      if scalar.value >= 0x300, let base = previous {
        let pair = String(String.UnicodeScalarView([base, scalar]))
        if !Normalizer.isNormalized(pair, form: .nfc) {
          start = offset - 1
          break
        }
      }
      if scalar.value >= 0x300, !Normalizer.isNormalized(String(scalar), form: .nfc) {
        start = offset
        break
      }
      previous = scalar
      offset += 1
    }
    findings.append(
      Finding(
        code: "not-nfc", severity: .info, start: start, end: start.map { $0 + 1 },
        field: "input.text",
        message:
          "text is not in NFC (decomposed or compatibility characters); normalise it to NFC so equal words compare equal"
      ))
  }
}
