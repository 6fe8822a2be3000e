/// A small set of element names ("div", "h2", "figcaption"), looked up without hashing: each
/// name of at most 16 ASCII bytes is kept as two words, and a tag is compared with the names
/// of its length only. Membership is `Set<String>`'s for every tag when the names are ASCII of at
/// most 16 bytes (the extractor's are; a longer name is left out, and libxml2 gives element
/// names in ASCII lower case).
///
/// ```swift
/// let headings = TagSet(["h1", "h2", "h3"])
/// headings.contains("h2")    // true
/// headings.contains("div")   // false
/// ```
struct TagSet: Sendable {
  /// Per name length (0…16), the names of that length as two little-endian words.
  private let names: [[Packed]]

  private struct Packed: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
  }

  /// A set of `names` (ASCII, at most 16 bytes each; others are left out).
  init(_ names: [String]) {
    var byLength = [[Packed]](repeating: [], count: 17)
    for name in names {
      guard let packed = Self.pack(name) else { continue }
      let length = name.utf8.count
      if !byLength[length].contains(packed) { byLength[length].append(packed) }
    }
    self.names = byLength
  }

  /// Whether `tag` is one of the names.
  func contains(_ tag: String) -> Bool {
    // The bytes in place (a short name is read from the string's own words).
    let found = tag.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard bytes.count <= 16, let packed = Self.pack(bytes) else { return false }
      for name in names[bytes.count] where name == packed { return true }
      return false
    }
    if let found { return found }
    let length = tag.utf8.count
    guard length <= 16, let packed = Self.pack(tag) else { return false }
    for name in names[length] where name == packed { return true }
    return false
  }

  /// ``pack(_:)`` on bytes at hand.
  private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed? {
    var packed = Packed()
    for index in 0..<bytes.count {
      let byte = bytes[index]
      guard byte < 0x80 else { return nil }
      let shift = UInt64(index & 7) * 8
      if index < 8 {
        packed.low |= UInt64(byte) << shift
      } else {
        packed.high |= UInt64(byte) << shift
      }
    }
    return packed
  }

  /// The name's bytes as two words, or nil when it is longer than 16 bytes or not ASCII.
  private static func pack(_ name: String) -> Packed? {
    var packed = Packed()
    var index = 0
    for byte in name.utf8 {
      guard index < 16, byte < 0x80 else { return nil }
      let shift = UInt64(index & 7) * 8
      if index < 8 {
        packed.low |= UInt64(byte) << shift
      } else {
        packed.high |= UInt64(byte) << shift
      }
      index += 1
    }
    return packed
  }
}
