import DateResolution
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// Inputs that must not crash or hang, and shared use from many threads.
@Suite struct RobustnessTests {
  @Test func megabyteOfDigits() throws {
    let resolver = try #require(SharedResolver.resolver)
    let text = String(repeating: "1234567890", count: 100_000)
    let result = resolver.resolve(text, dct: "2025-03-18", language: nil)
    #expect(result.mentions.isEmpty)
  }

  @Test func megabyteOfDateLikeNoise() throws {
    let resolver = try #require(SharedResolver.resolver)
    let text = String(repeating: "May 32, 0 ((( 99999 )))年月日 — ", count: 30_000)
    let result = resolver.resolve(text, dct: "2025-03-18", language: nil)
    #expect(result.mentions.allSatisfy { !$0.value.isEmpty })
  }

  /// Regression (issue 19): a 15 MB text held ~260 MB of tokens at once. Texts over 1 MiB are
  /// resolved in pieces cut at line breaks; mentions keep their offsets in the whole text.
  @Test func longTextsAreResolvedInPiecesWithTheSameOffsets() throws {
    let resolver = try #require(SharedResolver.resolver)
    let paragraph =
      "Officials in Seoul said on Thursday that talks begun on 3 March 2020 would resume.\n"
      + "Кириллица и 유용원 ".prefix(20) + "\n"
    let count = DateResolver.pieceBytes / paragraph.utf8.count * 5 / 2
    let text = String(repeating: paragraph, count: count)
    #expect(text.utf8.count > 2 * DateResolver.pieceBytes)
    let whole = resolver.resolve(text, dct: "2025-03-18", language: "en")
    let single = resolver.resolve(paragraph, dct: "2025-03-18", language: "en")
    #expect(whole.findings.contains { $0.code == "text-resolved-in-pieces" })
    #expect(whole.mentions.count == single.mentions.count * count)
    let scalars = Array(text.unicodeScalars)
    for mention in whole.mentions.suffix(50) {
      #expect(
        String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
    }
  }

  @Test func concurrentUseGivesTheSameResults() async throws {
    let resolver = try #require(SharedResolver.resolver)
    let inputs = [
      ("23 ore fa", "it"), ("작년", "ko"), ("last fall", "en"), ("23小时前", "zh"),
      ("в прошлом году", "ru"),
    ]
    let expected = inputs.map { resolver.resolve($0.0, dct: "2025-03-18", language: $0.1).mentions }
    let results = await withTaskGroup(of: (Int, [TemporalMention]).self) { group in
      for round in 0..<8 {
        for (index, input) in inputs.enumerated() {
          group.addTask {
            (
              index + round * 0,
              resolver.resolve(input.0, dct: "2025-03-18", language: input.1).mentions
            )
          }
        }
      }
      var all: [(Int, [TemporalMention])] = []
      for await r in group { all.append(r) }
      return all
    }
    for (index, mentions) in results { #expect(mentions == expected[index]) }
  }
}
