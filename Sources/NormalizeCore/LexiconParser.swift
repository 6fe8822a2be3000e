import ICUSupport

/// Parses the text of one lexicon file into entries, checking the rules every kind shares:
/// valid UTF-8, NFC, no empty fields.
public enum LexiconParser {
  /// Parses `contents` of the file at `path` (relative to the root) in folder `language`.
  ///
  /// - Throws: `LexiconError.invalidEntry` with the line of the first problem.
  public static func parse(_ contents: String, path: String, language: String) throws
    -> [LexiconEntry]
  {
    let result = parseAll(contents, path: path, language: language)
    if let first = result.problems.first { throw first }
    return result.entries
  }

  /// Parses every line, collecting every problem instead of stopping at the first (for
  /// `normalize lexicon check`). Lines with a problem are left out of `entries`.
  public static func parseAll(_ contents: String, path: String, language: String) -> (
    entries: [LexiconEntry], problems: [LexiconError]
  ) {
    var entries: [LexiconEntry] = []
    var problems: [LexiconError] = []
    // The field bounds of a non-ASCII line, reused from line to line.
    var bounds: [(Int, Int)] = []
    var contents = contents
    contents.withUTF8 { bytes in
      var lineNumber = 0
      var lineStart = 0
      // Split on "\n" bytes (the scalar, not the Character: "\r\n" is a single Character, so
      // splitting the String on "\n" would never break CRLF lines).
      while lineStart <= bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        lineNumber += 1
        var end = lineEnd
        if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
        if line.allSatisfy({ $0 < 0x80 }) {
          parseASCIILine(
            line, path: path, line: lineNumber, language: language, into: &entries,
            problems: &problems)
        } else {
          var text = String(decoding: line, as: UTF8.self)
          let done = text.withUTF8 {
            parseLineOnBytes(
              $0, path: path, line: lineNumber, language: language, into: &entries,
              problems: &problems, bounds: &bounds)
          }
          if !done {
            parseLine(
              Substring(text), path: path, line: lineNumber, language: language, into: &entries,
              problems: &problems)
          }
        }
        lineStart = lineEnd + 1
      }
    }
    return (entries, problems)
  }

  /// One line of ASCII bytes: each byte is one `Character`, and the text is NFC, so the line is
  /// trimmed and split on bytes. Gives what ``parseLine(_:path:line:language:into:problems:)``
  /// gives for the same line, only faster (a lexicon is mostly ASCII).
  private static func parseASCIILine(
    _ line: UnsafeBufferPointer<UInt8>, path: String, line lineNumber: Int, language: String,
    into entries: inout [LexiconEntry], problems: inout [LexiconError]
  ) {
    let (start, end) = trimmingSpaces(line, from: 0, to: line.count)
    if start == end || line[start] == UInt8(ascii: "#") { return }
    var fields: [String] = []
    fields.reserveCapacity(fieldCount(line))
    var fieldStart = 0
    while true {
      var fieldEnd = fieldStart
      while fieldEnd < line.count, line[fieldEnd] != 0x09 { fieldEnd += 1 }
      let (trimmedStart, trimmedEnd) = trimmingSpaces(line, from: fieldStart, to: fieldEnd)
      if trimmedStart == trimmedEnd {
        problems.append(
          .invalidEntry(
            path: path, line: lineNumber, message: "empty field (fields are separated by one TAB)"))
        return
      }
      fields.append(
        String(
          decoding: UnsafeBufferPointer(rebasing: line[trimmedStart..<trimmedEnd]), as: UTF8.self))
      if fieldEnd == line.count { break }
      fieldStart = fieldEnd + 1
    }
    entries.append(LexiconEntry(fields: fields, path: path, line: lineNumber, language: language))
  }

  /// The number of TAB-separated fields of `line`: one more than its TABs.
  private static func fieldCount(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 1
    for byte in line where byte == 0x09 { count += 1 }
    return count
  }

  /// The bounds of `line[start..<end]` without its leading and trailing spaces.
  private static func trimmingSpaces(
    _ line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  )
    -> (Int, Int)
  {
    var start = start
    var end = end
    while start < end, line[start] == 0x20 { start += 1 }
    while end > start, line[end - 1] == 0x20 { end -= 1 }
    return (start, end)
  }

  /// One line with non-ASCII text (valid UTF-8), without its line break, split and trimmed on
  /// bytes where that gives what ``parseLine(_:path:line:language:into:problems:)`` gives on
  /// `Character`s; false (nothing added) where it may not, and the caller reads it on
  /// `Character`s.
  ///
  /// A TAB is a grapheme cluster of its own (a control: clusters break before and after it), so
  /// splitting on TAB bytes cuts where splitting on `Character`s does. A space is one `Character`
  /// when no combining mark or joiner follows it and no prepended mark comes before it: so a
  /// space trimmed from a field's start must be followed by an ASCII byte (or nothing), one
  /// trimmed from its end preceded by one, else the line goes the `Character` way
  /// ("\u{20}\u{301}x" keeps its space there). Likewise a "#" starts a comment only when no mark
  /// joins it ("#\u{301}" does not). "Зеленський \t Zelenskyy", "유용원\t유 용원": on bytes.
  ///
  /// `bounds` is scratch space for the fields' bounds, kept by the caller between lines.
  static func parseLineOnBytes(
    _ line: UnsafeBufferPointer<UInt8>, path: String, line lineNumber: Int, language: String,
    into entries: inout [LexiconEntry], problems: inout [LexiconError],
    bounds fields: inout [(Int, Int)]
  ) -> Bool {
    guard let (start, end) = trimmingSpacesAsCharacters(line, from: 0, to: line.count) else {
      return false
    }
    if start == end { return true }
    if line[start] == UInt8(ascii: "#") {
      if start + 1 == end || line[start + 1] < 0x80 { return true }
      return false
    }
    fields.removeAll(keepingCapacity: true)
    var fieldStart = 0
    while true {
      var fieldEnd = fieldStart
      while fieldEnd < line.count, line[fieldEnd] != 0x09 { fieldEnd += 1 }
      guard let trimmed = trimmingSpacesAsCharacters(line, from: fieldStart, to: fieldEnd) else {
        return false
      }
      fields.append(trimmed)
      if fieldEnd == line.count { break }
      fieldStart = fieldEnd + 1
    }
    // The checks in the order of the `Character` path: NFC first, then empty fields.
    if !isNFCByScalarRanges(line),
      !Normalizer.isNormalized(String(decoding: line, as: UTF8.self), form: .nfc)
    {
      problems.append(
        .invalidEntry(
          path: path, line: lineNumber,
          message: "not in Unicode NFC (run it through `normalize clean`)"))
      return true
    }
    if fields.contains(where: { $0.0 == $0.1 }) {
      problems.append(
        .invalidEntry(
          path: path, line: lineNumber, message: "empty field (fields are separated by one TAB)"))
      return true
    }
    var texts: [String] = []
    texts.reserveCapacity(fields.count)
    for (start, end) in fields {
      texts.append(
        String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self))
    }
    entries.append(LexiconEntry(fields: texts, path: path, line: lineNumber, language: language))
    return true
  }

  /// Whether every scalar of `line` (valid UTF-8) is one that NFC leaves alone wherever it
  /// stands: NFC quick check "yes" and canonical combining class 0, so the line is in NFC
  /// without asking ICU (UAX #15, "Detecting Normalization Forms"). Such are U+0000–U+02FF
  /// (up to the combining marks), Greek U+0370–U+03FF but for U+0374, U+037E and U+0387 (NFC
  /// maps them to other scalars), the Cyrillic letters U+0400–U+0482 and U+048A–U+04FF,
  /// general punctuation U+2010–U+205E, kana U+3040–U+30FF but for the combining sound marks
  /// U+3099 and U+309A, Hangul compatibility jamo U+3131–U+318E, the CJK unified ideographs
  /// U+4E00–U+9FFF and the Hangul syllables U+AC00–U+D7A3 ("Зеленський", "Αθήνα", "東京",
  /// "ミャンマー", "유용원", "‘quoted’"); no two of them compose. False as soon as another scalar
  /// appears ("e\u{301}", a conjoining jamo, "か\u{3099}"): ICU then decides.
  static func isNFCByScalarRanges(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = line.count
    while i < n {
      let b0 = UInt32(line[i])
      if b0 < 0x80 {
        i += 1
        continue
      }
      if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
        let value = ((b0 & 0x1F) << 6) | (UInt32(line[i + 1]) & 0x3F)
        switch value {
        case 0x80..<0x300: break
        case 0x370...0x3FF where value != 0x374 && value != 0x37E && value != 0x387: break
        case 0x400...0x482, 0x48A...0x4FF: break
        default: return false
        }
        i += 2
        continue
      }
      if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
        let value =
          ((b0 & 0x0F) << 12) | ((UInt32(line[i + 1]) & 0x3F) << 6) | (UInt32(line[i + 2]) & 0x3F)
        switch value {
        case 0x2010...0x205E, 0x3040...0x3098, 0x309B...0x30FF, 0x3131...0x318E: break
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3: break
        default: return false
        }
        i += 3
        continue
      }
      return false
    }
    return true
  }

  /// The bounds of `line[start..<end]` without its leading and trailing spaces, as
  /// `Substring.trimmingCharacters(in: " ")` finds them, or nil when a trimmed space may be part
  /// of a larger `Character` (a non-ASCII byte right after the leading spaces or right before
  /// the trailing ones).
  private static func trimmingSpacesAsCharacters(
    _ line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> (Int, Int)? {
    let (trimmedStart, trimmedEnd) = trimmingSpaces(line, from: start, to: end)
    if trimmedStart > start, trimmedStart < end, line[trimmedStart] >= 0x80 { return nil }
    if trimmedEnd < end, trimmedEnd > trimmedStart, line[trimmedEnd - 1] >= 0x80 { return nil }
    return (trimmedStart, trimmedEnd)
  }

  /// One line with non-ASCII text, without its line break: trimmed and split on `Character`s,
  /// checked for NFC.
  static func parseLine(
    _ line: Substring, path: String, line lineNumber: Int, language: String,
    into entries: inout [LexiconEntry], problems: inout [LexiconError]
  ) {
    let trimmed = line.trimmingCharacters(in: " ")
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
    let text = String(line)
    if !Normalizer.isNormalized(text, form: .nfc) {
      problems.append(
        .invalidEntry(
          path: path, line: lineNumber,
          message: "not in Unicode NFC (run it through `normalize clean`)"))
      return
    }
    let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: " ")
    }
    if fields.contains(where: \.isEmpty) {
      problems.append(
        .invalidEntry(
          path: path, line: lineNumber, message: "empty field (fields are separated by one TAB)"))
      return
    }
    entries.append(LexiconEntry(fields: fields, path: path, line: lineNumber, language: language))
  }
}

extension Substring {
  /// The substring without leading and trailing characters in `set` (scalar comparison).
  func trimmingCharacters(in set: Character) -> String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == set { start = index(after: start) }
    while end > start, self[index(before: end)] == set { end = index(before: end) }
    return String(self[start..<end])
  }
}
