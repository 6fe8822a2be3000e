/// Ukraine's national romanisation (Cabinet of Ministers resolution No. 55 of 27 January 2010),
/// the system of Ukrainian passports and road signs, which ICU 72 does not have.
///
/// ```swift
/// UkrainianNationalRomanizer.romanize("Володимир Зеленський")  // "Volodymyr Zelenskyi"
/// UkrainianNationalRomanizer.romanize("Київ")                   // "Kyiv"
/// UkrainianNationalRomanizer.romanize("Андрій Сибіга")          // "Andrii Sybiha"
/// UkrainianNationalRomanizer.romanize("Згурський")              // "Zghurskyi"
/// UkrainianNationalRomanizer.romanize("Юлія")                   // "Yuliia"
/// ```
///
/// The rules: Є, Ї, Й, Ю, Я are written ye, yi, y, yu, ya at the start of a word and ie, i, i,
/// iu, ia elsewhere; зг is zgh (to keep it apart from ж = zh); the soft sign and the apostrophe
/// are dropped. Capitals follow the source (first letter only for a multi-letter value, unless
/// the next letter is a capital too). Other characters pass through unchanged.
public enum UkrainianNationalRomanizer {
  /// Romanises every Ukrainian word in `text`.
  public static func romanize(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    for index in scalars.indices {
      let scalar = scalars[index]
      let lower = lowercase(scalar)
      let isApostrophe = scalar == "'" || scalar == "’" || scalar == "ʼ"
      let betweenLetters = index > 0 && (0x0400...0x04FF).contains(scalars[index - 1].value)
      guard let entry = table[lower.value], !isApostrophe || betweenLetters else {
        out.append(scalar)
        continue
      }
      let atWordStart = index == 0 || !isCyrillicLetter(scalars[index - 1])
      var value = atWordStart ? entry.initial : entry.medial
      if lower == "г", index > 0, lowercase(scalars[index - 1]) == "з" { value = "gh" }
      if value.isEmpty { continue }
      if lower != scalar {  // capital
        let nextIsCapital =
          index + 1 < scalars.count && isCyrillicLetter(scalars[index + 1])
          && lowercase(scalars[index + 1]) != scalars[index + 1]
        value =
          nextIsCapital ? value.uppercased() : value.prefix(1).uppercased() + value.dropFirst()
      }
      out.append(contentsOf: value.unicodeScalars)
    }
    return String(out)
  }

  /// Whether `text` has a letter only Ukrainian uses among the Cyrillic alphabets (і ї є ґ).
  public static func hasUkrainianLetters(_ text: String) -> Bool {
    text.unicodeScalars.contains { "іїєґІЇЄҐ".unicodeScalars.contains($0) }
  }

  private struct Letter {
    let initial: String
    let medial: String
  }

  private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v >= 0x0410 && v <= 0x042F { return Unicode.Scalar(v + 0x20) ?? scalar }
    if v >= 0x0400 && v <= 0x040F { return Unicode.Scalar(v + 0x50) ?? scalar }
    if v == 0x0490 { return "ґ" }
    return scalar
  }

  private static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
    (0x0400...0x04FF).contains(scalar.value) || scalar == "'" || scalar == "’" || scalar == "ʼ"
  }

  private static let table: [UInt32: Letter] = {
    let same: [(Character, String)] = [
      ("а", "a"), ("б", "b"), ("в", "v"), ("г", "h"), ("ґ", "g"), ("д", "d"), ("е", "e"),
      ("ж", "zh"),
      ("з", "z"), ("и", "y"), ("і", "i"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"),
      ("о", "o"),
      ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"),
      ("ц", "ts"),
      ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ь", ""), ("'", ""), ("’", ""), ("ʼ", ""),
    ]
    let positional: [(Character, String, String)] = [
      ("є", "ye", "ie"), ("ї", "yi", "i"), ("й", "y", "i"), ("ю", "yu", "iu"), ("я", "ya", "ia"),
    ]
    var table: [UInt32: Letter] = [:]
    for (letter, value) in same {
      if let scalar = letter.unicodeScalars.first {
        table[scalar.value] = Letter(initial: value, medial: value)
      }
    }
    for (letter, initial, medial) in positional {
      if let scalar = letter.unicodeScalars.first {
        table[scalar.value] = Letter(initial: initial, medial: medial)
      }
    }
    return table
  }()
}
