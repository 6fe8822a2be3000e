import Citations
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@Suite("ReferenceParser")
struct ReferenceParserTests {
  static func cases() throws -> [ReferenceCase] {
    try CaseTable.load("references.json", in: CitationsFixtures.cases, as: ReferenceCase.self)
  }

  @Test("the case table is well formed")
  func wellFormed() throws {
    _ = try CitationsFixtures.wellFormedTable("references.json", as: ReferenceCase.self)
  }

  @Test("the shipped weights and glossaries load")
  func loads() throws {
    let lexicons = try DirectoryLexiconProvider(roots: [CitationsFixtures.lexiconRoot])
    let parser = try ReferenceParser(lexicons: lexicons)
    #expect(parser.model.labels.contains("title"))
  }

  @Test(arguments: try cases())
  func parses(_ testCase: ReferenceCase) throws {
    let parser = try #require(CitationsFixtures.parser)
    let annotation = parser.parse(testCase.input, published: testCase.published)
    let check = {
      let fields = CSLPaths.flatten(annotation.csl ?? [:])
      for (path, wanted) in testCase.expected.sorted(by: { $0.key < $1.key }) {
        #expect(fields[path] == wanted, "\(path) in \(annotation.segments ?? [])")
      }
      if let canonical = testCase.canonical { #expect(annotation.canonical == canonical) }
      let codes = Set(annotation.findings.map(\.code))
      for code in testCase.findings {
        #expect(codes.contains(code), "finding \(code) among \(codes.sorted())")
      }
    }
    CitationsFixtures.run(testCase, check)
    // Whatever the labels, the segments give back the input: the same text apart from white
    // space, each of their words inside one of the input's (a CJK word may be cut between
    // segments).
    let tokens = testCase.input.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let texts = (annotation.segments ?? []).map { $0.last ?? "" }
    #expect(
      texts.joined().filter { !$0.isWhitespace } == testCase.input.filter { !$0.isWhitespace })
    for word in texts.flatMap({ $0.split(separator: " ") }) {
      #expect(tokens.contains { $0.contains(word) }, "\(word) is not inside a word of the input")
    }
    #expect(annotation.raw == testCase.input)
  }

  @Test("the seed reference renders in APA 7 with its translation in brackets")
  func seedCanonical() throws {
    let parser = try #require(CitationsFixtures.parser)
    let seed =
      "Yonhap News Agency. (2025, May 27). 消息:俄乌战俘互换名单中未含两名朝军 [News: Two North Korean soldiers not included in Russia-Ukraine prisoner exchange list]. Retrieved from [Insert original URL here]"
    let canonical = try #require(parser.parse(seed, published: "2025-05-28").canonical)
    #expect(canonical.hasPrefix("Yonhap News Agency. (2025, May 27). 消息：俄乌战俘互换名单中未含两名朝军 ("))
    #expect(
      canonical.hasSuffix(
        "[News: Two North Korean soldiers not included in Russia-Ukraine prisoner exchange list]."))
  }

  @Test(
    "the seed article's reference line parses as the acceptance file expects",
    .enabled(if: TestPaths.sharedFixturesRunnable))
  func seedFromFile() throws {
    let shared = try #require(TestPaths.shared)
    let seeds = TestPaths.files(in: shared.appendingPathComponent("seeds"), withExtension: "txt")
    let seed = try #require(seeds.first { $0.lastPathComponent.hasPrefix("000_") })
    let text = try String(contentsOf: seed, encoding: .utf8)
    let parser = try #require(CitationsFixtures.parser)
    let found = parser.findReferences(in: text)
    let reference = try #require(found.first { $0.text.contains("Yonhap") })
    let csl = CSLPaths.flatten(parser.parse(reference.text, published: "2025-05-28").csl ?? [:])
    #expect(csl["title"] == "消息：俄乌战俘互换名单中未含两名朝军")
    #expect(csl["language"] == "zh-Hans")
    #expect(csl["issued"] == "2025-05-27")
    #expect(csl["author[0].literal"] == "Yonhap News Agency")
    #expect(csl["URL"] == nil)
  }

  @Test("bad input: no crash, a finding")
  func badInput() throws {
    let parser = try #require(CitationsFixtures.parser)
    let long = String(
      repeating: "Smith, J. (2001). A title of some length. Journal, 1, 2-3. ", count: 1_800)
    #expect(long.utf8.count > 100_000)
    let cases: [(String, String)] = [
      (long, "reference-too-long"),
      ("Kim, J. (2020. Unclosed [bracket title. Journal, 3(4, 5-6.", "unbalanced-brackets"),
      ("... ,,, ;;; —— (( ))", "no-letters"),
      ("Smith) J. (2001 title] [x", "unbalanced-brackets"),
      ("Lee, K. {2001}. Braces { never closed. Press.", "unbalanced-brackets"),
      ("כהן, ד. (2019). תולדות הנמל בחיפה. ירושלים: מאגנס.", "right-to-left-text"),
      ("الحسن، م. (2018). تاريخ الموانئ في الخليج. بيروت: دار العلم.", "right-to-left-text"),
      ("", "empty-reference"),
    ]
    for (input, code) in cases {
      let annotation = parser.parse(input, published: "2025-05-28")
      #expect(annotation.findings.contains { $0.code == code }, "\(code) for \(input.prefix(40))")
      let tokens = input.split(whereSeparator: { $0.isWhitespace }).count
      let segmentTokens = (annotation.segments ?? []).reduce(0) {
        $0 + ($1.last ?? "").split(separator: " ").count
      }
      #expect(segmentTokens == tokens)
    }
  }

  @Test("paired brackets of every kind are not flagged")
  func balancedBrackets() throws {
    let parser = try #require(CitationsFixtures.parser)
    let annotation = parser.parse(
      "Kim, J. (2020). A [bracketed] title {v2}. Journal, 3(4), 5-6.", published: nil)
    #expect(!annotation.findings.contains { $0.code == "unbalanced-brackets" })
  }

  @Test("ReferenceAnnotation stays Codable with segments")
  func codable() throws {
    let parser = try #require(CitationsFixtures.parser)
    let annotation = parser.parse(
      "Okafor, C. (2015). The long harvest. Lagos: Riverbend Press.", published: nil)
    let data = try JSONEncoder().encode(annotation)
    let decoded = try JSONDecoder().decode(ReferenceAnnotation.self, from: data)
    #expect(decoded == annotation)
    let plain = try JSONEncoder().encode(ReferenceAnnotation(raw: "x"))
    #expect(!String(decoding: plain, as: UTF8.self).contains("segments"))
  }
}
