import ByteSupport
import Testing

@testable import IngestValidation

/// The byte searches the rules skip through a body with (`ByteSearch`, the placeholder rule's
/// `nextStart`) find what a byte-at-a-time loop finds, from every start, on generated lines of
/// English, Italian, Russian and Korean words, placeholders, " ago" fragments and line feeds.
@Suite struct ByteSearchTests {
  static let pieces: [String] = [
    "Seoul", " ", "ago", " ago", "3 giorni ago", "agora", "[Insert link here]", "{{name}}",
    "Lorem ipsum", "lorem", "TK", "XXX", "Київ", "유용원", "\n", "said", "g", "a", "Tal", "x",
  ]

  static func lines(seed: Int) -> [[UInt8]] {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    return (0..<150).map { _ in
      var line = ""
      let target = next(90)
      while line.utf8.count < target { line += pieces[next(pieces.count)] }
      return Array(line.utf8)
    }
  }

  @Test(arguments: 0..<4)
  func searchesFindTheFirstMatch(seed: Int) {
    let needle = Array(" ago".utf8)
    for line in Self.lines(seed: seed) {
      line.withUnsafeBufferPointer { bytes in
        for start in 0...bytes.count {
          let lineFeed = (start..<bytes.count).first { bytes[$0] == 0x0A } ?? bytes.count
          #expect(ByteSearch.next(0x0A, in: bytes, from: start) == lineFeed)
          let ago =
            (start..<bytes.count).first { bytes[$0...].starts(with: needle) } ?? bytes.count
          for anchor in 0..<needle.count {
            #expect(ByteSearch.next(needle, anchor: anchor, in: bytes, from: start) == ago)
          }
          let opening =
            (start..<bytes.count).first {
              [0x5B, 0x7B, 0x4C, 0x6C, 0x54, 0x58].contains(bytes[$0])
            }
            ?? bytes.count
          #expect(FindPlaceholders.nextStart(in: bytes, from: start) == opening)
        }
      }
    }
  }
}
