import Foundation
import Testing

@testable import TextCleaning

/// The five seed articles against `../shared/acceptance/seeds.expected.json`: titles, removed
/// lines, and body sentences that must survive.
@Suite("Structure on the seed articles")
struct StructureSeedTests {
  struct Expectations: Decodable {
    struct Article: Decodable {
      var file: String
      var title: String?
      var removed: [String]?
    }
    var articles: [Article]
  }

  static func load() -> [(Expectations.Article, String)] {
    let shared = StructureFixtures.shared
    guard
      let data = try? Data(
        contentsOf: shared.appendingPathComponent("acceptance/seeds.expected.json")),
      let expectations = try? JSONDecoder().decode(Expectations.self, from: data)
    else { return [] }
    return expectations.articles.compactMap { article in
      let url = shared.appendingPathComponent("seeds").appendingPathComponent(article.file)
      return (try? String(contentsOf: url, encoding: .utf8)).map { (article, $0) }
    }
  }

  @Test("titles, removed lines and kept sentences")
  func seeds() throws {
    let seeds = Self.load()
    try #require(seeds.count == 5, "seeds not found under \(StructureFixtures.shared.path)")
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    for (article, text) in seeds {
      let layout = analyzer.analyze(text, knownTitle: nil)
      let bodyLines = Set(layout.blocks.map(\.text))
      if let title = article.title {
        #expect(layout.title == title, "\(article.file)")
      } else {
        #expect(
          layout.title == nil, "\(article.file): no title line expected, got \(layout.title ?? "")")
      }
      for line in article.removed ?? [] {
        #expect(!bodyLines.contains(line), "\(article.file): '\(line)' is in the body")
      }
      // No body sentence lost: every input line that is long running text is in the body.
      let metadata = Set(
        layout.metadata.credits
          + [layout.title, layout.standfirst, layout.metadata.sourceLine].compactMap { $0 })
      for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
      where line.count > 120 && !metadata.contains(line) && !layout.referenceSection.contains(line)
      {
        #expect(bodyLines.contains(line), "\(article.file): lost '\(line.prefix(60))…'")
      }
    }
  }

  @Test("seed specifics: bullets, heading, tags, source line, breadcrumb, credits")
  func specifics() throws {
    let seeds = Dictionary(
      uniqueKeysWithValues: Self.load().map { ($0.0.file.prefix(3).description, $0.1) })
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    if let text = seeds["000"] {
      let layout = analyzer.analyze(text, knownTitle: nil)
      #expect(layout.blocks.contains(LayoutBlock(text: "The Implications:", kind: .heading)))
      #expect(layout.blocks.filter { $0.kind == .listItem }.count == 4)
      #expect(layout.referenceSection.count == 1)
      #expect(layout.removed.contains(RemovedLine(text: "References:", rule: "reference-heading")))
      #expect(layout.removed.contains(RemovedLine(text: "Views: 1", rule: "view-counter")))
    }
    if let text = seeds["001"] {
      let layout = analyzer.analyze(text, knownTitle: nil)
      #expect(layout.standfirst?.hasPrefix("Kiev shows the world") == true)
      #expect(layout.blocks.last?.text.hasPrefix("The prospects for these soldiers") == true)
    }
    if let text = seeds["002"] {
      let layout = analyzer.analyze(text, knownTitle: nil)
      #expect(layout.metadata.tags.count == 5)
      #expect(layout.metadata.tags.first == "North Korean soldiers in Ukraine")
    }
    if let text = seeds["003"] {
      let layout = analyzer.analyze(text, knownTitle: nil)
      #expect(layout.metadata.breadcrumb?.hasPrefix("Home NorthKorea") == true)
      #expect(layout.metadata.credits == ["Courtesy of the Office of Representative Yoo Yong Won"])
      #expect(layout.removed.contains { $0.rule == "duplicate-credit" })
    }
    if let text = seeds["004"] {
      let layout = analyzer.analyze(text, knownTitle: nil)
      #expect(layout.metadata.sourceLine == "Original Source: evrimagaci.org")
    }
  }
}
