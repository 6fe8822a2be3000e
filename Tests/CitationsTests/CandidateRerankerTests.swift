import Foundation
import NormalizeTestSupport
import Testing

@testable import Citations
@testable import CitationsTraining

/// One row of `Cases/candidates.json` (schema in `Cases/README.md`).
struct CandidateCase: Decodable, CustomTestStringConvertible, Sendable, CitationsCaseRow {
  let label: String
  let comment: String?
  let tokens: [String]
  let labels: [String]
  let rank: Int
  let gap: Float
  let features: [String: Float]
  let absent: [String]
  let gold: [String]
  let gain: Float
  let expect: String
  var testDescription: String { label }
}

@Suite("Candidate reranker")
struct CandidateRerankerTests {
  static func cases() throws -> [CandidateCase] {
    try CaseTable.load("candidates.json", in: CitationsFixtures.cases, as: CandidateCase.self)
  }

  @Test("the case table is well formed")
  func wellFormed() throws {
    for c in try CitationsFixtures.wellFormedTable("candidates.json", as: CandidateCase.self) {
      #expect(
        c.tokens.count == c.labels.count && c.tokens.count == c.gold.count,
        "\(c.label): one label per token")
    }
  }

  @Test("features and gain of a candidate labelling", arguments: try cases())
  func features(_ testCase: CandidateCase) throws {
    var extracted: [(name: String, value: Float)] = []
    CandidateFeatures.extract(
      tokens: testCase.tokens, labels: testCase.labels, rank: testCase.rank, gap: testCase.gap,
      markers: try #require(CitationsFixtures.markers), into: &extracted)
    var totals: [String: Float] = [:]
    for feature in extracted { totals[feature.name, default: 0] += feature.value }
    let check = {
      for (name, value) in testCase.features.sorted(by: { $0.key < $1.key }) {
        #expect(
          totals[name].map { abs($0 - value) < 1e-5 } == true,
          "\(name): \(totals[name].map { "\($0)" } ?? "absent"), want \(value)")
      }
      for name in testCase.absent { #expect(totals[name] == nil, "\(name) must be absent") }
      let gain = CandidateRerankerTrainer.gain(
        gold: CandidateFeatures.fields(tokens: testCase.tokens, labels: testCase.gold),
        predicted: CandidateFeatures.fields(tokens: testCase.tokens, labels: testCase.labels))
      #expect(gain == testCase.gain)
    }
    CitationsFixtures.run(testCase, check)
  }

  /// Every label sequence of a small random model, scored the way Viterbi scores it.
  private static func allPaths(emission: [Float], contexts: [Int], transitions: [Float], count: Int)
    -> [KBestViterbi.Path]
  {
    let n = contexts.count
    let table = (count + 1) * count
    var paths: [KBestViterbi.Path] = []
    var labels = [Int](repeating: 0, count: n)
    func visit(_ t: Int, _ score: Float) {
      if t == n {
        paths.append(KBestViterbi.Path(labels: labels, score: score))
        return
      }
      for label in 0..<count {
        labels[t] = label
        let previous = t == 0 ? 0 : labels[t - 1] + 1
        visit(
          t + 1,
          score + transitions[contexts[t] * table + previous * count + label]
            + emission[t * count + label])
      }
    }
    visit(0, 0)
    return paths
  }

  @Test("the k best paths are those of exhaustive search, best first, the first Viterbi's")
  func kBestMatchesExhaustiveSearch() {
    var random = SplitMix(seed: 11)
    // Integers, as in the weights file: many ties.
    func value() -> Float { Float(Int(random.next() % 41) - 20) }
    for trial in 0..<240 {
      let count = 2 + trial % 4
      let n = 1 + trial % 6
      let contextCount = 3
      let emission = (0..<(n * count)).map { _ in value() }
      let contexts = (0..<n).map { _ in Int(random.next() % UInt64(contextCount)) }
      let transitions = (0..<(contextCount * (count + 1) * count)).map { _ in value() }
      for k in [1, 2, 4, 7] {
        let found = transitions.withUnsafeBufferPointer {
          KBestViterbi.decode(
            scores: emission, contexts: contexts, transitions: $0, count: count, k: k)
        }
        let all = Self.allPaths(
          emission: emission, contexts: contexts, transitions: transitions, count: count)
        let bestScores = all.map(\.score).sorted(by: >).prefix(k)
        #expect(found.map(\.score) == Array(bestScores), "trial \(trial), k \(k)")
        #expect(Set(found.map(\.labels)).count == found.count, "the paths are distinct")
        for path in found {
          #expect(all.contains(path), "each path carries its own score")
        }
        let viterbi = transitions.withUnsafeBufferPointer {
          TaggingStage.viterbi(scores: emission, contexts: contexts, transitions: $0, count: count)
        }
        #expect(found.first?.labels == viterbi)
      }
    }
    let none = [Float]().withUnsafeBufferPointer {
      KBestViterbi.decode(scores: [], contexts: [], transitions: $0, count: 2, k: 4)
    }
    #expect(none.isEmpty)
  }

  @Test("the perceptron learns to prefer the candidate with more gain, wherever it stands")
  func perceptronLearnsFromGain() {
    // One candidate closes the title before "In" and leaves a container (more gain), the
    // other runs the title on; the better one is first in a third of the lists.
    let names = ["rank=0", "rank=1", "title:next-in>container-title", "title:next-in>title"]
    var lists: [[CandidateRerankerTrainer.Candidate]] = []
    for i in 0..<30 {
      let betterFirst = i % 3 == 0
      lists.append([
        .init(features: [(0, 1), (betterFirst ? 2 : 3, 1)], gain: betterFirst ? 6 : 2),
        .init(features: [(1, 1), (betterFirst ? 3 : 2, 1)], gain: betterFirst ? 2 : 6),
      ])
    }
    let reranker = CandidateRerankerTrainer(epochs: 5).train(lists, names: names, candidates: 2)
    #expect(reranker.candidates == 2)
    for betterFirst in [true, false] {
      let first = reranker.score([("rank=0", 1), (betterFirst ? names[2] : names[3], 1)])
      let second = reranker.score([("rank=1", 1), (betterFirst ? names[3] : names[2], 1)])
      // Ties go to the earlier candidate.
      #expect(betterFirst ? first >= second : second > first, "better first: \(betterFirst)")
    }
    #expect(
      CandidateRerankerTrainer(epochs: 5).train(lists, names: names, candidates: 2) == reranker)
  }

  @Test("a reranker that prefers the second candidate makes tag() return the second-best path")
  func rerankerChoosesCandidate() throws {
    let markers = try #require(CitationsFixtures.markers)
    let plain = try Self.toyTrainer().train(ReferenceTaggerTests.examples)
    let tokens = ReferenceTaggerTests.examples[0].tokens
    let kbest = plain.candidates(tokens, k: 3, markers: markers) { $0 }
    try #require(kbest.count == 3)
    #expect(kbest[0].labels == plain.tag(tokens, markers: markers))
    #expect(kbest[0].score >= kbest[1].score && kbest[1].score >= kbest[2].score)
    let second = plain.with(reranker: CandidateReranker(candidates: 3, weights: ["rank=1": 10]))
    #expect(second.tag(tokens, markers: markers) == kbest[1].labels)
    // Written and read back, the reranker chooses the same.
    let reread = try ReferenceTaggingModel(tsv: second.tsv(), path: "test.tsv")
    #expect(reread.candidates == 3)
    #expect(reread.tag(tokens, markers: markers) == kbest[1].labels)
    #expect(reread.tsv() == second.tsv())
  }

  @Test("choosing by hashed feature names agrees with scoring the named features")
  func hashedScoringAgrees() throws {
    let markers = try #require(CitationsFixtures.markers)
    let plain = try Self.toyTrainer().train(ReferenceTaggerTests.examples)
    var random = SplitMix(seed: 3)
    for example in ReferenceTaggerTests.examples + Self.moreExamples {
      let list = plain.candidates(example.tokens, k: 4, markers: markers) { $0 }
      try #require(list.count > 1)
      let named = list.enumerated().map { rank, candidate in
        var features: [(name: String, value: Float)] = []
        CandidateFeatures.extract(
          tokens: example.tokens, labels: candidate.labels, rank: rank,
          gap: list[0].score - candidate.score, markers: markers, into: &features)
        return features
      }
      for _ in 0..<20 {
        var weights: [String: Float] = [:]
        // Sorted, so the same names draw the same weights whatever the hash seed.
        for name in Set(named.flatMap { $0.map(\.name) }).sorted() {
          weights[name] = Float(Int(random.next() % 201) - 100) / 10
        }
        let reranker = CandidateReranker(candidates: 4, weights: weights)
        let scores = named.map { reranker.score($0) }
        let expected = scores.indices.first { scores[$0] == scores.max() } ?? 0
        // A near-tie may go either way: the two paths add the same terms in another order.
        let runnerUp =
          scores.indices.filter { $0 != expected }.map { scores[$0] }.max() ?? -.infinity
        guard scores[expected] - runnerUp > 1e-3 else { continue }
        #expect(
          reranker.choose(tokens: example.tokens, candidates: list, markers: markers) == expected)
      }
    }
  }

  @Test("jackknife training gives a reranker, the same one each time, that reads back unchanged")
  func jackknifeTraining() throws {
    let markers = try #require(CitationsFixtures.markers)
    var trainer = try Self.toyTrainer()
    trainer.rerankerFolds = 2
    trainer.candidates = 3
    // Taggers trained on half of these mislabel the other half, which the reranker learns from.
    let examples = ReferenceTaggerTests.examples + Self.moreExamples
    let model = trainer.train(examples)
    #expect(model.candidates == 3)
    #expect(model.rerankerFeatureCount > 0)
    let text = model.tsv()
    #expect(text.contains("\n@candidates\t3\n"))
    #expect(trainer.train(examples).tsv() == text)
    let reread = try ReferenceTaggingModel(tsv: text, path: "test.tsv")
    #expect(reread.tsv() == text)
    for example in examples {
      #expect(
        reread.tag(example.tokens, markers: markers) == model.tag(example.tokens, markers: markers))
    }
  }

  /// A perceptron trainer for the toy references (their weights are small: kept at 100×).
  static func toyTrainer() throws -> ReferenceTaggerTrainer {
    var trainer = ReferenceTaggerTrainer(
      markers: try #require(CitationsFixtures.markers), epochs: 5, minimumCount: 1)
    trainer.scale = 100
    trainer.weightFloor = 1
    return trainer
  }

  static let moreExamples: [ReferenceTaggerTrainer.Example] = [
    .init(
      tokens: [
        "Obi,", "B.", "(2003).", "Gold", "and", "salt.", "West", "African", "Review,", "4,", "1–9.",
      ],
      labels: [
        "author", "author", "date", "title", "title", "title", "journal", "journal", "journal",
        "volume", "pages",
      ]),
    .init(
      tokens: [
        "Eze,", "C.", "(2010).", "Trade", "winds.", "In", "Salt", "roads", "(pp.", "3–8).", "Sun",
        "Press.",
      ],
      labels: [
        "author", "author", "date", "title", "title", "container-title", "container-title",
        "container-title", "pages", "pages", "publisher", "publisher",
      ]),
    .init(
      tokens: ["Mensah,", "A.", "(2018).", "River", "towns.", "Coast", "Studies,", "9,", "20–31."],
      labels: [
        "author", "author", "date", "title", "title", "journal", "journal", "volume", "pages",
      ]),
    .init(
      tokens: [
        "Sow,", "D.", "(2021).", "Stone", "roads.", "Retrieved", "from",
        "https://example.org/stone",
      ],
      labels: ["author", "author", "date", "title", "title", "note", "note", "url"]),
  ]

  @Test("malformed reranker lines are reported with their line")
  func malformed() {
    let head = "@labels\ta\tb\nw=x\t0:1\n"
    let bad = [
      head + "@candidates\t4\n@rerank\trank=1\n",  // no weight
      head + "@candidates\t4\n@rerank\trank=1\tlots\n",  // not a number
      head + "@candidates\t4\n@rerank\trank=1\tinf\n",  // not finite
      head + "@candidates\t4\n@rerank\trank=1\t1\n@rerank\trank=1\t2\n",  // twice
      head + "@rerank\trank=1\t0.5\n",  // no @candidates
      head + "@candidates\t4\n",  // no weights
      head + "@candidates\t1\n@rerank\trank=1\t0.5\n",  // k below 2
      head + "@candidates\t4\n@candidates\t4\n@rerank\trank=1\t0.5\n",  // twice
    ]
    for text in bad {
      #expect(throws: CitationsError.self, "\(text.debugDescription)") {
        try ReferenceTaggingModel(tsv: text, path: "bad.tsv")
      }
    }
    #expect(throws: Never.self) {
      try ReferenceTaggingModel(
        tsv: head + "@candidates\t4\n@rerank\trank=1\t-0.25\n@rerank\tgap\t1.5e-3\n", path: "ok.tsv"
      )
    }
  }
}
