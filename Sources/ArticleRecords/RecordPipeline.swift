import Dispatch
import Foundation
import NormalizeCore

/// Streams inputs through the assembler on several threads and hands each result on in input
/// order. Inputs are processed in batches (bounded by count and bytes), so memory stays flat
/// however long the input is.
///
/// ```swift
/// let pipeline = RecordPipeline(assembler: assembler, jobs: 2)
/// let counts = pipeline.run(reader: reader) { outcome in
///   switch outcome { case .record(let json): write(json); case .reject(let reject): log(reject) }
/// }
/// // counts.read == counts.written + counts.rejected
/// ```
public struct RecordPipeline: Sendable {
  /// What became of one input: the record's JSON line (with its record for callers that want
  /// it), or a reject.
  public enum Outcome: Sendable {
    case record(ArticleRecord, json: [UInt8])
    case reject(InputReject)
  }

  /// Totals for the summary line.
  public struct Counts: Sendable, Equatable {
    public var read = 0
    public var written = 0
    public var rejected = 0
    public var unreadable = 0
    public var bytes = 0
    public var findingsBySeverity: [Severity: Int] = [:]
  }

  public let assembler: RecordAssembler
  public let jobs: Int
  public let batchSize: Int
  public let batchBytes: Int

  /// - Parameters:
  ///   - jobs: worker threads (1 = everything on the calling thread).
  ///   - batchSize: inputs per batch; output waits for a whole batch, so keep it modest.
  public init(assembler: RecordAssembler, jobs: Int, batchSize: Int = 64, batchBytes: Int = 8 << 20) {
    self.assembler = assembler
    self.jobs = max(1, jobs)
    self.batchSize = max(1, batchSize)
    self.batchBytes = batchBytes
  }

  /// Reads everything from `reader`, calling `emit` once per input in input order.
  public func run(reader: ArticleReader, progress: ((Counts) -> Void)? = nil, emit: (Outcome) throws -> Void) rethrows -> Counts {
    var counts = Counts()
    var batch: [ReadItem] = []
    var bytes = 0
    func flush() throws {
      let outcomes = process(batch)
      for outcome in outcomes {
        counts.read += 1
        switch outcome {
        case .record(let record, _):
          counts.written += 1
          for finding in record.findings { counts.findingsBySeverity[finding.severity, default: 0] += 1 }
        case .reject(let reject):
          counts.rejected += 1
          if reject.code == "unreadable" { counts.unreadable += 1 }
        }
        try emit(outcome)
      }
      counts.bytes += bytes
      batch.removeAll(keepingCapacity: true)
      bytes = 0
      progress?(counts)
    }
    while let item = reader.next() {
      if case .input(let raw) = item { bytes += raw.bytes.count }
      batch.append(item)
      if batch.count >= batchSize || bytes >= batchBytes { try flush() }
    }
    if !batch.isEmpty { try flush() }
    return counts
  }

  /// Processes one batch, in parallel when `jobs` > 1; results keep the batch's order.
  func process(_ batch: [ReadItem]) -> [Outcome] {
    if jobs == 1 || batch.count == 1 { return batch.map(handle) }
    let results = OutcomeSlots(count: batch.count)
    let workers = min(jobs, batch.count)
    let next = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.increment()
        if index >= batch.count { break }
        results.set(index, handle(batch[index]))
      }
    }
    return results.values()
  }

  /// Parses, assembles and encodes one input.
  public func handle(_ item: ReadItem) -> Outcome {
    switch item {
    case .reject(let reject, _):
      return .reject(reject)
    case .input(let raw):
      switch ArticleParser.parse(raw) {
      case .failure(let reject):
        return .reject(reject)
      case .success(let article):
        let record = assembler.assemble(article)
        do {
          return .record(record, json: try record.jsonLine())
        } catch {
          return .reject(InputReject(code: "unencodable", reason: "the record could not be written as JSON: \(error)", file: raw.file, line: raw.line, id: article.id))
        }
      }
    }
  }
}

/// Result slots filled by worker threads, each slot written once.
private final class OutcomeSlots: @unchecked Sendable {
  private var slots: [RecordPipeline.Outcome?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ outcome: RecordPipeline.Outcome) {
    lock.lock()
    slots[index] = outcome
    lock.unlock()
  }

  func values() -> [RecordPipeline.Outcome] {
    slots.map { $0 ?? .reject(InputReject(code: "internal", reason: "a worker produced no result", file: "-")) }
  }
}

/// A counter shared by worker threads.
private final class AtomicCounter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let current = value
    value += 1
    return current
  }
}
