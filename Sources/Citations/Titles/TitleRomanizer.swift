import ICUSupport

/// Writes a non-Latin title in Latin letters with ICU transforms: Chinese by Han-Latin over
/// the words of ICU's dictionary-based break iterator (so pinyin comes in words, "xiāoxi" not
/// "xiāo xi"), tone marks removed as library catalogues write it; Japanese in kana by
/// Any-Latin over words (not with kanji, which ICU can read only as Mandarin); Korean by ICU's
/// Hangul-Latin (a letter transliteration, not name romanisation); Cyrillic by the BGN/PCGN
/// scheme of the language (Russian, Ukrainian, Bulgarian); Greek by UNGEGN.
///
/// ```swift
/// TitleRomanizer.romanize("消息：俄乌战俘互换名单中未含两名朝军", language: "zh-Hans")
/// // "Xiaoxi: e wu zhanfu huhuan mingdan zhong wei han liang ming chao jun" (words as ICU splits them)
/// TitleRomanizer.romanize("Зеленський відвідав Харків", language: "uk")  // "Zelensʹkyy vidvidav Kharkiv"
/// ```
enum TitleRomanizer {
  static func romanize(_ title: String, language: String?) -> String? {
    guard let language else { return nil }
    let text: String?
    switch language {
    case "zh", "zh-Hans", "zh-Hant":
      text = byWords(title, locale: "zh", transform: "Han-Latin", stripTones: true)
    case "ja":
      // ICU reads kanji only as Mandarin (日本語 would come out "rìběnyǔ", not "nihongo"), so
      // only kana titles are romanised.
      if title.unicodeScalars.contains(where: { $0.properties.isIdeographic }) { return nil }
      text = byWords(title, locale: "ja", transform: "Any-Latin", stripTones: false)
    case "ko": text = transliterate(title, "Hangul-Latin")
    case "ru": text = transliterate(title, "Russian-Latin/BGN")
    case "uk": text = transliterate(title, "Ukrainian-Latin/BGN")
    case "bg": text = transliterate(title, "Bulgarian-Latin/BGN")
    case "be", "sr", "mk": text = transliterate(title, "Cyrillic-Latin")
    case "el": text = transliterate(title, "Greek-Latin/UNGEGN")
    case "ar", "he": text = transliterate(title, "Any-Latin")
    default: return nil
    }
    guard let text, !text.isEmpty else { return nil }
    return capitalizeFirst(Normalizer.nfc(text))
  }

  private static func transliterate(_ text: String, _ id: String) -> String? {
    (try? Transliterator.cached(id))?.transliterate(text)
  }

  private static func byWords(_ title: String, locale: String, transform: String, stripTones: Bool)
    -> String?
  {
    guard let transliterator = try? Transliterator.cached(transform) else { return nil }
    var words: [String] = []
    var attachNext = false
    func append(_ word: String) {
      if attachNext, !words.isEmpty {
        words[words.count - 1] += word
      } else {
        words.append(word)
      }
      attachNext = false
    }
    for segment in TextSegmenter.words(in: title, locale: locale) {
      let raw = String(segment.text)
      switch segment.kind {
      case .ideographic, .kana:
        var latin = transliterator.transliterate(raw)
        latin = String(
          String.UnicodeScalarView(latin.unicodeScalars.filter { !ReferenceToken.isSpace($0) }))
        if stripTones { latin = removeTones(latin) }
        append(latin)
      case .letter, .number:
        append(raw)
      case .none:
        let trimmed = raw.unicodeScalars.filter { !ReferenceToken.isSpace($0) }
        if trimmed.isEmpty { continue }
        let mark = halfWidth(String(String.UnicodeScalarView(trimmed)))
        let opening = mark == "(" || mark == "[" || mark == "\"" && !attachNext && !words.isEmpty
        if opening || words.isEmpty {
          words.append(mark)
          attachNext = true
        } else {
          words[words.count - 1] += mark
          attachNext = mark == "-" || mark == "/" || mark == "·"
        }
      }
    }
    return words.joined(separator: " ")
  }

  static func halfWidth(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "、": out.append(",")
      case "。": out.append(".")
      case "「", "『", "《", "〈", "“": out.append("\"")
      case "」", "』", "》", "〉", "”": out.append("\"")
      default:
        if scalar.value >= 0xFF01 && scalar.value <= 0xFF5E,
          let ascii = Unicode.Scalar(scalar.value - 0xFEE0)
        {
          out.append(ascii)
        } else {
          out.append(scalar)
        }
      }
    }
    return String(out)
  }

  /// Removes pinyin tone marks, keeping ü.
  static func removeTones(_ text: String) -> String {
    let decomposed = Normalizer.normalize(text, form: .nfd)
    let kept = decomposed.unicodeScalars.filter {
      !($0.value >= 0x300 && $0.value <= 0x36F) || $0.value == 0x308
    }
    return Normalizer.nfc(String(String.UnicodeScalarView(kept)))
  }

  static func capitalizeFirst(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, first.properties.isLowercase else { return text }
    return first.properties.uppercaseMapping + String(text.unicodeScalars.dropFirst())
  }
}
