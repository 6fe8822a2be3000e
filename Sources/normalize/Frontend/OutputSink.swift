import Foundation

/// Buffered output to standard output or a file, flushed in large writes.
final class OutputSink {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let closeOnFinish: Bool

  /// - Parameter path: a file to create (truncating it), or nil / "-" for standard output.
  init(path: String?) throws {
    if let path, path != "-" {
      guard FileManager.default.createFile(atPath: path, contents: nil) || FileManager.default.isWritableFile(atPath: path),
        let handle = FileHandle(forWritingAtPath: path)
      else {
        throw ValidationErrorMessage("cannot write \(path): check that its folder exists and is writable")
      }
      try handle.truncate(atOffset: 0)
      self.handle = handle
      closeOnFinish = true
    } else {
      handle = FileHandle.standardOutput
      closeOnFinish = false
    }
    buffer.reserveCapacity(1 << 20)
  }

  func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  func write(_ text: String) throws { try write(Array(text.utf8)) }

  func flush() throws {
    if buffer.isEmpty { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  func finish() throws {
    try flush()
    if closeOnFinish { try handle.close() }
  }
}

/// Messages on standard error.
enum Diagnostics {
  static let isTerminal = isatty(2) != 0

  static func print(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// A progress line that redraws itself (only when stderr is a terminal).
  static func progress(_ message: String) {
    guard isTerminal else { return }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
  }

  static func endProgress() {
    guard isTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
