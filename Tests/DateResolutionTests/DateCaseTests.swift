import DateResolution
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// Runs every case table in `Cases/` through `DateResolver` (ftfy / icu4x style data tables).
@Suite struct DateCaseTests {
  @Test(arguments: DateCase.tables)
  func tableIsWellFormed(_ name: String) throws {
    let cases: [DateCase] = try CaseTable.load(name, in: DateCase.folder)
    #expect(CaseRunner.problems(in: cases).isEmpty, "\(name): \(CaseRunner.problems(in: cases))")
    for c in cases {
      for e in c.expected {
        #expect(
          c.text.contains(e.text), "\(c.label): expected text \"\(e.text)\" is not in the input")
        #expect(
          ["DATE", "TIME", "DURATION", "SET"].contains(e.type), "\(c.label): bad type \(e.type)")
      }
      if let dct = c.dct { #expect(dct.count == 10, "\(c.label): dct must be YYYY-MM-DD") }
    }
  }

  /// Every row of every table, each reported under its label.
  @Test(arguments: try DateCase.tables.flatMap(DateCase.load)) func caseRow(_ c: DateCase) throws {
    try check(c)
  }

  /// Every case table in `Cases/` is run (a new table needs no new test; `token-hashes.json`
  /// has its own runner in TokenHashTests).
  @Test func everyTableIsRun() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: DateCase.folder.path)
      .filter { $0.hasSuffix(".json") && $0 != "token-hashes.json" }
    #expect(Set(files) == Set(DateCase.tables), "Cases/ holds \(files.sorted())")
  }

  private func check(_ c: DateCase) throws {
    let resolver = try #require(SharedResolver.resolver)
    let result = resolver.resolve(c.text, dct: c.dct, language: c.lang)
    let got = result.mentions.map {
      DateCase.Expected(text: $0.text, type: $0.type, value: $0.value, mod: $0.mod)
    }
    let codes = Array(Set(result.findings.map(\.code))).sorted()
    CaseRunner.run(c) {
      #expect(got == c.expected, "\(c.label): got \(got), expected \(c.expected)")
      if let findings = c.findings {
        #expect(codes == findings.sorted(), "\(c.label): findings \(codes)")
      }
    }
    // `mayReadYear(in:)` is false only for a text in which no date with a year is read
    // (publication-date inference skips such lines unresolved).
    if !resolver.mayReadYear(in: c.text) {
      let undated = resolver.resolve(c.text, dct: nil, language: c.lang).mentions.map(\.value)
      #expect(
        !undated.contains { value in
          let head = Array(value.utf8.prefix(4))
          return head.count == 4 && head.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        },
        "\(c.label): mayReadYear(in:) is false, yet without a DCT it reads \(undated)")
    }
    // Offsets are Unicode scalar offsets into the text.
    let scalars = Array(c.text.unicodeScalars)
    for m in result.mentions {
      #expect(m.start >= 0 && m.end <= scalars.count && m.start < m.end)
      #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text)
    }
  }
}
