import ICUSupport
import NormalizeCore

/// Reports words that mix Latin with Cyrillic or Greek letters, such as "Yoo Yong-wоn" with a
/// Cyrillic "о" (UTS #39 mixed-script confusables): they look right but never match in search.
/// ICU's spoof checker confirms the word is confusable; its skeleton gives the suggestion.
public struct FlagConfusableMixedScripts: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "flag-confusable-mixed-scripts"
  /// The finding codes this rule reports.
  public static let codes = ["confusable-mixed-script"]

  /// Creates the rule.
  public init() {}

  private static let greekOrCyrillic = ByteScanner { (0xCD...0xD3).contains($0) }

  private enum LetterScript { case latin, cyrillic, greek, other }

  @inline(__always)
  private static func script(_ v: UInt32) -> LetterScript? {
    switch v {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .latin
    case 0x400...0x4FF: return .cyrillic
    case 0x370...0x3FF: return .greek
    default: return nil
    }
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    let text = article.text
    // Greek and Cyrillic letters have lead bytes CD–D3; without them nothing can mix.
    guard ByteText.withBytes(text, { Self.greekOrCyrillic.next(in: $0, from: 0) < $0.count }) else {
      return
    }
    var wordStart = 0
    var offset = 0
    var word = String.UnicodeScalarView()
    var latin = false
    var other = false
    var reported = 0
    func flush() {
      defer {
        word = String.UnicodeScalarView()
        latin = false
        other = false
      }
      guard latin && other, reported < 20 else { return }
      let token = String(word)
      if let checker = SpoofChecker.shared, checker.check(token).isEmpty { return }
      reported += 1
      let odd = word.filter { Self.script($0.value) != .latin && Self.script($0.value) != nil }.map
      {
        "U+" + String($0.value, radix: 16, uppercase: true) + " " + ($0.properties.name ?? "")
      }
      let majority = word.filter { Self.script($0.value) == .latin }.count * 2 >= word.count
      var advice =
        majority
        ? "replace the non-Latin look-alikes with Latin letters" : "replace the Latin look-alikes"
      if majority, let checker = SpoofChecker.shared {
        let skeleton = checker.skeleton(token)
        if UTF8Scan.isASCII(skeleton) { advice += " (\"\(skeleton)\")" }
      }
      findings.append(
        Finding(
          code: "confusable-mixed-script", severity: .warning, start: wordStart, end: offset,
          message:
            "\"\(token)\" mixes scripts (\(odd.prefix(3).joined(separator: ", "))); \(advice)"))
    }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if let script = Self.script(v) {
        if word.isEmpty { wordStart = offset }
        word.append(scalar)
        if script == .latin { latin = true } else { other = true }
      } else if scalar.properties.isAlphabetic && v >= 0x80 {
        if word.isEmpty { wordStart = offset }
        word.append(scalar)
      } else if !word.isEmpty {
        flush()
      }
      offset += 1
    }
    flush()
  }
}
