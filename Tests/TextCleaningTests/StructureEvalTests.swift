import Foundation
import Testing

@testable import TextCleaning

/// Writes predictions for the boilerplate scorer and measures throughput.
///
/// - `STRUCTURE_EVAL_OUT=dir`: writes `text_dev.pred.jsonl` (analyzer alone; Scripts/eval-boilerplate scores the whole CLI)
///   ({"id","text"} per page) and `speed.json`.
/// - `STRUCTURE_BENCH=path.jsonl` (with `STRUCTURE_BENCH_CLEAN=1`: cleans, then analyses): analyses the `text` of every row (with its `title` as the
///   known title) `STRUCTURE_BENCH_PASSES` times (default 5) on one thread and prints the best
///   pass in MB/s. `STRUCTURE_BENCH_SECONDS=n` instead repeats passes for about n seconds (for
///   `perf record`).
/// - `STRUCTURE_DUMP=path`: writes every layout of `text_dev.jsonl` and `bench/sample.jsonl` as
///   JSON lines, to compare two builds for identical output.
@Suite("Structure evaluation harness")
struct StructureEvalTests {
  struct Page: Decodable {
    var id: String
    var text: String
    var title: String?
  }
  struct Prediction: Encodable {
    var id: String
    var text: String
  }
  struct Dump: Encodable {
    var id: String
    var title: String?
    var standfirst: String?
    var blocks: [String]
    var credits: [String]
    var tags: [String]
    var sourceLine: String?
    var breadcrumb: String?
    var removed: [String]
    var references: [String]
  }

  static let environment = ProcessInfo.processInfo.environment

  static func read(_ path: String) throws -> [Page] {
    let data = try String(contentsOfFile: path, encoding: .utf8)
    let decoder = JSONDecoder()
    return try data.split(separator: "\n").map {
      try decoder.decode(Page.self, from: Data($0.utf8))
    }
  }

  @Test(
    "predict text_dev and time the bench sample",
    .enabled(if: environment["STRUCTURE_EVAL_OUT"] != nil))
  func evaluate() throws {
    let out = URL(fileURLWithPath: Self.environment["STRUCTURE_EVAL_OUT"] ?? "/tmp")
    let analyzer = try StructureFixtures.analyzer()
    let shared = StructureFixtures.shared

    let dev = try Self.read(shared.appendingPathComponent("eval/boilerplate/text_dev.jsonl").path)
    let encoder = JSONEncoder()
    var lines: [String] = []
    for page in dev {
      let layout = analyzer.analyze(page.text, knownTitle: nil)
      let json = try encoder.encode(Prediction(id: page.id, text: layout.text))
      lines.append(String(decoding: json, as: UTF8.self))
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: out.appendingPathComponent("text_dev.pred.jsonl"), atomically: true, encoding: .utf8)

    let bench = try Self.read(shared.appendingPathComponent("bench/sample.jsonl").path)
    let bytes = bench.reduce(0) { $0 + $1.text.utf8.count }
    var best = Double.infinity
    var blocks = 0
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      for page in bench {
        blocks += analyzer.analyze(page.text, knownTitle: page.title).blocks.count
      }
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let speed =
      "{\"bytes\": \(bytes), \"seconds\": \(best), \"mb_per_s\": \(Double(bytes) / 1e6 / best), \"blocks\": \(blocks)}\n"
    try speed.write(to: out.appendingPathComponent("speed.json"), atomically: true, encoding: .utf8)
    #expect(blocks > 0)
  }

  @Test("throughput on STRUCTURE_BENCH", .enabled(if: environment["STRUCTURE_BENCH"] != nil))
  func benchmark() throws {
    let path = Self.environment["STRUCTURE_BENCH"] ?? ""
    let analyzer = try StructureFixtures.analyzer()
    let pages = try Self.read(path)
    let bytes = pages.reduce(0) { $0 + $1.text.utf8.count }
    let passes = Int(Self.environment["STRUCTURE_BENCH_PASSES"] ?? "") ?? 5
    let seconds = Double(Self.environment["STRUCTURE_BENCH_SECONDS"] ?? "") ?? 0
    // STRUCTURE_BENCH_CLEAN=1 times the cleaning passes and the analysis together, the part of
    // the pipeline between reading JSON and writing it.
    let cleaner = Self.environment["STRUCTURE_BENCH_CLEAN"] == "1" ? TextCleaner() : nil
    func threadSeconds() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var blocks = 0
    let begin = DispatchTime.now().uptimeNanoseconds
    repeat {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = threadSeconds()
      for page in pages {
        let text = cleaner.map { $0.clean(page.text) } ?? page.text
        blocks += analyzer.analyze(text, knownTitle: page.title).blocks.count
      }
      cpuTimes.append(threadSeconds() - cpuStart)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    } while seconds > 0
      ? Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9 < seconds : times.count < passes
    let sorted = times.sorted()
    let best = sorted[0]
    let median = sorted[sorted.count / 2]
    let cpuMedian = cpuTimes.sorted()[cpuTimes.count / 2]
    // The thread's CPU time is what one core delivers, whatever else runs on the machine.
    print(
      String(
        format:
          "STRUCTURE_BENCH%@ %d pages, %d bytes, %d passes: wall best %.2f MB/s (%.1f ms), median %.2f MB/s; thread CPU median %.2f MB/s (%.1f ms)",
        cleaner == nil ? "" : " (cleaning + structure)", pages.count, bytes, times.count,
        Double(bytes) / 1e6 / best, best * 1e3, Double(bytes) / 1e6 / median,
        Double(bytes) / 1e6 / cpuMedian, cpuMedian * 1e3))
    #expect(blocks > 0)
  }

  @Test("dump every layout to STRUCTURE_DUMP", .enabled(if: environment["STRUCTURE_DUMP"] != nil))
  func dump() throws {
    let analyzer = try StructureFixtures.analyzer()
    let shared = StructureFixtures.shared
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var lines: [String] = []
    for (file, useTitle) in [
      ("eval/boilerplate/text_dev.jsonl", false), ("bench/sample.jsonl", true),
    ] {
      for page in try Self.read(shared.appendingPathComponent(file).path) {
        let layout = analyzer.analyze(page.text, knownTitle: useTitle ? page.title : nil)
        let dump = Dump(
          id: page.id, title: layout.title, standfirst: layout.standfirst,
          blocks: layout.blocks.map { "\($0.kind.rawValue)\t\($0.text)" },
          credits: layout.metadata.credits,
          tags: layout.metadata.tags, sourceLine: layout.metadata.sourceLine,
          breadcrumb: layout.metadata.breadcrumb,
          removed: layout.removed.map { "\($0.rule)\t\($0.text)" },
          references: layout.referenceSection)
        lines.append(String(decoding: try encoder.encode(dump), as: UTF8.self))
      }
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: Self.environment["STRUCTURE_DUMP"] ?? "/tmp/structure-dump.jsonl", atomically: true,
      encoding: .utf8)
  }
}
