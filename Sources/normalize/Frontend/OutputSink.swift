import Foundation

/// Buffered output to standard output or a file, flushed in large writes.
final class OutputSink {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let closeOnFinish: Bool

  /// - Parameter path: a file to create (truncating it), or nil / "-" for standard output.
  ///
  /// The file is opened with `open(2)` (`O_CREAT | O_TRUNC`), not `FileManager.createFile`: on
  /// Linux that writes a temporary file and renames it over the path, which replaced the
  /// device `/dev/null` with a regular file on every `normalize … -o /dev/null` (Scripts/bench),
  /// breaking every other program on the machine that writes to /dev/null.
  init(path: String?) throws {
    if let path, path != "-" {
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw ValidationErrorMessage("cannot write \(path): check that its folder exists and is writable")
      }
      handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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
