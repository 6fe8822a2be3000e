import ByteSupport
import NormalizeCore

/// Finds page furniture left in the body after cleaning: comment-form headings ("Leave a
/// reply"), share and subscribe prompts, view counters, copyright lines. A line counts only when
/// it is short and is mostly the phrase, so articles that mention these words are left alone.
public struct FindLeftoverBoilerplate: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "find-leftover-boilerplate"
  /// The finding codes this rule reports.
  public static let codes = ["leftover-boilerplate"]

  /// Creates the rule.
  public init() {}

  /// Phrases that make up page furniture (compared ignoring ASCII case at the start of a short line).
  static let phrases = [
    "leave a reply", "leave a comment", "no comments", "share this", "share on facebook",
    "click here to",
    "sign up for our newsletter", "subscribe to our newsletter", "all rights reserved",
    "related articles",
    "related posts", "read more", "views:", "advertisement", "exit mobile version", "cookie policy",
    "you may also like",
    "follow us on", "print this article", "skip to content",
  ]
  private static let phraseBytes = phrases.map { Array($0.utf8) }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    ByteText.withBytes(article.text) { bytes in
      var lineStart = 0
      var reported = 0
      while lineStart < bytes.count, reported < 10 {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        var start = lineStart
        while start < lineEnd, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        let length = lineEnd - start
        guard length > 0, length <= 80 else { continue }
        guard
          let phrase = Self.phraseBytes.first(where: { ByteText.hasPrefix(bytes, at: start, $0) }),
          length <= phrase.count + 25
        else { continue }
        reported += 1
        let line = ByteText.string(bytes, start..<lineEnd)
        let offset = ByteText.scalarOffset(bytes, start)
        findings.append(
          Finding(
            code: "leftover-boilerplate", severity: .info, start: offset,
            end: offset + line.unicodeScalars.count,
            message:
              "page furniture \"\(line)\" left in the body (\(String(decoding: phrase, as: UTF8.self))); add it to the boilerplate lexicon or strip it upstream"
          ))
      }
    }
  }
}
