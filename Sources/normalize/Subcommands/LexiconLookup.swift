import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize lexicon lookup`: which entry a spelling belongs to, and why.
struct LexiconLookup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lookup",
    abstract: "Say which lexicon entry a spelling belongs to, and by which key and rule.",
    discussion: """
        normalize lexicon lookup Kiev                  # Kyiv (place), rule lexicon
        normalize lexicon lookup "Yoo Yong Won"        # Yoo Yong-won, key ko:…, rule korean-syllables
        normalize --lexicons names.tsv … / normalize lexicon lookup --lexicons names.tsv "Zelenskiy"
      """)

  @Argument(help: ArgumentHelp("The spelling to look up.", valueName: "name"))
  var name: [String]

  @Flag(help: "Print the analysis as JSON.")
  var json = false

  @OptionGroup var lexicons: LexiconOptions

  func run() throws {
    let spelling = name.joined(separator: " ")
    let analysis: NameAnalysis
    do {
      analysis = try NameAnalyzer(lexicons: LexiconLocator.provider(extra: lexicons.extraLexicons))
        .analyze(spelling)
    } catch {
      Diagnostics.print("normalize: \(error)")
      throw ExitCode(2)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(analysis), as: UTF8.self))
      return
    }
    print("\(spelling)")
    if let lexicon = analysis.lexicon {
      print("  entry:     \(analysis.canonical) (\(analysis.kind ?? "name")) at \(lexicon)")
    } else {
      print("  entry:     none in the lexicons; canonical form \(analysis.canonical)")
    }
    print("  key:       \(analysis.key.isEmpty ? "-" : analysis.key)")
    print("  rule:      \(analysis.rule)")
    if let origin = analysis.origin { print("  origin:    \(origin)") }
    if let family = analysis.family { print("  family:    \(family)") }
    if let given = analysis.given { print("  given:     \(given)") }
    if let hangul = analysis.hangul, !hangul.isEmpty {
      print("  hangul:    \(hangul.prefix(5).joined(separator: ", "))")
    }
    if let note = analysis.note { print("  note:      \(note)") }
  }
}
