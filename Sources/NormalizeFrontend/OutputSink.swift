import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered output to standard output or a file, flushed in large writes.
///
/// A regular file (or a new one) is written to a temporary file beside it and renamed over it
/// by `finish()`, so a failed run leaves the old file whole and readers never see half a file.
/// Anything else is written in place: a FIFO, a character device (`/dev/null`, a terminal), a
/// socket; `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to the process's own descriptor
/// (so `-o /dev/stdout >> log` appends as the shell asked, and no device path is ever replaced).
public final class OutputSink {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let closeOnFinish: Bool
  /// For a regular file: the temporary file written, and the path it is renamed to at the end.
  private var pendingRename: (temporary: String, final: String)?
  /// Whether the output is a pipe, FIFO, socket or terminal: a reader may wait for each batch.
  public let isStream: Bool

  /// - Parameter path: a file to create or replace, a FIFO or device to write to, or nil / "-"
  ///   for standard output.
  /// - Throws: `ValidationErrorMessage` when the file cannot be created or opened.
  public init(path: String?) throws {
    buffer.reserveCapacity(1 << 20)
    guard let path, path != "-" else {
      handle = FileHandle.standardOutput
      closeOnFinish = false
      isStream = !Self.isRegularFile(descriptor: 1)
      return
    }
    if let descriptor = Self.ownDescriptor(path) {
      handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
      closeOnFinish = false
      isStream = !Self.isRegularFile(descriptor: descriptor)
      return
    }
    var status = stat()
    let exists = stat(path, &status) == 0
    if exists && (status.st_mode & S_IFMT) == S_IFDIR {
      throw ValidationErrorMessage("cannot write \(path): it is a folder; give a file name")
    }
    if exists && (status.st_mode & S_IFMT) != S_IFREG {
      // A FIFO, device or socket: write in place, never replace it.
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw ValidationErrorMessage("cannot write \(path): \(String(cString: strerror(errno)))")
      }
      handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      closeOnFinish = true
      isStream = true
      return
    }
    // A regular file, or a new one: write beside it, rename at the end. A symbolic link to a
    // regular file keeps the link and replaces its target.
    let final = exists ? (Self.resolvedPath(path) ?? path) : path
    let folder = (final as NSString).deletingLastPathComponent
    let name = (final as NSString).lastPathComponent
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).normalize-\(getpid()).tmp"
    let mode: mode_t = exists ? status.st_mode & 0o7777 : 0o666
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      throw ValidationErrorMessage(
        "cannot write \(path): \(String(cString: strerror(errno))); check that its folder exists and is writable"
      )
    }
    if exists { _ = fchmod(descriptor, mode) }
    handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    closeOnFinish = true
    isStream = false
    pendingRename = (temporary, final)
  }

  deinit {
    // Not finished (an error ended the run): the temporary file goes, the old file stays.
    if let pendingRename { unlink(pendingRename.temporary) }
  }

  /// Buffers `bytes`; a write of 1 MiB or more (one long article's record) goes out as it is,
  /// after what is buffered, rather than being copied into the buffer.
  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBufferPointer { try write($0) }
  }

  /// Buffers `bytes`, or writes them straight out when they are 1 MiB or more.
  public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if bytes.count >= Self.bufferSize {
      try flush()
      try handle.write(contentsOf: UnsafeRawBufferPointer(bytes))
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.bufferSize { try flush() }
  }

  /// Appends a string's UTF-8.
  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write($0) }
  }

  private static let bufferSize = 1 << 20

  /// Writes what is buffered.
  public func flush() throws {
    if buffer.isEmpty { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes when a reader may be waiting (a pipe, FIFO or terminal): called after each batch.
  public func endBatch() throws {
    if isStream { try flush() }
  }

  /// Flushes, closes, and renames a temporary file over the destination.
  public func finish() throws {
    try flush()
    if closeOnFinish { try handle.close() }
    if let (temporary, final) = pendingRename {
      pendingRename = nil
      guard rename(temporary, final) == 0 else {
        let message = String(cString: strerror(errno))
        unlink(temporary)
        throw ValidationErrorMessage("cannot write \(final): \(message)")
      }
    }
  }

  /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/stdin`, `/dev/fd/N` or
  /// `/proc/self/fd/N` stands for, or nil for any other path.
  public static func ownDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
      }
      return nil
    }
  }

  private static func isRegularFile(descriptor: Int32) -> Bool {
    var status = stat()
    return fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  private static func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Messages on standard error.
public enum Diagnostics {
  /// Whether standard error is a terminal (progress lines are shown only then).
  public static let isTerminal = isatty(2) != 0

  /// Prints one line on standard error.
  public static func print(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// A progress line that redraws itself (only when stderr is a terminal).
  public static func progress(_ message: String) {
    guard isTerminal else { return }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
  }

  /// Clears the progress line, if one is shown.
  public static func endProgress() {
    guard isTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
