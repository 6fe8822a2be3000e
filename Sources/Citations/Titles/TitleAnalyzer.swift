import NormalizeCore

/// Reads a reference's title field: splits an original title from its translation in square
/// brackets (or in parentheses, when the parenthesised part is in another script), strips
/// quotes and the closing stop, identifies the language, normalises punctuation for it,
/// romanises non-Latin titles and, when no translation is given, translates from the title
/// glossary if it covers every word.
///
/// ```swift
/// let analyzer = try TitleAnalyzer(lexicons: provider)
/// let (title, findings) = analyzer.analyze(
///   "消息:俄乌战俘互换名单中未含两名朝军 [News: Two North Korean soldiers not included in Russia-Ukraine prisoner exchange list].")
/// title.title       // "消息：俄乌战俘互换名单中未含两名朝军"
/// title.language    // "zh-Hans"
/// title.translated  // "News: Two North Korean soldiers not included in Russia-Ukraine prisoner exchange list"
/// findings          // []
/// ```
struct TitleAnalyzer: Sendable {
  let identifier: TitleLanguage
  let glossary: TitleGlossary

  init(lexicons: any LexiconProvider) throws {
    identifier = try TitleLanguage(lexicons: lexicons)
    glossary = try TitleGlossary(lexicons: lexicons)
  }

  static let openingQuotes: Set<Unicode.Scalar> = [
    "\"", "“", "‘", "«", "„", "‹", "'", "「", "『", "《", "〈", "\u{F0854}",
  ]
  static let closingQuotes: Set<Unicode.Scalar> = [
    "\"", "”", "’", "»", "“", "›", "'", "」", "』", "》", "〉", "\u{F0855}",
  ]

  private static let trailingPunctuation = Set(".,;:/–—-=。，；：、．".unicodeScalars)

  /// Removes surrounding quotes and the punctuation that closes the field.
  static func tidy(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    var changed = true
    while changed {
      changed = false
      // Index walks, not dropLast(): linear in what is trimmed (a title of 10,000 dots).
      if scalars.trimLast(while: { ReferenceToken.isSpace($0) || trailingPunctuation.contains($0) })
      {
        changed = true
      }
      if scalars.trimFirst(while: { ReferenceToken.isSpace($0) }) { changed = true }
      if let first = scalars.first, let last = scalars.last,
        scalars.index(after: scalars.startIndex) < scalars.endIndex,
        openingQuotes.contains(first), closingQuotes.contains(last)
      {
        let inner = scalars.dropFirst().withoutLast
        // Only when the quotes wrap the whole title (no inner closing quote right before more text).
        if !inner.contains(where: { closingQuotes.contains($0) && $0 != "'" && $0 != "’" }) {
          scalars = inner
          changed = true
        }
      } else if let first = scalars.first, openingQuotes.contains(first), first != "'",
        !scalars.dropFirst().contains(where: {
          closingQuotes.contains($0) && $0 != "'" && $0 != "’"
        })
      {
        scalars = scalars.dropFirst()
        changed = true
      } else if let last = scalars.last, closingQuotes.contains(last), last != "'", last != "’",
        !scalars.withoutLast.contains(where: { openingQuotes.contains($0) && $0 != "'" })
      {
        scalars = scalars.withoutLast
        changed = true
      }
    }
    return String(scalars)
  }

  /// Splits "original [translation]" or "original (translation in another script)".
  func splitTranslation(_ text: String) -> (original: String, translation: String?) {
    let scalars = Array(text.unicodeScalars)
    guard let last = scalars.last, last == "]" || last == ")" else { return (text, nil) }
    let open: Unicode.Scalar = last == "]" ? "[" : "("
    var depth = 0
    var index = scalars.count - 1
    while index >= 0 {
      if scalars[index] == last { depth += 1 }
      if scalars[index] == open {
        depth -= 1
        if depth == 0 { break }
      }
      index -= 1
    }
    guard index > 0 else { return (text, nil) }
    let original = Self.tidy(String(String.UnicodeScalarView(scalars[0..<index])))
    let inner = Self.tidy(
      String(String.UnicodeScalarView(scalars[(index + 1)..<(scalars.count - 1)])))
    guard !original.isEmpty, !inner.isEmpty,
      inner.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
    else {
      return (text, nil)
    }
    let originalScript = identifier.identify(original).script
    let innerScript = identifier.identify(inner).script
    if last == ")" && originalScript == innerScript { return (text, nil) }
    if last == "]" && originalScript == "Latn" && innerScript == "Latn" {
      // "[Review of …]", "[Abstract]": a Latin title with a Latin bracket is a translation only
      // when the languages differ.
      let a = identifier.identify(original).language
      let b = identifier.identify(inner).language
      if a == nil || b == nil || a == b { return (text, nil) }
    }
    return (original, inner)
  }

  /// Analyses a title field.
  ///
  /// - Parameters:
  ///   - field: the title as tagged.
  ///   - context: the whole reference, which settles Russian or Ukrainian for a title whose
  ///     letters do not ("Кобзар" in "Шевченко Т. Г. Кобзар. — Київ: Дніпро, 1985.").
  /// - Returns: the analysis and findings about it (no translation available).
  func analyze(_ field: String, context: String? = nil) -> (TitleAnalysis, [Finding]) {
    let tidied = Self.tidy(field)
    let (rawOriginal, translation) = splitTranslation(tidied)
    let original = Self.tidy(rawOriginal)
    var (language, script) = identifier.identify(original)
    // A Cyrillic title without telling letters ("Кобзар") takes the language the rest of the
    // reference shows ("Київ: Дніпро").
    if script == "Cyrl", identifier.cyrillicByLetters(original) == nil, let context,
      let fromContext = identifier.cyrillicByLetters(context)
    {
      language = fromContext
    }
    var analysis = TitleAnalysis(
      title: TitlePunctuation.normalize(original, language: language), language: language,
      script: script)
    if let translation {
      analysis.translated = TitlePunctuation.normalize(translation, language: "en")
    }
    if script != nil && script != "Latn" {
      analysis.romanized = TitleRomanizer.romanize(analysis.title, language: language)
    }
    var findings: [Finding] = []
    if language == "ja" && analysis.romanized == nil {
      findings.append(
        Finding(
          code: "unromanized-title", severity: .info, field: "title",
          message:
            "the Japanese title has kanji, whose readings ICU does not know; add its romanisation by hand if it is needed"
        ))
    }
    if analysis.translated == nil, let language, language != "en" {
      if let english = glossary.translate(analysis.title, language: language) {
        analysis.translated = english
        analysis.translationSource = "glossary"
      } else {
        findings.append(
          Finding(
            code: "untranslated-title", severity: .info, field: "title",
            message:
              "the \(language) title has no English translation and the title glossary does not cover every word"
          ))
      }
    }
    return (analysis, findings)
  }
}
