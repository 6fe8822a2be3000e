/// Normalises the punctuation inside one title part for its language: Chinese and Japanese
/// titles take full-width marks ("消息:俄乌" → "消息：俄乌"), with no spaces around them; other
/// titles take ASCII marks ("Ｗａｒ：" → "War:"), single spaces, and a space after a colon.
///
/// ```swift
/// TitlePunctuation.normalize("消息:俄乌战俘互换名单中未含两名朝军", language: "zh-Hans")
/// // "消息：俄乌战俘互换名单中未含两名朝军"
/// TitlePunctuation.normalize("War  in Ukraine :a review", language: "en")  // "War in Ukraine: a review"
/// ```
enum TitlePunctuation {
  static let toFullWidth: [Unicode.Scalar: Unicode.Scalar] = [
    ":": "：", ",": "，", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
  ]

  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let name = ReferenceFeatures.scriptName(scalar)
    return name == "hani" || name == "kana" || (scalar.value >= 0x3000 && scalar.value < 0x3040)
      || (scalar.value >= 0xFF00 && scalar.value < 0xFF66)
  }

  static func normalize(_ title: String, language: String?) -> String {
    let cjk = language.map { $0.hasPrefix("zh") || $0 == "ja" } ?? false
    let scalars = Array(title.unicodeScalars)
    var out = String.UnicodeScalarView()
    if cjk {
      for (i, scalar) in scalars.enumerated() {
        if ReferenceToken.isSpace(scalar) {
          // Keep a space only between two Latin letters or digits.
          let before = out.last
          let after = scalars[(i + 1)...].first { !ReferenceToken.isSpace($0) }
          if let before, let after, !isCJK(before), !isCJK(after), toFullWidth[before] == nil,
            toFullWidth.values.contains(before) == false,
            toFullWidth[after] == nil
          {
            if out.last.map({ !ReferenceToken.isSpace($0) }) ?? false { out.append(" ") }
          }
          continue
        }
        if var mapped = toFullWidth[scalar] {
          if scalar == ",", language == "ja" { mapped = "、" }
          // A colon between digits (a time, a ratio) stays ASCII.
          let previousIsDigit = out.last.map { $0.properties.numericType != nil } ?? false
          let nextIsDigit = i + 1 < scalars.count && scalars[i + 1].properties.numericType != nil
          if (scalar == ":" || scalar == ",") && previousIsDigit && nextIsDigit {
            out.append(scalar)
          } else {
            while let last = out.last, ReferenceToken.isSpace(last) { out.removeLast() }
            out.append(mapped)
          }
          continue
        }
        out.append(scalar)
      }
      return String(out)
    }
    var pendingSpace = false
    for scalar in scalars {
      var s = scalar
      if s.value >= 0xFF01 && s.value <= 0xFF5E, let ascii = Unicode.Scalar(s.value - 0xFEE0) {
        s = ascii
      }
      if s.value == 0x3000 { s = " " }
      if ReferenceToken.isSpace(s) {
        pendingSpace = !out.isEmpty
        continue
      }
      if s == ":" || s == "," || s == ";" || s == "?" || s == "!" || s == ")" {
        pendingSpace = false
        out.append(s)
        if s == ":" { pendingSpace = true }
        continue
      }
      if pendingSpace { out.append(" ") }
      pendingSpace = false
      out.append(s)
    }
    // "a :b" → "a: b" is done; drop a space that ended up before a closing mark.
    return String(out)
  }
}
