import Testing

@testable import TextCleaning

/// `ParagraphSpan.join` writes the non-empty blocks with a blank line between two, byte for byte
/// as `joined(separator: "\n\n")` does, and each span's scalar offsets give its block back: on
/// generated blocks of ASCII, Cyrillic, Hangul, emoji, a leading combining mark, line feeds and
/// empty blocks.
@Suite struct ParagraphSpanJoinTests {
  static let pieces = [
    "", "Seoul", " ", "Київ", "유용원", "👍🏽", "\u{301}e", "\n", "é", "—", "2025", "a",
  ]

  @Test(arguments: 0..<3)
  func joinAgreesWithJoinedAndSpansGiveBlocksBack(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 3
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    let kinds: [LayoutBlock.Kind] = [.body, .heading, .listItem, .table]
    for _ in 0..<500 {
      let blocks = (0..<next(6)).map { _ in
        LayoutBlock(
          text: (0..<next(9)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined(),
          kind: kinds[next(kinds.count)])
      }
      let (text, spans) = ParagraphSpan.join(blocks)
      let written = blocks.filter { !$0.text.isEmpty }
      let expected = written.map(\.text).joined(separator: "\n\n")
      #expect(Array(text.utf8) == Array(expected.utf8))
      #expect(spans.count == written.count)
      let scalars = Array(text.unicodeScalars)
      for (span, block) in zip(spans, written) {
        let slice = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        #expect(Array(slice.utf8) == Array(block.text.utf8))
        #expect(span.kind == block.kind.rawValue)
      }
    }
  }
}
