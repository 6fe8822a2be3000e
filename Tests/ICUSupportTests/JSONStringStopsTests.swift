import Testing

@testable import ByteSupport

/// `JSONStringStops.flags` against the byte-by-byte rule it replaces (a quote, a backslash or a
/// byte below 0x20 stops a plain run): for eight-byte words of real text and for every byte
/// value in every lane behind plain bytes of several scripts.
@Suite struct JSONStringStopsTests {
  /// The first lane holding a stop byte, or nil: the reference answer.
  static func firstStop(_ bytes: [UInt8]) -> Int? {
    bytes.firstIndex { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
  }

  static func word(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
  }

  static func check(_ bytes: [UInt8]) {
    let flags = JSONStringStops.flags(word(bytes))
    if let stop = firstStop(bytes) {
      #expect(flags != 0 && flags.trailingZeroBitCount >> 3 == stop, "\(bytes)")
    } else {
      #expect(flags == 0, "\(bytes)")
    }
  }

  /// Real text cut into words of eight bytes: English, Korean, Ukrainian, Chinese, escapes.
  @Test func wordsOfRealText() {
    let texts = [
      "Yoo Yong-won said on Thursday \"we will\" \\ back\tslash",
      "유용원 의원은 13일 \"국방\"이라고 말했다\n",
      "Київ, 13 грудня — «Зеленський»\r\n\u{1}",
      "去年的报告说：\"没有\"。\u{1F}",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      for start in 0...(bytes.count - 8) { Self.check(Array(bytes[start..<start + 8])) }
    }
  }

  /// Every byte value in every lane, behind plain ASCII, behind Hangul bytes, and before a
  /// second stop, so a borrow from a lower lane never hides or fakes the first stop.
  @Test func everyByteInEveryLane() {
    let fills: [[UInt8]] = [
      Array("abcdefgh".utf8), Array("유용원가".utf8.prefix(8)),
      [0xFF, 0x80, 0x21, 0x7F, 0xC2, 0xA0, 0x20, 0x5B],
    ]
    var checked = 0
    for fill in fills {
      for lane in 0..<8 {
        for value in 0...255 {
          var bytes = fill
          bytes[lane] = UInt8(value)
          Self.check(bytes)
          if lane < 7 {
            bytes[lane + 1] = 0
            Self.check(bytes)
          }
          checked += 1
        }
      }
    }
    #expect(checked == 3 * 8 * 256)
  }
}
