import Testing

@testable import ICUSupport

/// `UTF16Buffer.decode`, which turns ICU's UTF-16 results into strings, against the standard
/// library's `String(decoding:as: UTF16.self)`: for real text of several scripts, text with
/// characters outside the Basic Multilingual Plane, and generated unit sequences with unpaired
/// surrogates (each becomes U+FFFD).
@Suite struct UTF16DecodingTests {
  static func check(_ units: [UInt16]) {
    let decoded = units.withUnsafeBufferPointer { UTF16Buffer.decode($0) }
    let expected = String(decoding: units, as: UTF16.self)
    #expect(Array(decoded.utf8) == Array(expected.utf8), "\(units)")
  }

  @Test(arguments: [
    "", "23 ore fa", "vor 23 Stunden", "23시간 전", "23小时前", "через 23 часа",
    "23 години тому", "anno scorso", "في ٢٣ ساعة", "לפני 23 שעות", "Ｓｅｏｕｌ：", "e\u{301}",
    "習近平 😀 𠀋 🇰🇷", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
  ])
  func realText(text: String) {
    Self.check(Array(text.utf16))
  }

  @Test func unpairedSurrogates() {
    let pieces: [[UInt16]] = [
      [0xD800], [0xDC00], [0xDBFF], [0xDFFF], [0xD83D, 0xDE00], [0x41], [0xAC00], [0x0439],
      [0xD83D, 0xD83D], [0xDE00, 0xD83D], [0xFFFD], [0x7F], [0x80],
    ]
    // Every sequence of up to three pieces, and at the start, middle and end of text.
    for a in pieces {
      Self.check(a)
      for b in pieces {
        Self.check(a + b)
        for c in pieces { Self.check(a + b + c) }
      }
    }
  }

  @Test func generatedUnits() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let interesting: [UInt16] = [0x20, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF]
    for _ in 0..<3_000 {
      let length = Int(next() % 12)
      var units: [UInt16] = []
      for _ in 0..<length {
        switch next() % 4 {
        case 0: units.append(UInt16(truncatingIfNeeded: next()))
        case 1: units.append(0xD800 | UInt16(truncatingIfNeeded: next() & 0x7FF))
        case 2: units.append(interesting[Int(next() % UInt64(interesting.count))])
        default: units.append(UInt16(truncatingIfNeeded: next() & 0x7F))
        }
      }
      Self.check(units)
    }
  }
}
