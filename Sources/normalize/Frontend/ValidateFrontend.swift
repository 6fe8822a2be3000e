import Foundation
import NormalizeFrontend
import NormalizeKit

/// Reading, writing and reporting for `normalize validate`: the library does the checking.
struct ValidateFrontend {
  enum Outcome { case clean, errors, unreadable }

  /// One finding as written with `--format jsonl`.
  struct Line: Codable {
    var id: String?
    var file: String?
    var line: Int?
    var code: String
    var severity: Severity
    var start: Int?
    var end: Int?
    var field: String?
    var byteOffset: Int?
    var message: String

    enum CodingKeys: String, CodingKey {
      case id, file, line, code, severity, start, end, field, message
      case byteOffset = "byte_offset"
    }
  }

  let paths: [String]
  let format: Validate.Format
  let errorOn: Set<String>
  let ignore: Set<String>
  let maxArticleBytes: Int
  /// Worker threads for assembling records.
  var jobs: Int = UsableCPUs.count
  let nearDuplicate: Double

  func listRules() {
    var out = "rule                              codes\n"
    for rule in ArticleValidator.defaultRules {
      let type = type(of: rule)
      out +=
        type.id.padding(toLength: 34, withPad: " ", startingAt: 0)
        + type.codes.joined(separator: ", ") + "\n"
    }
    out +=
      "batch                             duplicate-article, near-duplicate-article (one per group), batch-too-large, name-spelling-varies-in-batch\n"
    out +=
      "reader/assembler                  invalid-utf8, legacy-encoding, lone-surrogate, repaired-text, text-resolved-in-pieces, nul-character, control-character, bidi-control, byte-order-mark, zero-width-in-word, empty-body, invalid-published, no-publication-date, impossible-date, rejected-input\n"
    FileHandle.standardOutput.write(Data(out.utf8))
  }

  /// Adjusts severities (--error-on) and drops ignored codes.
  private func adjust(_ finding: Finding) -> Finding? {
    if ignore.contains(finding.code) { return nil }
    var finding = finding
    if errorOn.contains(finding.code) { finding.severity = .error }
    return finding
  }

  func run(assembler: RecordAssembler) throws -> Outcome {
    let sink = try OutputSink(path: nil)
    let reader = ArticleReader(paths: paths, maxBytes: maxArticleBytes)
    var batch = BatchValidator(nearDuplicateThreshold: nearDuplicate)
    var counts: [String: [Severity: Int]] = [:]
    var articles = 0
    var unreadable = 0
    var locations: [String: (file: String?, line: Int?)] = [:]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]

    func emit(_ finding: Finding, id: String?, file: String?, line: Int?) throws {
      guard let finding = adjust(finding) else { return }
      counts[finding.code, default: [:]][finding.severity, default: 0] += 1
      switch format {
      case .jsonl:
        var data = try encoder.encode(
          Line(
            id: id, file: file, line: line, code: finding.code, severity: finding.severity,
            start: finding.start,
            end: finding.end, field: finding.field, byteOffset: finding.byteOffset,
            message: finding.message))
        data.append(UInt8(ascii: "\n"))
        try sink.write([UInt8](data))
      case .text:
        var where_ = file ?? "-"
        if let line { where_ += ":\(line)" }
        var text = "\(where_): \(id ?? "?"): \(finding.severity.rawValue): \(finding.code)"
        if let start = finding.start, let end = finding.end {
          text += " [\(finding.field.map { $0 + " " } ?? "")\(start)–\(end)]"
        } else if let offset = finding.byteOffset {
          text += " [byte \(offset)]"
        }
        text += ": \(finding.message)\n"
        try sink.write(text)
      }
    }

    // Records are assembled on every core (RecordPipeline) and reach this closure in input order.
    let counted = try RecordPipeline(assembler: assembler, jobs: jobs, encodesRecords: false).run(
      reader: reader
    ) { outcome in
      switch outcome {
      case .reject(let reject):
        try emit(
          Finding(
            code: "rejected-input", severity: .error, message: "\(reject.code): \(reject.reason)"),
          id: reject.id, file: reject.file, line: reject.line)
      case .record(let record, _):
        articles += 1
        // The record already carries the article rules' findings (RecordAssembler runs ArticleValidator).
        var seen = Set<Finding>()
        for finding in record.findings where seen.insert(finding).inserted {
          try emit(finding, id: record.id, file: record.source.file, line: record.source.line)
        }
        locations[record.id] = (record.source.file, record.source.line)
        batch.add(id: record.id, text: record.text, names: record.names)
      case .encoded:
        break  // not made: this pipeline keeps its records
      }
    }
    unreadable = counted.unreadable
    let report = batch.finish()
    for item in report.findings {
      let location = locations[item.article]
      try emit(item.finding, id: item.article, file: location?.file, line: location?.line)
    }
    try sink.flush()

    // The summary table: to stdout after a text report, to stderr after JSON Lines.
    var summary = "\ncode                              error  warning  info\n"
    var totals: [Severity: Int] = [:]
    for (code, bySeverity) in counts.sorted(by: { $0.key < $1.key }) {
      summary += code.padding(toLength: 32, withPad: " ", startingAt: 0)
      for severity in [Severity.error, .warning, .info] {
        let n = bySeverity[severity, default: 0]
        totals[severity, default: 0] += n
        summary +=
          String(
            repeating: " ",
            count: max(1, (severity == .error ? 7 : severity == .warning ? 9 : 6) - String(n).count)
          ) + String(n)
      }
      summary += "\n"
    }
    summary +=
      "articles checked: \(articles); findings: \(totals[.error, default: 0]) errors, \(totals[.warning, default: 0]) warnings, \(totals[.info, default: 0]) info"
    if unreadable > 0 { summary += "; \(unreadable) inputs could not be read" }
    summary += "\n"
    if let pair = report.closestPair {
      summary +=
        "closest pair: \(pair.a) – \(pair.b), estimated Jaccard similarity \(BatchValidator.format(pair.similarity))\n"
    }
    if format == .text {
      try sink.write(summary)
      try sink.finish()
    } else {
      try sink.finish()
      Diagnostics.print(summary.trimmingCharacters(in: .newlines))
    }
    if unreadable > 0 { return .unreadable }
    return totals[.error, default: 0] > 0 ? .errors : .clean
  }
}
