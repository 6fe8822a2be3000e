/// Converts toneless Hanyu Pinyin syllables to Wade–Giles, the romanisation of older English
/// texts and of Taiwanese names (Chiang Kai-shek, Hsi Chin-p'ing for Xi Jinping).
///
/// ```swift
/// WadeGiles.syllable("xi")     // "hsi"
/// WadeGiles.syllable("jin")    // "chin"
/// WadeGiles.syllable("ping")   // "p'ing"
/// WadeGiles.syllable("zhou")   // "chou"
/// WadeGiles.syllable("zi")     // "tzu"
/// WadeGiles.syllable("ri")     // "jih"
/// WadeGiles.syllable("guo")    // "kuo"
/// ```
///
/// Initials map b/p → p/p', d/t → t/t', g/k → k/k', j/q/x → ch/ch'/hs, zh/ch/sh/r → ch/ch'/sh/j,
/// z/c/s → ts/ts'/s; the finals -ong → -ung, -ian → -ien, -ie → -ieh, -ue → -üeh, -uo → -o after
/// dentals and labials, -e → -o after velars, and the apical vowel -i → -ih / -u (tzu, tz'u, ssu).
/// A syllable that is not pinyin comes back unchanged.
public enum WadeGiles {
  /// The Wade–Giles spelling of one lower-case toneless pinyin syllable.
  public static func syllable(_ pinyin: String) -> String {
    let s = pinyin.lowercased()
    guard let (initial, final) = split(s) else { return pinyin }
    // Zero-initial syllables.
    if initial.isEmpty {
      switch final {
      case "yi": return "i"
      case "you": return "yu"
      case "yan": return "yen"
      case "ye": return "yeh"
      case "yong": return "yung"
      case "yue": return "yüeh"
      case "yuan": return "yüan"
      case "yun": return "yün"
      case "yu": return "yü"
      case "er": return "erh"
      default: return final
      }
    }
    let apical = ["zh", "ch", "sh", "r"].contains(initial)
    let dentalSibilant = ["z", "c", "s"].contains(initial)
    let palatal = ["j", "q", "x"].contains(initial)
    var wgFinal = final
    if final == "i" && apical {
      wgFinal = "ih"
    } else if final == "i" && dentalSibilant {
      wgFinal = "u"
    } else if palatal && final.hasPrefix("u") {
      wgFinal = "ü" + final.dropFirst()
    } else if final == "ong" {
      wgFinal = "ung"
    } else if final == "iong" {
      wgFinal = "iung"
    } else if final == "ian" {
      wgFinal = "ien"
    } else if final == "ie" {
      wgFinal = "ieh"
    } else if final == "ue" || final == "üe" {
      wgFinal = "üeh"
    } else if final == "uo" && !["g", "k", "h", "sh"].contains(initial) {
      wgFinal = "o"
    } else if final == "e" && ["g", "k", "h"].contains(initial) {
      wgFinal = "o"
    } else if final == "e" && (apical || dentalSibilant) {
      wgFinal = "e"
    } else if final == "ui" {
      wgFinal = "ui"
    }
    let wgInitial: String
    switch initial {
    case "b": wgInitial = "p"
    case "p": wgInitial = "p'"
    case "d": wgInitial = "t"
    case "t": wgInitial = "t'"
    case "g": wgInitial = "k"
    case "k": wgInitial = "k'"
    case "j", "zh": wgInitial = "ch"
    case "q", "ch": wgInitial = "ch'"
    case "x": wgInitial = "hs"
    case "r": wgInitial = "j"
    case "z": wgInitial = final == "i" ? "tz" : "ts"
    case "c": wgInitial = final == "i" ? "tz'" : "ts'"
    case "s": wgInitial = final == "i" ? "ss" : "s"
    default: wgInitial = initial
    }
    return wgInitial + wgFinal
  }

  /// Splits a pinyin syllable into initial and final; nil when it is not pinyin-shaped.
  private static func split(_ s: String) -> (String, String)? {
    guard !s.isEmpty,
      s.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "ü" })
    else { return nil }
    for initial in ["zh", "ch", "sh"] where s.hasPrefix(initial) && s.count > 2 {
      return (initial, String(s.dropFirst(2)))
    }
    guard let first = s.unicodeScalars.first else { return nil }
    if "bpmfdtnlgkhjqxrzcs".unicodeScalars.contains(first), s.count > 1 {
      return (String(first), String(s.dropFirst()))
    }
    return ("", s)
  }
}
