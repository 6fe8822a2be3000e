/// Splits an article into paragraphs: one per non-blank line, or, for hard-wrapped text, one per
/// run of wrapped lines.
///
/// Text counts as hard-wrapped when it has at least four non-blank lines, nine in ten of them are
/// at most 100 scalars long, and some but fewer than 60% of them start with indentation, the way
/// wire copy marks new paragraphs:
///
/// ```text
/// SALVADOR, Feb 26 - Showers continued throughout the week in
/// the Bahia cocoa zone, alleviating the drought since early
///     The dry period means the temporao will be late this year.
/// ```
/// gives two paragraphs: "SALVADOR, Feb 26 - Showers continued … since early" and "The dry
/// period means …". A blank line also ends a paragraph. Runs of spaces and tabs fold to one space
/// and every paragraph is trimmed.
enum ParagraphSplitter {
  /// One paragraph and the 0-based index of its first input line.
  struct Paragraph: Sendable {
    var text: String
    var firstLine: Int
  }

  /// The paragraphs of `text` in order.
  static func paragraphs(of text: String) -> [Paragraph] {
    var copy = text
    return copy.withUTF8 { buffer -> [Paragraph] in
      // Line ranges.
      var lines: [Range<Int>] = []
      var start = 0
      for index in 0..<buffer.count where buffer[index] == 0x0A {
        lines.append(start..<index)
        start = index + 1
      }
      lines.append(start..<buffer.count)

      var nonBlank = 0
      var indented = 0
      var lengths: [Int] = []
      lengths.reserveCapacity(lines.count)
      var blank = [Bool](repeating: true, count: lines.count)
      for (number, range) in lines.enumerated() {
        var scalars = 0
        var hasContent = false
        for index in range {
          let byte = buffer[index]
          if byte & 0xC0 != 0x80 { scalars += 1 }
          if byte != 0x20 && byte != 0x09 && byte != 0x0D { hasContent = true }
        }
        guard hasContent else { continue }
        blank[number] = false
        nonBlank += 1
        if let first = range.first, buffer[first] == 0x20 || buffer[first] == 0x09 { indented += 1 }
        lengths.append(scalars)
      }
      guard nonBlank > 0 else { return [] }
      lengths.sort()
      let p90 = lengths[max(0, lengths.count * 9 / 10 - 1)]
      let wrapped = nonBlank >= 4 && p90 <= 100 && indented >= 1 && indented * 10 < nonBlank * 6

      var result: [Paragraph] = []
      var current: Paragraph?
      for (number, range) in lines.enumerated() {
        if blank[number] {
          if let paragraph = current { result.append(paragraph) }
          current = nil
          continue
        }
        let folded = fold(UnsafeBufferPointer(rebasing: buffer[range]))
        guard wrapped else {
          result.append(Paragraph(text: folded, firstLine: number))
          continue
        }
        let first = buffer[range.lowerBound]
        if var paragraph = current, first != 0x20, first != 0x09 {
          paragraph.text += " " + folded
          current = paragraph
        } else {
          if let paragraph = current { result.append(paragraph) }
          current = Paragraph(text: folded, firstLine: number)
        }
      }
      if let paragraph = current { result.append(paragraph) }
      return result
    }
  }

  /// The line trimmed, with runs of spaces, tabs and carriage returns folded to one space.
  static func fold(_ line: UnsafeBufferPointer<UInt8>) -> String {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var lower = 0
    var upper = line.count
    while lower < upper, isSpace(line[lower]) { lower += 1 }
    while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
    var clean = true
    var previousSpace = false
    for index in lower..<upper {
      let byte = line[index]
      if isSpace(byte) {
        if previousSpace || byte != 0x20 {
          clean = false
          break
        }
        previousSpace = true
      } else {
        previousSpace = false
      }
    }
    if clean { return String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(upper - lower)
    previousSpace = false
    for index in lower..<upper {
      let byte = line[index]
      if isSpace(byte) {
        if !previousSpace { bytes.append(0x20) }
        previousSpace = true
      } else {
        bytes.append(byte)
        previousSpace = false
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
