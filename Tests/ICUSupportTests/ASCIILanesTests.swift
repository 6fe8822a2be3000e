import Testing

@testable import ByteSupport

/// `ASCIILanes` against the byte-by-byte rules it stands for (A–Z or a–z, 0–9, A–Z, and the
/// lowercase of A–Z): every byte value in every lane, beside fills of several scripts and of the
/// bytes next to each range's ends, so no borrow or carry between lanes changes an answer.
@Suite struct ASCIILanesTests {
  static func word(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
  }

  /// The lanes of `bytes` that satisfy `rule`, as the high bit of each lane.
  static func lanes(_ bytes: [UInt8], _ rule: (UInt8) -> Bool) -> UInt64 {
    var flags: UInt64 = 0
    for (lane, byte) in bytes.enumerated() where rule(byte) { flags |= 0x80 << UInt64(lane * 8) }
    return flags
  }

  static func check(_ bytes: [UInt8]) {
    let word = Self.word(bytes)
    let letters = lanes(bytes) { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    let digits = lanes(bytes) { (0x30...0x39).contains($0) }
    let capitals = lanes(bytes) { (0x41...0x5A).contains($0) }
    #expect(ASCIILanes.letters(word) == letters, "\(bytes)")
    #expect(ASCIILanes.digits(word) == digits, "\(bytes)")
    #expect(ASCIILanes.capitals(word) == capitals, "\(bytes)")
    let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    #expect(ASCIILanes.lowercased(word) == Self.word(lowered), "\(bytes)")
  }

  @Test func everyByteInEveryLane() {
    let fills: [[UInt8]] = [
      Array("Kyiv 24,".utf8), Array("유용원가".utf8.prefix(8)), Array("Київ".utf8),
      [0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A, 0x00, 0xFF],
      [0x41, 0x5A, 0x61, 0x7A, 0x30, 0x39, 0x80, 0x7F],
    ]
    var checked = 0
    for fill in fills {
      for lane in 0..<8 {
        for value in 0...255 {
          var bytes = fill
          bytes[lane] = UInt8(value)
          Self.check(bytes)
          checked += 1
        }
      }
    }
    #expect(checked == 5 * 8 * 256)
  }

  /// Real text cut into words of eight bytes: English, Korean, Ukrainian, Chinese, Arabic.
  @Test func wordsOfRealText() {
    let texts = [
      "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia",
      "유용원 의원은 13일 \"국방\"이라고 말했다\n",
      "Київ, 13 грудня — «Зеленський» ЦЕ 2024\r\n",
      "去年的报告说：\"没有\"。Q3 上涨 5%",
      "قال الرئيس في القاهرة 12 Mars",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      for start in 0...(bytes.count - 8) { Self.check(Array(bytes[start..<start + 8])) }
    }
  }
}
