extension StringProtocol {
  /// Whether `needle` occurs in the text, comparing UTF-8 bytes (no Foundation bridging, no
  /// Unicode canonical equivalence: callers pass lowercased text and literal needles).
  func includes(_ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { n -> Bool in
      if n.isEmpty { return true }
      let found = utf8.withContiguousStorageIfAvailable { h -> Bool in Self.search(h, n) }
      if let found { return found }
      let bytes = Array(utf8)
      return bytes.withUnsafeBufferPointer { Self.search($0, n) }
    }
  }

  private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard h.count >= n.count, let first = n.first else { return false }
    var i = 0
    let last = h.count - n.count
    while i <= last {
      if h[i] == first {
        var k = 1
        while k < n.count && h[i + k] == n[k] { k += 1 }
        if k == n.count { return true }
      }
      i += 1
    }
    return false
  }
}

extension StringProtocol {
  /// Whether a word of the text starts with `prefix`: "thesis" starts a word of "phd thesis"
  /// and "thesis (m.a.)", not of "a new hypothesis" or "photosynthesis". With
  /// `wholeOrPlural`, the word must be `prefix` or `prefix` + "s": "report" is in "technical
  /// report" and "reports of …", not in "a guide to reporting". Callers pass lowercased
  /// text and a lowercased prefix.
  func includesWord(startingWith prefix: String, wholeOrPlural: Bool = false) -> Bool {
    // Most text has no match at all: the byte search says so without building scalar arrays.
    guard includes(prefix) else { return false }
    let needle = Array(prefix.unicodeScalars)
    guard let first = needle.first else { return true }
    let scalars = Array(unicodeScalars)
    guard scalars.count >= needle.count else { return false }
    func isLetter(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.isAlphabetic }
    var afterLetter = false
    for i in 0...(scalars.count - needle.count) {
      let s = scalars[i]
      if !afterLetter && s == first && scalars[i..<(i + needle.count)].elementsEqual(needle) {
        let end = i + needle.count
        if !wholeOrPlural || !isLetter(end) || (scalars[end] == "s" && !isLetter(end + 1)) {
          return true
        }
      }
      afterLetter = s.properties.isAlphabetic
    }
    return false
  }
}
