import Testing

@testable import ICUSupport

@Suite struct ScriptTests {
  @Test(arguments: [
    ("유", "Hang"), ("\u{1100}", "Hang"), ("北", "Hani"), ("з", "Cyrl"), ("ї", "Cyrl"), ("A", "Latn"),
    ("é", "Latn"), ("：", "Zyyy"), ("1", "Zyyy"), (" ", "Zyyy"), ("-", "Zyyy"), ("ー", "Zyyy"),
    ("\u{301}", "Zinh"), ("か", "Hira"), ("カ", "Kana"), ("ก", "Thai"), ("\u{0378}", "Zzzz"),
  ])
  func scriptOf(_ character: String, _ code: String) throws {
    let scalar = try #require(character.unicodeScalars.first)
    #expect(Script.of(scalar).code == code)
  }

  @Test func codesRoundTrip() throws {
    for code in ["Latn", "Hang", "Hani", "Cyrl", "Zyyy", "Zinh"] {
      let script = try #require(Script(code: code))
      #expect(script.code == code)
      #expect(script.description == code)
    }
    #expect(Script(code: "Qqqq-not-a-script") == nil)
    #expect(Script.common.isNeutral && Script.inherited.isNeutral && !Script.latin.isNeutral)
    #expect(Script.latin.code == "Latn")
    #expect(Script.unknown.code == "Zzzz")
  }

  @Test func scriptExtensions() throws {
    let hiragana = try #require(Script(code: "Hira"))
    let katakana = try #require(Script(code: "Kana"))
    #expect(hiragana.covers("ー") && katakana.covers("ー"))
    #expect(!Script.latin.covers("ー"))
  }

  @Test func runsOfAKoreanNameInThreeScripts() {
    let text = "Kim Jong-un (김정은) 金正恩"
    let runs = ScriptRuns.runs(in: text)
    #expect(runs.map(\.script.code) == ["Latn", "Hang", "Hani"])
    #expect(runs.map { String(text[$0.range]) } == ["Kim Jong-un (", "김정은) ", "金正恩"])
    #expect(ScriptRuns.scripts(in: text).map(\.code) == ["Hang", "Hani", "Latn"])
  }

  @Test func runsFindACyrillicHomoglyph() {
    let text = "Yoo Yong-w\u{043E}n"  // Cyrillic о
    #expect(ScriptRuns.runs(in: text).map(\.script.code) == ["Latn", "Cyrl", "Latn"])
    #expect(ScriptRuns.scripts(in: text).map(\.code) == ["Cyrl", "Latn"])
    #expect(ScriptRuns.scripts(in: "Yoo Yong-won").map(\.code) == ["Latn"])
  }

  @Test func neutralTextIsOneCommonRun() {
    #expect(ScriptRuns.runs(in: "12:30 — 1950–1953").map(\.script) == [Script.common])
    #expect(ScriptRuns.runs(in: "").map(\.script) == [Script.common])
    #expect(ScriptRuns.scripts(in: "12:30").isEmpty)
  }

  @Test func runsCoverTheWholeString() {
    let text = "Зеленський said “Київ” 消息：俄乌 유용원."
    let runs = ScriptRuns.runs(in: text)
    #expect(runs.map { String(text[$0.range]) }.joined() == text)
    #expect(runs.map(\.script.code) == ["Cyrl", "Latn", "Cyrl", "Hani", "Hang"])
  }
}
