import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing
import TextCleaning

@testable import IngestValidation

/// The structure analysis's boilerplate answers (`ArticleLayout.boilerplateVerdicts`) stand in
/// for matching a body line again only where matching would answer the same: every recorded
/// answer equals `furnitureRule`, and `find-leftover-boilerplate` reports the same findings
/// with them and without, on the articles of `Cases/rules.json` and of the structure tables.
@Suite struct BoilerplateVerdictsTests {
  static let lexicons = Result {
    try DirectoryLexiconProvider(roots: [TestPaths.repoRoot.appendingPathComponent("Lexicons")])
  }

  /// One article to analyse and then validate: its text and the language the input gives.
  struct Article: CustomTestStringConvertible, Sendable {
    var label: String
    var text: String
    var language: String?
    var testDescription: String { label }
  }

  /// The rule cases' bodies, the structure cases' inputs, and furniture kept in a body on
  /// purpose (a line the analysis matched and kept, the same line joined to the one above it,
  /// a table row with column gaps, lines in a language without rules of its own).
  static func articles() throws -> [Article] {
    let rules = try RuleCases.all().map {
      Article(label: "rules.json: " + $0.label, text: $0.text, language: $0.language)
    }
    let structureFolder = TestPaths.repoRoot.appendingPathComponent(
      "Tests/TextCleaningTests/Cases")
    let structure: [StructureInput] = try CaseTable.load("structure.json", in: structureFolder)
    return rules
      + structure.map {
        Article(label: "structure.json: " + $0.label, text: $0.input, language: $0.language)
      }
      + [
        Article(
          label: "furniture lines inside an Italian body",
          text: """
            Torino, la fabbrica assume cento giovani nel nuovo stabilimento di Mirafiori, dove la produzione riparte a settembre.
            Lascia un commento
            Il sindaco ha detto che l'accordo arriva dopo mesi di trattative con i sindacati e la regione.
            Leggi anche
            La produzione delle nuove vetture elettriche comincerà entro la fine dell'anno, secondo l'azienda.
            """, language: "it"),
        Article(
          label: "a menu line joined to the line above it",
          text: """
            Seoul said on Thursday that the talks with Washington would resume next month in Geneva.
            Officials from both sides met for three hours and agreed on
            read more
            The ministry did not say who would lead the delegation, but a spokesman said the date was set.
            """, language: "en"),
        Article(
          label: "table rows with column gaps",
          text: """
            Shares of the company rose after it reported a higher profit for the third quarter.
            Shr       1.84 dlrs    1.59 dlrs
            Net       10,245,000   12,364,000
            Share this    Read More
            The company said its sales in Asia grew by a fifth over the year.
            """, language: "en"),
        Article(
          label: "Korean furniture",
          text: """
            국회 국방위원회 소속 유용원 의원은 12일 우크라이나에 억류된 북한군 포로 두 명이 한국행을 희망한다고 밝혔다.
            관련기사
            유 의원은 이날 기자회견에서 정부가 적극적으로 나서야 한다고 말했다.
            """, language: "ko"),
        Article(
          label: "a language without rules of its own",
          text: """
            Uchaguzi mkuu utafanyika mwezi Oktoba, tume ya uchaguzi ilisema siku ya Jumanne jijini Nairobi.
            Read More
            Share
            """, language: "sw"),
      ]
  }

  @Test(arguments: try articles())
  func recordedAnswersAreTheMatchedOnes(_ article: Article) throws {
    let lexicons = try Self.lexicons.get()
    let analyzer = try ArticleStructureAnalyzer(lexicons: lexicons)
    let lines = BoilerplateLines(sharingRulesOf: analyzer)
    let layout = analyzer.analyze(article.text, knownTitle: nil, knownLanguage: article.language)
    let rules = lines.rules(forLanguage: layout.language)
    // The body's lines, and the input's (the furniture the analysis removed was matched too).
    let bodyLines = layout.text.split(separator: "\n", omittingEmptySubsequences: true)
    let inputLines = article.text.split(separator: "\n", omittingEmptySubsequences: true)
    for line in bodyLines + inputLines {
      var bytes = String(line)
      let recorded = bytes.withUTF8 {
        lines.recordedFurnitureRule(
          forLine: $0, rules: rules, verdicts: layout.boilerplateVerdicts)
      }
      if let recorded {
        #expect(recorded == lines.furnitureRule(forLine: String(line), rules: rules), "\(line)")
      }
    }
    let rule = FindLeftoverBoilerplate(lines: lines)
    var with: [Finding] = []
    var without: [Finding] = []
    rule.check(
      ArticleContext(
        text: layout.text, title: nil, published: nil, names: [], dates: [], rawText: "",
        lang: layout.language, boilerplateVerdicts: layout.boilerplateVerdicts), into: &with)
    rule.check(
      ArticleContext(
        text: layout.text, title: nil, published: nil, names: [], dates: [], rawText: "",
        lang: layout.language), into: &without)
    #expect(with == without)
  }

  /// The answers are used: most short body lines of the articles are answered from them, and
  /// so are the furniture lines of the inputs ("Lascia un commento", "관련기사").
  @Test func mostShortLinesAreAnswered() throws {
    let lexicons = try Self.lexicons.get()
    let analyzer = try ArticleStructureAnalyzer(lexicons: lexicons)
    let lines = BoilerplateLines(sharingRulesOf: analyzer)
    var answered = 0
    var asked = 0
    var furniture = 0
    for article in try Self.articles() {
      let layout = analyzer.analyze(article.text, knownTitle: nil, knownLanguage: article.language)
      let rules = lines.rules(forLanguage: layout.language)
      for line in layout.text.split(separator: "\n") {
        var bytes = String(line)
        guard !bytes.withUTF8({ BoilerplateLines.isRunningText($0) }) else { continue }
        asked += 1
        let recorded = bytes.withUTF8 {
          lines.recordedFurnitureRule(
            forLine: $0, rules: rules, verdicts: layout.boilerplateVerdicts)
        }
        if recorded != nil { answered += 1 }
      }
      for line in article.text.split(separator: "\n") {
        var bytes = String(line)
        let recorded = bytes.withUTF8 {
          lines.recordedFurnitureRule(
            forLine: $0, rules: rules, verdicts: layout.boilerplateVerdicts)
        }
        if case .some(.some) = recorded { furniture += 1 }
      }
    }
    #expect(asked > 0)
    #expect(answered * 10 >= asked * 8, "\(answered) of \(asked) short lines answered")
    #expect(furniture >= 3, "\(furniture) furniture lines answered")
  }

  /// Answers recorded with one set of patterns are not taken for another's, even with the same
  /// lexicons: the line is matched again.
  @Test func anotherAnalyzersAnswersAreNotUsed() throws {
    let lexicons = try Self.lexicons.get()
    let analyzer = try ArticleStructureAnalyzer(lexicons: lexicons)
    let other = try BoilerplateLines(lexicons: lexicons)
    let layout = analyzer.analyze(
      "Seoul said on Thursday that the talks would resume next month in Geneva, officials said.\nRead More",
      knownTitle: nil, knownLanguage: "en")
    var line = "Read More"
    let sameRules = BoilerplateLines(sharingRulesOf: analyzer)
    let recorded = line.withUTF8 {
      sameRules.recordedFurnitureRule(
        forLine: $0, rules: sameRules.rules(forLanguage: "en"),
        verdicts: layout.boilerplateVerdicts)
    }
    #expect(recorded != nil)
    let fromOther = line.withUTF8 {
      other.recordedFurnitureRule(
        forLine: $0, rules: other.rules(forLanguage: "en"), verdicts: layout.boilerplateVerdicts)
    }
    #expect(fromOther == nil)
    let otherLanguage = line.withUTF8 {
      sameRules.recordedFurnitureRule(
        forLine: $0, rules: sameRules.rules(forLanguage: "ru"),
        verdicts: layout.boilerplateVerdicts)
    }
    #expect(otherLanguage == nil)
  }

  /// Without validation nothing reads the answers: the assembler does not ask for them, and the
  /// layout is the same but for the empty table.
  @Test func notRecordedUnlessAskedFor() throws {
    let analyzer = try ArticleStructureAnalyzer(lexicons: try Self.lexicons.get())
    let text = "Torino, la fabbrica assume cento giovani.\nLascia un commento\nCondividi"
    let asked = analyzer.analyze(text, knownTitle: nil, knownLanguage: "it")
    let notAsked = analyzer.analyze(
      text, knownTitle: nil, knownLanguage: "it", recordsVerdicts: false)
    #expect(asked.boilerplateVerdicts != BoilerplateVerdicts())
    #expect(notAsked.boilerplateVerdicts == BoilerplateVerdicts())
    #expect(notAsked.text == asked.text && notAsked.removed == asked.removed)
    #expect(notAsked.paragraphs == asked.paragraphs && notAsked.metadata == asked.metadata)
  }
}

/// The fields of a `structure.json` row this suite reads (schema:
/// `Tests/TextCleaningTests/Cases/README.md`).
struct StructureInput: Decodable, DefaultPassCaseRow {
  var label: String
  var input: String
  var language: String?
  var comment: String?
  var expect: String?
}
