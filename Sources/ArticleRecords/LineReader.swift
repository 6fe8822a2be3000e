import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file handle in 1 MiB chunks and splits it into lines, never holding more than one
/// chunk and one line (up to `maxLine` bytes; longer lines are skipped and reported).
final class LineReader {
  enum Line {
    case line([UInt8], number: Int, offset: Int)
    case tooLong(number: Int, length: Int)
    case failure(String, number: Int)
    case end
  }

  private let handle: FileHandle
  private let maxLine: Int
  private let chunkSize = 1 << 20
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private var lineNumber = 0
  private var fileOffset = 0  // offset of buffer[position] in the file

  init(handle: FileHandle, maxLine: Int) {
    self.handle = handle
    self.maxLine = maxLine
  }

  /// Reads more bytes; false at end of file. Throws only for read errors.
  private func fill() throws -> Bool {
    if atEnd { return false }
    let data = try handle.read(upToCount: chunkSize) ?? Data()
    if data.isEmpty {
      atEnd = true
      return false
    }
    if position > 0 {
      buffer.removeFirst(position)
      position = 0
    }
    buffer.append(contentsOf: data)
    return true
  }

  /// The first byte that is not whitespace (without consuming anything), or 0 for empty input.
  func sniffFirstByte() -> Result<UInt8, SniffError> {
    do {
      while true {
        if let byte = buffer[position...].first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) {
          return .success(byte)
        }
        if try !fill() { return .success(0) }
      }
    } catch {
      return .failure(SniffError("cannot read: \(error.localizedDescription)"))
    }
  }

  /// The whole remaining input, or nil when it exceeds `maxLine` bytes.
  func readAll() -> Result<[UInt8]?, SniffError> {
    do {
      while try fill() {
        if buffer.count - position > maxLine {
          return .success(nil)
        }
      }
      return .success(Array(buffer[position...]))
    } catch {
      return .failure(SniffError("cannot read: \(error.localizedDescription)"))
    }
  }

  func nextLine() -> Line {
    var searchFrom = position
    var skipping = false
    var skippedLength = 0
    do {
      while true {
        if let newline = newlineIndex(from: searchFrom) {
          lineNumber += 1
          let start = position
          let offset = fileOffset
          fileOffset += newline + 1 - position
          position = newline + 1
          if skipping { return .tooLong(number: lineNumber, length: skippedLength + newline - start) }
          return .line(Array(buffer[start..<newline]), number: lineNumber, offset: offset)
        }
        // No newline in the buffer: drop an over-long line's bytes as we go.
        if buffer.count - position > maxLine {
          skipping = true
          skippedLength += buffer.count - position
          fileOffset += buffer.count - position
          position = buffer.count
        }
        searchFrom = buffer.count
        let before = buffer.count - position
        if try !fill() {
          if buffer.count - position == 0 && !skipping { return .end }
          lineNumber += 1
          let start = position
          let offset = fileOffset
          fileOffset += buffer.count - position
          position = buffer.count
          if skipping { return .tooLong(number: lineNumber, length: skippedLength + buffer.count - start) }
          return .line(Array(buffer[start...]), number: lineNumber, offset: offset)
        }
        searchFrom = position + before
      }
    } catch {
      lineNumber += 1
      return .failure("cannot read: \(error.localizedDescription)", number: lineNumber)
    }
  }
}

extension LineReader {
  /// The index of the first line feed in `buffer` at or after `start` (memchr), or nil.
  fileprivate func newlineIndex(from start: Int) -> Int? {
    buffer.withUnsafeBufferPointer { bytes in
      guard start < bytes.count, let base = bytes.baseAddress,
        let found = memchr(base + start, 0x0A, bytes.count - start)
      else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
  }
}

struct SniffError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
