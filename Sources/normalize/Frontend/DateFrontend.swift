import Foundation
import NormalizeFrontend
import NormalizeKit

/// Input and output of `normalize date`: streaming JSON Lines and the readable listing.
enum DateFrontend {
  /// Annotates every line of the files (or standard input), writing to standard output in
  /// input order. Returns how many lines could not be read (each reported on stderr).
  static func annotateLines(paths: [String], resolver: DateResolver) throws -> Int {
    let sink = try OutputSink(path: nil)
    var failures = 0
    let sources: [(name: String, handle: FileHandle)]
    if paths.isEmpty {
      sources = [("<stdin>", FileHandle.standardInput)]
    } else {
      sources = try paths.map { path in (path, try LineInput.open(path)) }
    }
    for source in sources {
      try LineInput.forEachLine(source.handle, output: sink) { line, lineNumber in
        do {
          var out = try TimexJSONLine.annotate(Array(line), resolver: resolver)
          out.append(0x0A)
          try sink.write(out)
        } catch {
          failures += 1
          Diagnostics.print("normalize date: \(source.name):\(lineNumber): \(error)")
        }
      }
    }
    try sink.finish()
    return failures
  }

  static func readStandardInput() throws -> String {
    let (text, notice) = TextDecoding.readText(try LineInput.readAll(FileHandle.standardInput))
    if let notice { Diagnostics.print("normalize date: \(notice)") }
    return text
  }

  /// One line per mention: `start-end  TYPE  value  [mod]  "text"  (anchor)`, then findings.
  static func readable(_ result: DateResolution) -> String {
    var lines: [String] = []
    for m in result.mentions {
      var line = "\(m.start)-\(m.end)\t\(m.type)\t\(m.value)"
      if let mod = m.mod { line += " mod=\(mod)" }
      line += "\t\"\(m.text)\""
      if let anchor = m.anchor { line += "\t(from \(anchor))" }
      lines.append(line)
    }
    if result.mentions.isEmpty { lines.append("no temporal expressions found") }
    for f in result.findings {
      lines.append("\(f.severity.rawValue): \(f.code): \(f.message)")
    }
    return lines.joined(separator: "\n")
  }

  static func prettyJSON(_ result: DateResolution) throws -> String {
    struct Output: Encodable {
      let mentions: [TemporalMention]
      let findings: [Finding]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(
      decoding: try encoder.encode(Output(mentions: result.mentions, findings: result.findings)),
      as: UTF8.self)
  }
}
