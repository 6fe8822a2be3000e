/// The imprint of a Chinese, Japanese or Korean book reference, "place：publisher":
/// "北京：清华大学出版社", "東京：岩波書店", "서울: 민음사".
///
/// Written without spaces and without title marks ("李华，张伟（2020）。人工智能与新闻写作。北京：
/// 清华大学出版社。"), the imprint is the one field the tagger cannot tell from a journal, and
/// nothing but the colon separates the place from the publisher. A publisher's name ends with
/// a word for a publishing house (出版社, 書店, 书局, 出版会, 사 …); a place is a short run of
/// letters. `ReferenceToken` cuts such a field at its colon, and `ReferenceRules` labels the
/// two halves.
///
/// ```swift
/// CJKImprint.isPublisher(Array("清华大学出版社。".unicodeScalars)[...])  // true
/// CJKImprint.isPlace(Array("北京".unicodeScalars)[...])                 // true
/// CJKImprint.isPublisher(Array("俄乌战俘互换名单".unicodeScalars)[...])  // false
/// ```
enum CJKImprint {
  /// Whether a field names a publisher by how it ends (trailing stops and commas allowed):
  /// "清华大学出版社", "岩波書店", "商务印书馆", "東京大学出版会", "筑摩書房", "민음사".
  static func isPublisher(_ field: ArraySlice<Unicode.Scalar>) -> Bool {
    var core = field
    while let last = core.last, trailingMarks.contains(last) { core = core.dropLast() }
    // A house word alone is no name ("出版社"), and the name is all CJK letters.
    guard core.count >= 2, core.allSatisfy(isLetter) else { return false }
    return publisherEndings.contains { ending in
      core.count > ending.count && core.suffix(ending.count).elementsEqual(ending)
    }
  }

  /// Whether a field (without its colon) is short enough, and all letters, to be a place:
  /// "北京", "東京", "台北", "서울".
  static func isPlace(_ field: ArraySlice<Unicode.Scalar>) -> Bool {
    (1...6).contains(field.count) && field.allSatisfy(isLetter)
  }

  /// Han, kana and Hangul letters.
  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    s.value >= 0x1100 && ReferenceToken.isCJK(s) && s.properties.isAlphabetic
  }

  /// Endings of publishers' names: publishing house, bookshop, book company, press, printing
  /// house (Chinese, Japanese), and 출판사 / 출판부 / -사 (Korean).
  private static let publisherEndings: [[Unicode.Scalar]] = [
    "出版社", "出版", "出版会", "出版會", "出版部", "书局", "書局", "书店", "書店", "书房", "書房", "书社", "書社",
    "印书馆", "印書館", "公司", "社", "閣", "阁", "堂", "출판사", "출판부", "사",
  ].map { Array($0.unicodeScalars) }

  private static let trailingMarks = Set("。，、；．,.;".unicodeScalars)
}
