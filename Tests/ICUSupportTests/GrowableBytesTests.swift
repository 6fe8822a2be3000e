import NormalizeTestSupport
import Testing

@testable import ByteSupport

/// One way of filling a buffer: the writes, in order, and the bytes they must leave.
struct GrowableBytesCase: CustomTestStringConvertible, Sendable {
  enum Write: Sendable {
    case byte(UInt8)
    case run(String)
    case scalar(UInt32)
    case decimal(Int)
    /// A SWAR-style store of the first eight bytes of the string, of which `keep` are counted.
    case word(String, keep: Int)
  }
  var label: String
  var capacity: Int
  var writes: [Write]
  var expected: [UInt8]
  var testDescription: String { label }
}

@Suite struct GrowableBytesTests {
  static let cases: [GrowableBytesCase] = [
    .init(label: "nothing written", capacity: 0, writes: [], expected: []),
    .init(
      label: "bytes past the first capacity", capacity: 1,
      writes: Array(repeating: .byte(UInt8(ascii: "a")), count: 20),
      expected: Array(repeating: UInt8(ascii: "a"), count: 20)),
    .init(
      label: "a run longer than twice the capacity", capacity: 8,
      writes: [.run("Yoo Yong-won / 유용원 / Yoo Yong Won")],
      expected: Array("Yoo Yong-won / 유용원 / Yoo Yong Won".utf8)),
    .init(
      label: "scalars of one to four bytes", capacity: 8,
      writes: [.scalar(0x41), .scalar(0xE9), .scalar(0xC720), .scalar(0x1F600)],
      expected: Array("Aé유😀".utf8)),
    .init(
      label: "decimals with sign and zero", capacity: 8,
      writes: [.decimal(0), .byte(0x2C), .decimal(-1987), .byte(0x2C), .decimal(Int.max)],
      expected: Array("0,-1987,\(Int.max)".utf8)),
    .init(
      label: "stored words count only the kept bytes", capacity: 8,
      writes: [.word("am 13. D", keep: 3), .word("13. Deze", keep: 8), .run("mber")],
      expected: Array("am 13. Dezember".utf8)),
  ]

  @Test(arguments: cases)
  func writesLeaveTheExpectedBytes(_ example: GrowableBytesCase) {
    var bytes = GrowableBytes(capacity: example.capacity)
    for write in example.writes {
      switch write {
      case .byte(let byte): bytes.append(byte)
      case .run(let text): Array(text.utf8).withUnsafeBufferPointer { bytes.append($0) }
      case .scalar(let value): bytes.appendUTF8(scalar: value)
      case .decimal(let value): bytes.appendDecimal(value)
      case .word(let text, let keep):
        var word: UInt64 = 0
        for (index, byte) in text.utf8.prefix(8).enumerated() {
          word |= UInt64(byte) << (8 * UInt64(index))
        }
        bytes.store(word)
        bytes.advance(keep)
      }
    }
    #expect(bytes.count == example.expected.count)
    #expect(bytes.array == example.expected)
  }

  @Test func theTableIsNotEmpty() { #expect(!Self.cases.isEmpty) }
}
