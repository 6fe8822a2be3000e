import Foundation

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
      guard let base = buffer.baseAddress else { return [] }
      // Line ranges.
      var lines: [Range<Int>] = []
      var start = 0
      while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        lines.append(start..<index)
        start = index + 1
      }
      lines.append(start..<buffer.count)

      var nonBlank = 0
      var indented = 0
      // Non-blank lines longer than 100 scalars (only lines of more than 100 bytes can be).
      var long = 0
      var blank = [Bool](repeating: true, count: lines.count)
      for (number, range) in lines.enumerated() {
        var first = range.lowerBound
        while first < range.upperBound, base[first] == 0x20 || base[first] == 0x09 || base[first] == 0x0D { first += 1 }
        guard first < range.upperBound else { continue }
        blank[number] = false
        nonBlank += 1
        if base[range.lowerBound] == 0x20 || base[range.lowerBound] == 0x09 { indented += 1 }
        if range.count > 100 {
          // Scalars: bytes that are not UTF-8 continuation bytes (branch-free count).
          var continuation = 0
          for index in range { continuation &+= Int(truncatingIfNeeded: (base[index] & 0xC0) == 0x80 ? 1 : 0) }
          if range.count - continuation > 100 { long += 1 }
        }
      }
      guard nonBlank > 0 else { return [] }
      // The 90th percentile of line lengths (the value at index nonBlank * 9 / 10 - 1 of the
      // sorted lengths) is at most 100 scalars when enough lines are that short.
      let p90Short = nonBlank - long >= max(0, nonBlank * 9 / 10 - 1) + 1
      let wrapped = nonBlank >= 4 && p90Short && indented >= 1 && indented * 10 < nonBlank * 6

      var result: [Paragraph] = []
      result.reserveCapacity(nonBlank)
      guard wrapped else {
        for (number, range) in lines.enumerated() where !blank[number] {
          result.append(Paragraph(text: fold(UnsafeBufferPointer(rebasing: buffer[range])), firstLine: number))
        }
        return result
      }
      // Hard-wrapped: gather each paragraph's folded lines as bytes, one String per paragraph.
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count + 1) { pending in
        var size = 0
        var pendingLine = -1
        func flush() {
          if pendingLine >= 0 {
            result.append(
              Paragraph(text: String(decoding: UnsafeBufferPointer(rebasing: pending[0..<size]), as: UTF8.self), firstLine: pendingLine))
          }
          size = 0
          pendingLine = -1
        }
        for (number, range) in lines.enumerated() {
          if blank[number] {
            flush()
            continue
          }
          let first = buffer[range.lowerBound]
          if pendingLine >= 0, first != 0x20, first != 0x09 {
            pending[size] = 0x20
            size += 1
          } else {
            flush()
            pendingLine = number
          }
          size = appendFolded(UnsafeBufferPointer(rebasing: buffer[range]), to: pending, at: size)
        }
        flush()
        return result
      }
    }
  }

  /// Writes the line at `out[count...]` trimmed, with runs of spaces, tabs and carriage returns
  /// folded to one space, and returns the new count (`out` has room for the whole line).
  static func appendFolded(_ line: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>, at count: Int) -> Int {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var lower = 0
    var upper = line.count
    while lower < upper, isSpace(line[lower]) { lower += 1 }
    while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
    var size = count
    var previousSpace = false
    for index in lower..<upper {
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
