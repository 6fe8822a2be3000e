import Testing

@testable import ICUSupport

@Suite struct SpoofCheckerTests {
  let checker: SpoofChecker

  init() throws { checker = try #require(SpoofChecker.shared) }

  @Test func skeletonsOfHomoglyphsAreEqual() {
    #expect(checker.skeleton("Yoo Yong-w\u{043E}n") == checker.skeleton("Yoo Yong-won"))
    #expect(checker.skeleton("p\u{0430}yp\u{0430}l") == checker.skeleton("paypal"))
    #expect(checker.skeleton("Yoo Yong-won") != checker.skeleton("Yoo Yong-wan"))
  }

  @Test func mixedLatinAndCyrillicFailsTheRestrictionLevel() {
    let checks = checker.check("Yoo Yong-w\u{043E}n")
    #expect(checks.contains(.restrictionLevel))
  }

  @Test(arguments: ["유용원", "Yoo Yong-won", "Зеленський", "金正恩", "김정은"])
  func singleScriptNamesPass(_ name: String) {
    #expect(checker.check(name).isEmpty)
  }

  @Test func invisibleCharacters() {
    // The same combining mark twice in a row is what ICU's "invisible" check catches.
    #expect(checker.check("Yoo\u{301}\u{301}").contains(.invisible))
  }

  @Test func mixedNumbers() {
    // ASCII 1 with Devanagari ३ mixes two decimal digit systems.
    #expect(checker.check("1\u{0969}").contains(.mixedNumbers))
  }

  @Test func areConfusable() {
    #expect(checker.areConfusable("paypal", "p\u{0430}yp\u{0430}l"))
    #expect(checker.areConfusable("Yoo Yong-won", "Yoo Yong-w\u{043E}n"))
    #expect(!checker.areConfusable("Yoo Yong-won", "Kim Jong-un"))
  }

  @Test func sharedCheckerIsUsableFromManyThreads() async {
    let checker = self.checker
    let expected = checker.skeleton("Yoo Yong-w\u{043E}n")
    await withTaskGroup(of: String.self) { group in
      for _ in 0..<50 { group.addTask { checker.skeleton("Yoo Yong-w\u{043E}n") } }
      for await skeleton in group { #expect(skeleton == expected) }
    }
  }
}
