import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file handle in 1 MiB chunks and splits it into lines, never holding more than one
/// chunk and one line (up to `maxLine` bytes; longer lines are skipped and reported).
///
/// The chunks are read with `read(2)` into one buffer that lives as long as the reader, so a
/// 40 MB file costs no allocation but its lines (a fresh 1 MiB `Data` per chunk made the
/// kernel fault in and zero new pages for every chunk).
final class LineReader {
  enum Line {
    case line([UInt8], number: Int, offset: Int)
    case tooLong(number: Int, length: Int)
    case failure(String, number: Int)
    case end
  }

  /// Kept so the descriptor stays open as long as the reader reads it.
  private let handle: FileHandle
  private let descriptor: Int32
  private let maxLine: Int
  private let chunkSize = 1 << 20
  /// Bytes `0..<count` of `storage` are read; `position` is the first not yet returned.
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var count = 0
  private var position = 0
  private var atEnd = false
  private var lineNumber = 0
  private var fileOffset = 0  // offset of storage[position] in the file

  init(handle: FileHandle, maxLine: Int) {
    self.handle = handle
    self.descriptor = handle.fileDescriptor
    self.maxLine = maxLine
    self.capacity = chunkSize
    self.storage = .allocate(capacity: chunkSize)
  }

  deinit { storage.deallocate() }

  private var unread: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: storage + position, count: count - position)
  }

  /// Reads more bytes; false at end of file. Throws only for read errors.
  private func fill() throws(ReadError) -> Bool {
    if atEnd { return false }
    if position > 0 {
      // Keep the unfinished line at the front.
      if count > position { memmove(storage, storage + position, count - position) }
      count -= position
      position = 0
    }
    if capacity - count < chunkSize {
      // A long line: grow geometrically, so a 50 MB line is copied a few times, not fifty.
      let larger = max(count + chunkSize, 2 * capacity)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
      grown.update(from: storage, count: count)
      storage.deallocate()
      storage = grown
      capacity = larger
    }
    while true {
      let got = read(descriptor, storage + count, chunkSize)
      if got > 0 {
        count += got
        return true
      }
      if got == 0 {
        atEnd = true
        return false
      }
      let code = errno
      if code == EINTR { continue }
      // Reported once; the file ends there rather than failing again on every call.
      atEnd = true
      throw ReadError(message: "cannot read: " + String(cString: strerror(code)))
    }
  }

  /// After a long line grew the buffer, gives the memory back (keeping the unread bytes), so a
  /// 100 MB line does not leave 128 MiB held while the rest of the file is read.
  private func shrinkAfterLongLine() {
    guard capacity > 4 * chunkSize, count - position <= chunkSize else { return }
    let smaller = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    smaller.update(from: storage + position, count: count - position)
    storage.deallocate()
    storage = smaller
    capacity = chunkSize
    count -= position
    position = 0
  }

  /// The first byte that is not whitespace (without consuming anything), or 0 for empty input.
  func sniffFirstByte() -> Result<UInt8, ReadError> {
    do throws(ReadError) {
      while true {
        if let byte = unread.first(where: {
          ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0)
        }) {
          return .success(byte)
        }
        if try !fill() { return .success(0) }
      }
    } catch {
      return .failure(error)
    }
  }

  /// The whole remaining input, or nil when it exceeds `maxLine` bytes.
  func readAll() -> Result<[UInt8]?, ReadError> {
    do throws(ReadError) {
      while try fill() {
        if count - position > maxLine {
          return .success(nil)
        }
      }
      return .success(Array(unread))
    } catch {
      return .failure(error)
    }
  }

  func nextLine() -> Line {
    var searchFrom = position
    var skipping = false
    var skippedLength = 0
    do throws(ReadError) {
      while true {
        if let newline = newlineIndex(from: searchFrom) {
          lineNumber += 1
          let start = position
          let offset = fileOffset
          fileOffset += newline + 1 - position
          position = newline + 1
          if skipping {
            return .tooLong(number: lineNumber, length: skippedLength + newline - start)
          }
          let line = Array(UnsafeBufferPointer(start: storage + start, count: newline - start))
          shrinkAfterLongLine()
          return .line(line, number: lineNumber, offset: offset)
        }
        // No newline in the buffer: drop an over-long line's bytes as we go.
        if count - position > maxLine {
          skipping = true
          skippedLength += count - position
          fileOffset += count - position
          position = count
        }
        let before = count - position
        if try !fill() {
          if count - position == 0 && !skipping { return .end }
          lineNumber += 1
          let start = position
          let offset = fileOffset
          fileOffset += count - position
          position = count
          if skipping { return .tooLong(number: lineNumber, length: skippedLength + count - start) }
          return .line(
            Array(UnsafeBufferPointer(start: storage + start, count: count - start)),
            number: lineNumber, offset: offset)
        }
        searchFrom = position + before
      }
    } catch {
      lineNumber += 1
      return .failure(error.message, number: lineNumber)
    }
  }
}

extension LineReader {
  /// The index of the first line feed in the buffer at or after `start` (memchr), or nil.
  fileprivate func newlineIndex(from start: Int) -> Int? {
    guard start < count, let found = memchr(storage + start, 0x0A, count - start) else {
      return nil
    }
    return UnsafeRawPointer(found) - UnsafeRawPointer(storage)
  }
}

/// A failed `read(2)`, with the system's message: "cannot read: Input/output error".
struct ReadError: Error {
  let message: String
}
