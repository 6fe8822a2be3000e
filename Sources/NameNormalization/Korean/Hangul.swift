/// Hangul syllables and their jamo, by arithmetic on scalars (Unicode §3.12): a precomposed
/// syllable U+AC00…U+D7A3 is `0xAC00 + (initial × 21 + medial) × 28 + final`.
///
/// ```swift
/// Hangul.jamo(of: "용")  // (initial: 11 (ㅇ), medial: 12 (ㅛ), final: 21 (ㅇ))
/// Hangul.compose(initial: 0, medial: 4, final: 21)  // "겅"
/// ```
enum Hangul {
  /// First precomposed syllable, 가.
  static let first: UInt32 = 0xAC00
  /// Number of precomposed syllables (가…힣).
  static let count: UInt32 = 11_172
  static let initialCount = 19
  static let medialCount = 21
  static let finalCount = 28

  /// The jamo indices of a syllable.
  struct Jamo: Hashable, Sendable {
    var initial: Int
    var medial: Int
    /// 0 when the syllable has no final consonant.
    var final: Int
  }

  /// Whether `scalar` is a precomposed Hangul syllable.
  @inline(__always)
  static func isSyllable(_ scalar: UInt32) -> Bool { scalar &- first < count }

  /// The jamo of a precomposed syllable, or nil for any other scalar.
  @inline(__always)
  static func jamo(of scalar: UInt32) -> Jamo? {
    guard isSyllable(scalar) else { return nil }
    let s = Int(scalar - first)
    return Jamo(initial: s / 588, medial: (s % 588) / 28, final: s % 28)
  }

  /// The syllable made of the given jamo indices.
  @inline(__always)
  static func compose(_ jamo: Jamo) -> UInt32 {
    first + UInt32((jamo.initial * 21 + jamo.medial) * 28 + jamo.final)
  }

  /// Compatibility jamo letters used in the lexicons for initials (ㄱ…ㅎ).
  static let initialLetters: [Character] = Array("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
  /// Compatibility jamo letters for medials (ㅏ…ㅣ).
  static let medialLetters: [Character] = Array("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
  /// Compatibility jamo letters for finals; index 0 (no final) is written "-".
  static let finalLetters: [String] = ["-"] + "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ".map(String.init)

  // Revised Romanization (2000) of each jamo, as used for names: no sound changes across
  // syllables, initial ㄹ as "r", a final as its representative sound.
  static let rrInitials = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
  ]
  static let rrMedials = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
  ]
  static let rrFinals = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k",
    "t", "p", "t",
  ]
  /// Letter-by-letter RR of finals ("Seog", "Kab"), a spelling style common in official lists.
  static let rrTransliteratedFinals = [
    "", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt", "lp", "lh", "m",
    "b", "bs", "s", "ss", "ng",
    "j", "ch", "k", "t", "p", "h",
  ]
  // McCune–Reischauer without sound changes between syllables; breves and apostrophes.
  static let mrInitials = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'",
    "p'", "h",
  ]
  static let mrMedials = [
    "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
    "wi", "yu", "ŭ", "ŭi", "i",
  ]
  static let mrFinals = rrFinals
  /// McCune–Reischauer in ASCII (breves and apostrophes dropped): "Chong", "Kwon".
  static let mrAsciiInitials = mrInitials.map { $0.replacingApostrophes() }
  static let mrAsciiMedials = [
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i",
  ]
}

extension Hangul {
  /// The UTF-8 bytes of each jamo table, for building spellings without String operations.
  static let rrInitialBytes = rrInitials.map { Array($0.utf8) }
  static let rrMedialBytes = rrMedials.map { Array($0.utf8) }
  static let rrFinalBytes = rrFinals.map { Array($0.utf8) }
  static let rrTransliteratedFinalBytes = rrTransliteratedFinals.map { Array($0.utf8) }
  static let mrInitialBytes = mrInitials.map { Array($0.utf8) }
  static let mrMedialBytes = mrMedials.map { Array($0.utf8) }
  static let mrAsciiInitialBytes = mrAsciiInitials.map { Array($0.utf8) }
  static let mrAsciiMedialBytes = mrAsciiMedials.map { Array($0.utf8) }

  /// The same tables as `SpellingCode`s.
  static let rrInitialCodes = rrInitials.map(code)
  static let rrMedialCodes = rrMedials.map(code)
  static let rrFinalCodes = rrFinals.map(code)
  static let rrTransliteratedFinalCodes = rrTransliteratedFinals.map(code)
  static let mrAsciiInitialCodes = mrAsciiInitials.map(code)
  static let mrAsciiMedialCodes = mrAsciiMedials.map(code)

  private static func code(_ letters: String) -> UInt64 { SpellingCode.of(letters) ?? 0 }

  /// The RR letters of a syllable as a code ("용" → "yong"); 0 for any other scalar.
  @inline(__always)
  static func rrCode(_ scalar: UInt32, transliterated: Bool = false) -> UInt64 {
    guard let j = jamo(of: scalar) else { return 0 }
    let final = transliterated ? rrTransliteratedFinalCodes[j.final] : rrFinalCodes[j.final]
    return SpellingCode.join(
      SpellingCode.join(rrInitialCodes[j.initial], rrMedialCodes[j.medial]), final)
  }
}

extension String {
  fileprivate func replacingApostrophes() -> String { String(unicodeScalars.filter { $0 != "'" }) }
}
