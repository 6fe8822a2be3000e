import ByteSupport
import Foundation

/// Splits an article into paragraphs: one per non-blank line, or, for hard-wrapped text, one per
/// run of wrapped lines.
///
/// Text counts as hard-wrapped when it has at least four non-blank lines, nine in ten of them are
/// at most 100 scalars long, and some but fewer than 60% of them (or of those of 40 bytes or
/// more, as table rows are often all indented) are indented deeper than the body's usual
/// indentation (the most common one among lines of 40 bytes or more), the way wire copy marks
/// new paragraphs:
///
/// ```text
/// SALVADOR, Feb 26 - Showers continued throughout the week in
/// the Bahia cocoa zone, alleviating the drought since early
///     The dry period means the temporao will be late this year.
/// ```
/// gives two paragraphs: "SALVADOR, Feb 26 - Showers continued … since early" and "The dry
/// period means …". The body may itself be indented ("  Mounting trade friction between the"
/// under an unindented headline): a line less indented than the body stands alone. A blank line
/// also ends a paragraph.
///
/// In other text, a line that does not end a sentence is marked as carried on by the next when
/// that one starts lower-case ("Nous voulons acheter deux billets" + "et à chaque fois que nous
/// payons"; ``Paragraph/continuesPrevious``), so that no paragraph starts mid-sentence. Runs of spaces and tabs fold to one space and every
/// paragraph is trimmed; a line with column gaps also keeps them in ``Paragraph/columns``.
enum ParagraphSplitter {
  /// One paragraph and the 0-based index of its first input line.
  struct Paragraph: Sendable {
    var text: String
    var firstLine: Int
    /// The trimmed line with its runs of spaces and tabs kept, when it has a gap of two or more
    /// between words (table columns: "Shr       1.84 dlrs    1.59 dlrs"); nil otherwise.
    var columns: String? = nil
    /// Whether the line carries on the sentence of the line just above it (see
    /// ``continues(_:with:)``); the analyzer joins the two unless a lexicon rule names either.
    var continuesPrevious = false
  }

  /// The paragraphs of `text` in order.
  static func paragraphs(of text: String) -> [Paragraph] {
    var copy = text
    return copy.withUTF8 { buffer -> [Paragraph] in
      guard let base = buffer.baseAddress else { return [] }
      // Line ranges.
      var lines: [Range<Int>] = []
      // Room for lines of about 64 bytes, so that most articles never grow the array.
      lines.reserveCapacity(buffer.count / 64 + 4)
      var start = 0
      while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        lines.append(start..<index)
        start = index + 1
      }
      lines.append(start..<buffer.count)

      var nonBlank = 0
      var indented = 0
      // Leading spaces of every line (a tab counts as four), and how many lines have each.
      var indentOf = [Int](filling: 0, count: lines.count)
      // Indentations 0…8 (a deeper one counts as 8).
      var indentCounts = (0, 0, 0, 0, 0, 0, 0, 0, 0)
      // Non-blank lines longer than 100 scalars (only lines of more than 100 bytes can be).
      var long = 0
      var blank = [Bool](filling: true, count: lines.count)
      for (number, range) in lines.enumerated() {
        var first = range.lowerBound
        while first < range.upperBound,
          base[first] == 0x20 || base[first] == 0x09 || base[first] == 0x0D
        { first += 1 }
        guard first < range.upperBound else { continue }
        blank[number] = false
        nonBlank += 1
        var indent = 0
        for index in range.lowerBound..<first {
          indent += base[index] == 0x09 ? 4 : base[index] == 0x20 ? 1 : 0
        }
        indentOf[number] = indent
        // Wrapped body lines are long; short ones (table rows, a sign-off) do not vote.
        if range.upperBound - first >= 40 {
          withUnsafeMutableBytes(of: &indentCounts) {
            $0.bindMemory(to: Int.self)[min(indent, 8)] += 1
          }
        }
        if range.count > 100,
          UTF8Scan.scalarCount(UnsafeBufferPointer(rebasing: buffer[range])) > 100
        {
          long += 1
        }
      }
      guard nonBlank > 0 else { return [] }
      // The body's indentation: the most common one among lines of 40 bytes or more (the
      // smaller on a tie).
      let bodyIndent = withUnsafeBytes(of: &indentCounts) { raw -> Int in
        let counts = raw.bindMemory(to: Int.self)
        var best = 0
        for indent in 1..<counts.count where counts[indent] > counts[best] { best = indent }
        return best
      }
      // Lines of 40 bytes or more, and those among them indented deeper than the body: short
      // lines (table rows, a sign-off) are often indented whatever the paragraphs do.
      var wide = 0
      var wideIndented = 0
      for (number, indent) in indentOf.enumerated() where !blank[number] {
        if indent > bodyIndent { indented += 1 }
        guard lines[number].count - indent >= 40 else { continue }
        wide += 1
        if indent > bodyIndent { wideIndented += 1 }
      }
      // The 90th percentile of line lengths (the value at index nonBlank * 9 / 10 - 1 of the
      // sorted lengths) is at most 100 scalars when enough lines are that short.
      let p90Short = nonBlank - long >= max(0, nonBlank * 9 / 10 - 1) + 1
      let wrapped =
        nonBlank >= 4 && p90Short && indented >= 1
        && (indented * 10 < nonBlank * 6 || (wide >= 2 && wideIndented * 10 < wide * 6))

      var result: [Paragraph] = []
      result.reserveCapacity(nonBlank)
      guard wrapped else {
        var previous = -2
        for (number, range) in lines.enumerated() where !blank[number] {
          let line = UnsafeBufferPointer(rebasing: buffer[range])
          let text = fold(line)
          var paragraph = Paragraph(text: text, firstLine: number, columns: columns(line))
          if previous == number - 1, let last = result.last, last.columns == nil,
            continues(last.text, with: text)
          {
            paragraph.continuesPrevious = true
          }
          result.append(paragraph)
          previous = number
        }
        return result
      }
      let firstNonBlank = blank.firstIndex(of: false) ?? 0
      // Hard-wrapped: gather each paragraph's folded lines as bytes, one String per paragraph.
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count + 1) { pending in
        var size = 0
        var pendingLine = -1
        var pendingIndent = 0
        func flush() {
          if pendingLine >= 0 {
            result.append(
              Paragraph(
                text: String(
                  decoding: UnsafeBufferPointer(rebasing: pending[0..<size]), as: UTF8.self),
                firstLine: pendingLine))
          }
          size = 0
          pendingLine = -1
        }
        for (number, range) in lines.enumerated() {
          if blank[number] {
            flush()
            continue
          }
          // A line at the body's indentation continues a paragraph that did not start less
          // indented (a headline); a deeper one starts a paragraph, a shallower one stands alone,
          // unless it reads as the wrapped start of a sentence (the text's first line, whose
          // indentation the cleaner trimmed: "Mounting trade friction between the").
          let indent = indentOf[number]
          if pendingLine >= 0, indent == bodyIndent,
            pendingIndent >= bodyIndent
              || (pendingLine == number - 1
                && startsWrappedSentence(
                  buffer[lines[pendingLine]], minimumBytes: pendingLine == firstNonBlank ? 12 : 40))
          {
            pending[size] = 0x20
            size += 1
            pendingIndent = max(pendingIndent, bodyIndent)
          } else {
            flush()
            pendingLine = number
            pendingIndent = indent
          }
          size = appendFolded(UnsafeBufferPointer(rebasing: buffer[range]), to: pending, at: size)
        }
        flush()
        return result
      }
    }
  }

  /// Whether a line reads as the first line of a wrapped sentence rather than a headline:
  /// `minimumBytes` or more (the text's first line may be short: a lead whose dateline was cut
  /// off), with lower-case ASCII letters (wire headlines are in capitals), not ending with a
  /// sentence mark or a colon.
  static func startsWrappedSentence(_ line: Slice<UnsafeBufferPointer<UInt8>>, minimumBytes: Int)
    -> Bool
  {
    var upper = line.endIndex
    while upper > line.startIndex,
      line[upper - 1] == 0x20 || line[upper - 1] == 0x09 || line[upper - 1] == 0x0D
    {
      upper -= 1
    }
    var lower = line.startIndex
    while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 { lower += 1 }
    guard upper - lower >= minimumBytes else { return false }
    switch line[upper - 1] {
    case 0x2E, 0x21, 0x3F, 0x3A: return false
    default: break
    }
    return line[lower..<upper].contains { $0 &- 0x61 < 26 }
  }

  /// Whether `next` carries on the sentence of `line`: `line` ends without a sentence mark and
  /// has four words or ends with a comma, and `next` starts with a lower-case letter and has two
  /// words or more. ("Hallo liebes Team," + "ich habe mich bereits gemeldet.")
  static func continues(_ line: String, with next: String) -> Bool {
    guard let firstByte = next.utf8.first else { return false }
    if firstByte < 0x80 {
      guard firstByte &- 0x61 < 26 else { return false }
    } else {
      guard let firstScalar = next.unicodeScalars.first, firstScalar.properties.isLowercase else {
        return false
      }
    }
    guard next.utf8.contains(0x20), let last = line.unicodeScalars.last else { return false }
    if last == "," { return true }
    if ParagraphFeatures.isSentenceEnder(last.value) || ":;!?…".unicodeScalars.contains(last) {
      return false
    }
    var spaces = 0
    for byte in line.utf8 where byte == 0x20 { spaces += 1 }
    return spaces >= 3
  }

  /// The trimmed line with its inner spacing kept, when two spaces or a tab separate words in
  /// it; nil otherwise (including when the line has none).
  static func columns(_ line: UnsafeBufferPointer<UInt8>) -> String? {
    var lower = 0
    var upper = line.count
    while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 || line[lower] == 0x0D {
      lower += 1
    }
    while upper > lower,
      line[upper - 1] == 0x20 || line[upper - 1] == 0x09 || line[upper - 1] == 0x0D
    { upper -= 1 }
    guard upper - lower > 3 else { return nil }
    var gap = false
    for index in (lower + 1)..<upper
    where line[index] == 0x09 || (line[index] == 0x20 && line[index - 1] == 0x20) {
      gap = true
      break
    }
    guard gap else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
      .replacingOccurrences(of: "\r", with: "")
  }

  /// Writes the line at `out[count...]` trimmed, with runs of spaces, tabs and carriage returns
  /// folded to one space, and returns the new count (`out` has room for the whole line).
  static func appendFolded(
    _ line: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>, at count: Int
  ) -> Int {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var lower = 0
    var upper = line.count
    while lower < upper, isSpace(line[lower]) { lower += 1 }
    while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
    var size = count
    var previousSpace = false
    var index = lower
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7 = ones &* 0x7F
    /// The high bit of every zero lane of `word`, exactly (no lane carries into the next).
    @inline(__always) func zeroLanes(_ word: UInt64) -> UInt64 {
      ~(((word & low7) &+ low7) | word | low7)
    }
    while index < upper {
      // Eight bytes copied as they are when folding leaves them so: no tab or carriage return,
      // and no space after a space (lanes in memory order: lane 0 is the lowest byte).
      if index + 8 <= upper, size + 8 <= out.count, let source = line.baseAddress,
        let target = out.baseAddress
      {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
        let spaces = zeroLanes(word ^ (ones &* 0x20))
        let tabsOrReturns = zeroLanes(word ^ (ones &* 0x09)) | zeroLanes(word ^ (ones &* 0x0D))
        if tabsOrReturns == 0, spaces & (spaces << 8) == 0, !(previousSpace && spaces & 0x80 != 0) {
          UnsafeMutableRawPointer(target + size).storeBytes(
            of: word.littleEndian, as: UInt64.self)
          size += 8
          index += 8
          previousSpace = spaces >> 63 != 0
          continue
        }
      }
      let byte = line[index]
      if isSpace(byte) {
        if !previousSpace {
          out[size] = 0x20
          size += 1
        }
        previousSpace = true
      } else {
        out[size] = byte
        size += 1
        previousSpace = false
      }
      index += 1
    }
    return size
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
    if clean {
      return String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
    }
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
