import Dispatch
import Foundation
import NormalizeCore

/// Streams inputs through the assembler on several threads and hands each result on in input
/// order. Inputs are processed in batches (bounded by count and bytes), so memory stays flat
/// however long the input is.
///
/// ```swift
/// let pipeline = RecordPipeline(assembler: assembler, jobs: 2, keepsRecords: false)
/// let counts = pipeline.run(reader: reader) { outcome in
///   switch outcome {
///   case .record(_, let json), .encoded(let json, _): write(json)
///   case .reject(let reject): log(reject)
///   }
/// }
/// // counts.read == counts.written + counts.rejected
/// ```
public struct RecordPipeline: Sendable {
  /// What became of one input: the record with its JSON line, only the JSON line and a tally
  /// of the record's findings (when the pipeline does not keep records), or a reject.
  public enum Outcome: Sendable {
    case record(ArticleRecord, json: [UInt8])
    case encoded(json: [UInt8], findings: FindingTally)
    case reject(InputReject)
  }

  /// A record's findings counted by severity.
  public struct FindingTally: Sendable, Equatable {
    /// Findings of severity `.error`.
    public var errors = 0
    /// Findings of severity `.warning`.
    public var warnings = 0
    /// Findings of severity `.info`.
    public var notes = 0

    init(_ findings: [Finding]) {
      for finding in findings {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: notes += 1
        }
      }
    }
  }

  /// Totals for the summary line.
  public struct Counts: Sendable, Equatable {
    /// Inputs read: every one becomes a record or a reject (`read == written + rejected`).
    public var read = 0
    /// Records produced.
    public var written = 0
    /// Inputs rejected (malformed JSON, no text, binary data, …), unreadable ones included.
    public var rejected = 0
    /// Rejects with code "unreadable" (a path that could not be read).
    public var unreadable = 0
    /// Input bytes read (JSON lines and files; 0 for inputs rejected before reading).
    public var bytes = 0
    /// Findings in all records, counted by severity.
    public var findingsBySeverity: [Severity: Int] = [:]
  }

  /// Turns each parsed article into a record.
  public let assembler: RecordAssembler
  /// Threads in use, at least 1 (1 = everything on the calling thread).
  public let jobs: Int
  /// The most inputs in flight (read but not yet emitted), at least 1.
  public let batchSize: Int
  /// The most input bytes in flight, which bounds memory whatever the article sizes.
  public let batchBytes: Int
  /// Whether outcomes carry the record (`.record`) or only its JSON line (`.encoded`). Without
  /// records, each record is freed on the thread that made it, not handed across threads.
  public let keepsRecords: Bool
  /// Whether records are written as JSON lines; `normalize validate` reads the records only, and
  /// their `json` is then empty.
  public let encodesRecords: Bool

  /// - Parameters:
  ///   - jobs: worker threads (1 = everything on the calling thread).
  ///   - batchSize: the most inputs in flight (read but not yet written).
  ///   - batchBytes: the most input bytes in flight; bounds memory whatever the article sizes.
  ///   - keepsRecords: false when the caller only writes JSON lines.
  ///   - encodesRecords: false when the caller reads the records only (no JSON line is made).
  public init(
    assembler: RecordAssembler, jobs: Int, batchSize: Int = 256, batchBytes: Int = 16 << 20,
    keepsRecords: Bool = true,
    encodesRecords: Bool = true
  ) {
    self.assembler = assembler
    self.jobs = max(1, jobs)
    self.batchSize = max(1, batchSize)
    self.batchBytes = batchBytes
    self.keepsRecords = keepsRecords
    self.encodesRecords = encodesRecords || !keepsRecords
  }

  /// Reads everything from `reader`, calling `emit` once per input in input order.
  ///
  /// With one job everything runs on the calling thread. With more, the calling thread reads
  /// and emits while `jobs` workers take inputs from a shared queue as soon as they are free
  /// (no batch barriers), and results are emitted in input order; at most `batchSize` inputs
  /// and `batchBytes` bytes are in flight.
  ///
  /// - Parameters:
  ///   - progress: called with the running totals now and then.
  ///   - emit: called once per input, in input order.
  ///   - endBatch: called after each group of outcomes emitted together (one input with one
  ///     job), so a writer can flush what a downstream reader waits for.
  public func run(
    reader: ArticleReader, progress: ((Counts) -> Void)? = nil, emit: (Outcome) throws -> Void,
    endBatch: (() throws -> Void)? = nil
  ) rethrows -> Counts {
    var counts = Counts()
    func account(_ outcome: Outcome, bytes: Int) throws {
      counts.read += 1
      counts.bytes += bytes
      switch outcome {
      case .record(let record, _):
        counts.written += 1
        for finding in record.findings {
          counts.findingsBySeverity[finding.severity, default: 0] += 1
        }
      case .encoded(_, let tally):
        counts.written += 1
        for (severity, count) in [
          (Severity.error, tally.errors), (.warning, tally.warnings), (.info, tally.notes),
        ]
        where count > 0 {
          counts.findingsBySeverity[severity, default: 0] += count
        }
      case .reject(let reject):
        counts.rejected += 1
        if reject.code == "unreadable" { counts.unreadable += 1 }
      }
      try emit(outcome)
    }
    if jobs == 1 {
      while let item = reader.next() {
        let bytes = item.byteCount
        try account(handle(item), bytes: bytes)
        try endBatch?()
        if counts.read % 64 == 0 { progress?(counts) }
      }
      progress?(counts)
      return counts
    }

    // The calling thread reads, emits and, when it would otherwise wait, processes inputs
    // itself; `jobs - 1` more threads only process. So `--jobs 2` keeps two cores busy
    // without a third thread competing for them.
    let queue = WorkQueue()
    let group = DispatchGroup()
    for _ in 1..<jobs {
      group.enter()
      DispatchQueue.global().async {
        // A few inputs per visit to the queue when many wait: fewer lock round trips.
        while true {
          // Each input is moved out of the taken list before it is handled, so its bytes are
          // freed once parsed rather than when the whole list is done.
          var taken = queue.take(upTo: 4)
          if taken.isEmpty { break }
          taken.reverse()
          var finished: [(Int, Outcome)] = []
          while let (sequence, item) = taken.popLast() { finished.append((sequence, handle(item))) }
          queue.finish(finished)
        }
        group.leave()
      }
    }
    defer {
      queue.close()
      group.wait()
    }
    var nextToEmit = 0
    var nextToRead = 0
    var inFlightBytes = 0
    var sizes: [Int: Int] = [:]
    var readerDone = false
    while true {
      var fresh: [(Int, ReadItem)] = []
      // Refill in steps of an eighth of the batch, not one input at a time.
      let refill = nextToRead - nextToEmit <= batchSize - max(1, batchSize / 8)
      while refill, !readerDone, nextToRead - nextToEmit < batchSize, inFlightBytes < batchBytes {
        guard let item = reader.next() else {
          readerDone = true
          break
        }
        sizes[nextToRead] = item.byteCount
        inFlightBytes += item.byteCount
        fresh.append((nextToRead, item))
        nextToRead += 1
      }
      if !fresh.isEmpty {
        queue.add(fresh)
        // The queue holds them now; kept here too, a long input would outlive its parsing.
        fresh = []
      }
      if readerDone && nextToEmit == nextToRead { break }
      var ready = queue.results(from: nextToEmit)
      if ready.isEmpty {
        if let (sequence, item) = queue.takeIfAvailable() {
          queue.finish([(sequence, handle(item))])
          continue
        }
        ready = queue.waitForResults(from: nextToEmit)
      }
      for outcome in ready {
        let bytes = sizes.removeValue(forKey: nextToEmit) ?? 0
        inFlightBytes -= bytes
        nextToEmit += 1
        try account(outcome, bytes: bytes)
      }
      if !ready.isEmpty { try endBatch?() }
      progress?(counts)
    }
    return counts
  }

  /// Parses, assembles and encodes one input. The input's bytes are released once parsed (the
  /// item is consumed), so a long article is not held twice while it is assembled.
  public func handle(_ item: consuming ReadItem) -> Outcome {
    let parsed: Result<ArticleInput, InputReject>
    switch consume item {
    case .reject(let reject, _):
      return .reject(reject)
    case .input(let raw):
      parsed = ArticleParser.parse(raw)
    }
    switch parsed {
    case .failure(let reject):
      return .reject(reject)
    case .success(let article):
      let record = assembler.assemble(article)
      do {
        let json = encodesRecords ? try record.jsonLine() : []
        return keepsRecords
          ? .record(record, json: json)
          : .encoded(json: json, findings: FindingTally(record.findings))
      } catch {
        return .reject(
          InputReject(
            code: "unencodable", reason: "the record could not be written as JSON: \(error)",
            file: article.file, line: article.line, id: article.id))
      }
    }
  }
}

/// The inputs waiting for a worker and the results waiting to be emitted, shared by the
/// calling thread and the workers. Workers wait on one condition, the emitting thread on
/// another, and each is signalled only when it has something to do.
private final class WorkQueue: @unchecked Sendable {
  private let workAvailable = NSCondition()
  private let resultReady = NSCondition()
  private var waiting: [(Int, ReadItem)?] = []
  private var head = 0
  private var results: [Int: RecordPipeline.Outcome] = [:]
  private var awaited = -1
  private var closed = false

  /// Queues inputs for the workers.
  func add(_ items: [(Int, ReadItem)]) {
    workAvailable.lock()
    waiting.append(contentsOf: items.lazy.map { Optional($0) })
    if items.count > 1 { workAvailable.broadcast() } else { workAvailable.signal() }
    workAvailable.unlock()
  }

  /// The next inputs for a worker (one, or up to `limit` when more than twice that wait),
  /// waiting for one; empty once the queue is closed.
  func take(upTo limit: Int) -> [(Int, ReadItem)] {
    workAvailable.lock()
    defer { workAvailable.unlock() }
    while head == waiting.count && !closed { workAvailable.wait() }
    let count = waiting.count - head > 2 * limit ? limit : 1
    var taken: [(Int, ReadItem)] = []
    while taken.count < count, let next = popLocked() { taken.append(next) }
    return taken
  }

  /// The next input if one is waiting, without blocking.
  func takeIfAvailable() -> (Int, ReadItem)? {
    workAvailable.lock()
    defer { workAvailable.unlock() }
    return popLocked()
  }

  private func popLocked() -> (Int, ReadItem)? {
    if head == waiting.count { return nil }
    // Moved out, not copied: the list keeps no reference to an input being handled.
    guard let next = waiting[head].take() else { return nil }
    head += 1
    if head >= 1024 {
      waiting.removeFirst(head)
      head = 0
    }
    return next
  }

  /// Stores results, waking the emitting thread if it waits for one of them.
  func finish(_ finished: [(Int, RecordPipeline.Outcome)]) {
    resultReady.lock()
    var wanted = false
    for (sequence, outcome) in finished {
      results[sequence] = outcome
      if sequence == awaited { wanted = true }
    }
    if wanted { resultReady.signal() }
    resultReady.unlock()
  }

  /// The result for `sequence` and every consecutive one after it, if it is there.
  func results(from sequence: Int) -> [RecordPipeline.Outcome] {
    resultReady.lock()
    defer { resultReady.unlock() }
    return collectLocked(from: sequence)
  }

  /// Waits until the result for `sequence` is there, then returns it and every consecutive
  /// result after it.
  func waitForResults(from sequence: Int) -> [RecordPipeline.Outcome] {
    resultReady.lock()
    defer { resultReady.unlock() }
    awaited = sequence
    while results[sequence] == nil { resultReady.wait() }
    awaited = -1
    return collectLocked(from: sequence)
  }

  private func collectLocked(from sequence: Int) -> [RecordPipeline.Outcome] {
    var ready: [RecordPipeline.Outcome] = []
    var next = sequence
    while let outcome = results.removeValue(forKey: next) {
      ready.append(outcome)
      next += 1
    }
    return ready
  }

  /// Lets the workers stop; inputs not yet taken are dropped (only after an error).
  func close() {
    workAvailable.lock()
    closed = true
    waiting.removeAll()
    head = 0
    workAvailable.broadcast()
    workAvailable.unlock()
  }
}

extension ReadItem {
  /// The input's size in bytes (0 for a reject found while reading).
  var byteCount: Int {
    if case .input(let raw) = self { return raw.bytes.count }
    return 0
  }
}
