import Foundation

/// Reads lexicons laid out as `<root>/<language>/<kind>.tsv`, parsing each file once on first
/// use and caching it. Several layers add up, lowest priority first: files embedded in the
/// binary (the shipped `Lexicons/`), then folders, then single files; later layers add entries
/// after earlier ones (the CLI puts `--lexicons DIR` over the shipped data).
///
/// ```swift
/// let lexicons = try DirectoryLexiconProvider(roots: [URL(fileURLWithPath: "Lexicons")])
/// try lexicons.entries(kind: "boilerplate", language: "ko")  // from Lexicons/ko/boilerplate.tsv
/// ```
public final class DirectoryLexiconProvider: LexiconProvider, @unchecked Sendable {
  /// The folders read, lowest priority first.
  public let roots: [URL]
  private let lock = NSLock()
  private var cache: [String: [LexiconEntry]] = [:]
  private let index: [String: [String: [Source]]]  // kind -> language -> sources

  /// Where one file's text comes from, and the path it is reported under.
  private enum Source {
    case file(URL, path: String)
    case text(String, path: String)
  }

  /// Indexes the files under each root.
  ///
  /// - Throws: `LexiconError.missingRoot` when a root is not a folder.
  public convenience init(roots: [URL]) throws {
    try self.init(embedded: [], roots: roots, files: [])
  }

  /// Indexes the roots, then adds single files with the kind and language they stand for
  /// (`normalize --lexicons names.tsv` reads a built name lexicon as `all/aliases.tsv`).
  ///
  /// - Throws: `LexiconError.missingRoot` when a root is not a folder or a file does not exist.
  public convenience init(roots: [URL], files: [(url: URL, kind: String, language: String)]) throws
  {
    try self.init(embedded: [], roots: roots, files: files)
  }

  /// Indexes files given as text (the lexicons compiled into the binary, paths relative to
  /// `Lexicons/` such as "ko/surnames.tsv"; other paths, like "README.md", are ignored), then
  /// the roots, then single files.
  ///
  /// - Parameters:
  ///   - embedded: `(path, text)` pairs, lowest priority.
  ///   - roots: folders laid out as `<language>/<kind>.tsv`.
  ///   - files: single files with the kind and language they stand for.
  /// - Throws: `LexiconError.missingRoot` when a root is not a folder or a file does not exist.
  public init(
    embedded: [(path: String, text: String)], roots: [URL],
    files: [(url: URL, kind: String, language: String)]
  ) throws {
    self.roots = roots
    var index: [String: [String: [Source]]] = [:]
    for (path, text) in embedded {
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[1].hasSuffix(".tsv"), !parts[0].isEmpty else { continue }
      let kind = String(parts[1].dropLast(4))
      index[kind, default: [:]][String(parts[0]), default: []].append(.text(text, path: path))
    }
    let fm = FileManager.default
    for root in roots {
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
      else {
        throw LexiconError.missingRoot(path: root.path)
      }
      let languages = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
      for language in languages.sorted() {
        let folder = root.appendingPathComponent(language)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
          continue
        }
        for file in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        where file.hasSuffix(".tsv") {
          let kind = String(file.dropLast(4))
          index[kind, default: [:]][language, default: []].append(
            .file(folder.appendingPathComponent(file), path: "\(language)/\(file)"))
        }
      }
    }
    for file in files {
      guard fm.fileExists(atPath: file.url.path) else {
        throw LexiconError.missingRoot(path: file.url.path)
      }
      index[file.kind, default: [:]][file.language, default: []].append(
        .file(file.url, path: file.url.path))
    }
    self.index = index
  }

  /// The languages (folder names) with a `<kind>.tsv` under any root, sorted.
  public func languages(forKind kind: String) -> [String] {
    (index[kind].map { Array($0.keys) } ?? []).sorted()
  }

  /// Whether every file of `kind` in `language` was given as text (compiled into the binary);
  /// false when there is none or a folder or file adds to it.
  public func isCompiledIn(kind: String, language: String) -> Bool {
    guard let sources = index[kind]?[language], !sources.isEmpty else { return false }
    return sources.allSatisfy {
      if case .text = $0 { return true } else { return false }
    }
  }

  /// Parses every file of `kind` in `language` once and caches the entries; empty when there is
  /// none. Thread-safe.
  public func entries(kind: String, language: String) throws -> [LexiconEntry] {
    let key = kind + "\u{0}" + language
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[key] { return cached }
    var entries: [LexiconEntry] = []
    for source in index[kind]?[language] ?? [] {
      switch source {
      case .text(let text, let path):
        entries += try LexiconParser.parse(text, path: path, language: language)
      case .file(let file, let path):
        guard let data = FileManager.default.contents(atPath: file.path) else {
          throw LexiconError.unreadable(path: path, message: "cannot read the file")
        }
        guard let text = String(validatingUTF8Data: data) else {
          throw LexiconError.unreadable(path: path, message: "not valid UTF-8")
        }
        entries += try LexiconParser.parse(text, path: path, language: language)
      }
    }
    cache[key] = entries
    return entries
  }
}

extension String {
  /// Decodes UTF-8, returning nil (instead of repairing) when the bytes are not valid UTF-8.
  init?(validatingUTF8Data data: Data) {
    var valid = true
    let decoded = data.withUnsafeBytes { raw -> String in
      let bytes = raw.bindMemory(to: UInt8.self)
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break loop
        case .error:
          valid = false
          break loop
        }
      }
      return valid ? String(decoding: bytes, as: UTF8.self) : ""
    }
    if !valid { return nil }
    self = decoded
  }
}
