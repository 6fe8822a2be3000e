import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize-dev bench-names MODE FILE`: times the name library on the calling thread (for
/// Scripts/bench-names).
struct BenchNames: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-names",
    abstract: "Time romanisation, name parsing or mention detection on a file.",
    discussion: """
      romanize and parse read names one a line ("유용원", "Yoo Yong Won") and print names per second; mentions reads JSON Lines articles and prints MB/s of "text".

        normalize-dev bench-names romanize hangul-names.txt
        normalize-dev bench-names mentions ../shared/bench/sample.jsonl
      """)

  /// What to time.
  enum Mode: String, ExpressibleByArgument, CaseIterable {
    case romanize, parse, mentions
  }

  @Argument(help: ArgumentHelp("romanize, parse or mentions.", valueName: "mode"))
  var mode: Mode

  @Argument(
    help: ArgumentHelp(
      "Names one a line (romanize, parse) or JSON Lines articles (mentions).", valueName: "file"))
  var file: String

  @OptionGroup var lexiconOptions: LexiconOptions

  func run() throws {
    let lexicons = try LexiconLocator.provider(extra: lexiconOptions.extraLexicons)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationErrorMessage("cannot read \(file)")
    }
    if mode == .mentions {
      try Self.benchmarkMentions(data, lexicons: lexicons)
      return
    }
    let parser = try NameAnalyzer(lexicons: lexicons).koreanParser
    let romanizer = parser.romanizer
    let names = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    guard !names.isEmpty else { throw ValidationErrorMessage("\(file) has no names") }
    var produced = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      if mode == .romanize {
        for name in names { produced += romanizer.romanizations(of: name, limit: 5).count }
      } else {
        for name in names { produced += parser.parse(name).first?.hangul.count ?? 0 }
      }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(names.count) / max(seconds, 1e-9)
    print(
      "\(mode.rawValue)\t\(names.count) names\t\(String(format: "%.3f", seconds)) s\t\(Int(rate)) names/s\t(\(produced) results)"
    )
  }

  /// Times `NameMentionDetector` alone over the "text" fields of a JSON Lines file (detector
  /// built before the clock starts) and prints MB/s of text.
  private static func benchmarkMentions(_ data: Data, lexicons: any LexiconProvider) throws {
    var texts: [String] = []
    for line in data.split(separator: 0x0A) where !line.isEmpty {
      if case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(line)),
        let text = object["text"]?.stringValue
      {
        texts.append(text)
      }
    }
    let detector = try NameMentionDetector(lexicons: lexicons)
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    var found = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for text in texts { found += detector.mentions(in: [(field: nil, text: text)]).count }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
      "mentions\t\(texts.count) texts\t\(String(format: "%.2f", Double(bytes) / 1e6)) MB\t\(String(format: "%.3f", seconds)) s\t\(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s\t(\(found) mentions)"
    )
  }
}
