import Foundation
import ICUSupport
import NormalizeTestSupport
import Testing

@testable import NormalizeCore

/// Non-ASCII lexicon lines are split and trimmed on bytes (`LexiconParser.parseLineOnBytes`)
/// where that is the same as on `Character`s (`LexiconParser.parseLine`): both compared on
/// every line built from pieces that stress grapheme clusters next to spaces, TABs and "#"
/// (combining marks, a joiner, a prepended mark, text not in NFC), and on every shipped line.
@Suite struct LexiconLineBytesTests {
  /// The pieces generated lines are made of: ASCII structure, letters of several scripts, and
  /// scalars that join a space or "#" into a larger `Character`.
  static let pieces = [
    " ", "  ", "\t", "#", "a", "유", "Ж", "é", "\u{301}", "\u{200D}", "\u{600}", "e\u{301}",
    "\u{1100}\u{1161}", "\r", "東京", "\u{FE0F}",
  ]

  /// Every line of up to three pieces and every seventh of four (about 13,000 lines).
  static var generatedLines: [String] {
    var lines: [String] = []
    var counter = 0
    func extend(_ prefix: String, _ depth: Int) {
      if depth == 4 {
        counter += 1
        if counter % 7 == 0 { lines.append(prefix) }
        return
      }
      if depth > 0 { lines.append(prefix) }
      for piece in pieces { extend(prefix + piece, depth + 1) }
    }
    extend("", 0)
    return lines.filter { $0.utf8.contains { $0 >= 0x80 } }
  }

  @Test func generatedLinesReadAlikeOnBytesAndCharacters() {
    var onBytes = 0
    var mismatches: [String] = []
    for line in Self.generatedLines {
      switch Self.compare(line) {
      case .some(true): onBytes += 1
      case .some(false): mismatches.append(line)
      case .none: break
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { $0.unicodeScalars.map(\.value) })")
    // Most lines take the byte path; only those with a mark beside a trimmed space or "#" do not.
    #expect(onBytes > 5_000)
  }

  @Test func shippedLinesReadAlikeOnBytesAndCharacters() throws {
    let root = TestPaths.repoRoot.appendingPathComponent("Lexicons")
    let files = ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? [])
      .filter { $0.hasSuffix(".tsv") }
    #expect(!files.isEmpty)
    var onBytes = 0
    for file in files.sorted() {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false)
      where line.utf8.contains(where: { $0 >= 0x80 }) {
        let result = Self.compare(String(line))
        #expect(result != false, "\(file): \(line)")
        if result == true { onBytes += 1 }
      }
    }
    #expect(onBytes > 1_000)
  }

  /// Whether both paths read `line` alike (nil: the byte path declined it).
  static func compare(_ line: String) -> Bool? {
    var byteEntries: [LexiconEntry] = []
    var byteProblems: [LexiconError] = []
    var copy = line
    // Scratch left over from an earlier line, as the file parser passes it on.
    var bounds: [(Int, Int)] = [(0, 3), (4, 9)]
    let taken = copy.withUTF8 {
      LexiconParser.parseLineOnBytes(
        $0, path: "xx/test.tsv", line: 1, language: "xx", into: &byteEntries,
        problems: &byteProblems, bounds: &bounds)
    }
    guard taken else { return byteEntries.isEmpty && byteProblems.isEmpty ? nil : false }
    var entries: [LexiconEntry] = []
    var problems: [LexiconError] = []
    LexiconParser.parseLine(
      Substring(line), path: "xx/test.tsv", line: 1, language: "xx", into: &entries,
      problems: &problems)
    // Fields compared by bytes: `==` on strings is canonical equivalence.
    func bytes(_ list: [LexiconEntry]) -> [[[UInt8]]] {
      list.map { $0.fields.map { Array($0.utf8) } }
    }
    return entries == byteEntries && bytes(entries) == bytes(byteEntries)
      && problems == byteProblems
  }
}

/// `LexiconParser.isNFCByScalarRanges` answers "in NFC" without ICU only for scalars NFC leaves
/// alone: each of them is in NFC alone and after a base letter, with combining class 0, and on
/// every shipped lexicon line and a few mixed ones it never says yes where ICU says no.
@Suite struct LexiconNFCRangesTests {
  static let ranges: [ClosedRange<UInt32>] = [
    0x80...0x2FF, 0x370...0x373, 0x375...0x37D, 0x37F...0x386, 0x388...0x3FF, 0x400...0x482,
    0x48A...0x4FF, 0x2010...0x205E, 0x3040...0x3098, 0x309B...0x30FF, 0x3131...0x318E,
    0x4E00...0x9FFF, 0xAC00...0xD7A3,
  ]

  static func fastSaysNFC(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { LexiconParser.isNFCByScalarRanges($0) }
  }

  @Test func everyScalarInTheRangesIsLeftAloneByNFC() {
    var checked = 0
    for range in Self.ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(value)")
        // Alone and after letters that combine with marks (Latin, Greek, Cyrillic, kana,
        // Hangul): NFC keeps it.
        let alone = String(scalar)
        for text in [alone, "a" + alone, "α" + alone, "и" + alone, "か" + alone, "가" + alone] {
          if !Normalizer.isNormalized(text, form: .nfc) {
            Issue.record(
              "U+\(String(value, radix: 16)) changes under NFC in \(text.unicodeScalars.map(\.value))"
            )
          }
          #expect(Self.fastSaysNFC(text))
        }
        checked += 1
      }
    }
    #expect(checked > 33_000)
  }

  @Test(arguments: [
    ("Зеленський\tZelenskyy", true), ("유용원\tYoo Yong-won", true), ("東京\tTokyo", true),
    ("café\tcafe", true), ("cafe\u{301}\tcafé", false), ("\u{1100}\u{1161}\tga", false),
    ("Αθήνα\tAthens", true), ("\u{2000}x", false), ("й", true), ("и\u{306}", false),
    ("\u{F900}", false), ("ミャンマー", true), ("か\u{3099}", false), ("\u{374}", false),
    ("\u{387}", false), ("‘quoted’ — yes", true), ("ㄱ", true), ("😀", false),
  ])
  func answersWithoutICUOnlyInTheRanges(_ text: String, _ fast: Bool) {
    #expect(Self.fastSaysNFC(text) == fast)
    if fast { #expect(Normalizer.isNormalized(text, form: .nfc)) }
  }

  @Test func neverSaysNFCWhereICUSaysNo() throws {
    let root = TestPaths.repoRoot.appendingPathComponent("Lexicons")
    let files = ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? [])
      .filter { $0.hasSuffix(".tsv") }
    var fast = 0
    for file in files.sorted() {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") where line.utf8.contains(where: { $0 >= 0x80 }) {
        let line = String(line)
        guard Self.fastSaysNFC(line) else { continue }
        fast += 1
        #expect(Normalizer.isNormalized(line, form: .nfc), "\(file): \(line)")
      }
    }
    #expect(fast > 1_000)
  }
}
