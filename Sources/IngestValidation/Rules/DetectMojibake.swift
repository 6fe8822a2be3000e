import NormalizeCore

/// Finds mojibake — UTF-8 read as Latin-1, Windows-1252, MacRoman, Windows-1251 … (possibly
/// several times), CESU-8 emoji, Windows-1252 quotes read as C1 controls — line by line, and
/// suggests the repaired text.
///
/// ```swift
/// // "Ana Souza (nÃƒÂ©e Lima)" → mojibake: … should read "née"
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

  /// Lead bytes of the scalars mojibake is made of (Latin-1 and Latin Extended, spacing
  /// modifiers, Greek, Cyrillic, Hebrew, Arabic, general punctuation, math, box drawing,
  /// ligatures); lines without any are skipped (CJK, Hangul, Thai …).
  private static let suspectLeads: [Bool] = (0..<256).map { (byte: Int) -> Bool in
    let leads: Set<Int> = [0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1, 0xD7, 0xD8, 0xD9, 0xE2, 0xEF]
    return leads.contains(byte)
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    let text = article.text
    var reported = 0
    var extra = 0
    ByteText.withBytes(text) { bytes in
      let count = bytes.count
      var lineStart = 0
      var scalarsBefore = 0
      var countedTo = 0
      while lineStart < count {
        var lineEnd = lineStart
        var suspect = false
        while lineEnd < count, bytes[lineEnd] != 0x0A {
          if Self.suspectLeads[Int(bytes[lineEnd])] { suspect = true }
          lineEnd += 1
        }
        defer { lineStart = lineEnd + 1 }
        guard suspect else { continue }
        let line = ByteText.string(bytes, lineStart..<lineEnd)
        guard MojibakeBadness.score(line.unicodeScalars) >= MojibakeRepair.minimumGain
          || line.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) })
        else { continue }
        let result = MojibakeRepair.repair(line)
        guard result.isMojibake else { continue }
        if reported >= limit {
          extra += 1
          continue
        }
        reported += 1
        scalarsBefore += ByteText.scalarOffset(UnsafeBufferPointer(rebasing: bytes[countedTo..<lineStart]), lineStart - countedTo)
        countedTo = lineStart
        let original = Array(line.unicodeScalars)
        let fixed = Array(result.text.unicodeScalars)
        // Narrow the span to what changed, widened to whole words.
        var prefix = 0
        while prefix < original.count, prefix < fixed.count, original[prefix] == fixed[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < original.count - prefix, suffix < fixed.count - prefix,
          original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix]
        {
          suffix += 1
        }
        while prefix > 0, !original[prefix - 1].properties.isWhitespace { prefix -= 1 }
        while suffix > 0, !original[original.count - suffix].properties.isWhitespace { suffix -= 1 }
        let was = String(String.UnicodeScalarView(original[prefix..<(original.count - suffix)]))
        let should = String(String.UnicodeScalarView(fixed[prefix..<(fixed.count - suffix)]))
        let encodings = Set(result.steps.map(\.encoding)).sorted().joined(separator: ", ")
        findings.append(
          Finding(
            code: "mojibake", severity: .error, start: scalarsBefore + prefix, end: scalarsBefore + original.count - suffix,
            message: "mojibake (UTF-8 read as \(encodings)): \"\(Self.clip(was))\" should read \"\(Self.clip(should))\"; re-decode the source as UTF-8 or apply the repair"))
      }
    }
    if extra > 0 {
      findings.append(Finding(code: "mojibake", severity: .info, message: "\(extra) more lines with mojibake not listed"))
    }
  }

  static func clip(_ text: String, to length: Int = 80) -> String {
    text.unicodeScalars.count <= length ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(length))) + "…"
  }
}

/// ASCII tests over UTF-8 bytes, eight at a time.
enum UTF8ScanLite {
  static func isASCII(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
      var index = 0
      let count = bytes.count
      while index + 8 <= count {
        var word: UInt64 = 0
        for k in 0..<8 { word |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
        if word & 0x8080_8080_8080_8080 != 0 { return false }
        index += 8
      }
      while index < count {
        if bytes[index] >= 0x80 { return false }
        index += 1
      }
      return true
    }
  }
}
