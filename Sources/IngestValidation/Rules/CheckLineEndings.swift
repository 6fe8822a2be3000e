import ICUSupport
import NormalizeCore

/// Reports raw text that mixes line-ending conventions (CRLF, CR, LF): a sign of text pasted
/// together from several sources or systems.
public struct CheckLineEndings: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "check-line-endings"
  /// The finding codes this rule reports.
  public static let codes = ["mixed-line-endings"]

  /// Creates the rule.
  public init() {}

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    // Only LF (or nothing): the common case, known from the raw text's summary.
    guard article.rawSummary.hasCarriageReturn else { return }
    var crlf = 0
    var cr = 0
    var lf = 0
    var firstMinority = -1
    ByteText.withBytes(article.rawText) { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0D {
          if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
            crlf += 1
            index += 2
            continue
          }
          cr += 1
          if firstMinority < 0 && (lf > 0 || crlf > 0) { firstMinority = index }
        } else if byte == 0x0A {
          lf += 1
          if firstMinority < 0 && (cr > 0 || crlf > 0) { firstMinority = index }
        }
        index += 1
      }
    }
    let kinds = [crlf, cr, lf].filter { $0 > 0 }.count
    guard kinds > 1 else { return }
    findings.append(
      Finding(
        code: "mixed-line-endings", severity: .info, field: "input.text",
        byteOffset: firstMinority >= 0 ? firstMinority : nil,
        message:
          "mixed line endings (CRLF \(crlf), CR \(cr), LF \(lf)); normalise to LF before comparing or diffing"
      ))
  }
}
