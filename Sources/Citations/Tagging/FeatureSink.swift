import ByteSupport

/// Receives the features `ReferenceFeatures` makes, one piece at a time, so that tagging can
/// hash a feature such as `l-1|w=` + "." + "|" + "in" without building the string.
///
/// A feature is `start(prefix)`, any number of pieces, then `end()`; `nextToken()` separates
/// tokens. Its name is the concatenation of the pieces (what the weights file lists), and its
/// key is the 64-bit FNV-1a hash of that name's UTF-8, so `FeatureKey.of(name)` on a name read
/// from the file gives the key streaming gave.
package protocol FeatureSink {
  /// Opens a feature with its name's fixed prefix ("w=", "sent=").
  mutating func start(_ prefix: StaticString)
  /// Appends fixed text ("|yr=").
  mutating func text(_ piece: StaticString)
  /// Appends a string.
  mutating func string(_ piece: String)
  /// Appends a scalar, or "_" for nil.
  mutating func scalar(_ piece: Unicode.Scalar?)
  /// Appends a non-negative number in decimal.
  mutating func int(_ piece: Int)
  /// Closes the feature.
  mutating func end()
  /// Moves on to the next token's features.
  mutating func nextToken()
}

extension FeatureSink {
  /// Appends "true" or "false".
  @inline(__always) package mutating func bool(_ piece: Bool) {
    piece ? text("true") : text("false")
  }

  /// A feature that is its prefix alone ("yr", "cap").
  @inline(__always) package mutating func flag(_ name: StaticString) {
    start(name)
    end()
  }

  /// A feature with one string value ("w=" + core).
  @inline(__always) package mutating func add(_ prefix: StaticString, _ value: String) {
    start(prefix)
    string(value)
    end()
  }

  /// Appends the smallest of `limits` that `value` does not exceed, or "+" above them all.
  @inline(__always) package mutating func bucket(_ value: Int, _ limits: [Int]) {
    for limit in limits where value <= limit {
      int(limit)
      return
    }
    text("+")
  }
}

/// The FNV-1a hash of a feature name, built up piece by piece.
package struct FeatureKey {
  package static let offset: UInt64 = FNV1a.basis64
  package static let prime: UInt64 = FNV1a.prime64

  package var value: UInt64 = offset

  @inline(__always) package mutating func byte(_ b: UInt8) {
    value = (value ^ UInt64(b)) &* Self.prime
  }

  @inline(__always) package mutating func add(_ piece: StaticString) {
    piece.withUTF8Buffer { for b in $0 { byte(b) } }
  }

  @inline(__always) package mutating func add(_ piece: String) {
    let done: Void? = piece.utf8.withContiguousStorageIfAvailable { buffer in
      var v = value
      for b in buffer { v = (v ^ UInt64(b)) &* Self.prime }
      value = v
    }
    if done == nil { for b in piece.utf8 { byte(b) } }
  }

  @inline(__always) package mutating func add(_ piece: Unicode.Scalar) {
    for b in piece.utf8 { byte(b) }
  }

  @inline(__always) package mutating func add(_ piece: Int) {
    if piece >= 0 && piece < 10 {
      byte(0x30 + UInt8(piece))
      return
    }
    for b in String(piece).utf8 { byte(b) }
  }

  /// The key of a whole feature name; never 0 (0 marks an empty slot in `FeatureTable`).
  package static func of(_ name: Substring) -> UInt64 {
    var key = FeatureKey()
    for b in name.utf8 { key.byte(b) }
    return key.finished
  }

  /// The key to look up.
  package var finished: UInt64 { value == 0 ? 1 : value }
}

/// Collects each token's feature keys and names (for training and for writing weights).
package struct NamingSink: FeatureSink {
  /// Per token, its features' keys.
  package var keys: [[UInt64]] = []
  /// Per token, its features' names (same order as `keys`).
  package var names: [[String]] = []
  private var key = FeatureKey()
  private var name = ""

  package init(tokens: Int) {
    keys.reserveCapacity(tokens)
    names.reserveCapacity(tokens)
    keys.append([])
    names.append([])
  }

  package mutating func start(_ prefix: StaticString) {
    key = FeatureKey()
    key.add(prefix)
    name = prefix.description
  }
  package mutating func text(_ piece: StaticString) {
    key.add(piece)
    name += piece.description
  }
  package mutating func string(_ piece: String) {
    key.add(piece)
    name += piece
  }
  package mutating func scalar(_ piece: Unicode.Scalar?) {
    let s = piece ?? "_"
    key.add(s)
    name.unicodeScalars.append(s)
  }
  package mutating func int(_ piece: Int) {
    key.add(piece)
    name += String(piece)
  }
  package mutating func end() {
    keys[keys.count - 1].append(key.finished)
    names[names.count - 1].append(name)
  }
  package mutating func nextToken() {
    keys.append([])
    names.append([])
  }
}

/// A sink that hashes each feature's name as it is made (`FeatureKey`) and hands the key to
/// `end()`: the pieces are the same for every such sink.
package protocol HashingSink: FeatureSink {
  var key: FeatureKey { get set }
}

extension HashingSink {
  @inline(__always) package mutating func start(_ prefix: StaticString) {
    key = FeatureKey()
    key.add(prefix)
  }
  @inline(__always) package mutating func text(_ piece: StaticString) { key.add(piece) }
  @inline(__always) package mutating func string(_ piece: String) { key.add(piece) }
  @inline(__always) package mutating func scalar(_ piece: Unicode.Scalar?) { key.add(piece ?? "_") }
  @inline(__always) package mutating func int(_ piece: Int) { key.add(piece) }
}

/// Adds each feature's weights to its token's row of label scores as the feature is made.
package struct ScoringSink: HashingSink {
  package let table: FeatureTable
  package let pairs: UnsafeBufferPointer<UInt32>
  package let count: Int
  /// `scores[token * count + label]`, owned by the caller.
  package let scores: UnsafeMutableBufferPointer<Float>
  private var row = 0
  package var key = FeatureKey()

  package init(
    table: FeatureTable, pairs: UnsafeBufferPointer<UInt32>, labels count: Int,
    scores: UnsafeMutableBufferPointer<Float>
  ) {
    self.table = table
    self.pairs = pairs
    self.count = count
    self.scores = scores
  }

  @inline(__always) package mutating func end() {
    guard let (offset, n) = table.pairs(of: key.finished), offset + n <= pairs.count,
      row + count <= scores.count
    else { return }
    for pair in pairs[offset..<offset + n] {
      let label = Int(pair >> 16)
      if label < count { scores[row + label] += Float(Int16(truncatingIfNeeded: pair & 0xFFFF)) }
    }
  }
  @inline(__always) package mutating func nextToken() { row += count }
}
