/// ICU's Russian-Latin/BGN transform (BGN/PCGN 1947, as ICU 72's `ru_ru_Latn_BGN.txt` writes
/// it) for text in Russian letters, spaces, hyphens and apostrophes: the same output without
/// ICU's transliterator registry, which costs ~140M instructions to load on the first Cyrillic
/// name of a process.
///
/// ```swift
/// RussianBGNRomanizer.romanize("Алексей Навальный")  // "Aleksey Navalʹnyy"
/// RussianBGNRomanizer.romanize("Ельцин")             // "Yelʹtsin"
/// RussianBGNRomanizer.romanize("Шэвар Подъезд")      // "SH·evar Podʺyezd"
/// RussianBGNRomanizer.romanize("Київ")               // nil: і is no Russian letter
/// ```
///
/// The rules run in ICU's two passes. The first reads the Cyrillic context: ы after a vowel is
/// "·y"; э after a consonant other than й is "·e"; е and ё after a vowel, й, ъ or ь are "ye",
/// "yë". The second maps the letters, where е and ё at the start of a word are "ye", "yë"; й
/// and ы before а, у, ы, э are "y·"; тс is "t·s", шч "sh·ch"; and a capital written with two
/// or more letters is in capitals unless a lower-case letter follows ("Zh", "ZH").
enum RussianBGNRomanizer {
  /// The romanisation of `text`, or nil when it holds a character outside the Russian
  /// alphabet (А–Я, Ё, а–я, ё), the space, the hyphen and the apostrophes ' and ’.
  static func romanize(_ text: String) -> String? {
    var source: [Unicode.Scalar] = []
    source.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      guard
        isRussianLetter(scalar) || scalar == " " || scalar == "-" || scalar == "'"
          || scalar == "’"
      else { return nil }
      source.append(scalar)
    }
    return String(String.UnicodeScalarView(secondPass(firstPass(source))))
  }

  private static func isRussianLetter(_ scalar: Unicode.Scalar) -> Bool {
    (0x0410...0x044F).contains(scalar.value) || scalar == "Ё" || scalar == "ё"
  }

  private static func isUpperVowel(_ s: Unicode.Scalar?) -> Bool {
    guard let s else { return false }
    return "АЕЁЭИОУЫЮЯ".unicodeScalars.contains(s)
  }

  private static func isLowerVowel(_ s: Unicode.Scalar?) -> Bool {
    guard let s else { return false }
    return "аеёэиоуыюя".unicodeScalars.contains(s)
  }

  /// ICU's `[:Uppercase:]` on the scalars the passes meet (Russian letters, the Latin letters
  /// of the first pass, the space and marks).
  private static func isUpper(_ s: Unicode.Scalar?) -> Bool {
    guard let v = s?.value else { return false }
    return (0x0410...0x042F).contains(v) || v == 0x0401 || (0x41...0x5A).contains(v) || v == 0xCB
  }

  /// ICU's `[:Lowercase:]` on the same scalars.
  private static func isLower(_ s: Unicode.Scalar?) -> Bool {
    guard let v = s?.value else { return false }
    return (0x0430...0x044F).contains(v) || v == 0x0451 || (0x61...0x7A).contains(v) || v == 0xEB
  }

  /// `[^[:L:][:M:][:N:]]`, nothing (the text's edge) included: anything but a letter (the
  /// primes ʹ ʺ are letters).
  private static func isWordBoundary(_ s: Unicode.Scalar?) -> Bool {
    guard let s else { return true }
    return !(isUpper(s) || isLower(s) || s == "ʹ" || s == "ʺ")
  }

  /// Consonants of the first pass: cased letters other than the vowels.
  private static func isConsonant(_ s: Unicode.Scalar?) -> Bool {
    (isUpper(s) || isLower(s)) && !isUpperVowel(s) && !isLowerVowel(s)
  }

  /// The rules before ICU's `::Null`, which read the Cyrillic before and after a letter; the
  /// context before is the text as already rewritten.
  private static func firstPass(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.count + 8)
    for (index, c) in text.enumerated() {
      let previous = out.last
      let next: Unicode.Scalar? = index + 1 < text.count ? text[index + 1] : nil
      let afterSoftening =
        isUpperVowel(previous) || previous == "Й" || previous == "Ъ" || previous == "Ь"
      let afterAny =
        afterSoftening || isLowerVowel(previous) || previous == "й" || previous == "ъ"
        || previous == "ь"
      var replacement: String?
      switch c {
      case "ы" where isLowerVowel(previous): replacement = "·y"
      case "Ы" where isUpperVowel(previous), "ы" where isUpperVowel(previous):
        replacement = isLower(next) ? "·y" : "·Y"
      case "Э" where isConsonant(previous) && previous != "Й" && previous != "й":
        replacement = "·E"
      case "э" where isConsonant(previous) && previous != "Й" && previous != "й":
        replacement = "·e"
      case "Е" where afterSoftening: replacement = isUpper(next) ? "YE" : "Ye"
      case "е" where afterAny: replacement = "ye"
      case "Ё" where afterSoftening: replacement = isUpper(next) ? "YË" : "Yë"
      case "ё" where afterAny: replacement = "yë"
      default: break
      }
      if let replacement {
        out.append(contentsOf: replacement.unicodeScalars)
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// Letters written with one Latin letter, or the same in both cases.
  private static let single: [Unicode.Scalar: String] = [
    "А": "A", "а": "a", "Б": "B", "б": "b", "В": "V", "в": "v", "Г": "G", "г": "g", "Д": "D",
    "д": "d", "З": "Z", "з": "z", "И": "I", "и": "i", "К": "K", "к": "k", "Л": "L", "л": "l",
    "М": "M", "м": "m", "Н": "N", "н": "n", "О": "O", "о": "o", "П": "P", "п": "p", "Р": "R",
    "р": "r", "С": "S", "с": "s", "Т": "T", "т": "t", "У": "U", "у": "u", "Ф": "F", "ф": "f",
    "Ъ": "ʺ", "ъ": "ʺ", "Ь": "ʹ", "ь": "ʹ", "Э": "E", "э": "e", "ж": "zh", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
  ]

  /// Capitals written with two or more letters: before a lower-case letter, in capitals else.
  private static let digraphCapitals: [Unicode.Scalar: (title: String, upper: String)] = [
    "Ж": ("Zh", "ZH"), "Х": ("Kh", "KH"), "Ц": ("Ts", "TS"), "Ч": ("Ch", "CH"),
    "Ш": ("Sh", "SH"), "Щ": ("Shch", "SHCH"), "Ю": ("Yu", "YU"), "Я": ("Ya", "YA"),
  ]

  /// Pairs written apart with a middle dot, so that they do not read as the digraphs ц and щ.
  private static let separatedPairs: [[Unicode.Scalar]: String] = [
    ["Т", "С"]: "T·S", ["Т", "с"]: "T·s", ["т", "с"]: "t·s",
    ["Ш", "Ч"]: "SH·CH", ["Ш", "ч"]: "Sh·ch", ["ш", "ч"]: "sh·ch",
  ]

  /// The letter rules after ICU's `::Null`; the context before is the Latin already written,
  /// the context after the first pass's text.
  private static func secondPass(_ text: [Unicode.Scalar]) -> String.UnicodeScalarView {
    var out = String.UnicodeScalarView()
    var index = 0
    func at(_ k: Int) -> Unicode.Scalar? { k < text.count ? text[k] : nil }
    while index < text.count {
      let c = text[index]
      let next = at(index + 1)
      let boundary = isWordBoundary(out.last)
      if c == "Т" || c == "т" || c == "Ш" || c == "ш", let next,
        let pair = Self.separatedPairs[[c, next]]
      {
        out.append(contentsOf: pair.unicodeScalars)
        index += 2
        continue
      }
      var replacement: String
      switch c {
      case "Е": replacement = boundary ? (isUpper(next) ? "YE" : "Ye") : "E"
      case "е": replacement = boundary ? "ye" : "e"
      case "Ё":
        let after = next == "·" ? at(index + 2) : next
        replacement = boundary && isUpper(after) ? "YË" : (boundary && isLower(after) ? "Yë" : "Ë")
      case "ё": replacement = boundary ? "yë" : "ë"
      case "Й", "й", "Ы":
        let y = c == "й" ? "y" : "Y"
        replacement = next.map { "АаУуЫыЭэ".unicodeScalars.contains($0) } ?? false ? y + "·" : y
      case "ы":
        replacement = next.map { "ауыэ".unicodeScalars.contains($0) } ?? false ? "y·" : "y"
      default:
        if let forms = digraphCapitals[c] {
          replacement = isLower(next) ? forms.title : forms.upper
        } else if let letters = single[c] {
          replacement = letters
        } else {
          out.append(c)
          index += 1
          continue
        }
      }
      out.append(contentsOf: replacement.unicodeScalars)
      index += 1
    }
    return out
  }
}
