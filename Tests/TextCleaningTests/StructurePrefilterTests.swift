import Foundation
import NormalizeCore
import Testing

@testable import TextCleaning

/// The boilerplate prefilter (``PatternPrefilter``) may only skip a regex that cannot match:
/// for every language table, the indexed lookup must name the same rule as trying every
/// pattern in order, on real lines (the eval pages and the bench sample, as written and in
/// capitals) and on lines written to match the patterns.
@Suite("Structure boilerplate prefilter")
struct StructurePrefilterTests {
  static func corpus() throws -> [String] {
    var lines: [String] = [
      "LEAVE A REPLY", "Leave a Reply Cancel reply", "Sports data © STATS 2018",
      "© 2024 Foo Media. All Rights Reserved.",
      "jbaxt says:", "Photo: Reuters", "Getty Images / AFP", "12", "3 / 10", "3 of 10", "— ", "|",
      "👁 1.234",
      "ПОСЛЕДНИЕ НОВОСТИ", "Читайте также:", "Останні новини", "Kommentar schreiben",
      "Laisser un commentaire",
      "Ultime notizie", "관련기사", "사진=연합뉴스", "相关新闻", "关键词：北朝鲜", "関連記事", "写真：共同",
      "İletişim", "Kelvin 12 K", "By John Smith", "Home › Politics › Asia",
      "Original Source: evrimagaci.org",
      "Questo sito utilizza cookie per migliorare", "Мы используем cookie", "5 hours ago",
      "Published: May 16, 2024",
      "Tags: a, b, c", "References:", "Share on Facebook",
      "Click to share on Twitter (Opens in new window)",
      "When the 3 ore fa", "クッキーを使用しています", "무단 전재 및 재배포 금지", "", " ", "x",
      // Patterns matched by comparing literals: exact, one scalar more or less, and endings
      // before which ICU's `$` also matches (the regex decides those).
      "Reuter", "REUTERS", "Reuterss", "Reute", "Reuter\n", "Reuter\r", "Reuter\u{2028}",
      "Reuter\u{2029}", "Reuter\u{85}", "Reuter\u{0B}", "Reuter\u{0C}",
      "reuter.", " reuter",
    ]
    let shared = StructureFixtures.shared
    for file in ["eval/boilerplate/text_dev.jsonl", "bench/sample.jsonl"] {
      for page in try StructureEvalTests.read(shared.appendingPathComponent(file).path) {
        for paragraph in ParagraphSplitter.paragraphs(of: page.text)
        where paragraph.text.unicodeScalars.count <= 120 {
          lines.append(paragraph.text)
        }
      }
    }
    var seen: Set<String> = []
    lines = lines.filter { seen.insert($0).inserted }
    return lines + lines.map { $0.uppercased() }.filter { !seen.contains($0) }
  }

  @Test("the indexed lookup names the same rule as trying every pattern")
  func agreesWithEveryPattern() throws {
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    let patterns = analyzer.patterns
    let lines = try Self.corpus()
    let en = try #require(patterns.allTables["en"])
    // Which lines any table names (cheap to find with the reference on one table per line).
    var checked = 0
    for (language, table) in patterns.allTables.sorted(by: { $0.key < $1.key }) {
      for (number, line) in lines.enumerated() {
        // Every language on the boilerplate-looking lines; English on all lines; others on a sample.
        guard table === en || number % 7 == 0 || line.unicodeScalars.count <= 40 else { continue }
        let scalars = line.unicodeScalars.count
        let fast = patterns.rule(
          for: line, scalars: scalars, endsSentence: false,
          isASCII: line.utf8.allSatisfy { $0 < 0x80 },
          atEdge: true, table: BoilerplatePatterns.TableReference(table))
        let reference =
          scalars <= BoilerplatePatterns.maxLineLength
          ? patterns.ruleTryingEveryPattern(for: line, table: table) : nil
        #expect(fast == reference, "\(language): \(line)")
        checked += 1
      }
    }
    #expect(checked > 1000)
  }

  @Test("literal patterns are compared, not run")
  func literals() throws {
    func strings(_ pattern: String) throws -> Set<String>? {
      let node = try #require(try PatternPrefilter.parse(pattern).node)
      return PatternPrefilter.literals(of: node).map { found in
        Set(found.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) })
      }
    }
    #expect(try strings("reuters?") == ["reuter", "reuters"])
    #expect(try strings("(?:ok|got it)!?") == ["ok", "ok!", "got it", "got it!"])
    #expect(try strings("관련\\s?기사") == nil)
    #expect(try strings("版权所有") == ["版权所有"])
    #expect(try strings("a{0,2}") == ["", "a", "aa"])
    // Classes, anchors, lookarounds, unbounded or long repetition, too many strings: the regex.
    for pattern in ["[ab]c", "\\bby", "(?=a)a", "a+", "a{0,5}", "(?:a|b|c|d|e)(?:a|b|c|d|e)", "."] {
      #expect(try strings(pattern) == nil, "\(pattern)")
    }
  }

  @Test("conditions read off patterns")
  func conditions() throws {
    let counter = try PatternPrefilter(pattern: "\\d{1,4}")
    #expect(counter.maxLength == 4)
    let copyright = try PatternPrefilter(pattern: "[^©]{0,80}©.{0,200}")
    #expect(copyright.required == [[Array("©".utf8)]])
    let related = try PatternPrefilter(pattern: "(?:the\\s+)?(?:latest|related)\\s*:?")
    #expect(related.hasPrefixCondition)
    // "the\s…", "latest…", "related…" (and their continuations), nothing else.
    #expect(
      related.prefixes.allSatisfy { path in
        path.first.map { $0.contains(0x74) || $0.contains(0x6C) || $0.contains(0x72) } ?? false
      })
    #expect(!related.prefixes.contains { $0.first?.contains(0x61) ?? true })
    let rights = try PatternPrefilter(pattern: ".{0,200}all rights reserved\\.?")
    #expect(rights.required.first == [Array("all rights reserved".utf8)])
    let gallery = try PatternPrefilter(pattern: "\\d{1,3}\\s*(?:/|von)\\s*\\d{1,3}")
    #expect(gallery.required == [[Array("/".utf8), Array("von".utf8)]])
    // Not understood: no conditions, the regex always runs.
    let flags = try PatternPrefilter(pattern: "(?i)abc")
    #expect(!flags.hasPrefixCondition && flags.required.isEmpty && flags.maxLength == nil)
    #expect(throws: PatternPrefilter.Unbalanced.self) { try PatternPrefilter(pattern: "a)|(b") }
  }

  /// Patterns near the edges of what the parser reads and of what ICU accepts.
  static let trickyPatterns: [String] = [
    "(?<=a+)b", "(?<=ab)c", "(?<!x{1,3})y", "(?<!a)b", "(?!a)b", "(?=a)*", "\\b+", "^*", "$+",
    "a**", "a{2}{3}", "a+*",
    "a{2,1}", "a{99999999999}", "a{1,70000}", "a{0}", "a{0,0}", "x{,3}", "a++", "a*?", "a{2}?",
    "a{2}+", "(?>a+)b",
    "\\p{Foo}", "\\p{L}", "\\p{Letter}", "\\pL", "\\P{L}", "\\p{Lu}", "[\\P{L}]", "[\\p{Foo}]",
    "[\\p{L}x]",
    "[z-a]", "(unclosed", "a)|(b", "]", "}", "a}", "a]", "[a-]", "[-a]", "[a-b-c]", "[\\s-a]",
    "[a-\\d]", "[\\d-z]",
    "[a&b]", "[a&&b]", "[a{b}]", "[$]", "[a^]", "[:alpha:]", "[:a]x:]", "[^:]", "[:：]", "[:.]\\d",
    "[[:alpha:]]", "[]a]",
    "[^]a]", "[!--]", "[a-\\]]", "\\é", "[\\é]", "\\x{41}", "\\Q(\\E", "(?i)abc", "(?<name>a)",
    "\\1", "(a)\\1",
    "\\N{LATIN SMALL LETTER A}", "\\u0041", "\\cA", "\\e", "\\h", "\\R", "\\X", "\\k<n>", "(?#c)",
    "(?x) a",
    "(?i:a)", "a|", "|", "()", "(?:)", "#", "a#b", "[ ]", "\\-", "\\/", "\\.", "\\w+", "\\S+",
    "\\W",
    "\\D", "\\A\\z", "\\G", "\\Z", "[\\w]", "[\\W]", "[\\D]", "[\\S]", "[\\d.,]+",
    "[^©]{0,80}©.{0,200}",
    "\\d{1,3}\\s*(?:/|von)\\s*\\d{1,3}", ".{0,200}all rights reserved\\.?",
    "[|/•·×✕+_=*#~–—-]{1,3}",
    "\\(?\\s*(?:foto)\\s*[:：]\\s*.{1,100}\\)?", "\\p{L}[\\p{L}.'’-]*",
    "(?=[^:]{1,60}:$)[^:]*\\s(?:says)\\s*:",
  ]

  @Test("a regex whose compiling waits for first use has syntax ICU accepts")
  func deferredCompilingIsSafe() throws {
    for pattern in Self.trickyPatterns {
      let compiles = (try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])) != nil
      let parsed = try? PatternPrefilter.parse(pattern)
      if parsed?.knownSyntax == true { #expect(compiles, "deferred but ICU rejects: \(pattern)") }
      // Loading reports exactly the patterns ICU rejects or that escape the wrapper.
      let lexicons = InMemoryLexiconProvider(["boilerplate": ["en": "menu\t\(pattern)"]])
      let loads = (try? BoilerplatePatterns(lexicons: lexicons)) != nil
      #expect(loads == (compiles && parsed != nil), "\(pattern)")
    }
    let analyzer = try StructureFixtures.sharedAnalyzer.get()
    #expect(analyzer.patterns.compileAll().isEmpty)
  }

  @Test("tables and regexes built on first use agree across threads")
  func concurrentFirstUse() throws {
    let pages = try StructureEvalTests.read(
      StructureFixtures.shared.appendingPathComponent("eval/boilerplate/text_dev.jsonl").path)
    let reference = try StructureFixtures.analyzer()
    let expected = pages.map { reference.analyze($0.text, knownTitle: nil).removed.map(\.rule) }
    let fresh = try StructureFixtures.analyzer()
    let results = UnsafeMutableBufferPointer<[String]>.allocate(capacity: pages.count)
    results.initialize(repeating: [])
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: pages.count) { index in
      results[index] = fresh.analyze(pages[index].text, knownTitle: nil).removed.map(\.rule)
    }
    #expect(Array(results) == expected)
  }
}
