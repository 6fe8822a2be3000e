extension Array {
  /// `count` copies of `value`, the same array as `init(repeating:count:)` makes, allocated
  /// through the array's own (specialised) growth path. `init(repeating:count:)` allocates in an
  /// unspecialised standard-library function that looks the storage's generic metadata up at
  /// run time (some 450 instructions, more than filling a small array costs): per-article
  /// arrays of the structure step are made this way.
  ///
  /// ```swift
  /// [Bool](filling: true, count: 3)   // [true, true, true]
  /// [Int32](filling: -1, count: 0)    // []
  /// ```
  @inline(__always)
  init(filling value: Element, count: Int) {
    self = []
    reserveCapacity(count)
    append(contentsOf: repeatElement(value, count: count))
  }
}
