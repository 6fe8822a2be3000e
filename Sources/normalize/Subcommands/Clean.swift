import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize clean`: the cleaning passes on text alone.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean",
    abstract: "Clean text only: Unicode, quotes, hyphens, spaces, line breaks.",
    discussion: """
      Cleans the text given as arguments (or standard input) with the same passes as the pipeline and prints it. --explain lists each pass and what it changed.

        normalize clean "Ｓｅｏｕｌ – Yoo Yong‐won"     # Seoul – Yoo Yong-won
        normalize clean --explain < article.txt
        normalize clean --list-passes
      """)

  @Argument(
    help: ArgumentHelp("Text to clean; without it, standard input is read.", valueName: "text"))
  var text: [String] = []

  @Flag(help: "After the text, list every pass and what it changed (on standard error).")
  var explain = false

  @Flag(
    help: "With --explain: print the explanation as JSON on standard output instead of the text.")
  var json = false

  @Flag(help: "List the cleaning passes in order and exit.")
  var listPasses = false

  @Option(
    name: .customLong("enable-pass"),
    help: ArgumentHelp("Turn on an opt-in pass, e.g. straighten-quotes.", valueName: "id"))
  var enablePasses: [String] = []

  @Option(
    name: .customLong("disable-pass"), help: ArgumentHelp("Turn off a pass.", valueName: "id"))
  var disablePasses: [String] = []

  func run() throws {
    if listPasses {
      for pass in TextCleaner.allPasses {
        print("\(pass.id)\(pass.isOptIn ? " (opt-in)" : "")\t\(pass.summary)")
      }
      return
    }
    let cleaner: TextCleaner
    do {
      cleaner = try TextCleaner(enabling: Set(enablePasses), disabling: Set(disablePasses))
    } catch {
      throw ValidationError("\(error)")
    }
    let input: String
    if text.isEmpty {
      let (decoded, notice) = TextDecoding.readText(try LineInput.readAll(FileHandle.standardInput))
      if let notice { Diagnostics.print("normalize clean: \(notice)") }
      input = decoded
    } else {
      input = text.joined(separator: " ")
    }
    guard explain else {
      print(cleaner.clean(input))
      return
    }
    let (cleaned, steps) = cleaner.cleanAndExplain(input)
    if json {
      struct Explanation: Encodable {
        let text: String
        let steps: [CleaningStep]
      }
      print(try RecordEncoder.encodePretty(Explanation(text: cleaned, steps: steps)))
      return
    }
    print(cleaned)
    for step in steps {
      var line = "\(step.changed ? "changed" : "-      ") \(step.passID)"
      if step.changed {
        let examples = step.changes.prefix(5).map {
          "@\($0.offset) \(visible($0.removed)) → \(visible($0.inserted))"
        }
        line +=
          " (\(step.changeCount)): " + examples.joined(separator: ", ")
          + (step.changeCount > 5 ? ", …" : "")
      }
      Diagnostics.print(line)
    }
  }

  /// Shows invisible characters as U+XXXX so the explanation is readable.
  private func visible(_ text: String) -> String {
    if text.isEmpty { return "∅" }
    return text.unicodeScalars.map { scalar in
      if scalar.properties.generalCategory == .control
        || scalar.properties.generalCategory == .format
        || scalar.properties.isWhitespace
      {
        return "U+" + String(scalar.value, radix: 16, uppercase: true)
      }
      return String(scalar)
    }.joined()
  }
}
