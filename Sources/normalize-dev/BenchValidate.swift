import ArgumentParser
import Foundation
import NormalizeFrontend
import NormalizeKit

/// `normalize-dev bench-validate PATHS…`: assembles every record (untimed), then times the
/// article and batch validation rules alone (for Scripts/bench-validate).
struct BenchValidate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-validate",
    abstract: "Time the validation rules alone on records assembled beforehand (MB/s, one core).",
    discussion: """
      Prints MB/s of the article and batch rules on standard output (thread CPU time, best of 3) and each rule's own rate on standard error.

        normalize-dev bench-validate ../shared/bench/sample.jsonl
      """)

  @Argument(
    help: ArgumentHelp(
      "Files or folders to read; '-' or nothing reads standard input.", valueName: "path"))
  var paths: [String] = []

  @Option(
    help: ArgumentHelp(
      "Publication date (YYYY-MM-DD) for articles whose input has none.", valueName: "date"))
  var published: String?

  @Option(help: ArgumentHelp("Largest article accepted, in bytes.", valueName: "bytes"))
  var maxArticleBytes: Int = 16 << 20

  @Option(
    help: ArgumentHelp(
      "Estimated Jaccard similarity from which two articles are near-duplicates.", valueName: "x"))
  var nearDuplicate: Double = 0.5

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if maxArticleBytes < 1 { throw ValidationError("--max-article-bytes must be positive") }
    if !(0...1).contains(nearDuplicate) {
      throw ValidationError("--near-duplicate must be between 0 and 1, got \(nearDuplicate)")
    }
    if let published, PublicationDate.normalize(published) == nil {
      throw ValidationError(
        "--published \"\(published)\" is not a real date; use YYYY-MM-DD, e.g. --published 2025-05-28"
      )
    }
  }

  func run() throws {
    let provider = try LexiconLocator.provider(extra: lexicons.extraLexicons)
    let options = RecordAssembler.Options(
      publishedDefault: published.flatMap(PublicationDate.normalize))
    let assembler = try RecordAssembler(lexicons: provider, options: options)
    let validator = try ArticleValidator(lexicons: provider)
    let reader = ArticleReader(paths: paths, maxBytes: maxArticleBytes)
    var records: [(record: ArticleRecord, raw: String)] = []
    while let item = reader.next() {
      guard case .input(let raw) = item, case .success(let article) = ArticleParser.parse(raw)
      else { continue }
      records.append((assembler.assemble(article), article.text))
    }
    let bytes = records.reduce(0) { $0 + $1.raw.utf8.count }
    var best = Double.infinity
    var findings = 0
    for _ in 0..<3 {
      let started = cpuNanoseconds()
      var batch = BatchValidator(nearDuplicateThreshold: nearDuplicate)
      findings = 0
      for (record, raw) in records {
        findings +=
          validator.findings(
            text: record.text, title: record.title, published: record.published?.value,
            names: record.names,
            dates: record.dates, rawText: raw, lang: record.lang,
            references: record.references.map(\.raw)
          ).count
        batch.add(id: record.id, text: record.text, names: record.names)
      }
      findings += batch.finish().findings.count
      best = min(best, Double(cpuNanoseconds() - started) / 1e9)
    }
    // Per rule, one pass each (what to optimise next).
    var perRule: [String] = []
    for rule in validator.rules {
      let single = ArticleValidator(rules: [rule])
      let started = cpuNanoseconds()
      for (record, raw) in records {
        _ = single.findings(
          text: record.text, title: record.title, published: record.published?.value,
          names: record.names,
          dates: record.dates, rawText: raw, lang: record.lang,
          references: record.references.map(\.raw))
      }
      let seconds = Double(cpuNanoseconds() - started) / 1e9
      perRule.append(
        String(format: "  %@ %.1f MB/s", type(of: rule).id, Double(bytes) / 1e6 / seconds))
    }
    let batchStarted = cpuNanoseconds()
    var batchOnly = BatchValidator(nearDuplicateThreshold: nearDuplicate)
    for (record, _) in records {
      batchOnly.add(id: record.id, text: record.text, names: record.names)
    }
    let added = cpuNanoseconds()
    _ = batchOnly.finish()
    let batchSeconds = Double(cpuNanoseconds() - batchStarted) / 1e9
    perRule.append(
      String(
        format: "  batch: add %.1f ms, finish %.1f ms", Double(added - batchStarted) / 1e6,
        Double(cpuNanoseconds() - added) / 1e6))
    perRule.append(
      String(format: "  batch (duplicates, names) %.1f MB/s", Double(bytes) / 1e6 / batchSeconds))
    Diagnostics.print(
      "per rule (one pass each, thread CPU time):\n" + perRule.joined(separator: "\n"))
    let line = String(
      format:
        "validate rules: %d articles, %.2f MB in %.3f s CPU = %.1f MB/s (one core, thread CPU time, best of 3; %d findings)",
      records.count,
      Double(bytes) / 1e6, best, Double(bytes) / 1e6 / best, findings)
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }
}

/// CPU time of the calling thread, in nanoseconds: benchmarks on a shared machine then count
/// only the time this thread ran.
private func cpuNanoseconds() -> UInt64 {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}
