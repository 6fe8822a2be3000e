import ICUSupport

/// A matching key for a Latin-script name that unifies the spellings different romanisation
/// schemes and languages give one name, so that variants collide without a lexicon entry.
///
/// ```swift
/// NameFoldKey.key("Zelenskyy")          // "zelensky"
/// NameFoldKey.key("Zelenskiy")          // "zelensky"  (Russian BGN)
/// NameFoldKey.key("Zelenskij")          // "zelensky"  (scholarly)
/// NameFoldKey.key("Zelenskyi")          // "zelensky"  (Ukrainian national 2010)
/// NameFoldKey.key("Andrii Sybiha")      // "andry sybiha"
/// NameFoldKey.key("Andriy Sybiha")      // "andry sybiha"
/// NameFoldKey.key("Ōno"), NameFoldKey.key("Ohno"), NameFoldKey.key("Ono")   // all "ono"
/// NameFoldKey.key("Wołodymyr Żełenski") // "volodymyr zelensky"
/// ```
///
/// What it folds, per token, in this order: case; letters with a scheme-specific digraph
/// (ž → zh, š → sh, č/ć → ch, ł → l, ß → ss, æ → ae); diacritics; apostrophes and soft-sign
/// primes; x → ks; w → v; j as a glide (Sergej, Andrij, Jurij) → y; i/j before a vowel after a
/// consonant (Iakiv, Mariia, Oleksiyovych) and at the start of a word (Julia) → y; iya → ya
/// (Yuliya); the adjectival endings -iy, -yy, -ij, -yj, -ii, -yi, Polish -ski/-cki → -y/-sky,
/// and a final -ei/-ai/-oi → -ey/-ay/-oy (Sergei, Nikolai); doubled letters; and the long-vowel spellings of Hepburn
/// (oh before a consonant, ou, oo, uu). What it cannot fold (Kiev/Kyiv, Kharkov/Kharkiv,
/// AndKronos/Adnkronos) is for the alias lexicon. Tokens are joined by one space; hyphens and
/// spaces inside a token vanish ("Jong-un" and "Jongun" fold alike).
public enum NameFoldKey {
  /// The key of a whole name: tokens split on spaces, folded, joined by one space.
  public static func key(_ name: some StringProtocol) -> String {
    if let key = name.utf8.withContiguousStorageIfAvailable(asciiKey) ?? nil { return key }
    return keyOfCharacters(name)
  }

  /// `key` taken on the name's characters, as any name may be (`asciiKey` is the same for
  /// the names it takes).
  static func keyOfCharacters(_ name: some StringProtocol) -> String {
    var out: [String] = []
    for token in name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," })
    {
      let folded = foldToken(token)
      if !folded.isEmpty { out.append(folded) }
    }
    return out.joined(separator: " ")
  }

  /// `key` of a name written in ASCII without a carriage return, on its bytes ("Thad Cochran"
  /// → "thad cochran"); nil for any other name. There every character is one byte (CR LF is
  /// the one character of two ASCII scalars), so splitting the bytes is splitting the
  /// characters, and a token's letters are its ASCII letters lower-cased, as in `foldToken`.
  static func asciiKey(_ name: UnsafeBufferPointer<UInt8>) -> String? {
    for byte in name where byte >= 0x80 || byte == 0x0D { return nil }
    var key = ""
    var letters: [UInt8] = []
    letters.reserveCapacity(name.count + 4)
    var index = 0
    while index <= name.count {
      let byte: UInt8 = index < name.count ? name[index] : 0x20
      index += 1
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x2C {
        // The end of a token (an empty one folds to nothing and is left out).
        guard !letters.isEmpty else { continue }
        let folded = applyRules(letters)
        letters.removeAll(keepingCapacity: true)
        if folded.isEmpty { continue }
        if !key.isEmpty { key += " " }
        key += folded
      } else if byte >= 0x41 && byte <= 0x5A {
        letters.append(byte | 0x20)
      } else if byte >= 0x61 && byte <= 0x7A {
        letters.append(byte)
      }
    }
    return key
  }

  /// The key of one token (hyphens removed).
  public static func foldToken(_ token: some StringProtocol) -> String {
    var letters: [UInt8] = []
    letters.reserveCapacity(token.utf8.count + 4)
    var isASCII = true
    for byte in token.utf8 {
      if byte >= 0x80 {
        isASCII = false
        break
      }
      if byte >= 0x41 && byte <= 0x5A {
        letters.append(byte | 0x20)
      } else if byte >= 0x61 && byte <= 0x7A {
        letters.append(byte)
      }
    }
    if !isASCII {
      letters.removeAll(keepingCapacity: true)
      for scalar in String(token).lowercased().unicodeScalars { appendFolded(scalar, to: &letters) }
    }
    return applyRules(letters)
  }

  // MARK: - Letters

  private static func appendFolded(_ scalar: Unicode.Scalar, to letters: inout [UInt8]) {
    let value = scalar.value
    if value >= 0x61 && value <= 0x7A {
      letters.append(UInt8(value))
      return
    }
    if value < 0x80 { return }  // digits, hyphens, apostrophes, punctuation
    if let digraph = digraphs[value] {
      letters.append(contentsOf: digraph.utf8)
      return
    }
    // Strip diacritics through the canonical decomposition: keep base letters a–z.
    for part in Normalizer.normalize(String(scalar), form: .nfd).utf8
    where part >= 0x61 && part <= 0x7A {
      letters.append(part)
    }
  }

  /// Letters whose romanisations spell them with two letters (Czech, Polish, Croatian, German, Nordic).
  private static let digraphs: [UInt32: String] = [
    0x017E: "zh", 0x017C: "zh", 0x017A: "z", 0x0161: "sh", 0x015B: "s", 0x010D: "ch", 0x0107: "ch",
    0x0142: "l", 0x0111: "d", 0x00F8: "o", 0x00E6: "ae", 0x0153: "oe", 0x00DF: "ss", 0x0131: "i",
    0x00FE: "th", 0x00F0: "d",
  ]

  // MARK: - Rules

  /// ASCII letters as bytes.
  private enum L {
    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"),
      o = UInt8(ascii: "o")
    static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), j = UInt8(ascii: "j"),
      k = UInt8(ascii: "k")
    static let s = UInt8(ascii: "s"), c = UInt8(ascii: "c"), h = UInt8(ascii: "h"),
      d = UInt8(ascii: "d")
    static let v = UInt8(ascii: "v"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
  }

  private static func isVowel(_ letter: UInt8) -> Bool {
    switch letter {
    case L.a, L.e, L.i, L.o, L.u, L.y: return true
    default: return false
    }
  }

  /// The rules below on the letters of one token, as its key: in two scratch buffers on the
  /// stack, one pass each (no array per pass).
  private static func applyRules(_ input: [UInt8]) -> String {
    let capacity = 2 * input.count + 4
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { first in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { second in
        applyRules(input, first, second)
      }
    }
  }

  private static func applyRules(
    _ input: [UInt8], _ s: UnsafeMutableBufferPointer<UInt8>,
    _ glided: UnsafeMutableBufferPointer<UInt8>
  ) -> String {
    // x → ks, w → v.
    var count = 0
    for letter in input {
      switch letter {
      case L.x:
        s[count] = L.k
        s[count + 1] = L.s
        count += 2
      case L.w:
        s[count] = L.v
        count += 1
      default:
        s[count] = letter
        count += 1
      }
    }
    // Glides: j after a vowel or at the end (Sergej, Andrij) and i/j before a vowel after a
    // consonant or at the start (Iakiv, Mariia, Jurij) → y.
    for index in 0..<count where s[index] == L.j || s[index] == L.i {
      let previous: UInt8? = index > 0 ? s[index - 1] : nil
      let next: UInt8? = index + 1 < count ? s[index + 1] : nil
      if s[index] == L.j {
        if previous == nil, let next, isVowel(next) {
          s[index] = L.y
        }  // Julia, Jurij
        else if let previous, isVowel(previous), next.map({ !isVowel($0) }) ?? true {
          s[index] = L.y
        } else if let next, isVowel(next), next != L.i && next != L.y,
          previous.map({ !isVowel($0) }) ?? false, previous != L.d
        {
          s[index] = L.y  // Fjodor, Natalja; not "dj"
        }
      } else if let next, next == L.a || next == L.e || next == L.o || next == L.u {
        if previous == nil || (previous.map({ !isVowel($0) }) ?? false) || previous == L.i {
          s[index] = L.y
        }
      }
    }
    // "iya", "iyu" (Yuliya, Mariya) → "ya", "yu".
    var g = 0
    for index in 0..<count {
      let letter = s[index]
      if letter == L.i, index + 2 < count, s[index + 1] == L.y, isVowel(s[index + 2]),
        s[index + 2] != L.y, index > 0
      {
        continue
      }
      glided[g] = letter
      g += 1
    }
    // Adjectival endings.
    if g >= 5 {
      let last2 = (glided[g - 2], glided[g - 1])
      switch last2 {
      case (L.i, L.y), (L.y, L.y), (L.i, L.j), (L.y, L.j), (L.i, L.i), (L.y, L.i):
        g -= 2
        glided[g] = L.y
        g += 1
      case (L.k, L.i) where glided[g - 3] == L.s || glided[g - 3] == L.c:
        glided[g - 1] = L.y
      case (L.e, L.i), (L.a, L.i), (L.o, L.i):  // Sergei, Nikolai → Sergey, Nikolay
        glided[g - 1] = L.y
      default: break
      }
    }
    // Doubled letters, then Hepburn long vowels: ou → o, oh before a consonant or the end → o.
    // Written into `s`, which is no longer read.
    var out = 0
    for index in 0..<g {
      let letter = glided[index]
      if out > 0 {
        let previous = s[out - 1]
        if previous == letter { continue }
        if previous == L.o && letter == L.u && index > 1 && !isVowel(glided[index - 2]) {
          continue
        }
        if previous == L.o && letter == L.h && (index + 1 == g || !isVowel(glided[index + 1])) {
          continue
        }
      }
      s[out] = letter
      out += 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: s[0..<out]), as: UTF8.self)
  }
}
