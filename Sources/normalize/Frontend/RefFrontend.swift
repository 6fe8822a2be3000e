import Foundation
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
        let model = try ReferenceTaggingModel(tsv: String(decoding: data, as: UTF8.self), path: weightsPath)
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
          Report(raw: annotation.raw, csl: annotation.csl, canonical: annotation.canonical, segments: annotation.segments, findings: annotation.findings)))
      return
    }
    print(reference)
    print("  segments:")
    for segment in annotation.segments ?? [] where segment.count == 2 {
      print("    " + segment[0] + String(repeating: " ", count: max(1, 16 - segment[0].count)) + segment[1])
    }
    if let csl = annotation.csl {
      print("  csl:")
      for line in try RecordEncoder.encodePretty(csl).split(separator: "\n") { print("    " + line) }
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
        Diagnostics.print("normalize ref: line \(lineNumber): arrays and objects nested deeper than \(JSONValue.maximumDepth) levels; skipped")
        rejected += 1
        return
      }
      // Valid UTF-8 is parsed where it lies; only a broken line is decoded into a repaired copy.
      let isValid = line.withUnsafeBufferPointer { UTF8Decoding.isValid($0) }
      let decoded =
        isValid
        ? UTF8Decoding.Result(text: "", invalidOffsets: [], invalidCount: 0) : line.withUnsafeBufferPointer { UTF8Decoding.decode($0) }
      let parsedLine =
        isValid
        ? try? line.withUnsafeBufferPointer { try JSONObjectLine.parse($0) } : try? JSONObjectLine.parse(Array(decoded.text.utf8))
      guard let parsed = parsedLine, let text = parsed.object["text"]?.stringValue
      else {
        Diagnostics.print("normalize ref: line \(lineNumber): not a JSON object with a string \"text\"; skipped")
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
            message: "\(decoded.invalidCount) invalid UTF-8 sequence(s) on line \(lineNumber) replaced with U+FFFD; re-export the source as UTF-8"))
      }
      if !loneSurrogates.isEmpty {
        annotation.findings.append(
          Finding(
            code: "lone-surrogate", severity: .warning, byteOffset: loneSurrogates.first,
            message: "\(loneSurrogates.count) \\u escape(s) of lone UTF-16 surrogates on line \(lineNumber) became U+FFFD; fix the exporter's JSON escaping"))
      }
      var object: [String: JSONValue] = fields
      // Drop the gold fields of tagged input so the output is a prediction only.
      object["fields"] = nil
      object["segments"] = .array((annotation.segments ?? []).map { .array($0.map { .string($0) }) })
      object["csl"] = annotation.csl.map { .object($0.mapValues(Self.json)) } ?? .null
      object["canonical"] = annotation.canonical.map { .string($0) } ?? .null
      object["findings"] = .array(
        annotation.findings.map { finding in
          .object(["code": .string(finding.code), "severity": .string(finding.severity.rawValue), "message": .string(finding.message)])
        })
      try output.write(JSONObjectLine.encodeLine(object))
    }
    let lineNumber = try LineInput.forEachLine(handle, output: output, handleLine)
    try output.finish()
    if rejected > 0 { Diagnostics.print("normalize ref: \(lineNumber) lines read, \(rejected) skipped") }
    return rejected
  }

  static func json(_ value: CSLValue) -> JSONValue {
    switch value {
    case .string(let text): return .string(text)
    case .number(let number): return .number(number)
    case .array(let items): return .array(items.map(json))
    case .object(let object): return .object(object.mapValues(json))
    }
  }

  /// Trains tagger weights on tagged JSON Lines (`{"segments": [[label, text], …]}`).
  static func train(path: String, epochs: Int, runs: Int = 1, output: String?, configure: (inout ReferenceTaggerTrainer) -> Void = { _ in }) throws {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationErrorMessage("cannot read \(path)") }
    struct Tagged: Decodable { let segments: [[String]] }
    let decoder = JSONDecoder()
    var examples: [ReferenceTaggerTrainer.Example] = []
    var lineNumber = 0
    for line in data.split(separator: 0x0A) {
      lineNumber += 1
      guard let tagged = try? decoder.decode(Tagged.self, from: Data(line)) else {
        Diagnostics.print("normalize ref --train: line \(lineNumber): no \"segments\"; skipped")
        continue
      }
      var tokens: [String] = []
      var labels: [String] = []
      for segment in tagged.segments where segment.count == 2 {
        for token in ReferenceToken.tokenize(segment[1]) {
          tokens.append(token.text)
          labels.append(segment[0])
        }
      }
      examples.append(ReferenceTaggerTrainer.Example(tokens: tokens, labels: labels))
    }
    let started = Date()
    var trainer = ReferenceTaggerTrainer(epochs: epochs)
    trainer.runs = runs
    configure(&trainer)
    let measure = trainer.algorithm == .crf ? " log-loss per token" : " of tokens mislabelled"
    let model = trainer.train(examples) { step, value in
      Diagnostics.print("normalize ref --train: \(step): " + String(format: "%.4f", value) + measure)
    }
    let rerankerNote =
      model.candidates > 1
      ? "\nReranker (@candidates, @rerank): averaged perceptron, \(trainer.rerankerEpochs) passes over the \(model.candidates)-best lists of \(trainer.rerankerFolds) jackknife taggers." : ""
    let comment = """
      Reference tagger weights (\(trainer.algorithm == .crf ? "conditional random field, L2 \(trainer.l2)" : "averaged perceptron")), made by `normalize ref --train` (Scripts/train-refs)
      from \(examples.count) tagged references in \((path as NSString).lastPathComponent), \(epochs) passes\(runs > 1 ? ", \(runs) runs averaged" : "").\(rerankerNote)
      Format: Lexicons/README.md, section reference-model.tsv.
      """
    let text = model.tsv(comment: comment)
    let sink = try OutputSink(path: output)
    try sink.write(text)
    try sink.finish()
    Diagnostics.print(
      String(
        format: "normalize ref --train: %d references, %d features, %d reranker features, %.1f s", examples.count, model.featureCount,
        model.rerankerFeatureCount, Date().timeIntervalSince(started)))
  }
}
