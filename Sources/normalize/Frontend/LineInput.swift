import Foundation

/// Line-by-line reading for the JSON Lines modes of `normalize name`, `date` and `ref`: a file
/// or standard input, read in 1 MiB chunks, each line handed over without its newline (a final
/// line without one included). When reading standard input, output is flushed after every
/// chunk so that a pipe sees results as they are made.
enum LineInput {
  /// The file at `path`, or standard input for nil or "-".
  ///
  /// - Throws: `ValidationErrorMessage` when the file cannot be opened.
  static func open(_ path: String?) throws -> FileHandle {
    guard let path, path != "-" else { return FileHandle.standardInput }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ValidationErrorMessage("cannot read \(path): no such file or not readable")
    }
    return handle
  }

  /// Calls `body` with each non-blank line of `handle` (without its newline or a trailing
  /// carriage return) and its 1-based line number; flushes `output` after each chunk of standard
  /// input. Returns how many lines were read, blank ones included.
  @discardableResult
  static func forEachLine(
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
    while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
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
