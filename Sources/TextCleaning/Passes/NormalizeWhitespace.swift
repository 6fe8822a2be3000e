import ICUSupport

/// Tidies spacing: collapses runs of spaces inside a line to one, removes spaces at line
/// ends and at the start and end of the text, and collapses three or more line breaks to one
/// blank line. Leading indentation of a line is kept (plain-text feeds such as Reuters mark
/// paragraphs with it) but reduced to at most four spaces.
///
/// ```swift
/// NormalizeWhitespace().apply("Kim  Jong-un  \n\n\n\nsaid")  // "Kim Jong-un\n\nsaid"
/// ```
public struct NormalizeWhitespace: CleaningPass {
  /// Creates the pass.
  public init() {}
  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "normalize-whitespace" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String { "collapse space runs, trim line ends, at most one blank line" }

  /// Spaces and line feeds: the only bytes this pass looks at one by one.
  private static let whitespace = ByteScanner { $0 == 0x20 || $0 == 0x0A }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    var copy = text
    if copy.withUTF8(Self.isTidy) { return text }
    var output = [UInt8]()
    output.reserveCapacity(text.utf8.count)
    var changed = false
    var pendingSpaces = 0
    var pendingNewlines = 0
    var atLineStart = true
    var wroteAny = false
    var offset = 0  // scalar offset in the input of `index`, kept only for the recorder
    func countScalars(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
      guard recorder != nil else { return }
      for byte in run where byte & 0xC0 != 0x80 { offset += 1 }
    }
    copy.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let next = Self.whitespace.next(in: bytes, from: index)
        if next > index {
          // A run of content: settle the pending whitespace before it, then copy it whole.
          if pendingNewlines > 0 {
            if wroteAny {
              let kept = min(pendingNewlines, 2)
              output.append(contentsOf: repeatElement(0x0A, count: kept))
              if kept != pendingNewlines {
                changed = true
                recorder?.record(
                  offset: offset, removed: "\(pendingNewlines) line breaks", inserted: "\(kept)")
              }
            } else {
              changed = true
              recorder?.record(
                offset: 0, removed: "\(pendingNewlines) leading line breaks", inserted: "")
            }
            pendingNewlines = 0
          }
          if pendingSpaces > 0 {
            let kept = (atLineStart && wroteAny) ? min(pendingSpaces, 4) : (atLineStart ? 0 : 1)
            output.append(contentsOf: repeatElement(0x20, count: kept))
            if kept != pendingSpaces {
              changed = true
              recorder?.record(
                offset: offset - pendingSpaces,
                removed: String(repeating: " ", count: pendingSpaces),
                inserted: String(repeating: " ", count: kept))
            }
            pendingSpaces = 0
          }
          atLineStart = false
          wroteAny = true
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
          countScalars(bytes[index..<next])
          index = next
        }
        guard index < bytes.count else { break }
        if bytes[index] == 0x20 {
          pendingSpaces += 1
        } else {
          if pendingSpaces > 0 {
            changed = true
            recorder?.record(
              offset: offset - pendingSpaces, removed: String(repeating: " ", count: pendingSpaces),
              inserted: "")
          }
          pendingSpaces = 0
          pendingNewlines += 1
          atLineStart = true
        }
        offset += 1
        index += 1
      }
    }
    if pendingSpaces > 0 || pendingNewlines > 0 {
      changed = true
      recorder?.record(offset: offset, removed: "trailing whitespace", inserted: "")
    }
    return changed ? String(decoding: output, as: UTF8.self) : text
  }

  /// Whether the pass would leave these bytes unchanged (the common case), checked without
  /// building any output: a run of spaces longer than one (four at the start of a line), a
  /// space before a line break, or more than two line breaks in a row needs the pass. Only the
  /// spaces and line breaks are visited, found eight bytes at a time; any other byte between
  /// two of them ends a run.
  static func isTidy(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, let base = bytes.baseAddress else {
      return true
    }
    if first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A { return false }
    var newlines = 0
    var spaces = 0
    var atLineStart = true
    var previous = -2
    /// Visits the space or line break at `position`; false when the text is not tidy.
    @inline(__always) func visit(_ position: Int, _ byte: UInt8) -> Bool {
      if position != previous + 1 {
        spaces = 0
        newlines = 0
        atLineStart = false
      }
      previous = position
      if byte == 0x20 {
        spaces += 1
        return atLineStart ? spaces <= 4 : spaces <= 1
      }
      if spaces > 0 { return false }
      newlines += 1
      atLineStart = true
      return newlines <= 2
    }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let count = bytes.count
    var index = 0
    while index + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let x = word ^ (ones &* 0x20)
      let y = word ^ (ones &* 0x0A)
      // Lanes that may be a space or a line break (the test can flag a lane after a true one).
      var flags = ((x &- ones) & ~x | (y &- ones) & ~y) & highs
      while flags != 0 {
        let position = index + flags.trailingZeroBitCount >> 3
        let byte = bytes[position]
        if byte == 0x20 || byte == 0x0A, !visit(position, byte) { return false }
        flags &= flags &- 1
      }
      index += 8
    }
    while index < count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x0A, !visit(index, byte) { return false }
      index += 1
    }
    return true
  }
}
