import ArticleRecords
import Foundation
import NormalizeCore
import NormalizeTestSupport

/// Paths and shared objects for the record tests.
enum Fixtures {
  /// The repository root.
  static let repository = TestPaths.repoRoot
  static let lexicons = repository.appendingPathComponent("Lexicons")
  static let samples = repository.appendingPathComponent("Samples")
  static let schema = repository.appendingPathComponent("Schemas/normalize.article.1.schema.json")

  /// Loading the lexicons compiles every boilerplate pattern, so tests share one provider
  /// and one assembler per publication date.
  static let sharedProvider = Result { try DirectoryLexiconProvider(roots: [lexicons]) }
  private static let cacheLock = NSLock()
  nonisolated(unsafe) private static var assemblers: [String: RecordAssembler] = [:]

  static func assembler(published: String? = nil) throws -> RecordAssembler {
    cacheLock.lock()
    defer { cacheLock.unlock() }
    if let cached = assemblers[published ?? ""] { return cached }
    let assembler = try RecordAssembler(
      lexicons: sharedProvider.get(), options: RecordAssembler.Options(publishedDefault: published))
    assemblers[published ?? ""] = assembler
    return assembler
  }

  /// Every sample article file (`.txt`, and `.html` pages), sorted.
  static func sampleFiles() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if ["txt", "html"].contains(url.pathExtension) { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Runs the whole pipeline over `paths` in memory and returns the outcomes in order.
  static func run(
    paths: [String], jobs: Int = 1, maxBytes: Int = 16 << 20, published: String? = nil,
    keepsRecords: Bool = true
  ) throws -> (
    outcomes: [RecordPipeline.Outcome], counts: RecordPipeline.Counts, reader: ArticleReader
  ) {
    let reader = ArticleReader(paths: paths, maxBytes: maxBytes)
    let pipeline = RecordPipeline(
      assembler: try assembler(published: published), jobs: jobs, keepsRecords: keepsRecords)
    var outcomes: [RecordPipeline.Outcome] = []
    let counts = pipeline.run(reader: reader) { outcomes.append($0) }
    return (outcomes, counts, reader)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "normalize-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

extension RecordPipeline.Outcome {
  var record: ArticleRecord? {
    if case .record(let record, _) = self { return record }
    return nil
  }

  var reject: InputReject? {
    if case .reject(let reject) = self { return reject }
    return nil
  }

  var json: [UInt8]? {
    switch self {
    case .record(_, let json), .encoded(let json, _): return json
    case .reject: return nil
    }
  }
}
