import Foundation
import HTMLExtraction

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams inputs from paths and standard input, in a stable order, holding at most one
/// chunk plus one line (or one text file) in memory.
///
/// - A folder is walked recursively in sorted order; it contributes `.txt`, `.text`
///   files (one article each), `.html`, `.htm` pages (one article each) and `.jsonl`,
///   `.ndjson` files (one article per line). A `<name>.meta.json` beside `<name>.txt` or
///   `<name>.html` supplies that article's metadata.
/// - A file named explicitly is read whatever its extension: JSON Lines when its first
///   non-blank byte is `{`, an HTML page when it is named `.html`/`.htm` or reads as one
///   (`HTMLSniffer`), plain text otherwise. The same sniffing applies to standard input
///   ("-" or no paths).
/// - Blank JSON Lines lines are skipped and counted (`blankLines`), or, with `rejectsBlankLines`
///   (a pipe stage that must answer every line), become "blank-line" rejects; a line or file
///   larger than `maxBytes` becomes a "too-large" reject without being held in memory.
/// - FIFOs, sockets and devices met while walking a folder are not opened (opening a FIFO with
///   no writer would wait forever): each becomes a "not-a-regular-file" reject naming it. Named
///   explicitly, they are read as streams.
///
/// ```swift
/// let reader = ArticleReader(paths: ["Samples"], maxBytes: 16 << 20)
/// while let item = reader.next() { … }
/// ```
public final class ArticleReader {
  /// Largest article accepted, in bytes.
  public let maxBytes: Int
  /// Blank lines skipped in JSON Lines input.
  public private(set) var blankLines = 0

  private var pending: [PendingSource]
  private var lines: LineReader?
  private var current = ""
  private var currentLineOffset = 0
  private var sequence = 0
  /// Folders already listed, by device and inode: a symbolic link back up the tree is read once.
  private var listedFolders = Set<[UInt64]>()
  private let standardInputName: String
  private let standardInputLineOffset: Int
  private let rejectsBlankLines: Bool

  private enum PendingSource {
    case path(String, explicit: Bool)
    case standardInput
  }

  /// - Parameters:
  ///   - paths: files and folders; empty or "-" means standard input.
  ///   - maxBytes: the size limit of one article.
  ///   - standardInputName: the file name records and rejects from standard input carry
  ///     (and their default ids, "name:line", are made of).
  ///   - standardInputLineOffset: added to the line numbers of standard input: a stage given
  ///     lines K+1… of a file numbers them as the file does.
  ///   - rejectsBlankLines: whether a blank JSON Lines line becomes a "blank-line" reject
  ///     instead of being skipped.
  public init(
    paths: [String], maxBytes: Int, standardInputName: String = "-",
    standardInputLineOffset: Int = 0,
    rejectsBlankLines: Bool = false
  ) {
    self.maxBytes = maxBytes
    self.standardInputName = standardInputName
    self.standardInputLineOffset = standardInputLineOffset
    self.rejectsBlankLines = rejectsBlankLines
    pending =
      paths.isEmpty
      ? [.standardInput] : paths.map { $0 == "-" ? .standardInput : .path($0, explicit: true) }
    pending.reverse()
  }

  /// The next item, or nil at the end of all input.
  public func next() -> ReadItem? {
    while true {
      if let reader = lines {
        if let item = nextLine(from: reader) { return item }
        lines = nil
        continue
      }
      guard let source = pending.popLast() else { return nil }
      switch source {
      case .standardInput:
        currentLineOffset = standardInputLineOffset
        if let item = open(
          handle: FileHandle.standardInput, name: standardInputName, isTextFile: nil, sidecar: nil)
        {
          return item
        }
      case .path(let path, let explicit):
        currentLineOffset = 0
        if let item = openPath(path, explicit: explicit) { return item }
      }
    }
  }

  private func makeSequence() -> Int {
    defer { sequence += 1 }
    return sequence
  }

  private func openPath(_ path: String, explicit: Bool) -> ReadItem? {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    var status = stat()
    if stat(path, &status) != 0 && errno == ELOOP {
      return .reject(
        InputReject(
          code: "symlink-loop",
          reason: "skipped: a symbolic link loop (the links lead back to themselves)", file: path),
        sequence: makeSequence())
    }
    guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .reject(
        InputReject(
          code: "unreadable", reason: "no such file or folder; check the path", file: path),
        sequence: makeSequence())
    }
    if isDirectory.boolValue {
      // A folder reached again through a symbolic link (a loop such as sub/up -> ..) ends here.
      guard listedFolders.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else {
        return .reject(
          InputReject(
            code: "symlink-loop",
            reason: "skipped: a folder already read through another path (a symbolic link loop)",
            file: path),
          sequence: makeSequence())
      }
      guard let children = try? fm.contentsOfDirectory(atPath: path) else {
        return .reject(
          InputReject(
            code: "unreadable", reason: "cannot list the folder (permission denied?)", file: path),
          sequence: makeSequence())
      }
      let base = path.hasSuffix("/") ? String(path.dropLast()) : path
      for child in children.sorted().reversed() where !child.hasPrefix(".") {
        let childPath = base + "/" + child
        var childIsDirectory: ObjCBool = false
        _ = fm.fileExists(atPath: childPath, isDirectory: &childIsDirectory)
        var childStatus = stat()
        let loops = stat(childPath, &childStatus) != 0 && errno == ELOOP
        if childIsDirectory.boolValue || Self.isArticleFile(child) || loops {
          pending.append(.path(childPath, explicit: false))
        }
      }
      return nil
    }
    if !explicit, let kind = Self.specialFileKind(path) {
      return .reject(
        InputReject(
          code: "not-a-regular-file",
          reason:
            "skipped: \(kind), not a regular file (it could block the walk forever); name it on the command line to read it as a stream",
          file: path),
        sequence: makeSequence())
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .reject(
        InputReject(
          code: "unreadable", reason: "cannot open the file (permission denied?)", file: path),
        sequence: makeSequence())
    }
    let lower = path.lowercased()
    let isText: Bool? =
      lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? false : (explicit ? nil : true)
    var sidecar: [UInt8]? = nil
    if isText != false, let dot = path.range(of: ".", options: .backwards),
      dot.lowerBound > (path.range(of: "/", options: .backwards)?.lowerBound ?? path.startIndex)
    {
      let metaPath = String(path[..<dot.lowerBound]) + ".meta.json"
      if Self.specialFileKind(metaPath) == nil, let data = fm.contents(atPath: metaPath) {
        sidecar = [UInt8](data)
      }
    }
    return open(handle: handle, name: path, isTextFile: isText, sidecar: sidecar)
  }

  /// What kind of special file `path` is ("a FIFO (named pipe)", "a socket", "a character
  /// device", "a block device"), or nil for a regular file, a folder or a missing path.
  static func specialFileKind(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    default: return nil
    }
  }

  /// Whether a file found in a folder walk is an article file.
  static func isArticleFile(_ name: String) -> Bool {
    let lower = name.lowercased()
    return [".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm"].contains { lower.hasSuffix($0) }
  }

  /// Whether a file name says HTML.
  static func isHTMLName(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
  }

  /// Starts reading one file or stdin; returns an item at once for text files and errors.
  private func open(handle: FileHandle, name: String, isTextFile: Bool?, sidecar: [UInt8]?)
    -> ReadItem?
  {
    let reader = LineReader(handle: handle, maxLine: maxBytes)
    var isText = isTextFile
    if isText == nil {
      switch reader.sniffFirstByte() {
      case .failure(let error):
        return .reject(
          InputReject(code: "unreadable", reason: error.message, file: name),
          sequence: makeSequence())
      case .success(let first):
        isText = first != UInt8(ascii: "{")
      }
    }
    if isText == true {
      defer { try? handle.close() }
      switch reader.readAll() {
      case .failure(let error):
        return .reject(
          InputReject(code: "unreadable", reason: error.message, file: name),
          sequence: makeSequence())
      case .success(let contents):
        guard let bytes = contents else {
          return .reject(
            InputReject(
              code: "too-large",
              reason:
                "the file is over the \(maxBytes)-byte article limit; split it or raise --max-article-bytes",
              file: name),
            sequence: makeSequence())
        }
        let format: RawInput.Format =
          Self.isHTMLName(name) || HTMLSniffer.looksLikeHTML(bytes) ? .html : .text
        return .input(
          RawInput(
            format: format, bytes: bytes, file: name, line: nil, byteOffset: 0, sidecar: sidecar,
            sequence: makeSequence()))
      }
    }
    current = name
    lines = reader
    return nil
  }

  private func nextLine(from reader: LineReader) -> ReadItem? {
    while true {
      switch reader.nextLine() {
      case .end:
        return nil
      case .failure(let message, let number):
        return .reject(
          InputReject(
            code: "unreadable", reason: message, file: current, line: number + currentLineOffset),
          sequence: makeSequence())
      case .tooLong(let number, let length):
        return .reject(
          InputReject(
            code: "too-large",
            reason:
              "line of \(length) bytes is over the \(maxBytes)-byte article limit; raise --max-article-bytes to accept it",
            file: current, line: number + currentLineOffset),
          sequence: makeSequence())
      case .line(let bytes, let number, let offset):
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
          blankLines += 1
          if rejectsBlankLines {
            return .reject(
              InputReject(
                code: "blank-line", reason: "a blank line: no article", file: current,
                line: number + currentLineOffset),
              sequence: makeSequence())
          }
          continue
        }
        return .input(
          RawInput(
            format: .jsonLine, bytes: bytes, file: current, line: number + currentLineOffset,
            byteOffset: offset,
            sequence: makeSequence()))
      }
    }
  }
}
