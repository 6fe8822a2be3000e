import Foundation
import NormalizeFrontend
import NormalizeKit

/// Input and output for `normalize ref`: readable analyses, JSON, the JSON Lines stream, and
/// training tagger weights.
struct RefFrontend {
  let parser: ReferenceParser

  init(lexicons: any LexiconProvider, weightsPath: String?) throws {
    do {
      if let weightsPath {
        guard let data = FileManager.default.contents(atPath: weightsPath) else {
          throw ValidationErrorMessage("cannot read \(weightsPath)")
        }
        let model = try ReferenceTaggingModel(
          tsv: String(decoding: data, as: UTF8.self), path: weightsPath)
        parser = try ReferenceParser(lexicons: lexicons, model: model)
      } else {
        parser = try ReferenceParser(lexicons: lexicons)
      }
    } catch let error as CitationsError {
      throw ValidationErrorMessage("\(error)")
    }
  }

  /// What `--json` prints for one reference.
  private struct Report: Encodable {
    var raw: String
    var csl: [String: CSLValue]?
    var canonical: String?
    var segments: [[String]]?
    var findings: [Finding]
  }

  func printAnalysis(of reference: String, published: String?, json: Bool) throws {
    let annotation = parser.parse(reference, published: published)
    if json {
      print(
        try RecordEncoder.encodePretty(
          Report(
            raw: annotation.raw, csl: annotation.csl, canonical: annotation.canonical,
            segments: annotation.segments, findings: annotation.findings)))
      return
    }
    print(reference)
    print("  segments:")
    for segment in annotation.segments ?? [] where segment.count == 2 {
      print(
        "    " + segment[0] + String(repeating: " ", count: max(1, 16 - segment[0].count))
          + segment[1])
    }
    if let csl = annotation.csl {
      print("  csl:")
      for line in try RecordEncoder.encodePretty(csl).split(separator: "\n") {
        print("    " + line)
      }
    }
    if let canonical = annotation.canonical { print("  apa:        " + canonical) }
    for finding in annotation.findings {
      print("  finding:    \(finding.code) (\(finding.severity.rawValue)): \(finding.message)")
    }
  }

  /// Streams JSON Lines; returns how many lines were rejected.
  func runJSONLines(path: String?, published defaultPublished: String?) throws -> Int {
    let handle = try LineInput.open(path)
    let output = try OutputSink(path: nil)
    var rejected = 0
    func handleLine(_ line: ArraySlice<UInt8>, _ lineNumber: Int) throws {
      // Invalid UTF-8 becomes U+FFFD with a finding, as in `normalize`, instead of losing the line.
      if JSONValue.nestsDeeper(line) {
        Diagnostics.print(
          "normalize ref: line \(lineNumber): arrays and objects nested deeper than \(JSONValue.maximumDepth) levels; skipped"
        )
        rejected += 1
        return
      }
      // Valid UTF-8 is parsed where it lies; only a broken line is decoded into a repaired copy.
      let isValid = line.withUnsafeBufferPointer { UTF8Decoding.isValid($0) }
      let decoded =
        isValid
        ? UTF8Decoding.Result(text: "", invalidOffsets: [], invalidCount: 0)
        : line.withUnsafeBufferPointer { UTF8Decoding.decode($0) }
      let parsedLine =
        isValid
        ? try? line.withUnsafeBufferPointer { try JSONObjectLine.parse($0) }
        : try? JSONObjectLine.parse(Array(decoded.text.utf8))
      guard let parsed = parsedLine, let text = parsed.object["text"]?.stringValue
      else {
        Diagnostics.print(
          "normalize ref: line \(lineNumber): not a JSON object with a string \"text\"; skipped")
        rejected += 1
        return
      }
      let (fields, loneSurrogates) = parsed
      let published = fields["published"]?.stringValue ?? defaultPublished
      var annotation = parser.parse(text, published: published)
      if decoded.invalidCount > 0 {
        annotation.findings.append(
          Finding(
            code: "invalid-utf8", severity: .warning, byteOffset: decoded.invalidOffsets.first,
            message:
              "\(decoded.invalidCount) invalid UTF-8 sequence(s) on line \(lineNumber) replaced with U+FFFD; re-export the source as UTF-8"
          ))
      }
      if !loneSurrogates.isEmpty {
        annotation.findings.append(
          Finding(
            code: "lone-surrogate", severity: .warning, byteOffset: loneSurrogates.first,
            message:
              "\(loneSurrogates.count) \\u escape(s) of lone UTF-16 surrogates on line \(lineNumber) became U+FFFD; fix the exporter's JSON escaping"
          ))
      }
      var object: [String: JSONValue] = fields
      // Drop the gold fields of tagged input so the output is a prediction only.
      object["fields"] = nil
      object["segments"] = .array(
        (annotation.segments ?? []).map { .array($0.map { .string($0) }) })
      object["csl"] = annotation.csl.map { .object($0) } ?? .null
      object["canonical"] = annotation.canonical.map { .string($0) } ?? .null
      object["findings"] = .array(
        annotation.findings.map { finding in
          .object([
            "code": .string(finding.code), "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
          ])
        })
      try output.write(JSONObjectLine.encodeLine(object))
    }
    let lineNumber = try LineInput.forEachLine(handle, output: output, handleLine)
    try output.finish()
    if rejected > 0 {
      Diagnostics.print("normalize ref: \(lineNumber) lines read, \(rejected) skipped")
    }
    return rejected
  }
}
