import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      throw Unreadable(
        path: path, reason: "is a folder; give a JSON Lines file, or - for standard input")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Unreadable(path: path, reason: "cannot open the file (permission denied?)")
    }
    return handle
  }

  /// Reads up to 1 MiB; a failed read becomes `Unreadable` instead of a Foundation error.
  private static func readChunk(_ handle: FileHandle) throws -> Data? {
    do {
      return try handle.read(upToCount: 1 << 20)
    } catch {
      let errno = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap {
        ($0 as? NSError)?.code
      }
      let detail = errno.map { String(cString: strerror(Int32($0))) } ?? "read error"
      throw Unreadable(
        path: handle === FileHandle.standardInput ? "<stdin>" : "input",
        reason: "read failed (\(detail))")
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
    // Bytes of `pending` before this hold no line feed: a line longer than a chunk is searched
    // once, not again with every chunk added to it.
    var searched = 0
    while let data = try readChunk(handle), !data.isEmpty {
      pending.append(contentsOf: data)
      var start = 0
      while let newline = newlineIndex(in: pending, from: max(start, searched)) {
        if newline - start >= 1 << 20 {
          // A long line is handed over in an array of its own, not as a slice of `pending`: a
          // reader that makes an array of it (`date --jsonl`) then shares it instead of
          // holding a second copy of a 100 MB line.
          var line = pending
          let rest = Array(pending[(newline + 1)...])
          pending = []
          line.removeSubrange(newline...)
          line.removeSubrange(0..<start)
          pending = rest
          start = 0
          searched = 0
          try deliver(line[...])
          continue
        }
        try deliver(pending[start..<newline])
        start = newline + 1
      }
      searched = pending.count - start
      if pending.capacity > 4 << 20 && pending.count - start <= 1 << 20 {
        // A long line has been handled: give its memory back.
        pending = Array(pending[start...])
      } else {
        pending.removeFirst(start)
      }
      if handle === FileHandle.standardInput { try output?.flush() }
    }
    if !pending.isEmpty { try deliver(pending[...]) }
    return lineNumber
  }

  /// The index of the first line feed in `bytes` at or after `start` (memchr), or nil.
  private static func newlineIndex(in bytes: [UInt8], from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
  }

  /// Everything `handle` holds, read with read(2) straight into one array (no `Data`, so a
  /// long text is held once, not twice).
  ///
  /// - Throws: `Unreadable` when a read fails.
  public static func readAll(_ handle: FileHandle) throws -> [UInt8] {
    let descriptor = handle.fileDescriptor
    var status = stat()
    let size =
      fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
      ? Int(status.st_size) : 0
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got > 0 {
        bytes.append(contentsOf: chunk[0..<got])
        continue
      }
      if got == 0 { return bytes }
      if errno == EINTR { continue }
      throw Unreadable(
        path: handle === FileHandle.standardInput ? "<stdin>" : "input",
        reason: "read failed (\(String(cString: strerror(errno))))")
    }
  }
}
