import Foundation

/// Looser forms of a syllable spelling, for reading back idiosyncratic spellings: the
/// loosened spelling ("Ahn" → "an", "Ghil" → "gil") and the consonant skeleton ("s*ng" for
/// 성, 승, 송, 상 …), on byte arrays and on `SpellingCode`s.
///
/// ```swift
/// KoreanNameTables.loosened(Array("kahng".utf8))  // "kang"
/// KoreanNameTables.skeleton(Array("seong".utf8))  // "s*ng"
/// ```
extension KoreanNameTables {
  /// Score (log) of a syllable reached only through its consonant skeleton, added to its prior.
  static let skeletonPenalty = log(0.0003)
  /// Syllables kept per skeleton (most likely first).
  static let skeletonCandidates = 12
  /// Score penalty (log) for reading a spelling only through its loosened form.
  static let loosePenalty = log(0.05)

  @inline(__always)
  static func isVowel(_ b: UInt8) -> Bool {
    b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75
  }

  @inline(__always)
  static func isVowelOrGlide(_ b: UInt8) -> Bool { isVowel(b) || b == 0x77 || b == 0x79 }

  /// The consonant skeleton of a one-syllable spelling: the onset's and coda's classes (as in
  /// the key: g/k → k, j/ch → j, r/l → l …) around "*" for the vowels and glides of its
  /// loosened form; nil when the letters hold two vowel groups or none.
  static func skeleton(_ letters: [UInt8]) -> [UInt8]? {
    let loose = loosened(letters)
    guard let (onset, coda) = skeletonParts(loose[...]) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(4)
    if let onset { out.append(onset) }
    out.append(0x2A)
    out.append(contentsOf: coda)
    return out
  }

  /// `skeleton` as an integer key (never 0): onset letter, folded coda letters, a marker bit.
  static func skeletonCode(_ letters: ArraySlice<UInt8>) -> UInt64? {
    let loose = loosened(Array(letters))
    guard let (onset, coda) = skeletonParts(loose[...]) else { return nil }
    var code = UInt64(1) << 20 | UInt64(onset ?? 0) << 12
    for b in coda { code = code << 8 | UInt64(b) }
    return code
  }

  /// `skeletonCode` of the letters of a spelling code (no allocation).
  static func skeletonCode(_ code: UInt64) -> UInt64? {
    skeletonCode(loosenedCode: loosened(code: code))
  }

  /// `skeletonCode` of a spelling whose loosened code (`loosened(code:)`) is `loose`.
  static func skeletonCode(loosenedCode loose: UInt64) -> UInt64? {
    let n = SpellingCode.length(loose)
    @inline(__always) func at(_ k: Int) -> UInt8 {
      k < n ? SpellingCode.letter(loose, k, length: n) : 0
    }
    var i = 0
    while i < n && !isVowelOrGlide(at(i)) { i += 1 }
    var j = i
    while j < n && isVowelOrGlide(at(j)) { j += 1 }
    guard j > i else { return nil }
    for k in j..<n where isVowelOrGlide(at(k)) { return nil }
    var onset: UInt8 = 0
    if i > 0 {
      let a = at(0)
      let b = i > 1 ? at(1) : 0
      let c = i > 2 ? at(2) : 0
      if (a == 0x63 && b == 0x68) || (a == 0x74 && b == 0x63 && c == 0x68)
        || (a == 0x74 && b == 0x6A)
      {
        onset = 0x6A
      } else {
        switch a {
        case 0x67, 0x6B, 0x63, 0x71: onset = 0x6B
        case 0x62, 0x70, 0x66: onset = 0x70
        case 0x64, 0x74: onset = 0x74
        case 0x6A, 0x7A: onset = 0x6A
        case 0x73, 0x78: onset = 0x73
        case 0x72, 0x6C: onset = 0x6C
        default: onset = a
        }
      }
    }
    var code = UInt64(1) << 20 | UInt64(onset) << 12
    guard j < n else { return code }
    for k in j + 1..<max(n, j + 1) where at(k - 1) == 0x6E && at(k) == 0x67 {
      return (code << 8 | 0x6E) << 8 | 0x67
    }
    switch at(j) {
    case 0x6E, 0x6D: code = code << 8 | UInt64(at(j))
    case 0x6B, 0x67, 0x63, 0x71: code = code << 8 | 0x6B
    case 0x62, 0x70: code = code << 8 | 0x70
    case 0x6C, 0x72: code = code << 8 | 0x6C
    case 0x74, 0x64, 0x73, 0x6A: code = code << 8 | 0x74
    default: break
    }
    return code
  }

  private static func skeletonParts(_ loose: ArraySlice<UInt8>) -> (UInt8?, [UInt8])? {
    var i = loose.startIndex
    while i < loose.endIndex && !isVowelOrGlide(loose[i]) { i += 1 }
    var j = i
    while j < loose.endIndex && isVowelOrGlide(loose[j]) { j += 1 }
    guard j > i, !loose[j...].contains(where: isVowelOrGlide) else { return nil }
    var coda: [UInt8] = []
    KoreanNameKey.appendFoldedCoda(loose[j...], to: &coda)
    return (KoreanNameKey.foldOnsetLetter(loose[..<i]), coda)
  }

  /// A looser form of a spelling for reading back idiosyncratic spellings: "gh", "kh", "sh",
  /// "ph", "rh" lose their "h"; an "h" between a vowel and a consonant or the end goes ("Ahn",
  /// "Ihk", "Kahng", "Eoh"); doubled consonants are single ("Sanng"); "c" not before "h" is "k"
  /// ("Dong-ic"); "iy" and "ie" before a consonant are "i" ("Kiy", "Jie"), and so is "yi" not
  /// after a vowel ("Yim" 임, "Yi-bai" 이배: Korean has no y-glide before ㅣ); "wh" before a
  /// vowel is "hw", the ㅎ with its glide ("Whan" 환, "Whee" 휘, "Whang" 황).
  static func loosened(_ letters: [UInt8]) -> [UInt8] { loosenedWithSources(letters).letters }

  /// `loosened` on a spelling code (no allocation).
  static func loosened(code: UInt64) -> UInt64 {
    let n = SpellingCode.length(code)
    // The letters unpacked once, with one 0 before and four after: letter k is `raw[k + 1]`.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 5) { raw in
      raw.initialize(repeating: 0)
      for k in 0..<n { raw[k + 1] = SpellingCode.letter(code, k, length: n) }
      var out: UInt64 = 0
      for i in 0..<n {
        let b = glideOrder(raw[i], raw[i + 1], raw[i + 2], raw[i + 3])
        let next: UInt8? =
          i + 1 < n ? glideOrder(raw[i + 1], raw[i + 2], raw[i + 3], raw[i + 4]) : nil
        let previous = SpellingCode.last(out)
        let kept = keptLetter(b, previous: previous, next: next)
        if kept != 0 { out = SpellingCode.append(out, kept) }
      }
      return out
    }
  }

  /// The letter `b` stands for, between `a` before it and `c`, `d` after it (0 past either
  /// end), with "wh" before a vowel read as "hw": the ㅎ and its glide ("Whan" is "hwan").
  @inline(__always)
  static func glideOrder(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt8 {
    if b == 0x77 && c == 0x68 && isVowel(d) { return 0x68 }
    if b == 0x68 && a == 0x77 && isVowel(c) { return 0x77 }
    return b
  }

  /// The letter the loosening rules keep for `b` after the kept letter `previous` (0 at the
  /// start), before `next`: `b`, "k" for a "c" not before "h", or 0 when it is dropped.
  @inline(__always)
  private static func keptLetter(_ b: UInt8, previous: UInt8, next: UInt8?) -> UInt8 {
    if b == 0x68 && previous != 0 {  // h
      if previous == 0x67 || previous == 0x6B || previous == 0x73 || previous == 0x70
        || previous == 0x72
      {
        return 0
      }
      if isVowel(previous) && (next == nil || !isVowelOrGlide(next ?? 0)) { return 0 }
    }
    if b == 0x63 && next != 0x68 { return previous != 0x6B ? 0x6B : 0 }  // c → k
    if !isVowelOrGlide(b) && previous == b { return 0 }  // doubled consonant
    if b == 0x79 && previous == 0x69 && (next == nil || !isVowel(next ?? 0)) { return 0 }  // "iy"
    if b == 0x79 && next == 0x69 && !isVowel(previous) { return 0 }  // "yi": Korean has no y+ㅣ
    if b == 0x65 && previous == 0x69 && (next == nil || !isVowel(next ?? 0)) { return 0 }  // "ie"
    return b
  }

  /// `loosened` into `out` (emptied first, capacity kept).
  static func loosened(_ letters: ArraySlice<UInt8>, into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    @inline(__always) func raw(_ k: Int) -> UInt8 {
      k >= letters.startIndex && k < letters.endIndex ? letters[k] : 0
    }
    var i = letters.startIndex
    while i < letters.endIndex {
      let b = glideOrder(raw(i - 1), raw(i), raw(i + 1), raw(i + 2))
      let next: UInt8? =
        i + 1 < letters.endIndex ? glideOrder(raw(i), raw(i + 1), raw(i + 2), raw(i + 3)) : nil
      let kept = keptLetter(b, previous: out.last ?? 0, next: next)
      if kept != 0 { out.append(kept) }
      i += 1
    }
  }

  /// `loosened`, with the index in `letters` each kept letter came from.
  static func loosenedWithSources(_ letters: [UInt8]) -> (letters: [UInt8], sources: [Int]) {
    var out: [UInt8] = []
    var sources: [Int] = []
    out.reserveCapacity(letters.count)
    sources.reserveCapacity(letters.count)
    @inline(__always) func raw(_ k: Int) -> UInt8 { k >= 0 && k < letters.count ? letters[k] : 0 }
    for i in letters.indices {
      let b = glideOrder(raw(i - 1), raw(i), raw(i + 1), raw(i + 2))
      let next: UInt8? =
        i + 1 < letters.count ? glideOrder(raw(i), raw(i + 1), raw(i + 2), raw(i + 3)) : nil
      let kept = keptLetter(b, previous: out.last ?? 0, next: next)
      if kept != 0 {
        out.append(kept)
        sources.append(i)
      }
    }
    return (out, sources)
  }
}
