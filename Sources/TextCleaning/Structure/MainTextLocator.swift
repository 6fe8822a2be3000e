/// Scores paragraphs and finds the main text region: the run of paragraphs with the largest
/// total score (maximum-sum segment), so that menus and footers far from the article drop out
/// while short headings inside it stay.
///
/// Each paragraph gets a quality `q` in -1…1 from its stop-word density (centred on
/// ``Parameters/densityCentre``, full scale at ± ``Parameters/densitySpan``), plus a bonus when
/// it ends a sentence; fewer than ``Parameters/minimumWords`` words caps `q` below zero. Its
/// weight is `q × length` (length clamped to 20…600 effective scalars). Lexicon boilerplate
/// weighs -1 × length; a "related articles" or "comments" heading is a barrier of
/// ``Parameters/barrier``; a comment header ("jbaxt says:") costs ``Parameters/commentAuthorCost``.
///
/// The parameters were chosen on one half of the development pages and checked on the other
/// half (both halves chose the same values; see `Lexicons/README.md`).
struct MainTextLocator: Sendable {
  /// Tuning constants.
  struct Parameters: Sendable {
    var densityCentre = 0.22
    var densitySpan = 0.12
    var sentenceBonus = 0.4
    var minimumWords = 5
    var lengthCap = 600
    var lengthFloor = 20
    var barrier = 300.0
    var commentAuthorCost = 150.0
    /// Paragraphs inside the region with q above this are kept.
    var keepQuality = -0.5
    /// Density centres for languages scored differently: Chinese and Japanese by characters,
    /// Korean for its agglutinated particles. (Plain values, not a dictionary: the locator is
    /// copied into every analysis on every thread, and a dictionary's reference count would be
    /// shared by all of them.)
    var chineseCentre = 0.08
    var japaneseCentre = 0.16
    var koreanCentre = 0.02
  }

  var parameters = Parameters()

  /// The quality `q` of one paragraph that no dropping rule matched.
  func quality(_ features: ParagraphFeatures, language: String) -> Double {
    quality(features, centre: densityCentre(for: language))
  }

  /// The stop-word density centre for articles in `language`.
  func densityCentre(for language: String) -> Double {
    switch language {
    case "zh": parameters.chineseCentre
    case "ja": parameters.japaneseCentre
    case "ko": parameters.koreanCentre
    default: parameters.densityCentre
    }
  }

  /// The quality `q` of one paragraph, with the language's ``densityCentre(for:)`` looked up once.
  func quality(_ features: ParagraphFeatures, centre: Double) -> Double {
    var q = max(-1, min(1, (features.stopwordDensity - centre) / parameters.densitySpan))
    if features.endsSentence { q += parameters.sentenceBonus }
    if features.words < parameters.minimumWords { q = min(q, 0) - 0.3 }
    return max(-1, min(1, q))
  }

  /// The weight of a paragraph of quality `q` in the region search.
  func weight(quality q: Double, features: ParagraphFeatures, rule: String?) -> Double {
    if rule == BoilerplateRule.relatedHeading || rule == BoilerplateRule.commentHeading {
      return -parameters.barrier
    }
    if rule == BoilerplateRule.commentAuthor { return -parameters.commentAuthorCost }
    let length = max(min(features.effectiveLength, parameters.lengthCap), parameters.lengthFloor)
    return q * Double(length)
  }

  /// The maximum-sum run of `weights`, or nil when no weight is positive.
  ///
  /// - Complexity: O(n).
  func region(_ weights: [Double]) -> ClosedRange<Int>? {
    var best = 0.0
    var bestRange: ClosedRange<Int>?
    var current = 0.0
    var start = 0
    for (index, weight) in weights.enumerated() {
      if current <= 0 {
        current = 0
        start = index
      }
      current += weight
      if current > best {
        best = current
        bestRange = start...index
      }
    }
    return bestRange
  }
}
