/// An open-addressing hash map from non-zero 64-bit keys (spelling codes, packed names) to
/// small integers, with a multiplicative hash: the Korean engine's lookups, without Swift's
/// seeded hashing or any allocation per lookup. Grows by doubling; iteration is in insertion
/// order, so anything built from it is deterministic.
///
/// ```swift
/// var table = CodeTable()
/// table.insert(SpellingCode.of("won")!, 7)
/// table[SpellingCode.of("won")!]  // 7
/// ```
struct CodeTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  /// Keys in insertion order.
  private(set) var orderedKeys: [UInt64] = []
  private var mask: Int

  /// An empty table sized for about `capacity` keys.
  init(capacity: Int = 16) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    keys = [UInt64](repeating: 0, count: size)
    values = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  var count: Int { orderedKeys.count }

  @inline(__always)
  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The value of `key`, or nil.
  @inline(__always)
  subscript(key: UInt64) -> Int32? {
    var i = Self.slot(key, mask)
    while true {
      let k = keys[i]
      if k == key { return values[i] }
      if k == 0 { return nil }
      i = (i + 1) & mask
    }
  }

  @inline(__always)
  func contains(_ key: UInt64) -> Bool { self[key] != nil }

  /// Sets the value of `key`; returns whether the key is new. Key 0 is never stored.
  @discardableResult
  mutating func insert(_ key: UInt64, _ value: Int32) -> Bool {
    guard key != 0 else { return false }
    if 2 * (orderedKeys.count + 1) > keys.count { grow() }
    var i = Self.slot(key, mask)
    while true {
      let k = keys[i]
      if k == key {
        values[i] = value
        return false
      }
      if k == 0 {
        keys[i] = key
        values[i] = value
        orderedKeys.append(key)
        return true
      }
      i = (i + 1) & mask
    }
  }

  /// The value of `key`, inserting `make()` first when it is absent.
  @inline(__always)
  mutating func value(_ key: UInt64, orInsert make: () -> Int32) -> Int32 {
    if let found = self[key] { return found }
    let value = make()
    insert(key, value)
    return value
  }

  /// Empties the table, keeping its storage (in time proportional to the keys it held).
  mutating func removeAll() {
    for key in orderedKeys {
      var i = Self.slot(key, mask)
      while keys[i] != key { i = (i + 1) & mask }
      keys[i] = 0
    }
    orderedKeys.removeAll(keepingCapacity: true)
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int32](repeating: 0, count: oldKeys.count * 2)
    mask = keys.count - 1
    for (i, key) in oldKeys.enumerated() where key != 0 {
      var j = Self.slot(key, mask)
      while keys[j] != 0 { j = (j + 1) & mask }
      keys[j] = key
      values[j] = oldValues[i]
    }
  }
}
