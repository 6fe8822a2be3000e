import ByteSupport
import NormalizeCore

/// Finds placeholder text left in an article: bracketed editorial notes ("[Insert original URL
/// here]", "[TBD]", "[link]"), "Lorem ipsum", the journalists' "TK" (to come) and "XXX",
/// template variables ("{{name}}").
///
/// ```swift
/// // "Retrieved from [Insert original URL here]" → placeholder at 15–41
/// ```
public struct FindPlaceholders: ValidationRule {
  /// The rule id: the kebab-case of the type name.
  public static let id = "find-placeholders"
  /// The finding codes this rule reports.
  public static let codes = ["placeholder"]

  /// Creates the rule.
  public init() {}

  /// Words that make a bracketed note a placeholder (ASCII, compared ignoring case).
  static let bracketCues = [
    "insert", " here", "placeholder", "tbd", "tbc", "todo", "fixme", "to come", "link", "url",
  ]
  private static let cueBytes = bracketCues.map { Array($0.utf8) }
  private static let lorem = Array("lorem ipsum".utf8)

  /// Bytes that can start a placeholder: [ { L l T X.
  private static let starts: [Bool] = (0..<256).map {
    [0x5B, 0x7B, 0x4C, 0x6C, 0x54, 0x58].contains($0)
  }

  /// The index of the first byte at or after `start` that may open a placeholder ("[", "{",
  /// "L", "l", "T", "X"), or `bytes.count`: eight bytes at a time, two of the tests folding
  /// case ("[" and "{", "L" and "l" differ in bit 0x20 only).
  static func nextStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    let count = bytes.count
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let low7 = ones &* 0x7F
      /// The high bit of every zero lane of `word`, exactly (no lane carries into the next).
      @inline(__always) func zeroLanes(_ word: UInt64) -> UInt64 {
        ~(((word & low7) &+ low7) | word | low7)
      }
      while index + 8 <= count {
        // Lanes in memory order: lane 0 is the lowest byte.
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let folded = word | (ones &* 0x20)
        let flags =
          zeroLanes(folded ^ (ones &* 0x7B)) | zeroLanes(folded ^ (ones &* 0x6C))
          | zeroLanes(word ^ (ones &* 0x54)) | zeroLanes(word ^ (ones &* 0x58))
        if flags != 0 { return index + flags.trailingZeroBitCount >> 3 }
        index += 8
      }
    }
    while index < count, !starts[Int(bytes[index])] { index += 1 }
    return index
  }

  /// Appends this rule\'s findings about `article`.
  public func check(_ article: ArticleContext, into findings: inout [Finding]) {
    scan(article.text, field: nil, into: &findings)
    if let title = article.title { scan(title, field: "title", into: &findings) }
    for (index, reference) in article.references.enumerated() {
      scan(reference, field: "references[\(index)]", into: &findings)
    }
  }

  private func scan(_ text: String, field: String?, into findings: inout [Finding]) {
    ByteText.withBytes(text) { bytes in
      let count = bytes.count
      var reported = 0
      func report(_ start: Int, _ end: Int, _ what: String) {
        guard reported < 20 else { return }
        reported += 1
        let found = ByteText.string(bytes, start..<end)
        let offset = ByteText.scalarOffset(bytes, start)
        findings.append(
          Finding(
            code: "placeholder", severity: .warning, start: offset,
            end: offset + found.unicodeScalars.count, field: field,
            message: "placeholder \(what) \"\(found)\" left in the text; fill it in or remove it"))
      }
      @inline(__always) func wordBefore(_ i: Int) -> Bool {
        i > 0 && ByteText.isWordByte(bytes[i - 1])
      }
      @inline(__always) func wordAt(_ i: Int) -> Bool { i < count && ByteText.isWordByte(bytes[i]) }
      var index = 0
      while index < count {
        // Every byte before the next that can start a placeholder is stepped over.
        index = Self.nextStart(in: bytes, from: index)
        guard index < count else { break }
        let byte = bytes[index]
        guard Self.starts[Int(byte)] else {
          index += 1
          continue
        }
        switch byte {
        case 0x5B, 0x7B:  // "[" or "{"
          let close: UInt8 = byte == 0x5B ? 0x5D : 0x7D
          var end = index + 1
          while end < count, end - index <= 120, bytes[end] != close, bytes[end] != 0x0A {
            end += 1
          }
          if end < count, bytes[end] == close {
            let inner = (index + 1)..<end
            let template = byte == 0x7B && index + 1 < count && bytes[index + 1] == 0x7B
            let bare =
              inner.count == 2 && ByteText.hasPrefix(bytes, at: inner.lowerBound, Array("tk".utf8))
              || inner.count == 3
                && ByteText.hasPrefix(bytes, at: inner.lowerBound, Array("xxx".utf8))
            if template || bare
              || Self.cueBytes.contains(where: { ByteText.contains(bytes, in: inner, $0) })
            {
              let stop = min(
                count, end + (template && end + 1 < count && bytes[end + 1] == 0x7D ? 2 : 1))
              report(index, stop, template ? "template variable" : "note")
              index = stop
              continue
            }
          }
        case 0x4C, 0x6C:  // "Lorem ipsum"
          if !wordBefore(index), ByteText.hasPrefix(bytes, at: index, Self.lorem) {
            report(index, index + Self.lorem.count, "filler text")
            index += Self.lorem.count
            continue
          }
        case 0x54:  // "TK", "TKTK" as a word (not "TK-421")
          if !wordBefore(index) {
            var end = index
            while end + 1 < count, bytes[end] == 0x54, bytes[end + 1] == 0x4B { end += 2 }
            if end > index, !wordAt(end), !(end < count && bytes[end] == 0x2D) {
              report(index, end, "mark")
              index = end
              continue
            }
          }
        case 0x58:  // three or more X's as a word ("20XX" and "$XX" are left alone)
          if !wordBefore(index) {
            var end = index
            while end < count, bytes[end] == 0x58 { end += 1 }
            if end - index >= 3, !wordAt(end) {
              report(index, end, "mark")
              index = end
              continue
            }
          }
        default:
          break
        }
        index += 1
      }
    }
  }
}
