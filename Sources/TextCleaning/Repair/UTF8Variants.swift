/// Decodes re-encoded bytes as UTF-8, accepting the variants that mojibake leaves behind:
/// CESU-8 (UTF-16 surrogate pairs each encoded as three bytes, as Java and MySQL's old `utf8`
/// wrote emoji), a lost byte (U+FFFD or "?" where a continuation byte was), and a no-break space
/// (0xA0) that became an ordinary space or vanished.
///
/// ```swift
/// UTF8Variants.decode([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x8D])  // "😍" (CESU-8)
/// ```
enum UTF8Variants {
  /// The decoded scalars, or nil when the bytes are not UTF-8 even allowing the variants.
  /// `repairs` counts the variant decodings used (lost bytes, restored 0xA0).
  static func decode(_ bytes: [UInt16], repairs: inout Int) -> [Unicode.Scalar]? {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(bytes.count)
    let count = bytes.count
    var i = 0
    let space: UInt16 = 0x20
    let question: UInt16 = 0x3F
    @inline(__always) func isContinuation(_ b: UInt16) -> Bool { b >= 0x80 && b <= 0xBF }
    while i < count {
      let lead = bytes[i]
      if lead < 0x80 {
        if let s = Unicode.Scalar(UInt32(lead)) { out.append(s) }
        i += 1
        continue
      }
      if lead == ByteStream.lost {
        out.append("\u{FFFD}")
        i += 1
        continue
      }
      let length: Int
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      case 0xC0 where i + 1 < count && bytes[i + 1] == 0x80:
        // Java's "modified UTF-8" NUL.
        out.append("\u{0}")
        i += 2
        continue
      default:
        return nil
      }
      // "à" (C3 A0) whose 0xA0 became a space or vanished: the French/Portuguese word "à".
      if lead == 0xC3 && length == 2 && (i + 1 == count || bytes[i + 1] == space) {
        let next = i + 1 < count ? bytes[i + 1] : 0
        if next == space {
          // "às" / "àquele": the 0xA0 became this space; otherwise it vanished before a space.
          let after = Array(bytes[(i + 2)..<min(count, i + 7)])
          if consumesSpace(after) {
            out.append("\u{E0}")
            repairs += 1
            i += 2
            continue
          }
        }
        out.append("\u{E0}")
        repairs += 1
        i += 1
        continue
      }
      var value: UInt32
      switch length {
      case 2: value = UInt32(lead & 0x1F)
      case 3: value = UInt32(lead & 0x0F)
      default: value = UInt32(lead & 0x07)
      }
      var lostByte = false
      var j = 1
      while j < length {
        guard i + j < count else { return nil }
        var b = bytes[i + j]
        if b == ByteStream.lost || (b == question && j >= 1) {
          lostByte = true
          j += 1
          // A lost byte ends the sequence early when what follows cannot continue it.
          if i + j < count, !isContinuation(bytes[i + j]), bytes[i + j] != ByteStream.lost { break }
          continue
        }
        // A no-break space (or an 0xA0 continuation byte) that became a space: after Â, inside
        // a three-byte sequence, or after any lead byte when a lower-case letter or another
        // lead byte follows ("Å veices" for "Šveices", "Ð Ñƒ" for "Ру").
        let after = i + j + 1 < count ? bytes[i + j + 1] : 0
        if b == space && !lostByte
          && (lead == 0xC2 || length == 3 || (0x61...0x7A).contains(after)
            || (0xC2...0xF4).contains(after))
        {
          b = 0xA0
          repairs += 1
        }
        guard isContinuation(b) else { return nil }
        value = (value << 6) | UInt32(b & 0x3F)
        j += 1
      }
      if lostByte {
        out.append("\u{FFFD}")
        repairs += 1
        i += j
        continue
      }
      // Overlong or out-of-range forms are not UTF-8.
      switch length {
      case 3 where value < 0x800: return nil
      case 4 where value < 0x10000 || value > 0x10FFFF: return nil
      default: break
      }
      if (0xD800...0xDBFF).contains(value) {
        // CESU-8: a high surrogate must be followed by a three-byte low surrogate.
        guard i + 5 < count, bytes[i + 3] == 0xED, (0xB0...0xBF).contains(bytes[i + 4]),
          isContinuation(bytes[i + 5])
        else { return nil }
        let low = (UInt32(bytes[i + 4] & 0x0F) << 6) | UInt32(bytes[i + 5] & 0x3F) | 0xDC00
        let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        guard let s = Unicode.Scalar(combined) else { return nil }
        out.append(s)
        i += 6
        continue
      }
      guard let scalar = Unicode.Scalar(value) else { return nil }
      out.append(scalar)
      i += length
    }
    return out
  }

  /// After "C3 20": whether the space stood for the 0xA0 of "à" ("às ", "àquele"), so it is
  /// consumed, rather than being a real space after a bare "à".
  private static func consumesSpace(_ after: [UInt16]) -> Bool {
    let letters = after.map { $0 < 0x80 ? Character(Unicode.Scalar(UInt8($0))) : "\u{0}" }
    let text = String(letters)
    if text.hasPrefix(" ") || text.hasPrefix("s ") || text.hasPrefix("s,") || text.hasPrefix("s.")
      || text == "s"
    {
      return true
    }
    return text.hasPrefix("quel") || text.hasPrefix("quil")
  }
}
