import Foundation
import NormalizeKit

/// Input and output for `normalize name`: readable analyses, JSON, and the JSON Lines stream.
struct NameFrontend {
  let romanizer: KoreanRomanizer
  let parser: KoreanNameParser
  let analyzer: NameAnalyzer
  let limit: Int
  let lexicons: any LexiconProvider

  init(lexicons: any LexiconProvider, limit: Int) throws {
    analyzer = try NameAnalyzer(lexicons: lexicons)
    parser = analyzer.koreanParser  // the tables are built once
    romanizer = parser.romanizer
    self.limit = limit
    self.lexicons = lexicons
  }

  /// What `--json` prints for one name.
  private struct Report: Encodable {
    var input: String
    var romanizations: [KoreanRomanization]?
    var analysis: NameAnalysis
  }

  func printAnalysis(of name: String, json: Bool) throws {
    let romanizations = romanizer.romanizations(of: name, limit: limit)
    let analysis = analyzer.analyze(name)
    if json {
      print(try RecordEncoder.encodePretty(Report(input: name, romanizations: romanizations.isEmpty ? nil : romanizations, analysis: analysis)))
      return
    }
    print(name)
    if !romanizations.isEmpty {
      let width = romanizations.map { $0.text.count }.max() ?? 0
      for (rank, r) in romanizations.enumerated() {
        let padded = r.text + String(repeating: " ", count: max(0, width - r.text.count))
        print("  \(String(format: "%2d", rank + 1)). \(padded)  \(r.style.rawValue)\(r.score > 0 ? String(format: "  %.4f", r.score) : "")")
      }
    }
    let rows: [(String, String?)] = [
      ("canonical", analysis.canonical), ("family", analysis.family), ("given", analysis.given), ("order", analysis.order),
      ("origin", analysis.origin), ("hangul", analysis.hangul.map { $0.joined(separator: ", ") }), ("key", analysis.key),
      ("rule", analysis.rule), ("note", analysis.note),
    ]
    for (label, value) in rows {
      guard let value, !value.isEmpty else { continue }
      print("  \(label):" + String(repeating: " ", count: max(1, 11 - label.count)) + value)
    }
  }

  /// Streams JSON Lines; returns how many lines were rejected.
  func runJSONLines(path: String?) throws -> Int {
    let handle = try LineInput.open(path)
    let output = try OutputSink(path: nil)
    let decoder = JSONDecoder()
    var rejected = 0
    func handleLine(_ line: ArraySlice<UInt8>, _ lineNumber: Int) throws {
      if JSONValue.nestsDeeper(line) {
        Diagnostics.print("normalize name: line \(lineNumber): arrays and objects nested deeper than \(JSONValue.maximumDepth) levels; skipped")
        rejected += 1
        return
      }
      // Parsed where the line lies (valid UTF-8 only), with the parser of `normalize` and `ref`.
      let parsed =
        line.withUnsafeBufferPointer { UTF8Decoding.isValid($0) }
        ? try? line.withUnsafeBufferPointer { try JSONObjectLine.parse($0) } : nil
      guard var object = parsed?.object else {
        Diagnostics.print("normalize name: line \(lineNumber): not a JSON object; skipped")
        rejected += 1
        return
      }
      if let hangul = object["hangul"]?.stringValue, object["latin"] == nil, object["name"] == nil {
        object["romanizations"] = .array(romanizer.romanizations(of: hangul, limit: limit).map { .string($0.text) })
      } else if let latin = object["latin"]?.stringValue {
        object["hangul"] = .array((parser.parse(latin).first?.hangul ?? []).map { .string($0) })
      } else if let name = object["name"]?.stringValue {
        let analysis = analyzer.analyze(name)
        let encoded = try JSONEncoder().encode(analysis)
        object["analysis"] = (try? decoder.decode(JSONValue.self, from: encoded)) ?? .null
      } else {
        Diagnostics.print("normalize name: line \(lineNumber): needs a string field \"hangul\", \"latin\" or \"name\"; skipped")
        rejected += 1
        return
      }
      try output.write(JSONObjectLine.encodeLine(object))
    }
    let lineNumber = try LineInput.forEachLine(handle, output: output, handleLine)
    try output.finish()
    if rejected > 0 { Diagnostics.print("normalize name: \(lineNumber) lines read, \(rejected) skipped") }
    return rejected
  }

  /// Times `romanizations(of:)` or `parse(_:)` over the names of a file (one a line), on the
  /// calling thread, and prints names per second on standard output.
  func benchmark(mode: String, path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationErrorMessage("cannot read \(path)") }
    if mode == "mentions" {
      try benchmarkMentions(data)
      return
    }
    let names = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    guard !names.isEmpty else { throw ValidationErrorMessage("\(path) has no names") }
    var produced = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      if mode == "romanize" {
        for name in names { produced += romanizer.romanizations(of: name, limit: 5).count }
      } else {
        for name in names { produced += parser.parse(name).first?.hangul.count ?? 0 }
      }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(names.count) / max(seconds, 1e-9)
    print("\(mode)\t\(names.count) names\t\(String(format: "%.3f", seconds)) s\t\(Int(rate)) names/s\t(\(produced) results)")
  }

  /// Times `NameMentionDetector` alone over the "text" fields of a JSON Lines file (detector
  /// built before the clock starts) and prints MB/s of text.
  private func benchmarkMentions(_ data: Data) throws {
    var texts: [String] = []
    for line in data.split(separator: 0x0A) where !line.isEmpty {
      if case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(line)), let text = object["text"]?.stringValue {
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
    print("mentions\t\(texts.count) texts\t\(String(format: "%.2f", Double(bytes) / 1e6)) MB\t\(String(format: "%.3f", seconds)) s\t\(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s\t(\(found) mentions)")
  }
}
