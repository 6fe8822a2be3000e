import Foundation
import NormalizeTestSupport
import Testing

@testable import TextCleaning

/// The kebab-case form of a type name, as argument-parser derives command names
/// ("NormalizeHyphensAndDashes" -> "normalize-hyphens-and-dashes", "ApplyNFC" -> "apply-nfc").
func kebabCase(_ name: String) -> String {
  let characters = Array(name)
  var result = ""
  for (i, character) in characters.enumerated() {
    if character.isUppercase, i > 0 {
      let previousIsLower = characters[i - 1].isLowercase
      let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
      if previousIsLower || (characters[i - 1].isUppercase && nextIsLower) { result += "-" }
    }
    result += character.lowercased()
  }
  return result
}

@Suite struct TextCleanerTests {
  /// `asRepairPass` answers as the cast it replaces: the repair passes (mojibake, HTML
  /// character references, ligatures) and only they.
  @Test func asRepairPassIsThePassExactlyWhenItIsARepairPass() {
    for pass in TextCleaner.allPasses {
      #expect((pass.asRepairPass != nil) == (pass is any RepairPass), "\(pass.id)")
      #expect(pass.asRepairPass.map(\.id) == (pass as? any RepairPass)?.id, "\(pass.id)")
    }
    #expect(TextCleaner.allPasses.contains { $0.asRepairPass != nil })
  }

  @Test func allPassesListsEachPassTypeOnceWithUniqueIDs() {
    let passes = TextCleaner.allPasses
    let types = passes.map { ObjectIdentifier(type(of: $0)) }
    #expect(Set(types).count == passes.count)
    let ids = passes.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(
      ids == [
        "decode-html-entities", "fix-mojibake", "fold-ligatures", "normalize-line-breaks",
        "strip-control-characters", "strip-bidi-controls", "strip-zero-width-characters",
        "normalize-spaces", "normalize-hyphens-and-dashes", "unify-quote-variants",
        "straighten-quotes",
        "fold-fullwidth-forms", "apply-nfc", "normalize-whitespace",
      ])
    for pass in passes {
      #expect(pass.id == kebabCase(String(describing: type(of: pass))))
      #expect(!pass.summary.isEmpty, "\(pass.id) has no summary")
    }
    #expect(passes.filter(\.isOptIn).map(\.id) == ["straighten-quotes"])
  }

  @Test func kebabCaseMatchesArgumentParser() {
    #expect(kebabCase("ApplyNFC") == "apply-nfc")
    #expect(kebabCase("StripBidiControls") == "strip-bidi-controls")
  }

  @Test func defaultCleanerRunsEveryPassExceptOptIn() {
    let cleaner = TextCleaner()
    #expect(cleaner.passes.map(\.id) == TextCleaner.allPasses.filter { !$0.isOptIn }.map(\.id))
    #expect(cleaner.clean("\u{201C}No deal\u{201D}") == "\u{201C}No deal\u{201D}")
  }

  @Test func straightenQuotesRunsOnlyWhenEnabled() throws {
    let text = "\u{201C}No deal on Ukraine without us,\u{201D} Zelenskyy\u{2019}s office said"
    #expect(TextCleaner().clean(text).hasSameScalars(as: text))
    #expect(try TextCleaner(enabling: []).clean(text).hasSameScalars(as: text))
    let straight = try TextCleaner(enabling: ["straighten-quotes"])
    #expect(straight.passes.map(\.id).contains("straighten-quotes"))
    #expect(straight.clean(text) == "\"No deal on Ukraine without us,\" Zelenskyy's office said")
    // Enabling an opt-in pass keeps its place in the fixed order.
    let ids = straight.passes.map(\.id)
    #expect(ids == TextCleaner.allPasses.map(\.id))
  }

  @Test func disablingAPass() throws {
    let cleaner = try TextCleaner(disabling: ["fold-fullwidth-forms", "normalize-spaces"])
    #expect(!cleaner.passes.contains { $0.id == "fold-fullwidth-forms" })
    #expect(cleaner.clean("Ｓｅｏｕｌ\u{A0}talks") == "Ｓｅｏｕｌ\u{A0}talks")
  }

  @Test(arguments: [(["no-such-pass"], [String]()), ([], ["strip-everything"])])
  func unknownPassIDThrows(_ enabling: [String], _ disabling: [String]) {
    do {
      _ = try TextCleaner(enabling: Set(enabling), disabling: Set(disabling))
      Issue.record("expected TextCleaningError.unknownPass")
    } catch let error as TextCleaningError {
      guard case .unknownPass(let id, let known) = error else { return }
      #expect(id == (enabling + disabling)[0])
      #expect(known == TextCleaner.allPasses.map(\.id))
      #expect(
        error.description.hasPrefix(
          "unknown cleaning pass \"\(id)\"; known passes: decode-html-entities,"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func cleanAndExplainReplaysToTheSameText() throws {
    let cleaner = TextCleaner()
    var inputs = try PassCases.all().map(\.input) + PropertyInputs.generated
    inputs += PropertyInputs.seeds
    for input in inputs {
      let (text, steps) = cleaner.cleanAndExplain(input)
      #expect(text.hasSameScalars(as: cleaner.clean(input)), "\(input.escapedScalars)")
      #expect(steps.map(\.passID) == cleaner.passes.map(\.id))
      let replayed = try TextCleaner.replay(steps, on: input)
      #expect(replayed.hasSameScalars(as: text), "replay differs for \(input.escapedScalars)")
      for step in steps where !step.changed {
        #expect(
          step.changes.isEmpty && step.changeCount == 0,
          "\(step.passID) reported changes without changing")
      }
    }
  }

  @Test func explainNamesTheChangingPasses() {
    let (text, steps) = TextCleaner().cleanAndExplain("Kim\u{00A0}Jong\u{2011}un")
    #expect(text == "Kim Jong-un")
    #expect(
      steps.filter(\.changed).map(\.passID) == ["normalize-spaces", "normalize-hyphens-and-dashes"])
    let spaces = steps.first { $0.passID == "normalize-spaces" }
    #expect(spaces?.changes == [ChangeRecorder.Change(offset: 3, removed: "\u{A0}", inserted: " ")])
  }

  @Test func explainSeesNFCChanges() throws {
    // apply-nfc's change is canonically equivalent; it must still count as a change.
    let (text, steps) = TextCleaner().cleanAndExplain("Jose\u{301}")
    #expect(text.hasSameScalars(as: "Jos\u{E9}"))
    #expect(steps.filter(\.changed).map(\.passID) == ["apply-nfc"])
    #expect(try TextCleaner.replay(steps, on: "Jose\u{301}").hasSameScalars(as: "Jos\u{E9}"))
  }

  @Test func changeLimitCapsRecordedChangesButNotTheCount() {
    let input = String(repeating: "a\u{A0}", count: 20)
    let (_, steps) = TextCleaner().cleanAndExplain(input, changeLimit: 5)
    let spaces = steps.first { $0.passID == "normalize-spaces" }
    #expect(spaces?.changeCount == 20)
    #expect(spaces?.changes.count == 5)
    #expect(spaces?.changes.map(\.offset) == [1, 3, 5, 7, 9])
  }

  @Test func replayRejectsUnknownSteps() throws {
    let step = CleaningStep(passID: "fix-everything", changed: true, changeCount: 1, changes: [])
    #expect(throws: TextCleaningError.self) { try TextCleaner.replay([step], on: "x") }
    // Unchanged steps are skipped, even with unknown ids.
    let skipped = CleaningStep(
      passID: "fix-everything", changed: false, changeCount: 0, changes: [])
    #expect(try TextCleaner.replay([skipped], on: "x") == "x")
  }

  @Test func stepsEncodeWithShortKeys() throws {
    let (_, steps) = TextCleaner().cleanAndExplain("Kim\u{00A0}Jong-un")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(steps.first { $0.changed }), as: UTF8.self)
    #expect(
      json
        == #"{"changed":true,"changes":[{"inserted":" ","offset":3,"removed":"\u00a0"}],"count":1,"pass":"normalize-spaces"}"#
        || json
          == "{\"changed\":true,\"changes\":[{\"inserted\":\" \",\"offset\":3,\"removed\":\"\u{A0}\"}],\"count\":1,\"pass\":\"normalize-spaces\"}"
    )
    let decoded = try JSONDecoder().decode(
      [CleaningStep].self, from: try JSONEncoder().encode(steps))
    #expect(decoded == steps)
  }
}
