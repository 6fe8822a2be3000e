/// Scores how much a string looks like mojibake: character pairs that real text in any language
/// rarely has but UTF-8 read in a single-byte code page produces all the time — an accented
/// capital followed by a Latin-1 symbol ("Ã©"), two code-page symbols in a row ("€œ"), C1
/// controls, IPA and modifier letters, combining marks after punctuation, math symbols inside
/// words ("g√¢teaux").
///
/// The score is a sum over the text (0 for ordinary text in any script); a repair is kept only
/// when it lowers the score clearly.
///
/// ```swift
/// MojibakeBadness.score("cafÃ©")   // > 0
/// MojibakeBadness.score("café")    // 0
/// MojibakeBadness.score("Москва")  // 0
/// ```
public enum MojibakeBadness {
  /// Character classes the score is defined over.
  enum Kind: UInt8 {
    case lowerASCII, upperASCII, digit, space, punct, control
    /// Non-ASCII letters in the Latin script.
    case lowerLatin, upperLatin
    /// Â and Ã, the images of the UTF-8 lead bytes C2 and C3.
    case leadCapital
    case nbsp
    /// U+00A1...U+00BF, ×, ÷: symbols Latin-1 mojibake is made of.
    case latin1Symbol
    /// C1 controls U+0080...U+009F.
    case c1
    /// Code-page punctuation rare in running text: € ‚ „ † ‡ • ‰ ‹ › ˆ ˜ ƒ ˇ ˘ ˙ ˚ ˛ ˝.
    case codePagePunct
    /// ™ — legitimate after a capital, suspicious after a lower-case letter.
    case trademark
    /// ‘ ’ “ ” – — … : common in real text.
    case quote
    /// Cyrillic and Greek letters, with case.
    case lowerCyrillicGreek, upperCyrillicGreek
    /// Œ œ Ÿ: letters from the Windows-1252 range 0x80–0x9F that never follow an accented letter.
    case codePageLetter
    /// Cyrillic letters of the Windows-1251 upper half other than Russian ones (ђ ѓ ѕ ґ …).
    case rareCyrillic
    /// Letters of other scripts (Hebrew, Arabic, Han, Hangul …) and other symbols: neutral.
    case otherLetter
    case mark
    /// Math and box-drawing symbols (√ ∆ ≈ ◊ ╨ ┐): MacRoman and CP437 mojibake.
    case mathOrBox
    /// IPA, spacing modifier letters, private use, unassigned, rare Cyrillic supplements.
    case rare
    case replacement
    case other
  }

  /// The badness of `text`: 0 for ordinary text; each suspicious pair or character adds 1–3.
  public static func score(_ text: String) -> Int {
    score(text.unicodeScalars)
  }

  /// The badness of valid UTF-8 bytes, as `score` of their scalars gives it: a line of Cyrillic
  /// or Greek running text is counted on its bytes (``plainLetterScore(_:)``), any other line
  /// scalar by scalar.
  ///
  /// ```swift
  /// MojibakeBadness.score(utf8: bytesOf("Президент сказав: “Ні”"))  // 0, on the bytes
  /// MojibakeBadness.score(utf8: bytesOf("РџСЂРёРІРµС‚"))               // > 0, scalar by scalar
  /// ```
  static func score(utf8 line: UnsafeBufferPointer<UInt8>) -> Int {
    plainLetterScore(line) ?? score(UTF8Scalars(bytes: line))
  }

  /// The badness of a line made only of ASCII, of Cyrillic and Greek letters (Ђ aside) and of
  /// the quotes, dashes and ellipsis of running text (‘ ’ “ ” – — …), read on its UTF-8 bytes;
  /// nil for a line holding anything else (« », a no-break space, Latin letters), which
  /// ``score(_:)`` reads scalar by scalar. Of the score's rules only two can fire on such a
  /// line, one point each: a lower-case letter before a capital ("кВт", "ΑθΗνα") and a capital
  /// before a Cyrillic letter Russian lacks ("КИЇВ"); letters apart, every scalar of the line
  /// is neutral.
  ///
  /// ```swift
  /// MojibakeBadness.plainLetterScore(bytesOf("Київ — столиця"))  // 0
  /// MojibakeBadness.plainLetterScore(bytesOf("5 кВт"))           // 1
  /// MojibakeBadness.plainLetterScore(bytesOf("«Київ»"))          // nil
  /// ```
  static func plainLetterScore(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    // The kind of the scalar before: 0 neither of the below, 1 lower-case Cyrillic or Greek
    // (`.lowerCyrillicGreek`), 2 capital (`.upperCyrillicGreek`), 3 `.rareCyrillic`.
    var previous = 0
    var total = 0
    var index = 0
    let count = line.count
    while index < count {
      let byte = line[index]
      if byte < 0x80 {
        previous = 0
        index += 1
        continue
      }
      guard index + 1 < count else { return nil }
      let second = line[index + 1]
      let kind: Int
      switch byte {
      case 0xCE, 0xCF, 0xD0, 0xD1:
        // U+0380–U+047F, as `classify` sorts them; Ђ (U+0402) has a rule of its own.
        switch UInt32(byte & 0x1F) << 6 | UInt32(second & 0x3F) {
        case 0x391...0x3A9, 0x386, 0x388...0x38F, 0x410...0x42F, 0x401: kind = 2
        case 0x3AA...0x3CE, 0x3D0...0x3FF, 0x430...0x44F, 0x451: kind = 1
        case 0x400, 0x403...0x40F, 0x450, 0x452...0x45F: kind = 3
        default: return nil
        }
        index += 2
      case 0xE2:
        // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026: `.quote`.
        guard second == 0x80, index + 2 < count else { return nil }
        switch line[index + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: kind = 0
        default: return nil
        }
        index += 3
      default:
        return nil
      }
      if (previous == 1 && kind == 2) || (previous == 2 && kind == 3) { total += 1 }
      previous = kind
    }
    return total
  }

  /// The badness of a sequence of scalars; one pass, no allocation.
  static func score<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
    var total = 0
    // A window of five kinds: k0 k1 [k2] k3 k4, scoring k2 with two kinds of context each side.
    var k0: Kind = .space
    var k1: Kind = .space
    var k2: Kind?
    var k3: Kind?
    var v1: UInt32 = 0x20
    var v2: UInt32 = 0
    var v3: UInt32 = 0
    func visit(_ k4: Kind) {
      guard let kind = k2 else { return }
      let next = k3 ?? .space
      total += single(kind) + pair(k1, kind) + triple(k0, k1, kind)
      // "Ã‰", "AÃ‘OS", "CÃ™IS", "GÃ\u{A0}idhlig": Ã or Â (the images of the UTF-8 lead bytes C2
      // and C3) before a code-page symbol, quote or no-break space — unless it is an
      // apostrophe-s ("Ã’s") or a no-break space before a space.
      if k1 == .leadCapital && (isCodePageSymbol(kind) || kind == .quote || kind == .nbsp) {
        if !(kind == .quote && next == .lowerASCII) { total += 2 }
      }
      // "voilÃ le", "relatifs Ã l’": Ã alone between a word or space and a lower-case word.
      if kind == .leadCapital && v2 == 0xC3 && next == .space && (k4 == .lowerASCII || k4 == .space)
        && (k1 == .space || k1 == .lowerASCII || k1 == .lowerLatin)
      {
        total += 2
      }
      // A no-break space inside a word after an accented letter: "Å\u{A0}koda" (Š is C5 A0).
      if kind == .nbsp && (k1 == .upperLatin || k1 == .lowerLatin)
        && (next == .lowerASCII || next == .lowerLatin)
      {
        total += 2
      }
      // An accented capital, a quote, then a capital: "DOS AÃ‘OS".
      if k1 == .upperLatin && kind == .quote && (next == .upperASCII || next == .upperLatin) {
        total += 1
      }
      // ™ inside a word: "CÃ™IS".
      if kind == .trademark && isLetter(next) && next != .lowerASCII { total += 1 }
      // "вЂ™", "вЂ“": Ђ (0x80 in Windows-1251) before a quote or ™.
      if v2 == 0x402 && (next == .quote || next == .trademark || next == .codePageLetter) {
        total += 2
      }
      // "Å¡", "Ã…Ž": š ž Š Ž after the images of lead bytes C2, C3, C5, E2–E5.
      if (v2 == 0x161 || v2 == 0x17E || v2 == 0x160 || v2 == 0x17D)
        && (v1 == 0xC2 || v1 == 0xC3 || v1 == 0xC5 || (0xE2...0xE5).contains(v1))
      {
        total += 2
      }
    }
    for scalar in scalars {
      let next = classify(scalar.value)
      visit(next)
      if let kind = k2 {
        k0 = k1
        k1 = kind
        v1 = v2
      }
      k2 = k3
      v2 = v3
      k3 = next
      v3 = scalar.value
    }
    visit(.space)
    if let kind = k3 {
      if let previous = k2 {
        k0 = k1
        k1 = previous
        v1 = v2
      }
      k2 = kind
      v2 = v3
      k3 = nil
      visit(.space)
    }
    return total
  }

  @inline(__always)
  private static func single(_ kind: Kind) -> Int {
    switch kind {
    case .c1: return 2
    case .rare: return 3
    default: return 0
    }
  }

  @inline(__always)
  private static func isLetter(_ kind: Kind) -> Bool {
    switch kind {
    case .lowerASCII, .upperASCII, .lowerLatin, .upperLatin, .leadCapital, .codePageLetter,
      .lowerCyrillicGreek, .upperCyrillicGreek, .rareCyrillic,
      .otherLetter:
      return true
    default: return false
    }
  }

  @inline(__always)
  private static func isCodePageSymbol(_ kind: Kind) -> Bool {
    kind == .latin1Symbol || kind == .c1 || kind == .codePagePunct || kind == .trademark
  }

  private static func pair(_ a: Kind, _ b: Kind) -> Int {
    switch (a, b) {
    // "Ã©", "Ð±", "Ä±": an accented or Cyrillic letter, then a code-page symbol.
    case (.lowerLatin, _) where isCodePageSymbol(b) && b != .trademark,
      (.upperLatin, _) where isCodePageSymbol(b) && b != .trademark,
      (.leadCapital, _) where isCodePageSymbol(b) && b != .trademark,
      (.upperCyrillicGreek, _) where isCodePageSymbol(b) && b != .trademark,
      (.lowerCyrillicGreek, _) where isCodePageSymbol(b) && b != .trademark:
      return 2
    // "âœ”", "ZURÃœCK": a lead-byte image, then Œ œ Ÿ (or š ž after â ã ä å Â Ã Å).
    case (.leadCapital, .codePageLetter), (.lowerLatin, .codePageLetter),
      (.upperLatin, .codePageLetter):
      return 2
    // "SlovenÄ\u{FFFD}ina": an accented letter, then a replacement character.
    case (.lowerLatin, .replacement), (.upperLatin, .replacement), (.leadCapital, .replacement):
      return 3
    // "â€™": ™ after a lower-case letter or a symbol.
    case (.lowerLatin, .trademark), (.lowerASCII, .trademark), (.lowerCyrillicGreek, .trademark):
      return 2
    // "€œ", "€™", "Â¢â": two code-page symbols in a row.
    case (_, _) where isCodePageSymbol(a) && (isCodePageSymbol(b) || b == .quote):
      return 1
    case (.quote, _) where isCodePageSymbol(b) && b != .trademark:
      return 1
    // "rÃ©flexion": a lower-case letter, then an accented capital, inside a word.
    case (.lowerASCII, .upperLatin), (.lowerLatin, .upperLatin), (.lowerASCII, .leadCapital),
      (.lowerLatin, .leadCapital):
      return 1
    // "РґРѕ": a Cyrillic capital then a non-Russian Windows-1251 letter.
    case (.upperCyrillicGreek, .rareCyrillic), (.lowerCyrillicGreek, .upperCyrillicGreek):
      return 1
    // "g√¢teaux", "#╨┐╤Ç": math or box drawing touching a letter.
    case (_, .mathOrBox) where isLetter(a), (.mathOrBox, _) where isLetter(b):
      return 1
    case (.mathOrBox, _) where isCodePageSymbol(b):
      return 1
    // A combining mark after a space, digit or symbol.
    case (.space, .mark), (.latin1Symbol, .mark), (.codePagePunct, .mark), (.nbsp, .mark):
      return 2
    case (.digit, .mark), (.punct, .mark):
      return 1
    default:
      return 0
    }
  }

  @inline(__always)
  private static func triple(_ a: Kind, _ b: Kind, _ c: Kind) -> Int {
    // "Zam√≤": a letter, then two math symbols (MacRoman).
    if a != .space && isLetter(a) && b == .mathOrBox && c == .mathOrBox { return 1 }
    // "â€œ", "Ã¢â": a letter followed by two code-page symbols.
    if isCodePageSymbol(b) && isCodePageSymbol(c)
      && (a == .lowerLatin || a == .upperLatin || a == .leadCapital)
    {
      return 1
    }
    return 0
  }

  static func classify(_ v: UInt32) -> Kind {
    switch v {
    case 0x61...0x7A: return .lowerASCII
    case 0x41...0x5A: return .upperASCII
    case 0x30...0x39: return .digit
    case 0x20, 0x09, 0x0A, 0x0D: return .space
    case 0x00...0x1F, 0x7F: return .control
    case 0x21...0x7E: return .punct
    case 0x80...0x9F: return .c1
    case 0xA0: return .nbsp
    case 0xA1...0xBF, 0xD7, 0xF7: return .latin1Symbol
    case 0xC2, 0xC3: return .leadCapital
    case 0xC0...0xDE: return .upperLatin
    case 0xDF...0xFF: return .lowerLatin
    case 0x192, 0x2C6, 0x2C7, 0x2D8...0x2DD: return .codePagePunct
    case 0x152, 0x153, 0x178: return .codePageLetter
    case 0x17F: return .rare
    case 0x100...0x24F:
      guard let s = Unicode.Scalar(v) else { return .other }
      return s.properties.isUppercase ? .upperLatin : .lowerLatin
    case 0x250...0x2FF: return .rare
    case 0x300...0x36F: return .mark
    case 0x391...0x3A9, 0x386, 0x388...0x38F: return .upperCyrillicGreek
    case 0x3AA...0x3CE, 0x3D0...0x3FF: return .lowerCyrillicGreek
    case 0x410...0x42F, 0x401: return .upperCyrillicGreek
    case 0x430...0x44F, 0x451: return .lowerCyrillicGreek
    case 0x400...0x45F: return .rareCyrillic
    case 0x490, 0x491: return .rareCyrillic
    case 0x460...0x4FF: return .rare
    case 0x500...0x52F: return .rare
    case 0x591...0x5C7: return .rare
    case 0x1D00...0x1DBF: return .rare
    case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED: return .mark
    case 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026: return .quote
    case 0x201A, 0x201E, 0x2020, 0x2021, 0x2022, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2044:
      return .codePagePunct
    case 0x2122: return .trademark
    case 0x2116: return .latin1Symbol
    case 0x2200...0x22FF, 0x25CA, 0x2320, 0x2321, 0x2310: return .mathOrBox
    case 0x2500...0x259F, 0x25A0: return .mathOrBox
    case 0xFB01, 0xFB02: return .codePagePunct
    case 0x0E00...0x0E7F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
      return .otherLetter
    case 0x3000...0x303F, 0xFF00...0xFFEF: return .other
    case 0xE000...0xF8FF: return .rare
    case 0xFFFD: return .replacement
    default:
      guard let s = Unicode.Scalar(v) else { return .other }
      let properties = s.properties
      if properties.generalCategory == .unassigned || properties.generalCategory == .privateUse {
        return .rare
      }
      if properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .enclosingMark
      {
        return .mark
      }
      return properties.isAlphabetic ? .otherLetter : .other
    }
  }
}
