import ArticleRecords
import Foundation
import NameNormalization
import NormalizeCore
import NormalizeTestSupport
import Testing

/// Name lexicons built over real articles (the samples, and the seeds when ../shared is there):
/// merging shards equals building on everything, in any grouping and order; the shipped
/// lexicons pass `LexiconAudit`; bad lexicon files are reported line by line.
@Suite struct NameLexiconTests {
  /// The corpus: every sample, then every seed (when present), as record names per article.
  static func corpus() throws -> [(id: String, published: String?, names: [NameMention])] {
    var paths = Fixtures.sampleFiles().map(\.path)
    if let shared = TestPaths.shared {
      let seeds = shared.appendingPathComponent("seeds")
      paths += ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).sorted()
        .filter { $0.hasSuffix(".txt") }.map { seeds.appendingPathComponent($0).path }
    }
    return try Fixtures.run(paths: paths, published: "2025-05-28").outcomes.compactMap { outcome in
      if case .record(let record, _) = outcome {
        return (record.id, record.published?.value, record.names)
      }
      return nil
    }
  }

  static let analyzer = Result { try NameAnalyzer(lexicons: Fixtures.sharedProvider.get()) }

  static func build(_ articles: ArraySlice<(id: String, published: String?, names: [NameMention])>)
    throws -> NameLexiconBuilder
  {
    var builder = NameLexiconBuilder(analyzer: try analyzer.get())
    for article in articles {
      builder.add(article.names, articleID: article.id, published: article.published)
    }
    return builder
  }

  /// Writes a builder's lexicon as TSV and reads it back into a fresh builder (the file round
  /// trip `normalize lexicon merge` makes).
  static func roundTrip(_ builders: [NameLexiconBuilder]) throws -> String {
    var merged = NameLexiconBuilder(analyzer: try analyzer.get())
    for builder in builders {
      let text = NameLexiconFormat.tsv(builder.entries())
      for line in try LexiconParser.parse(text, path: "shard.tsv", language: "all") {
        merged.add(try AliasLexicon.parse(line))
      }
    }
    return NameLexiconFormat.tsv(merged.entries())
  }

  @Test func mergingShardsEqualsBuildingOnEverything() throws {
    let articles = try Self.corpus()[...]
    #expect(articles.count >= 10)
    let whole = NameLexiconFormat.tsv(try Self.build(articles).entries())
    #expect(whole.split(separator: "\n").count > 20)
    // Several splits: halves, thirds, every article alone; merged in order and reversed.
    for parts in [2, 3, articles.count] {
      let size = (articles.count + parts - 1) / parts
      let shards = try stride(from: 0, to: articles.count, by: size).map {
        try Self.build(articles[$0..<min($0 + size, articles.count)])
      }
      #expect(try Self.roundTrip(shards) == whole, "\(parts) shards")
      #expect(try Self.roundTrip(shards.reversed()) == whole, "\(parts) shards, reversed")
    }
    // Associativity: (A + B) + C == A + (B + C), through files.
    let third = articles.count / 3
    let a = try Self.build(articles[..<third])
    let b = try Self.build(articles[third..<(2 * third)])
    let c = try Self.build(articles[(2 * third)...])
    var ab = NameLexiconBuilder(analyzer: try Self.analyzer.get())
    ab.merge(a)
    ab.merge(b)
    var bc = NameLexiconBuilder(analyzer: try Self.analyzer.get())
    bc.merge(b)
    bc.merge(c)
    #expect(try Self.roundTrip([ab, c]) == Self.roundTrip([a, bc]))
  }

  @Test(.enabled(if: TestPaths.shared != nil, "../shared is not beside the repository"))
  func seedsGiveOneEntryPerPerson() throws {
    let articles = try Self.corpus()
    let entries = try Self.build(articles[...]).entries()
    func entry(_ canonical: String) -> AliasEntry? { entries.first { $0.canonical == canonical } }
    let yoo = try #require(entry("Yoo Yong-won"))
    #expect(Set(yoo.variants.map(\.text)).isSuperset(of: ["Yoo Yong-won", "Yoo Yong Won"]))
    let zelenskyy = try #require(entry("Volodymyr Zelenskyy"))
    #expect(Set(zelenskyy.variants.map(\.text)).isSuperset(of: ["Zelensky", "Zelenskyy"]))
    let kyiv = try #require(entry("Kyiv"))
    #expect(kyiv.variants.map(\.text).contains("Kiev"))
    #expect(entries.filter { $0.canonical.hasPrefix("Yoo") }.count == 1)
  }

  @Test func shippedLexiconsHaveNoProblems() {
    let problems = LexiconAudit.check(Fixtures.lexicons)
    #expect(problems.isEmpty, "\(problems.map(\.description))")
  }

  @Test func everyProblemIsReportedWithItsLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lexicon-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("all"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = [
      "Kyiv\tplace\tuk\tKiev|Kyyiv",  // 1 fine
      "Kiyv\tplace\tuk\tKIEV",  // 2 Kiev under two entries
      "Odesa\tcity\tuk\tOdessa",  // 3 bad kind
      "Lviv\tplace\tuk\tLvov|Lvov",  // 4 variant twice
      "Kyiv\tperson\tuk\tKyivan",  // 5 one canonical, two kinds
      "Harkiv\tplace\tuk\t",  // 6 empty field
      "Cafe\u{0301}\tplace\t-\tCafe",  // 7 not NFC
      String(repeating: "x", count: 10_000_000),  // 8 a 10 MB line (one field)
    ]
    try lines.joined(separator: "\n").write(
      to: folder.appendingPathComponent("all/aliases.tsv"), atomically: true, encoding: .utf8)
    let problems = LexiconAudit.check(folder).map(\.description)
    for line in [2, 3, 4, 5, 6, 7, 8] {
      #expect(
        problems.contains { $0.hasPrefix("all/aliases.tsv:\(line):") },
        "no problem reported for line \(line): \(problems.map { $0.prefix(120) })")
    }
    #expect(!problems.contains { $0.hasPrefix("all/aliases.tsv:1:") })
  }

  /// `lexicon check` loads what `normalize ref` loads: a citation marker in upper case in a copy of
  /// the shipped folder is reported with its file and line, not left for `ref` to fail on.
  @Test func aBadCitationMarkerIsReportedWithItsLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lexicon-audit-markers-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Fixtures.lexicons, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("pl/citation-markers.tsv")
    let shipped = try String(contentsOf: file, encoding: .utf8)
    let lines = shipped.split(separator: "\n", omittingEmptySubsequences: false)
    let badLine = lines.count + (shipped.hasSuffix("\n") ? 0 : 1)
    try (shipped + (shipped.hasSuffix("\n") ? "" : "\n") + "container\tW\n").write(
      to: file, atomically: true, encoding: .utf8)
    let problems = LexiconAudit.check(folder).map(\.description)
    #expect(
      problems.contains { $0.contains("pl/citation-markers.tsv:\(badLine)") },
      "\(problems.map { $0.prefix(160) })")
  }
}
