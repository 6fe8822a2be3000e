/// Maps feature keys (`FeatureKey`) to their weights: an open-addressing hash table (linear
/// probing, at most half full) whose slots hold the key's low 32 bits together with where the
/// feature's weights sit in a flat list, so a lookup touches one cache line before the weights.
///
/// A feature's weights are its nonzero (label, integer weight) pairs, packed as
/// `label << 16 | UInt16(bitPattern: weight)`.
package struct FeatureTable: Sendable {
  /// `fingerprint << 32 | offset << 6 | count`; 0 is an empty slot.
  private var slots: [UInt64]
  private var mask: Int
  /// How many keys the table holds.
  private(set) var count = 0

  /// The most weights one feature can have, and the most weights in all.
  package static let maximumPairs = 63
  package static let maximumOffset = 1 << 26

  /// An empty table for up to `capacity` keys.
  package init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
  }

  @inline(__always) private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  @inline(__always) private static func fingerprint(_ key: UInt64) -> UInt64 {
    let low = key & 0xFFFF_FFFF
    return low == 0 ? 1 : low
  }

  /// Where the weights of `key` are (`offset..<offset + count` in the pair list), or nil.
  @inline(__always) package func pairs(of key: UInt64) -> (offset: Int, count: Int)? {
    let wanted = Self.fingerprint(key)
    return slots.withUnsafeBufferPointer { s in
      var i = slot(key)
      while true {
        let found = s[i]
        if found == 0 { return nil }
        if found >> 32 == wanted {
          return (
            Int(truncatingIfNeeded: (found >> 6) & 0x3FF_FFFF),
            Int(truncatingIfNeeded: found & 0x3F)
          )
        }
        i = (i + 1) & mask
      }
    }
  }

  /// Records that `key`'s weights are `count` pairs from `offset`; returns false (and changes
  /// nothing) when the key is present, the table is full or the numbers do not fit.
  @discardableResult
  package mutating func insert(_ key: UInt64, offset: Int, count pairCount: Int) -> Bool {
    guard offset >= 0, offset < Self.maximumOffset, pairCount >= 0, pairCount <= Self.maximumPairs
    else { return false }
    if (count + 1) * 2 > slots.count { return false }
    let wanted = Self.fingerprint(key)
    var i = slot(key)
    while slots[i] != 0 {
      if slots[i] >> 32 == wanted { return false }
      i = (i + 1) & mask
    }
    slots[i] = wanted << 32 | UInt64(offset) << 6 | UInt64(pairCount)
    count += 1
    return true
  }
}
