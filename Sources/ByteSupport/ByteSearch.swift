#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's byte search over a rule's UTF-8 bytes, for scans that look for one byte or
/// one short run of bytes in a whole body: `memchr` skips sixteen or more bytes at a step where
/// a Swift loop tests each byte.
///
/// ```swift
/// var text = "Seoul\nKyiv 3 days ago"
/// text.withUTF8 { ByteSearch.next(0x0A, in: $0, from: 0) }                  // 5
/// text.withUTF8 { ByteSearch.next(Array(" ago".utf8), anchor: 2, in: $0, from: 0) }  // 16
/// ```
public enum ByteSearch {
  /// The index of the first `byte` at or after `start`, or `bytes.count`.
  public static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int
  {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, Int32(byte), bytes.count - start)
    else { return bytes.count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The index of the first occurrence of `needle` (not empty) that starts at or after
  /// `start`, or `bytes.count`: `memchr` finds each `needle[anchor]` (pick a byte that is rare
  /// in text, "g" of " ago"), `memcmp` compares the rest.
  public static func next(
    _ needle: [UInt8], anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int {
    guard anchor >= 0, anchor < needle.count, let base = bytes.baseAddress else {
      return bytes.count
    }
    let count = bytes.count
    return needle.withUnsafeBufferPointer { needleBytes in
      guard let needleBase = needleBytes.baseAddress else { return count }
      // Candidates: needle[anchor] at `position`, the needle starting `anchor` before it.
      var position = start + anchor
      let last = count - needle.count + anchor
      while position <= last {
        guard let found = memchr(base + position, Int32(needle[anchor]), last - position + 1)
        else { return count }
        let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        if memcmp(base + at - anchor, needleBase, needle.count) == 0 { return at - anchor }
        position = at + 1
      }
      return count
    }
  }
}
