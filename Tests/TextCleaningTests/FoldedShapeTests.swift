import Testing

@testable import TextCleaning

/// `BoilerplateLines.isRunningText` (eight bytes at a time) agrees with the shape measured one
/// byte at a time (`FoldedShape.init`) on lines of every length up to 420 bytes, made of ASCII
/// words, runs of spaces, tabs and carriage returns, Latin, Cyrillic, Hangul and CJK letters,
/// emoji and sentence marks, at every alignment.
@Suite struct FoldedShapeTests {
  static let pieces: [String] = [
    "Seoul", " ", "  ", "\t", "\r", " \t ", "talks", "é", "Київ", "유용원", "北京", "😀", ".", "»",
    "said", ",", "。", "\u{2026}", "a", "   ",
  ]

  @Test(arguments: 0..<8)
  func runningTextAgreesWithTheShape(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    for _ in 0..<400 {
      var line = ""
      let target = next(420)
      while line.utf8.count < target { line += Self.pieces[next(Self.pieces.count)] }
      // Every alignment of the line's start in memory.
      for padding in 0..<8 {
        let bytes = [UInt8](repeating: 0x41, count: padding) + Array(line.utf8)
        bytes.withUnsafeBufferPointer { buffer in
          let slice = UnsafeBufferPointer(rebasing: buffer[padding...])
          let shape = BoilerplateLines.FoldedShape(slice)
          #expect(
            BoilerplateLines.isRunningText(slice) == shape.isRunningText,
            "\(line.debugDescription)")
          // The count itself, on the trimmed line.
          func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
          var lower = 0
          var upper = slice.count
          while lower < upper, isSpace(slice[lower]) { lower += 1 }
          while upper > lower, isSpace(slice[upper - 1]) { upper -= 1 }
          #expect(
            BoilerplateLines.FoldedShape.foldedScalars(slice, lower..<upper, above: Int.max)
              == shape.scalars)
        }
      }
    }
  }
}
