import Foundation
import NormalizeTestSupport
import Testing

@testable import Citations

/// Regressions of issue 19: reference tagging was quadratic in a run of punctuation (a title of
/// 10,000 dots took 0.85 s, 160,000 dots ran for minutes).
@Suite("Pathological references")
struct PathologicalReferenceTests {
  /// Seconds of wall time `body` takes.
  private func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  @Test("trimming a 200,000-dot title is linear")
  func trimmingIsLinear() {
    let dots = String(repeating: ".", count: 200_000)
    var tidied = ""
    var split: (title: String, code: String)?
    let elapsed = seconds {
      tidied = TitleAnalyzer.tidy("Title" + dots)
      split = ReferenceRules.splitTypeCode("台湾的语言政策[J]" + dots)
    }
    #expect(tidied == "Title")
    #expect(split?.code == "J")
    #expect(elapsed < 5, "took \(elapsed) s")
  }

  @Test("a reference of 160,000 dots is parsed on its first 4,000 scalars, with a finding")
  func longRunOfDots() throws {
    let parser = try #require(CitationsFixtures.parser)
    for (label, reference) in [
      (
        "one token",
        "Smith, J. (2020). " + String(repeating: ".", count: 160_000)
          + " Journal of Things, 3(2), 1-10."
      ),
      (
        "many tokens",
        "Smith, J. (2020). " + String(repeating: ". ", count: 80_000) + "Journal of Things."
      ),
    ] {
      var annotation: ReferenceAnnotation?
      let elapsed = seconds { annotation = parser.parse(reference, published: nil) }
      #expect(elapsed < 20, "\(label): took \(elapsed) s")
      #expect(annotation?.raw == reference)
      #expect(
        annotation?.findings.contains { $0.code == "reference-truncated" } == true, "\(label)")
      // The segments still give every token of the reference.
      let tokens = reference.split(whereSeparator: { $0.isWhitespace }).count
      let segmentTokens = (annotation?.segments ?? []).reduce(0) {
        $0 + ($1.last ?? "").split(separator: " ").count
      }
      #expect(segmentTokens == tokens, "\(label)")
    }
  }
}
