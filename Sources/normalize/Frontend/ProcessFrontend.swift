import Foundation
import NormalizeFrontend
import NormalizeKit

/// Reading, writing and reporting for `normalize process`: the library does the work.
struct ProcessFrontend {
  struct Summary {
    var counts: RecordPipeline.Counts
    var blankLines: Int
    var seconds: Double
  }

  let paths: [String]
  let output: String?
  let rejects: String?
  let jobs: Int
  let maxArticleBytes: Int
  var stdinName = "-"
  var lineOffset = 0

  /// `--rejects -`: rejects go into the output stream, in input order, blank lines included.
  var rejectsInStream: Bool { rejects == "-" }

  func run(assembler: RecordAssembler) throws -> Summary {
    let sink = try OutputSink(path: output)
    let rejectSink = rejectsInStream ? sink : try rejects.map { try OutputSink(path: $0) }
    let reader = ArticleReader(
      paths: paths, maxBytes: maxArticleBytes, standardInputName: stdinName,
      standardInputLineOffset: lineOffset,
      rejectsBlankLines: rejectsInStream)
    let pipeline = RecordPipeline(assembler: assembler, jobs: jobs, keepsRecords: false)
    let started = Date()
    var lastDrawn = Date.distantPast
    let counts = try pipeline.run(
      reader: reader,
      progress: Diagnostics.isTerminal
        ? { counts in
          // Redraw at most ten times a second; formatting costs more than it seems.
          let now = Date()
          guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
          lastDrawn = now
          let seconds = max(now.timeIntervalSince(started), 0.001)
          Diagnostics.progress(
            String(
              format: "read %d, written %d, rejected %d — %.1f MB/s", counts.read, counts.written,
              counts.rejected,
              Double(counts.bytes) / 1e6 / seconds))
        } : nil,
      emit: { outcome in
        switch outcome {
        case .record(_, let json), .encoded(let json, _):
          try sink.write(json)
        case .reject(let reject):
          Diagnostics.endProgress()
          Diagnostics.print("normalize: \(reject.location): \(reject.code): \(reject.reason)")
          try rejectSink?.write(reject.jsonLine())
        }
      },
      endBatch: {
        try sink.endBatch()
        if !rejectsInStream { try rejectSink?.endBatch() }
      })
    try sink.finish()
    if !rejectsInStream { try rejectSink?.finish() }
    let seconds = Date().timeIntervalSince(started)
    Diagnostics.endProgress()
    var line =
      "normalize: read \(counts.read), written \(counts.written), rejected \(counts.rejected)"
    if reader.blankLines > 0 && !rejectsInStream {
      line += " (\(reader.blankLines) blank lines skipped)"
    }
    line += String(format: " in %.2f s", seconds) + " with \(jobs) job\(jobs == 1 ? "" : "s")"
    if counts.read == counts.written + counts.rejected { line += "; all inputs accounted for" }
    if counts.rejected > 0 && rejects == nil {
      line += "; use --rejects FILE to keep the rejected inputs"
    }
    Diagnostics.print(line)
    return Summary(counts: counts, blankLines: reader.blankLines, seconds: seconds)
  }
}
