import Foundation

/// The romanisation-independent key of a Korean name: "ko:" + the RR of the family name's
/// Hangul + "." + a coarse phonetic fold of each given-name syllable, dot-separated.
///
/// The fold keeps what every romanisation of a syllable agrees on and drops what they do not:
/// consonants by place (g/k/gh/kh → k, b/p → p, d/t → t, j/ch/tch → j, s/sh → s, r/l → l),
/// vowels by quality (eo/o/u/oo/eu/ou → o; ae/e/ai → e; i/ee/ui/ie → i; a), glides (y, w)
/// and finals (k, p, t, l, n, m, ng). "Byoung", "Byeong", "Byung", "Pyŏng" all fold to "pyong".
///
/// ```swift
/// KoreanNameKey.fold(Array("byoung".utf8))  // "pyong"
/// ```
enum KoreanNameKey {
  /// Folds one syllable spelling (lowercase ASCII letters) into its key form.
  static func fold(_ letters: [UInt8]) -> String {
    let isVowel: (UInt8) -> Bool = { $0 == 0x61 || $0 == 0x65 || $0 == 0x69 || $0 == 0x6F || $0 == 0x75 || $0 == 0x77 || $0 == 0x79 }
    var i = 0
    while i < letters.count && !isVowel(letters[i]) { i += 1 }
    var j = i
    while j < letters.count && isVowel(letters[j]) { j += 1 }
    let onset = Array(letters[0..<i])
    var vowel = Array(letters[i..<j])
    var coda = Array(letters[j...]).filter { isVowel($0) == false }
    // "Choy", "Kay": a trailing glide belongs to the vowel.
    if vowel.count > 1, let last = vowel.last, last == 0x79 || last == 0x77, coda.isEmpty { vowel.removeLast() }
    if coda.first == 0x68 { coda.removeFirst() }  // "Ahn", "Kahng", "Oh"
    var out = foldOnset(onset)
    out += foldVowel(vowel)
    out += foldCoda(coda)
    return out
  }

  /// `foldOnset` as one letter (nil for an empty onset), without building a String.
  static func foldOnsetLetter(_ c: ArraySlice<UInt8>) -> UInt8? {
    guard let first = c.first else { return nil }
    let start = c.startIndex
    if c.count >= 2 && c[start] == 0x63 && c[start + 1] == 0x68 { return 0x6A }  // "ch"
    if c.count >= 3 && c[start] == 0x74 && c[start + 1] == 0x63 && c[start + 2] == 0x68 { return 0x6A }  // "tch"
    if c.count >= 2 && c[start] == 0x74 && c[start + 1] == 0x6A { return 0x6A }  // "tj"
    switch first {
    case 0x67, 0x6B, 0x63, 0x71: return 0x6B
    case 0x62, 0x70, 0x66: return 0x70
    case 0x64, 0x74: return 0x74
    case 0x6A, 0x7A: return 0x6A
    case 0x73, 0x78: return 0x73
    case 0x72, 0x6C: return 0x6C
    default: return first  // n, m, h and any other letter stand for themselves
    }
  }

  /// Appends `foldCoda(c)`'s letters to `out`, without building a String.
  static func appendFoldedCoda(_ c: ArraySlice<UInt8>, to out: inout [UInt8]) {
    guard let first = c.first else { return }
    var k = c.startIndex + 1
    while k < c.endIndex {
      if c[k - 1] == 0x6E && c[k] == 0x67 {
        out.append(0x6E)
        out.append(0x67)
        return
      }
      k += 1
    }
    switch first {
    case 0x6E, 0x6D: out.append(first)
    case 0x6B, 0x67, 0x63, 0x71: out.append(0x6B)
    case 0x62, 0x70: out.append(0x70)
    case 0x6C, 0x72: out.append(0x6C)
    case 0x74, 0x64, 0x73, 0x6A: out.append(0x74)
    default: break
    }
  }

  static func foldOnset(_ c: [UInt8]) -> String {
    guard let first = c.first else { return "" }
    if c.starts(with: Array("ch".utf8)) || c.starts(with: Array("tch".utf8)) || c.starts(with: Array("tj".utf8)) { return "j" }
    switch first {
    case 0x67, 0x6B, 0x63, 0x71: return "k"  // g k c q
    case 0x62, 0x70, 0x66: return "p"  // b p f
    case 0x64, 0x74: return "t"
    case 0x6A, 0x7A: return "j"
    case 0x73, 0x78: return "s"
    case 0x72, 0x6C: return "l"
    case 0x6E: return "n"
    case 0x6D: return "m"
    case 0x68: return "h"
    default: return String(UnicodeScalar(first))
    }
  }

  private static func foldVowel(_ v: [UInt8]) -> String {
    let s = String(decoding: v, as: UTF8.self)
    switch s {
    case "oe", "oi", "we", "wae", "oy", "wai", "oea", "weh": return "we"
    case "ui", "eui", "uy", "eei", "wie", "uee": return "i"
    case "wi", "wee", "wii": return "wi"
    case "wa", "ua", "oa", "wah", "waa": return "wa"
    case "wo", "weo", "uo", "wu", "wuo", "wou", "woo": return "wo"
    default: break
    }
    var glide = ""
    var rest = Substring(s)
    if rest.count > 1, rest.first == "y" {
      glide = "y"
      rest = rest.dropFirst()
    } else if rest.count > 1, rest.first == "w" {
      glide = "w"
      rest = rest.dropFirst()
    }
    let quality: String
    if rest.hasPrefix("ee") || rest.hasPrefix("i") { quality = "i" } else if rest.hasPrefix("eo") || rest.hasPrefix("eu") { quality = "o" } else if rest.hasPrefix("e") || rest.hasPrefix("ae") || rest.hasPrefix("ai") || rest.hasPrefix("ay") { quality = "e" } else if rest.hasPrefix("a") { quality = "a" } else if rest.hasPrefix("o") || rest.hasPrefix("u") { quality = "o" } else if rest == "y" { quality = "i" } else { quality = String(rest) }
    if glide == "y" && quality == "i" { return "i" }
    return glide + quality
  }

  static func foldCoda(_ c: [UInt8]) -> String {
    guard let first = c.first else { return "" }
    for k in 1..<max(c.count, 1) where c[k - 1] == 0x6E && c[k] == 0x67 { return "ng" }  // "ng"
    switch first {
    case 0x6E: return "n"
    case 0x6D: return "m"
    case 0x6B, 0x67, 0x63, 0x71: return "k"
    case 0x62, 0x70: return "p"
    case 0x6C, 0x72: return "l"
    case 0x74, 0x64, 0x73, 0x6A: return "t"
    default: return ""
    }
  }

  /// The key of a name given by its Hangul surname and given-name syllable spellings.
  static func key(surname: UInt32, givenSpellings: [[UInt8]]) -> String {
    var key = "ko:" + String(decoding: KoreanRomanizer.rrSyllable(surname, transliterated: false), as: UTF8.self)
    for spelling in givenSpellings { key += "." + cachedFold(spelling) }
    return key
  }

  /// `fold`, remembered by spelling code (folds are pure, and names reuse few spellings).
  static func cachedFold(_ letters: [UInt8]) -> String {
    guard let code = SpellingCode.encode(letters[...]) else { return fold(letters) }
    foldLock.lock()
    let found = foldCache[code]
    foldLock.unlock()
    if let found { return found }
    let folded = fold(letters)
    foldLock.lock()
    if foldCache.count < maximumCachedFolds { foldCache[code] = folded }
    foldLock.unlock()
    return folded
  }

  private static let foldLock = NSLock()
  nonisolated(unsafe) private static var foldCache: [UInt64: String] = [:]
  /// Bound on the fold cache (spellings are at most 12 letters; real names use a few thousand).
  static let maximumCachedFolds = 1 << 16

  /// The key of a Hangul name (its given syllables folded from their RR spellings).
  static func key(hangul syllables: [UInt32]) -> String? {
    guard let surname = syllables.first else { return nil }
    return key(surname: surname, givenSpellings: syllables.dropFirst().map { KoreanRomanizer.rrSyllable($0, transliterated: false) })
  }
}
