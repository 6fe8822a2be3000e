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
    // Words are found on the UTF-8 bytes, by byte range; a word's string is made only when it
    // mixes Latin with Cyrillic or Greek (a Russian or Ukrainian article has thousands of words).
    ByteText.withBytes(text) { bytes in
      var wordStart = 0
      var wordStartByte = 0
      var inWord = false
      var offset = 0
      var latin = false
      var other = false
      var reported = 0
      func flush(endByte: Int) {
        defer {
          inWord = false
          latin = false
          other = false
        }
        guard latin && other, reported < 20 else { return }
        let token = ByteText.string(bytes, wordStartByte..<endByte)
        let word = token.unicodeScalars
        if let checker = SpoofChecker.shared, checker.check(token).isEmpty { return }
        reported += 1
        let odd = word.filter { Self.script($0.value) != .latin && Self.script($0.value) != nil }
          .map {
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
      var index = 0
      while index < bytes.count {
        let (v, length) = Self.decode(bytes, at: index)
        var inLetter = false
        if let script = Self.script(v) {
          inLetter = true
          if script == .latin { latin = true } else { other = true }
        } else if v >= 0x80, let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
          inLetter = true
        }
        if inLetter {
          if !inWord {
            inWord = true
            wordStart = offset
            wordStartByte = index
          }
        } else if inWord {
          flush(endByte: index)
        }
        index += length
        offset += 1
      }
      if inWord { flush(endByte: bytes.count) }
    }
  }

  /// The scalar value at `index` of valid UTF-8 and its length in bytes.
  @inline(__always)
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let b0 = bytes[index]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 < 0xE0 { return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
      return (
        UInt32(b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F), 3
      )
    }
    return (
      UInt32(b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4
    )
  }
}
