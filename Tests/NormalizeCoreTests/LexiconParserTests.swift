import Testing

@testable import NormalizeCore

@Suite struct LexiconParserTests {
  @Test func skipsCommentsAndBlankLines() throws {
    let contents = """
      # Italian boilerplate: kind<TAB>pattern
      related-block\t^ultime notizie$

        # an indented comment
      \u{20}\u{20}
      credit\t^foto:\u{20}
      """
    let entries = try LexiconParser.parse(contents, path: "it/boilerplate.tsv", language: "it")
    #expect(
      entries.map(\.fields) == [["related-block", "^ultime notizie$"], ["credit", "^foto:"]])
    #expect(entries.map(\.line) == [2, 6])
    #expect(entries.map(\.location) == ["it/boilerplate.tsv:2", "it/boilerplate.tsv:6"])
    #expect(entries.allSatisfy { $0.language == "it" && $0.path == "it/boilerplate.tsv" })
  }

  @Test func crlfLineEndings() throws {
    let contents = "# comment\r\n유용원\tYoo Yong-won\r\n\r\n김정은\tKim Jong-un\r\n"
    let entries = try LexiconParser.parse(contents, path: "ko/names.tsv", language: "ko")
    #expect(entries.map(\.fields) == [["유용원", "Yoo Yong-won"], ["김정은", "Kim Jong-un"]])
    #expect(entries.map(\.line) == [2, 4])
  }

  @Test func lonelyCRIsNotALineBreakButIsTrimmedAtLineEnd() throws {
    let entries = try LexiconParser.parse("Київ\tKyiv\r", path: "uk/places.tsv", language: "uk")
    #expect(entries.map(\.fields) == [["Київ", "Kyiv"]])
  }

  @Test func fieldsAreSplitOnTabAndTrimmedOfSpaces() throws {
    let entries = try LexiconParser.parse(
      "  Зеленський \t Zelenskyy  \tperson", path: "uk/names.tsv", language: "uk")
    #expect(entries.first?.fields == ["Зеленський", "Zelenskyy", "person"])
    // Spaces inside a field stay.
    let spaced = try LexiconParser.parse("Yoo Yong-won\t유 용원", path: "ko/names.tsv", language: "ko")
    #expect(spaced.first?.fields == ["Yoo Yong-won", "유 용원"])
  }

  /// ASCII lines are read on bytes, other lines on `Character`s: both give the same fields.
  @Test(arguments: [
    ("  Yonhap \t Seoul  \r\n", ["Yonhap", "Seoul"]),
    ("  연합 \t 서울  \r\n", ["연합", "서울"]),
    ("kind\tAFP\r\r", ["kind", "AFP\r"]),
    ("kind\tТАСС\r\r", ["kind", "ТАСС\r"]),
    ("x \t#y", ["x", "#y"]),
    ("ё \t#y", ["ё", "#y"]),
  ])
  func asciiAndOtherLinesAreSplitAlike(_ contents: String, _ fields: [String]) throws {
    let entries = try LexiconParser.parse(contents, path: "all/agencies.tsv", language: "all")
    #expect(entries.map(\.fields) == [fields])
    #expect(entries.map(\.line) == [1])
  }

  @Test(arguments: [
    ("a\t\tb", 1),  // two TABs: an empty middle field
    ("# ok\nname\t", 2),  // trailing TAB
    ("ok\tfine\n\t이름", 2),  // leading TAB
    ("ok\tfine\nname\t   \tx", 2),  // a field of spaces only
  ])
  func emptyFieldIsAnErrorWithPathAndLine(_ contents: String, _ line: Int) {
    #expect(
      throws: LexiconError.invalidEntry(
        path: "ko/names.tsv", line: line, message: "empty field (fields are separated by one TAB)")
    ) {
      try LexiconParser.parse(contents, path: "ko/names.tsv", language: "ko")
    }
  }

  @Test func errorDescriptionStartsWithPathAndLine() {
    do {
      _ = try LexiconParser.parse("ok\tfine\n\n\tbad", path: "it/boilerplate.tsv", language: "it")
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".hasPrefix("it/boilerplate.tsv:3: empty field"))
    }
  }

  @Test func textNotInNFCIsAnError() {
    // "é" as e + combining acute, and Hangul as conjoining jamo.
    for contents in ["# fine\ncafe\u{301}\tcafé", "\u{1100}\u{1161}\tga"] {
      #expect(throws: LexiconError.self) {
        try LexiconParser.parse(contents, path: "fr/names.tsv", language: "fr")
      }
    }
    do {
      _ = try LexiconParser.parse("# fine\ncafe\u{301}\tcafé", path: "fr/names.tsv", language: "fr")
    } catch let error as LexiconError {
      guard case .invalidEntry(let path, let line, let message) = error else {
        Issue.record("wrong case \(error)")
        return
      }
      #expect(path == "fr/names.tsv" && line == 2)
      #expect(message.contains("NFC"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func nonNFCInsideACommentIsIgnored() throws {
    #expect(
      try LexiconParser.parse("# cafe\u{301}\nok\tfine", path: "fr/x.tsv", language: "fr").count
        == 1)
  }

  @Test func emptyContents() throws {
    #expect(try LexiconParser.parse("", path: "en/x.tsv", language: "en").isEmpty)
    #expect(
      try LexiconParser.parse("\n\n# only comments\n", path: "en/x.tsv", language: "en").isEmpty)
  }
}
