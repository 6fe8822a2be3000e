import Foundation
import NormalizeTestSupport
import Testing

@testable import DateResolution

/// `DateGrammarLexicon.expand` cuts phrases on their bytes where every scalar is a `Character`
/// of its own: on every phrase of every shipped `date-grammar` lexicon, and on phrases with
/// combining marks, carriage returns and stray spaces, it spells the forms the grapheme-cluster
/// path spells.
@Suite struct DateGrammarExpansionTests {
  static let lexiconFiles: [URL] = {
    let root = TestPaths.repoRoot.appendingPathComponent("Lexicons")
    let languages = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return languages.sorted().map {
      root.appendingPathComponent($0).appendingPathComponent("date-grammar.tsv")
    }.filter { FileManager.default.fileExists(atPath: $0.path) }
  }()

  @Test func shippedPhrasesExpandAsByCharacters() throws {
    #expect(!Self.lexiconFiles.isEmpty, "no Lexicons/*/date-grammar.tsv found")
    var phrases = 0
    for file in Self.lexiconFiles {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        guard !line.hasPrefix("#") else { continue }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { continue }
        let phrase = String(fields[1])
        phrases += 1
        #expect(
          try DateGrammarLexicon.expand(phrase) == DateGrammarLexicon.expandCharacters(phrase),
          "\(file.lastPathComponent): \(phrase)")
      }
    }
    #expect(phrases > 1000)
  }

  @Test(arguments: [
    "jahr(|es|s)", "letzt(e|en|er|es) woche(|n)", "  mehr  als ", "προχθ(ές|ες)", "тиж(день|ня)",
    "année(|s) dernière(|s)", "e\u{301}t(é|e\u{301})", "x(a|\u{301}b)", "a\r\nb(c|d)", "(|a)",
    "a()b", ")a(", "jän(ner|)", "", "(a|b) (c|d) (e|)", "x(|) y(|)", "a(b|c)d(e|f)g",
    "про(шл|шед)(ого|ом) год(а|у)", "a((b|c))", " (|) ", "a)(b",
  ])
  func unusualPhrasesExpandAsByCharacters(_ phrase: String) throws {
    #expect(try DateGrammarLexicon.expand(phrase) == DateGrammarLexicon.expandCharacters(phrase))
    // The byte path itself, where it applies, also for phrases `expand` takes as they are.
    if let bytes = DateGrammarLexicon.expandBytes(phrase) {
      #expect(bytes == DateGrammarLexicon.expandCharacters(phrase))
    }
  }
}
