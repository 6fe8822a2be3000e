import Foundation

/// Line-by-line reading for the JSON Lines modes of `normalize name`, `date` and `ref`: a file
/// or standard input, read in 1 MiB chunks, each line handed over without its newline (a final
/// line without one included). When reading standard input, output is flushed after every
/// chunk so that a pipe sees results as they are made.
public enum LineInput {
  /// An input that cannot be read, worded as `normalize` words its rejects
  /// ("normalize: notes/: unreadable: is a folder; …"); the command exits 2.
  public struct Unreadable: Error, CustomStringConvertible {
    /// The path as the user gave it.
    public let path: String
    /// Why it cannot be read, and what to do.
    public let reason: String
    /// The message: path, "unreadable", reason.
    public var description: String { "\(path): unreadable: \(reason)" }
  }

  /// The file at `path`, or standard input for nil or "-". FIFOs and devices given explicitly
  /// are read as streams.
  ///
  /// - Throws: `Unreadable` when the path is missing, a folder, or cannot be opened.
  public static func open(_ path: String?) throws -> FileHandle {
    guard let path, path != "-" else { return FileHandle.standardInput }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Unreadable(path: path, reason: "no such file or folder; check the path")
    }
    if isDirectory.boolValue {
      throw Unreadable(path: path, reason: "is a folder; give a JSON Lines file, or - for standard input")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Unreadable(path: path, reason: "cannot open the file (permission denied?)")
    }
    return handle
  }

  /// Reads up to 1 MiB; a failed read becomes `Unreadable` instead of a Foundation error.
  private static func read(_ handle: FileHandle) throws -> Data? {
    do {
      return try handle.read(upToCount: 1 << 20)
    } catch {
      let errno = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }
      let detail = errno.map { String(cString: strerror(Int32($0))) } ?? "read error"
      throw Unreadable(path: handle === FileHandle.standardInput ? "<stdin>" : "input", reason: "read failed (\(detail))")
    }
  }

  /// Calls `body` with each non-blank line of `handle` (without its newline or a trailing
  /// carriage return) and its 1-based line number; flushes `output` after each chunk of standard
  /// input. Returns how many lines were read, blank ones included.
  @discardableResult
  public static func forEachLine(
    _ handle: FileHandle, output: OutputSink? = nil, _ body: (ArraySlice<UInt8>, Int) throws -> Void
  ) throws -> Int {
    var lineNumber = 0
    func deliver(_ raw: ArraySlice<UInt8>) throws {
      lineNumber += 1
      var line = raw
      // A UTF-8 byte-order mark at the start of the file or stream is a signature, not text.
      if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      if line.last == 0x0D { line = line.dropLast() }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
      try body(line, lineNumber)
    }
    var pending: [UInt8] = []
    while let data = try read(handle), !data.isEmpty {
      pending.append(contentsOf: data)
      var start = 0
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        try deliver(pending[start..<newline])
        start = newline + 1
      }
      pending.removeFirst(start)
      if handle === FileHandle.standardInput { try output?.flush() }
    }
    if !pending.isEmpty { try deliver(pending[...]) }
    return lineNumber
  }
}
