import ByteSupport
import DateResolution

/// Infers an article's publication date from its own text when the input gives none, and only
/// from a date that reads as the article's own:
/// - a short line moved out of the body (a dateline, "Published 28 May 2025", "Aktualisiert am
///   13.12.2024") whose date is not told as a story ("On September 30, 1882, …");
/// - or a dateline opening the body: the date at the very start, or after a place and a comma
///   ("SEOUL, May 28, 2025 — …", "Київ, 27 травня 2025 р. —");
/// - or a date closing the title or one of the first lines ("… 毎日新聞 2021/3/31", "… (10.04.2022)").
///
/// ```swift
/// PublicationDateInference.infer(body: "SEOUL, May 28, 2025 — North Korea…", removed: [], language: "en", resolver: resolver)
/// // (value: "2025-05-28", evidence: "May 28, 2025")
/// PublicationDateInference.infer(body: "On September 30, 1882, the first plant…", removed: [], language: "en", resolver: resolver)
/// // nil: a date in the story, not the article's
/// ```
///
/// Only a full date (YYYY-MM-DD) written out in the text counts, so nothing relative is
/// resolved against a guess and the current date is never used. Records mark such a date
/// `"from": "inferred"` and say where it came from in an `inferred-published` finding.
enum PublicationDateInference {
  /// The longest removed line whose date may be the article's (scalars): a dateline or a
  /// "Published …" line, not a paragraph that tells a story.
  static let lineLength = 100
  /// How far into the body a dateline's date may start (scalars): "SAN FRANCISCO, Calif., ".
  static let datelineReach = 48

  static func infer(
    body: String, title: String? = nil, removed: [String], language: String?, resolver: DateResolver
  ) -> (value: String, evidence: String)? {
    // Only a date with a year counts: a line in which none can be read is not resolved.
    for line in removed
    where line.unicodeScalars.count <= lineLength && resolver.mayReadYear(in: line) {
      for mention in resolver.resolve(line, dct: nil, language: language).mentions
      where isFullDate(mention) {
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(mention.start)))
        if !endsWithNarrativeWord(before) { return (mention.value, mention.text) }
      }
    }
    let opening = String(body.unicodeScalars.prefix(datelineReach + 40))
    let openingMentions =
      resolver.mayReadYear(in: opening)
      ? resolver.resolve(opening, dct: nil, language: language).mentions : []
    for mention in openingMentions where mention.start <= datelineReach {
      guard isFullDate(mention) else { continue }
      let before = String(String.UnicodeScalarView(opening.unicodeScalars.prefix(mention.start)))
      if isDatelinePlace(before) { return (mention.value, mention.text) }
    }
    // A date that closes one of the first lines: "… 毎日新聞 2021/3/31", "… briefing (10.04.2022)".
    let top =
      (title.map { [Substring($0)] } ?? [])
      // Only the first lines are split off, not the whole body.
      + firstLines(of: body, count: topLines)
    for line in top where line.unicodeScalars.count <= topLineLength {
      let text = String(line)
      guard resolver.mayReadYear(in: text) else { continue }
      for mention in resolver.resolve(text, dct: nil, language: language).mentions
      where isFullDate(mention) {
        // Nothing after it but closing brackets (a sentence's full stop makes it a story or a
        // caption), and no lower-case word right before it ("commandé le 12/12/2019").
        let after = text.unicodeScalars.dropFirst(mention.end)
        let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(mention.start)))
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).last?
          .unicodeScalars.first
        if after.allSatisfy({ $0.properties.isWhitespace || ")]）】」".unicodeScalars.contains($0) }),
          !(previous?.properties.isLowercase ?? false)
        {
          return (mention.value, mention.text)
        }
      }
    }
    return nil
  }

  /// The first `count` non-empty lines of `text`, as `text.split(separator: "\n")` gives
  /// them, found on its UTF-8 bytes without walking the rest: a line ends at a line feed that
  /// does not close a "\r\n" (one `Character`, not "\n").
  ///
  /// ```swift
  /// firstLines(of: "Київ, 27 травня 2025 р.\n\nУряд…\nДалі…\nІнше", count: 3)
  /// // ["Київ, 27 травня 2025 р.", "Уряд…", "Далі…"]
  /// ```
  static func firstLines(of text: String, count: Int) -> [Substring] {
    // The line ends are found with memchr (`ByteSearch`) where the UTF-8 is contiguous (a
    // native string), not by walking the string's indices byte by byte.
    let ranges =
      text.utf8.withContiguousStorageIfAvailable { lineRanges(in: $0, count: count) }
      ?? Array(text.utf8).withUnsafeBufferPointer { lineRanges(in: $0, count: count) }
    let utf8 = text.utf8
    return ranges.map { range in
      let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      return text[start..<utf8.index(start, offsetBy: range.count)]
    }
  }

  /// The byte ranges of the first `count` non-empty lines of `bytes` (`firstLines(of:count:)`).
  private static func lineRanges(in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var search = 0
    while ranges.count < count, search < bytes.count {
      let index = ByteSearch.next(0x0A, in: bytes, from: search)
      guard index < bytes.count else { break }
      search = index + 1
      // "\r\n" is one `Character`: no line ends there.
      if index > 0, bytes[index - 1] == 0x0D { continue }
      if start < index { ranges.append(start..<index) }
      start = index + 1
    }
    if ranges.count < count, start < bytes.count { ranges.append(start..<bytes.count) }
    return ranges
  }

  /// How many lines at the top of the body may end with the article's date, and how long.
  static let topLines = 3
  static let topLineLength = 160

  private static func isFullDate(_ mention: TemporalMention) -> Bool {
    mention.type == "DATE" && mention.mod == nil && isFullDate(mention.value)
  }

  /// What comes before a dateline's date: nothing, or one to five words (a place, its
  /// region, an agency) ending in a comma, none of them starting lower-case ("SEOUL, ",
  /// "Kyiv, ", "BERLIN (dpa), "), unlike a sentence ("On ", "The plant opened ").
  static func isDatelinePlace(_ before: String) -> Bool {
    let trimmed = before.unicodeScalars.drop { $0.properties.isWhitespace }
    guard !trimmed.isEmpty else { return true }
    var text = String(String.UnicodeScalarView(trimmed))
    while let last = text.unicodeScalars.last, last.properties.isWhitespace {
      text.unicodeScalars.removeLast()
    }
    guard text.hasSuffix(",") || text.hasSuffix("–") || text.hasSuffix("—") || text.hasSuffix("-")
    else { return false }
    let words = text.split { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard words.count <= 5 else { return false }
    return words.allSatisfy { word in
      guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else {
        return true
      }
      return !first.properties.isLowercase
    }
  }

  /// Whether the text before a date ends with a word that tells the date as part of a story
  /// ("On", "in", "since", "until"): lower-case words or one of a few capitalised
  /// prepositions at the start of a sentence.
  static func endsWithNarrativeWord(_ before: String) -> Bool {
    guard let last = before.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).last
    else { return false }
    let word = last.lowercased()
    return ["on", "in", "since", "until", "till", "from", "after", "before", "by", "during", "of"]
      .contains(word)
  }

  /// "2025-05-28": four digits, two, two.
  static func isFullDate(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    return bytes.enumerated().allSatisfy {
      $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39)
    }
  }
}
