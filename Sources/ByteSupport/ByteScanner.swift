/// Finds the next byte of interest in UTF-8 text, eight bytes at a time where it can (SWAR):
/// a word is skipped at once unless it holds a C0 control (when those are of interest), one of
/// up to four chosen bytes (ASCII or UTF-8 lead bytes, e.g. 0xE2 for U+2000–U+2FFF), or — when
/// more lead bytes are of interest — any lead byte. Continuation bytes are never of interest,
/// so Cyrillic or Han text is skipped as fast as ASCII when only 0xE2 matters.
///
/// ```swift
/// let quotesAndEscapes = ByteScanner { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
/// var text = #"{"text": "Kyiv said \"no\""}"#
/// text.withUTF8 { quotesAndEscapes.next(in: $0, from: 1) }  // 1 (the quote before text)
/// ```
public struct ByteScanner: Sendable {
  @usableFromInline let wordMode: Bool
  @usableFromInline let anyLead: Bool
  @usableFromInline let low: Bool
  /// Up to four bytes of interest, each repeated in all eight lanes; unused slots repeat the first.
  @usableFromInline let value0: UInt64
  @usableFromInline let value1: UInt64
  @usableFromInline let value2: UInt64
  @usableFromInline let value3: UInt64
  @usableFromInline let valueCount: Int
  /// The bytes of interest as a 256-bit set (no array: scanners are shared by threads, and an
  /// array's reference count would be a contended cache line).
  @usableFromInline let interest0: UInt64
  @usableFromInline let interest1: UInt64
  @usableFromInline let interest2: UInt64
  @usableFromInline let interest3: UInt64
  private let interestsInPrintableASCII: Bool

  /// - Parameter isInteresting: the test for lead and ASCII bytes.
  public init(_ isInteresting: (UInt8) -> Bool) {
    var table = [Bool](repeating: false, count: 256)
    for byte in 0..<256 where !(0x80...0xBF).contains(byte) {
      table[byte] = isInteresting(UInt8(byte))
    }
    var interest: [UInt64] = [0, 0, 0, 0]
    for byte in 0..<256 where table[byte] { interest[byte >> 6] |= 1 << UInt64(byte & 63) }
    (interest0, interest1, interest2, interest3) = (
      interest[0], interest[1], interest[2], interest[3]
    )
    interestsInPrintableASCII = (0x20..<0x7F).contains { $0 != 0x60 && $0 != 0x26 && table[$0] }
    low = (0..<0x20).contains { table[$0] }
    let ascii = (0x20..<0x80).filter { table[$0] }
    let leads = (0xC0..<0x100).filter { table[$0] }
    let specific: [Int]
    if ascii.count + leads.count <= 4 {
      specific = ascii + leads
      anyLead = false
    } else {
      specific = ascii
      anyLead = !leads.isEmpty
    }
    wordMode = specific.count <= 4
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lanes = specific.prefix(4).map { ones &* UInt64($0) }
    valueCount = lanes.count
    value0 = lanes.first ?? 0
    value1 = lanes.count > 1 ? lanes[1] : value0
    value2 = lanes.count > 2 ? lanes[2] : value0
    value3 = lanes.count > 3 ? lanes[3] : value0
  }

  /// Whether `byte` is of interest.
  @inlinable @inline(__always)
  public func contains(_ byte: UInt8) -> Bool {
    let word: UInt64
    switch byte >> 6 {
    case 0: word = interest0
    case 1: word = interest1
    case 2: word = interest2
    default: word = interest3
    }
    return word & (1 << UInt64(byte & 63)) != 0
  }

  /// The index of the first interesting byte at or after `start`, or `bytes.count`.
  @inlinable
  public func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    // The common shapes get a loop of their own with the tests decided at compile time:
    // quote, backslash and C0 controls (JSON strings); C0 controls and four bytes (text
    // hygiene); two ASCII bytes (spaces and line feeds).
    switch (wordMode, anyLead, low, valueCount) {
    case (true, false, true, 2):
      return scan(bytes, from: start, wordMode: true, anyLead: false, low: true, valueCount: 2)
    case (true, false, true, 4):
      return scan(bytes, from: start, wordMode: true, anyLead: false, low: true, valueCount: 4)
    case (true, false, false, 2):
      return scan(bytes, from: start, wordMode: true, anyLead: false, low: false, valueCount: 2)
    case (true, false, false, 1):
      return scan(bytes, from: start, wordMode: true, anyLead: false, low: false, valueCount: 1)
    default:
      return scan(
        bytes, from: start, wordMode: wordMode, anyLead: anyLead, low: low, valueCount: valueCount)
    }
  }

  @inlinable @inline(__always)
  func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordMode: Bool, anyLead: Bool, low: Bool,
    valueCount: Int
  ) -> Int {
    var index = start
    let count = bytes.count
    if wordMode, let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let (value0, value1, value2, value3) = (self.value0, self.value1, self.value2, self.value3)
      while index &+ 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Lead bytes are 11xxxxxx: bit 7 and (shifted up) bit 6 set.
        var flags: UInt64 = anyLead ? word & (word << 1) & highs : 0
        if low { flags |= (word &- ones &* 0x20) & ~word & highs }
        if valueCount > 0 {
          let x = word ^ value0
          flags |= (x &- ones) & ~x & highs
        }
        if valueCount > 1 {
          let x = word ^ value1
          flags |= (x &- ones) & ~x & highs
        }
        if valueCount > 2 {
          let x = word ^ value2
          flags |= (x &- ones) & ~x & highs
        }
        if valueCount > 3 {
          let x = word ^ value3
          flags |= (x &- ones) & ~x & highs
        }
        while flags != 0 {
          let candidate = index &+ flags.trailingZeroBitCount >> 3
          if contains(bytes[candidate]) { return candidate }
          flags &= flags &- 1
        }
        index &+= 8
      }
    }
    while index < count {
      if contains(bytes[index]) { return index }
      index &+= 1
    }
    return count
  }
}

extension ByteScanner {
  /// Whether any byte of interest occurs in text with this presence summary.
  public func mayMatch(_ presence: BytePresence) -> Bool {
    if interestsInPrintableASCII { return true }
    let bits = presence.bits
    return (interest0 & bits.0) | (interest1 & bits.1) | (interest2 & bits.2) | (interest3 & bits.3)
      != 0
  }
}

/// Which control, non-ASCII, backtick and "&" bytes occur in a text, found in one pass (words of
/// plain printable ASCII are skipped eight bytes at a time). Lets a cleaner skip every pass
/// that cannot apply. Other printable ASCII is not tracked: `contains` answers true for it, to
/// stay on the safe side.
///
/// ```swift
/// let presence = BytePresence("Kyiv – Seoul")
/// presence.contains(0xE2)  // true (the en dash starts with E2)
/// presence.contains(0x0D)  // false: no carriage return, so the line-break pass has nothing to do
/// ```
public struct BytePresence: Sendable, Equatable {
  /// The 256-bit set of bytes seen.
  public private(set) var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  /// Whether two presence sets hold the same bytes.
  public static func == (lhs: BytePresence, rhs: BytePresence) -> Bool {
    lhs.bits.0 == rhs.bits.0 && lhs.bits.1 == rhs.bits.1 && lhs.bits.2 == rhs.bits.2
      && lhs.bits.3 == rhs.bits.3 && lhs.latin1 == rhs.latin1
      && lhs.generalPunctuation.0 == rhs.generalPunctuation.0
      && lhs.generalPunctuation.1 == rhs.generalPunctuation.1
  }

  /// The scalars U+0080–U+00BF seen (the ones written C2 xx: no-break space, soft hyphen, C1
  /// controls), bit `value - 0x80`.
  public private(set) var latin1: UInt64 = 0
  /// The scalars U+2000–U+207F seen (E2 80 xx and E2 81 xx: spaces, dashes, quotes, bidi and
  /// zero-width controls), bit `value - 0x2000` across the two words. Curly quotes and dashes
  /// are here, so a pass about U+2028 or U+202E need not run on every text that has a "’".
  public private(set) var generalPunctuation: (UInt64, UInt64) = (0, 0)

  /// Scans `text` once.
  public init(_ text: String) {
    var copy = text
    (bits, latin1, generalPunctuation) = copy.withUTF8 { bytes in
      // On the stack, indexed by byte >> 6: words 0-3 the bytes, 4 the C2 scalars, 5-6 the
      // E2 80 and E2 81 scalars. No allocation per text, no captured variable to check.
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 7) { set in
        set.initialize(repeating: 0)
        let count = bytes.count
        /// Notes the byte at `index`.
        @inline(__always) func note(_ index: Int) {
          let byte = bytes[index]
          set[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
        }
        /// Notes the scalar at `index` when it starts with C2 or E2 80 / E2 81.
        @inline(__always) func noteScalar(_ index: Int) {
          let byte = bytes[index]
          guard byte == 0xC2 || byte == 0xE2, index + 1 < count else { return }
          let second = bytes[index + 1]
          if byte == 0xC2 {
            set[4] |= 1 << UInt64(second & 63)
          } else if second & 0xFE == 0x80, index + 2 < count {
            set[5 + Int(second & 1)] |= 1 << UInt64(bytes[index + 2] & 63)
          }
        }
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if let base = bytes.baseAddress {
          let raw = UnsafeRawPointer(base)
          while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let backtick = word ^ (ones &* 0x60)
            let delete = word ^ (ones &* 0x7F)
            let ampersand = word ^ (ones &* 0x26)
            let special =
              (word & highs) | ((word &- ones &* 0x20) & ~word & highs)
              | ((backtick &- ones) & ~backtick & highs) | ((delete &- ones) & ~delete & highs)
              | ((ampersand &- ones) & ~ampersand & highs)
            if special != 0 {
              for offset in 0..<8 { note(index + offset) }
            }
            index += 8
          }
        }
        while index < count {
          note(index)
          index += 1
        }
        // Only a text with a C2 or E2 byte is read again, for the scalars they lead: eight
        // bytes at a time, visiting only the lanes that may hold C2 or E2.
        let leads: UInt64 = 1 << UInt64(0xC2 & 63) | 1 << UInt64(0xE2 & 63)
        guard set[3] & leads != 0 else {
          return ((set[0], set[1], set[2], set[3]), 0, (0, 0))
        }
        index = 0
        if let base = bytes.baseAddress {
          let raw = UnsafeRawPointer(base)
          while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let x = word ^ (ones &* 0xC2)
            let y = word ^ (ones &* 0xE2)
            var flags = ((x &- ones) & ~x | (y &- ones) & ~y) & highs
            while flags != 0 {
              noteScalar(index + flags.trailingZeroBitCount >> 3)
              flags &= flags &- 1
            }
            index += 8
          }
        }
        while index < count {
          noteScalar(index)
          index += 1
        }
        return ((set[0], set[1], set[2], set[3]), set[4], (set[5], set[6]))
      }
    }
  }

  /// Whether `byte` occurs (always true for printable ASCII other than the backtick and "&").
  public func contains(_ byte: UInt8) -> Bool {
    if byte >= 0x20 && byte < 0x7F && byte != 0x60 && byte != 0x26 { return true }
    let word: UInt64
    switch byte >> 6 {
    case 0: word = bits.0
    case 1: word = bits.1
    case 2: word = bits.2
    default: word = bits.3
    }
    return word & (1 << UInt64(byte & 63)) != 0
  }
}
