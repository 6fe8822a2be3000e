import Foundation
import NormalizeFrontend
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
      print(
        try RecordEncoder.encodePretty(
          Report(
            input: name, romanizations: romanizations.isEmpty ? nil : romanizations,
            analysis: analysis)))
      return
    }
    print(name)
    if !romanizations.isEmpty {
      let width = romanizations.map { $0.text.count }.max() ?? 0
      for (rank, r) in romanizations.enumerated() {
        let padded = r.text + String(repeating: " ", count: max(0, width - r.text.count))
        print(
          "  \(String(format: "%2d", rank + 1)). \(padded)  \(r.style.rawValue)\(r.score > 0 ? String(format: "  %.4f", r.score) : "")"
        )
      }
    }
    let rows: [(String, String?)] = [
      ("canonical", analysis.canonical), ("family", analysis.family), ("given", analysis.given),
      ("order", analysis.order),
      ("origin", analysis.origin), ("hangul", analysis.hangul.map { $0.joined(separator: ", ") }),
      ("key", analysis.key),
      ("rule", analysis.rule), ("note", analysis.note),
    ]
    for (label, value) in rows {
      guard let value, !value.isEmpty else { continue }
      print("  \(label):" + String(repeating: " ", count: max(1, 11 - label.count)) + value)
    }
  }

  /// The longest `hangul`, `latin` or `name` field analysed, in UTF-8 bytes ("Yoo Yong-won" is
  /// 12, a long Arabic or Portuguese full name under 200); longer lines are skipped.
  static let maximumNameBytes = 1024

  /// Streams JSON Lines; returns how many lines were rejected.
  func runJSONLines(path: String?) throws -> Int {
    let handle = try LineInput.open(path)
    let output = try OutputSink(path: nil)
    let decoder = JSONDecoder()
    var rejected = 0
    func handleLine(_ line: ArraySlice<UInt8>, _ lineNumber: Int) throws {
      if JSONValue.nestsDeeper(line) {
        Diagnostics.print(
          "normalize name: line \(lineNumber): arrays and objects nested deeper than \(JSONValue.maximumDepth) levels; skipped"
        )
        rejected += 1
        return
      }
      // Parsed where the line lies, with the parser of `normalize` and `ref`. A line that is not
      // valid UTF-8 is skipped with that reason (it used to be called "not a JSON object").
      guard line.withUnsafeBufferPointer({ UTF8Decoding.isValid($0) }) else {
        Diagnostics.print(
          "normalize name: line \(lineNumber): not valid UTF-8; skipped (re-encode the file as UTF-8)"
        )
        rejected += 1
        return
      }
      let parsed = try? line.withUnsafeBufferPointer { try JSONObjectLine.parse($0) }
      guard var object = parsed?.object else {
        Diagnostics.print("normalize name: line \(lineNumber): not a JSON object; skipped")
        rejected += 1
        return
      }
      // A name is a few words: a field of kilobytes is some other text in the wrong field, and
      // analysing it would only hold it several times over (issue 19's memory bound).
      for field in ["hangul", "latin", "name"] {
        if let value = object[field]?.stringValue, value.utf8.count > Self.maximumNameBytes {
          Diagnostics.print(
            "normalize name: line \(lineNumber): \"\(field)\" is \(value.utf8.count) bytes long, more than a name's \(Self.maximumNameBytes); skipped (is it the right field?)"
          )
          rejected += 1
          return
        }
      }
      if let hangul = object["hangul"]?.stringValue, object["latin"] == nil, object["name"] == nil {
        object["romanizations"] = .array(
          romanizer.romanizations(of: hangul, limit: limit).map { .string($0.text) })
      } else if let latin = object["latin"]?.stringValue {
        object["hangul"] = .array((parser.parse(latin).first?.hangul ?? []).map { .string($0) })
      } else if let name = object["name"]?.stringValue {
        let analysis = analyzer.analyze(name)
        let encoded = try JSONEncoder().encode(analysis)
        object["analysis"] = (try? decoder.decode(JSONValue.self, from: encoded)) ?? .null
      } else {
        Diagnostics.print(
          "normalize name: line \(lineNumber): needs a string field \"hangul\", \"latin\" or \"name\"; skipped"
        )
        rejected += 1
        return
      }
      try output.write(JSONObjectLine.encodeLine(object))
    }
    let lineNumber = try LineInput.forEachLine(handle, output: output, handleLine)
    try output.finish()
    if rejected > 0 {
      Diagnostics.print("normalize name: \(lineNumber) lines read, \(rejected) skipped")
    }
    return rejected
  }
}
