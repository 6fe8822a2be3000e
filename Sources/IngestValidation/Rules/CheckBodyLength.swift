import ByteSupport
import NormalizeCore

/// Reports bodies that are very short or that stop mid-sentence (truncated by the scraper or a
/// paywall): the body ends in a lower-case word with no closing punctuation, or in "…", "..."
/// or "[…]". An empty body is reported by the assembler (`empty-body`).
public struct CheckBodyLength: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "check-body-length"
  /// The finding codes this rule reports.
  public static let codes = ["short-body", "truncated-body"]
  /// Fewer words than this is a short body.
  public var minimumWords = 40

  /// Creates the rule.
  public init() {}

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    let text = article.text
    guard !text.isEmpty else { return }
    ByteText.withBytes(text) { bytes in
      let words = Self.wordCount(bytes, stoppingAt: minimumWords)
      if words < minimumWords {
        findings.append(
          Finding(
            code: "short-body", severity: .info, start: 0,
            end: ByteText.scalarOffset(bytes, bytes.count),
            message: "body has only \(words) words; check that the article was extracted whole"))
      }
      // The end of the body, trailing spaces dropped.
      var end = bytes.count
      while end > 0, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
      guard end > 0 else { return }
      let last = bytes[end - 1]
      let ellipsis =
        (end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0xA6)
        || (end >= 3 && bytes[end - 3] == 0x2E && bytes[end - 2] == 0x2E && last == 0x2E)
        || (last == 0x5D && end >= 4 && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80
          && bytes[end - 2] == 0xA6)
      // A lower-case ASCII letter ends the body, and the last 40 bytes hold a space (a sentence,
      // not a lone word or a URL).
      let lowerEnd = last >= 0x61 && last <= 0x7A && bytes[max(0, end - 40)..<end].contains(0x20)
      guard ellipsis || lowerEnd else { return }
      let endOffset = ByteText.scalarOffset(bytes, end)
      var tailStart = max(0, end - 30)
      while tailStart < end, bytes[tailStart] & 0xC0 == 0x80 { tailStart += 1 }
      let tail = ByteText.string(bytes, tailStart..<end)
      findings.append(
        Finding(
          code: "truncated-body", severity: .warning, start: endOffset - 1, end: endOffset,
          message: ellipsis
            ? "body ends with an ellipsis: probably a teaser or a paywall cut; fetch the full article"
            : "body ends mid-sentence (\"…\(tail)\"); the text may be truncated"))
    }
  }

  /// The number of words (runs of bytes other than space, tab, CR and LF) in `bytes`, counted
  /// eight bytes at a time until at least `limit` are found: exact below `limit`, at least
  /// `limit` otherwise.
  ///
  /// ```swift
  /// var text = "Сеул  said\ttoday"
  /// text.withUTF8 { CheckBodyLength.wordCount($0, stoppingAt: 40) }  // 3
  /// ```
  static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, stoppingAt limit: Int) -> Int {
    let count = bytes.count
    var words = 0
    // The high bit of a lane is set when its byte is a space; the text's start counts as one.
    var previousIsSpace: UInt64 = 0x80
    var index = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      let highs: UInt64 = 0x8080_8080_8080_8080
      /// The high bit of each lane of `word` equal to `byte` (exact per lane).
      @inline(__always) func lanes(_ word: UInt64, equalTo byte: UInt64) -> UInt64 {
        let x = word ^ (ones &* byte)
        return ~(((x & lows) &+ lows) | x) & highs
      }
      while index &+ 8 <= count && words < limit {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let spaces =
          lanes(word, equalTo: 0x20) | lanes(word, equalTo: 0x0A) | lanes(word, equalTo: 0x09)
          | lanes(word, equalTo: 0x0D)
        // A word starts at a non-space byte whose previous byte is a space (lane 0: the
        // previous word's last lane).
        let starts = ~spaces & highs & (spaces << 8 | previousIsSpace)
        words &+= starts.nonzeroBitCount
        previousIsSpace = spaces >> 56
        index &+= 8
      }
    }
    var inWord = previousIsSpace == 0
    while index < count && words < limit {
      let byte = bytes[index]
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !isSpace && !inWord { words += 1 }
      inWord = !isSpace
      index += 1
    }
    return words
  }
}
