/// The romanisation-independent key of a Korean name: "ko:" + the RR of the family name's
/// Hangul + "." + a coarse phonetic fold of each given-name syllable, written together, so
/// that where a writer or the parser cut a fused given name does not matter ("Kim Doo-kwan"
/// and "KIM DUKWAN" both give "ko:gim.tokwan"). An "h" starting a later syllable after a final
/// consonant is dropped (ㅎ weakens there: "Kyung-hyup" and "Gyeongh-yeob" give "kyongyop").
///
/// The fold keeps what every romanisation of a syllable agrees on and drops what they do not:
/// consonants by place (g/k/gh/kh → k, b/p → p, d/t → t, j/ch/tch → j, s/sh → s, r/l → l),
/// vowels by quality (eo/o/u/oo/eu/ou → o, but "eo"/"uh", "o", "u"/"oo" apart in an open
/// syllable whose end is firm: 서정 Seo-jeong is not 소정 So-jung; ae/e/ai → e; i/ee/ui/ie → i; a), glides (y, w)
/// and finals (k, p, t, l, n, m, ng); "wh" before a vowel is "hw" ("Whan" is "Hwan"). "Byoung",
/// "Byeong", "Byung", "Pyŏng" all fold to "pyong".
/// Works on bytes throughout: a key costs one string.
///
/// ```swift
/// KoreanNameKey.fold(Array("byoung".utf8))  // "pyong"
/// KoreanNameKey.key(surname: 0xC720 /* 유 */, givenSpellings: [Array("yong".utf8), Array("won".utf8)])
/// // "ko:yu.yongwon"
/// ```
enum KoreanNameKey {
  @inline(__always)
  private static func isVowel(_ b: UInt8) -> Bool {
    b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x77 || b == 0x79
  }

  /// Folds one syllable spelling (lowercase ASCII letters) into its key form, as inside a name
  /// where its end may move ("kyu" → "kyo"; at a firm end `appendFold` keeps open ㅓ/ㅗ/ㅜ apart).
  static func fold(_ letters: [UInt8]) -> String {
    var out: [UInt8] = []
    appendFold(letters[...], cutIsFirm: false, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the fold of one syllable spelling to `out`.
  ///
  /// - Parameter cutIsFirm: whether the syllable's end is where every writer ends it: the end
  ///   of the name, or before a letter no Korean final is written with (j, s, ch, h, a vowel
  ///   …). Only then does an open syllable keep ㅓ, ㅗ and ㅜ apart; before k, n, l … the
  ///   consonant may be this syllable's final for another writer ("Doo-kwan", "DUK-WAN").
  static func appendFold(_ letters: ArraySlice<UInt8>, cutIsFirm: Bool, to out: inout [UInt8]) {
    // "wh" before a vowel is the ㅎ with its glide: "Whan" folds as "Hwan" (환), "Whee" as "Hwi".
    let s = letters.startIndex
    if letters.count >= 3, letters[s] == 0x77, letters[s + 1] == 0x68,
      KoreanNameTables.isVowel(letters[s + 2])
    {
      var glided = Array(letters)
      glided.swapAt(0, 1)
      appendFold(glided[...], cutIsFirm: cutIsFirm, to: &out)
      return
    }
    var i = letters.startIndex
    while i < letters.endIndex && !isVowel(letters[i]) { i += 1 }
    var j = i
    while j < letters.endIndex && isVowel(letters[j]) { j += 1 }
    var vowelEnd = j
    // The coda: the consonants after the vowel group (later vowels are dropped), less a
    // leading "h" ("Ahn", "Kahng", "Oh").
    var codaFirst: UInt8 = 0
    var codaCount = 0
    var codaHasNG = false
    var ngEnd = letters.endIndex
    var previous: UInt8 = 0
    for k in j..<letters.endIndex where !isVowel(letters[k]) {
      let b = letters[k]
      codaCount += 1
      if codaCount == 1 && b == 0x68 {
        continue
      }
      if codaFirst == 0 { codaFirst = b }
      if previous == 0x6E && b == 0x67 && !codaHasNG {
        codaHasNG = true
        ngEnd = k + 1
      }
      previous = b
    }
    // "Choy", "Kay": a trailing glide belongs to the vowel.
    if vowelEnd - i > 1, codaCount == 0,
      letters[vowelEnd - 1] == 0x79 || letters[vowelEnd - 1] == 0x77
    {
      vowelEnd -= 1
    }
    if let onset = foldOnsetLetter(letters[letters.startIndex..<i]) { out.append(onset) }
    appendFoldedVowel(
      letters[i..<vowelEnd], open: cutIsFirm && codaFirst == 0,
      hFinal: codaCount == 1 && codaFirst == 0, to: &out)
    if codaHasNG {
      out.append(0x6E)
      out.append(0x67)
      // A consonant written after the final ng starts the next syllable for every other
      // writer: HONGGEUN cut as "Hongg-eun" keys as "Hong-geun" does ("hongkon"). An "h" there
      // is the weak ㅎ after a final and leaves no trace, as at the start of the next syllable:
      // GYEONGHYEOB cut as "Gyeongh-yeob" keys as "Kyung-hyup" does ("kyongyop").
      var restEnd = ngEnd
      while restEnd < letters.endIndex && !isVowel(letters[restEnd]) { restEnd += 1 }
      if let onset = foldOnsetLetter(letters[ngEnd..<restEnd]), onset != 0x68 { out.append(onset) }
    } else if let letter = codaLetter(codaFirst) {
      out.append(letter)
    }
  }

  /// The onset's letter in the key ("ch", "tch", "tj" → j; g/k/c/q → k; b/p/f → p; d/t → t;
  /// j/z → j; s/x → s; r/l → l; any other letter stands for itself); nil for no onset.
  static func foldOnsetLetter(_ c: ArraySlice<UInt8>) -> UInt8? {
    guard let first = c.first else { return nil }
    let start = c.startIndex
    if c.count >= 2 && c[start] == 0x63 && c[start + 1] == 0x68 { return 0x6A }  // "ch"
    if c.count >= 3 && c[start] == 0x74 && c[start + 1] == 0x63 && c[start + 2] == 0x68 {
      return 0x6A
    }  // "tch"
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

  /// Appends the coda's key letters: "ng" wherever the letters hold it, else by the first
  /// letter (n, m; k/g/c/q → k; b/p → p; l/r → l; t/d/s/j → t; others nothing).
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
    if let letter = codaLetter(first) { out.append(letter) }
  }

  /// The key letter of a coda by its first letter (n, m; k/g/c/q → k; b/p → p; l/r → l;
  /// t/d/s/j → t); nil for a letter that leaves no trace.
  private static func codaLetter(_ first: UInt8) -> UInt8? {
    switch first {
    case 0x6E, 0x6D: return first
    case 0x6B, 0x67, 0x63, 0x71: return 0x6B
    case 0x62, 0x70: return 0x70
    case 0x6C, 0x72: return 0x6C
    case 0x74, 0x64, 0x73, 0x6A: return 0x74
    default: return nil
    }
  }

  /// Vowel groups folded as a whole (diphthongs and their spellings).
  private static let wholeVowels: [(String, String)] = [
    ("oe", "we"), ("oi", "we"), ("we", "we"), ("wae", "we"), ("oy", "we"), ("wai", "we"),
    ("oea", "we"), ("weh", "we"),
    ("ui", "i"), ("eui", "i"), ("uy", "i"), ("eei", "i"), ("wie", "i"), ("uee", "i"),
    ("wi", "wi"), ("wee", "wi"), ("wii", "wi"),
    ("wa", "wa"), ("ua", "wa"), ("oa", "wa"), ("wah", "wa"), ("waa", "wa"),
    ("wo", "wo"), ("weo", "wo"), ("uo", "wo"), ("wu", "wo"), ("wuo", "wo"), ("wou", "wo"),
    ("woo", "wo"),
  ]
  /// `wholeVowels` as spelling codes.
  private static let wholeVowelTable: [(spelling: UInt64, fold: UInt64)] = wholeVowels.map {
    (SpellingCode.of($0.0) ?? 0, SpellingCode.of($0.1) ?? 0)
  }

  /// Appends the fold of a vowel group: a whole diphthong spelling, else an optional glide
  /// (y, w) and the quality of what follows (ee/i → i; eo/eu → o; e/ae/ai/ay → e; a; o/u → o).
  ///
  /// In an open syllable (no final consonant, `open`) the spellings of ㅓ, ㅗ and ㅜ do not
  /// cross: ㅓ is "eo" or "uh" (서 Seo, Suh; 여 Yeo, Yuh), ㅗ is "o" (소 So, 도 Doh), ㅜ is "u",
  /// "oo" or "ou" (수 Soo, Su) — only before a final do writers use "u" and "o" for ㅓ (성 Sung,
  /// Song; 정 Jung, Jong). So there the three stay apart ("eo", "o", "u") and 서정 (Seo-jeong)
  /// no longer shares a key with 소정 (So-jung). `hFinal`: the syllable ends in a silent "h".
  private static func appendFoldedVowel(
    _ v: ArraySlice<UInt8>, open: Bool = false, hFinal: Bool = false, to out: inout [UInt8]
  ) {
    if v.count <= 3, let code = SpellingCode.encode(v),
      let whole = wholeVowelTable.first(where: { $0.spelling == code })
    {
      SpellingCode.append(whole.fold, to: &out)
      return
    }
    var rest = v
    var glide: UInt8 = 0
    if rest.count > 1, rest.first == 0x79 {
      glide = 0x79
      rest = rest.dropFirst()
    } else if rest.count > 1, rest.first == 0x77 {
      glide = 0x77
      rest = rest.dropFirst()
    }
    let a = rest.first ?? 0
    let b = rest.count > 1 ? rest[rest.startIndex + 1] : 0
    let quality: UInt8
    if (a == 0x65 && b == 0x65) || a == 0x69 {
      quality = 0x69
    } else if a == 0x65 && (b == 0x6F || b == 0x75) {
      if open && b == 0x6F {
        if glide != 0 { out.append(glide) }
        out.append(0x65)
        out.append(0x6F)
        return
      }
      quality = 0x6F
    } else if a == 0x65 || (a == 0x61 && (b == 0x65 || b == 0x69 || b == 0x79)) {
      quality = 0x65
    } else if a == 0x61 {
      quality = 0x61
    } else if a == 0x6F || a == 0x75 {
      if open {
        if glide != 0 { out.append(glide) }
        if a == 0x75 && rest.count == 1 && hFinal {
          out.append(0x65)  // "uh": ㅓ
          out.append(0x6F)
        } else {
          out.append(a == 0x6F && rest.count == 1 ? 0x6F : 0x75)
        }
        return
      }
      quality = 0x6F
    } else if rest.count == 1 && a == 0x79 {
      quality = 0x69
    } else {
      if glide != 0 { out.append(glide) }
      out.append(contentsOf: rest)
      return
    }
    if glide == 0x79 && quality == 0x69 {
      out.append(0x69)
      return
    }
    if glide != 0 { out.append(glide) }
    out.append(quality)
  }

  /// The key of a name given by its Hangul surname and given-name syllable spellings.
  static func key(surname: UInt32, givenSpellings: [[UInt8]]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    var letters: [UInt8] = []
    var ends: [Int] = []
    for spelling in givenSpellings {
      letters.append(contentsOf: spelling)
      ends.append(letters.count)
    }
    appendKey(surname: surname, givenLetters: letters, spellingEnds: ends, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the key of a name given by its Hangul surname and given-name syllable spellings,
  /// these being `givenLetters` cut at `spellingEnds` (each spelling's end offset).
  static func appendKey(
    surname: UInt32, givenLetters: [UInt8], spellingEnds: [Int], to bytes: inout [UInt8]
  ) {
    bytes.append(0x6B)  // "ko:"
    bytes.append(0x6F)
    bytes.append(0x3A)
    SpellingCode.append(Hangul.rrCode(surname), to: &bytes)
    if !spellingEnds.isEmpty { bytes.append(0x2E) }
    var start = 0
    for end in spellingEnds {
      let syllableStart = bytes.count
      let next: UInt8 = end < givenLetters.count ? givenLetters[end] : 0
      appendFold(
        givenLetters[start..<end], cutIsFirm: next == 0 || !canStartFinal(next), to: &bytes)
      // ㅎ after a final consonant is weak or silent (경협 is said [경엽]), and writers of fused
      // names cut there both ways ("Gyeonghyeob", "Gyeongh-yeob"): it leaves no trace.
      if start > 0, syllableStart > 0, bytes.count - syllableStart > 1,
        bytes[syllableStart] == 0x68,
        Self.isFinalKeyLetter(bytes[syllableStart - 1])
      {
        bytes.remove(at: syllableStart)
      }
      start = end
    }
  }

  /// Whether `b` starts the written final of a syllable for some writers (k, g, c, q, n, m, l,
  /// r, p, b, t, d): a cut before it may move.
  private static func canStartFinal(_ b: UInt8) -> Bool {
    switch b {
    case 0x6B, 0x67, 0x63, 0x71, 0x6E, 0x6D, 0x6C, 0x72, 0x70, 0x62, 0x74, 0x64: return true
    default: return false
    }
  }

  /// Letters a folded syllable can end in when it has a final consonant (n, m, ng, k, p, l, t).
  private static func isFinalKeyLetter(_ b: UInt8) -> Bool {
    b == 0x6E || b == 0x6D || b == 0x67 || b == 0x6B || b == 0x70 || b == 0x6C || b == 0x74
  }

  /// The key of a Hangul name (its given syllables folded from their RR spellings).
  static func key(hangul syllables: [UInt32]) -> String? {
    guard let surname = syllables.first else { return nil }
    return key(
      surname: surname,
      givenSpellings: syllables.dropFirst().map {
        KoreanRomanizer.rrSyllable($0, transliterated: false)
      })
  }
}
