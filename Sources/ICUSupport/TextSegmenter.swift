import CICU

/// Word and sentence segmentation with ICU break iterators (UAX #29, plus ICU's dictionaries
/// for Chinese, Japanese, Thai and Khmer).
///
/// ```swift
/// TextSegmenter.words(in: "消息：俄乌战俘互换", locale: "zh").map(\.text)
/// // ["消息", "：", "俄", "乌", "战俘", "互换"]  (dictionary-based words)
/// TextSegmenter.sentences(in: "Mr. Lee met Yoo. He left.", locale: "en").count              // 3
/// TextSegmenter.sentences(in: "Mr. Lee met Yoo. He left.", locale: "en@ss=standard").count  // 2
/// ```
public enum TextSegmenter {
  /// What a word segment contains, from ICU's rule status.
  public enum WordKind: Sendable, Equatable {
    /// Spaces and punctuation.
    case none
    case number
    case letter
    case kana
    case ideographic
  }

  /// One segment: its text, its range in the input, and (for words) its kind.
  public struct Segment: Sendable, Equatable {
    /// The segment's text ("战俘").
    public let text: Substring
    /// Where the segment is in the input.
    public let range: Range<String.Index>
    /// What a word segment holds; always `.none` for sentences and grapheme clusters.
    public let kind: WordKind
  }

  /// Splits `text` into word-break segments (words, spaces and punctuation alike).
  ///
  /// - Parameters:
  ///   - text: the text; any script.
  ///   - locale: an ICU locale id such as "en", "ko", "zh"; it tunes the rules only slightly.
  ///   - wordsOnly: drop segments of kind `.none` (spaces, punctuation).
  /// - Returns: the segments in order.
  public static func words(in text: String, locale: String = "", wordsOnly: Bool = false)
    -> [Segment]
  {
    segments(kind: CICU_BREAK_WORD, text: text, locale: locale).filter {
      !wordsOnly || $0.kind != .none
    }
  }

  /// Splits `text` into sentences with ICU's sentence rules. They are abbreviation-aware only
  /// when the locale asks for CLDR's suppressions: "en" splits after "Mr.", "en@ss=standard"
  /// does not.
  public static func sentences(in text: String, locale: String = "") -> [Segment] {
    segments(kind: CICU_BREAK_SENTENCE, text: text, locale: locale)
  }

  /// Splits `text` into user-perceived characters (extended grapheme clusters).
  public static func graphemes(in text: String) -> [Segment] {
    segments(kind: CICU_BREAK_CHARACTER, text: text, locale: "")
  }

  private static func segments(kind: Int32, text: String, locale: String) -> [Segment] {
    if text.isEmpty { return [] }
    var status: Int32 = 0
    let iterator = UTF16Buffer.with(text) { cicu_break_open(kind, locale, $0, $1, &status) }
    guard status <= 0, let iterator else {
      return [Segment(text: text[...], range: text.startIndex..<text.endIndex, kind: .none)]
    }
    defer { cicu_break_close(iterator) }
    var result: [Segment] = []
    var start = text.startIndex
    var startOffset = 0
    while true {
      let boundary = cicu_break_next(iterator)
      if boundary < 0 { break }
      let end = String.Index(utf16Offset: Int(boundary), in: text)
      let status = kind == CICU_BREAK_WORD ? cicu_break_rule_status(iterator) : 0
      if Int(boundary) > startOffset {
        result.append(Segment(text: text[start..<end], range: start..<end, kind: wordKind(status)))
      }
      start = end
      startOffset = Int(boundary)
    }
    return result
  }

  private static func wordKind(_ status: Int32) -> WordKind {
    switch status {
    case 100..<200: return .number
    case 200..<300: return .letter
    case 300..<400: return .kana
    case 400..<500: return .ideographic
    default: return .none
    }
  }
}
