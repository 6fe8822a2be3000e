import Foundation
import NormalizeKit

// libFuzzer entry points for Normalize's input paths: one binary, the target chosen by the
// environment variable NORMALIZE_FUZZ_TARGET (Scripts/fuzz sets it). Each target feeds the
// fuzzer's bytes to one library entry point as a hostile user would: as a JSON Lines line, as
// article text (invalid UTF-8 becomes U+FFFD, as the readers do), as a name, a date text, a
// reference or an HTML page. A crash, a trap, an ASan report, a run past -timeout or an RSS past -rss_limit_mb
// is a finding; each found so far is a regression test (Scripts/fuzz/README.md).

/// The fuzz targets, by name.
enum Target: String, CaseIterable {
  case jsonl, clean, date, name, ref, mojibake, html
}

/// Everything a target needs, made once (lexicons are read from the repository's Lexicons/).
final class Harness: @unchecked Sendable {
  let target: Target
  let lexicons: any LexiconProvider
  lazy var cleaner = TextCleaner()
  lazy var structure = try? ArticleStructureAnalyzer(lexicons: lexicons)
  lazy var dates = try? DateResolver(lexicons: lexicons)
  lazy var names = try? KoreanNameParser(lexicons: lexicons)
  lazy var romanizer = try? KoreanRomanizer(lexicons: lexicons)
  lazy var analyzer = try? NameAnalyzer(lexicons: lexicons)
  lazy var references = try? ReferenceParser(lexicons: lexicons)
  lazy var pages = try? HTMLPageReader(lexicons: lexicons)

  init?() {
    let name = ProcessInfo.processInfo.environment["NORMALIZE_FUZZ_TARGET"] ?? ""
    guard let target = Target(rawValue: name) else {
      FileHandle.standardError.write(
        Data(
          "set NORMALIZE_FUZZ_TARGET to one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))\n"
            .utf8))
      return nil
    }
    self.target = target
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons")
    guard let provider = try? DirectoryLexiconProvider(roots: [root]) else {
      FileHandle.standardError.write(Data("cannot read the lexicons at \(root.path)\n".utf8))
      return nil
    }
    lexicons = provider
  }

  /// Text as the readers make it: invalid UTF-8 replaced by U+FFFD.
  static func text(_ bytes: UnsafeRawBufferPointer) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  func run(_ bytes: UnsafeRawBufferPointer) {
    switch target {
    case .jsonl:
      let raw = RawInput(
        format: .jsonLine, bytes: Array(bytes), file: "fuzz.jsonl", line: 1, byteOffset: 0,
        sequence: 0)
      if case .success(let article) = ArticleParser.parse(raw) { _ = article.text.utf8.count }
    case .clean:
      let text = Self.text(bytes)
      let cleaned = cleaner.cleanReportingRepairs(text)
      _ = structure?.analyze(cleaned.text, knownTitle: nil)
    case .date:
      let text = Self.text(bytes)
      // The first byte picks the language, so the multilingual vocabularies are reached too.
      let languages: [String?] = [nil, "en", "it", "ru", "uk", "ko", "zh", "ja", "de"]
      let language = languages[Int(bytes.first ?? 0) % languages.count]
      let result = dates?.resolve(text, dct: "2025-03-18", language: language)
      for mention in result?.mentions ?? [] {
        precondition(mention.start <= mention.end, "date mention with start after end")
      }
    case .name:
      let text = Self.text(bytes)
      for reading in names?.parse(text) ?? [] {
        for hangul in reading.hangul.prefix(3) {
          _ = romanizer?.romanizations(of: hangul, limit: 3)
        }
      }
      _ = romanizer?.romanizations(of: text, limit: 3)
      _ = analyzer?.analyze(text)
    case .ref:
      let text = Self.text(bytes)
      _ = references?.parse(text, published: "2025-05-28")
    case .mojibake:
      let text = Self.text(bytes)
      _ = MojibakeRepair.repair(text)
      _ = cleaner.clean(text)
    case .html:
      // The bytes as an .html file: charset (BOM, meta, detection), binary check, then
      // libxml2's parse, the main text and the metadata.
      let raw = RawInput(
        format: .html, bytes: Array(bytes), file: "fuzz.html", line: nil, byteOffset: 0, sequence: 0
      )
      guard case .success(let article) = ArticleParser.parse(raw), let html = article.html,
        let pages
      else { return }
      let page = pages.read(html, url: "https://example.com/2025/05/27/page")
      for block in page.blocks {
        precondition(
          !block.text.isEmpty && block.text == BlockText.fold(block.text) || block.kind == .table,
          "a block that is empty or not folded")
      }
      if let date = page.metadata.published {
        precondition(PublicationDate.normalize(date.value) != nil, "an invalid page date")
      }
    }
  }
}

nonisolated(unsafe) var harness: Harness?

/// libFuzzer's start-up hook: makes the harness for the target named by `NORMALIZE_FUZZ_TARGET`
/// (`jsonl`, `clean`, `date`, `name`, `ref`, `mojibake`, `html`) and exits with status 2 when that
/// name is unknown or the repository's Lexicons/ cannot be read.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  harness = Harness()
  if harness == nil { exit(2) }
  return 0
}

/// libFuzzer's per-input hook: feeds `size` bytes at `data` to the chosen target; always returns 0
/// (a finding is a crash or a failed precondition, not a return value).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let harness, let data else { return 0 }
  harness.run(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}

// SwiftPM links an executable's entry point as `<module>_main` (main is an alias for it), so
// libFuzzer's own `main` is not used: hand over to its driver here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The executable's entry point (SwiftPM names it `NormalizeFuzz_main`): hands the command line
/// (`-runs=`, `-max_len=`, corpus folders) to libFuzzer's driver, which calls `fuzzTestOneInput`.
@_cdecl("NormalizeFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
