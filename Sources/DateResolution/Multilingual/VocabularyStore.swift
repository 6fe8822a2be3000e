import Foundation

/// Builds each language's CLDR vocabulary once, on first use, and shares it between threads.
///
/// The merged vocabulary for a document always carries the unit and direction words of the
/// `mixedTextLanguages` (so a half-translated "23 ore ago" in English text resolves); whole
/// phrases and names come from the document's own language (all of the list when unknown).
final class VocabularyStore: @unchecked Sendable {
  static let shared = VocabularyStore()

  /// Languages whose relative-unit words are recognised in any text.
  static let mixedTextLanguages = [
    "de", "es", "fr", "hr", "id", "it", "ja", "ko", "pt", "ru", "uk", "zh",
  ]

  private let lock = NSLock()
  private var perLanguage: [String: Vocabulary] = [:]
  private var merged: [String: Vocabulary] = [:]

  /// The CLDR vocabulary for a document in `language` (nil: unknown).
  func vocabulary(for language: String?) -> Vocabulary {
    let key = language.map(Self.baseLanguage) ?? "*"
    lock.lock()
    if let cached = merged[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    var result = Vocabulary()
    if key == "*" {
      // Unknown language: every listed language's phrases and units, but only wide month
      // names, read next to a number ("27 maggio", "мая 2025"), and no weekday names
      // (foreign abbreviations such as "set", "sex", "Sen." are English words).
      for lang in Self.mixedTextLanguages {
        var v = single(lang, whole: true)
        v.months = v.months.filter { v.standaloneMonths.contains($0.key) }
        v.triggers.subtract(v.weekdays.keys)
        v.triggers.subtract(single(lang, whole: true).months.keys.filter { v.months[$0] == nil })
        v.weekdays = [:]
        v.standaloneMonths = []
        result.merge(v)
      }
    } else {
      if key != "en" { result.merge(single(key, whole: true)) }
      for lang in Self.mixedTextLanguages where lang != key {
        var unitsOnly = single(lang, whole: true)
        unitsOnly.phrases = PhraseTable()
        unitsOnly.months = [:]
        unitsOnly.standaloneMonths = []
        unitsOnly.weekdays = [:]
        unitsOnly.layouts = key == "en" ? [] : unitsOnly.layouts
        unitsOnly.triggers = unitsOnly.pastPrefixes.firstTokens.union(
          unitsOnly.futurePrefixes.firstTokens)
        result.merge(unitsOnly)
      }
    }
    // Words that are English function words stay out of the foreign trigger set ("in", "a").
    result.triggers.subtract([
      "in", "a", "an", "the", "to", "on", "at", "de", "la", "le", "il", "el",
    ])
    lock.lock()
    merged[key] = result
    lock.unlock()
    return result
  }

  private func single(_ language: String, whole: Bool) -> Vocabulary {
    lock.lock()
    if let v = perLanguage[language] {
      lock.unlock()
      return v
    }
    lock.unlock()
    let v = CLDRVocabulary.build(language: language, wholePhrases: whole)
    lock.lock()
    perLanguage[language] = v
    lock.unlock()
    return v
  }

  /// "it_IT" / "zh-Hans" → "it" / "zh".
  static func baseLanguage(_ tag: String) -> String {
    // Most tags are already a bare lowercase language ("en", "uk"): no split, no copy.
    if tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
    let base = tag.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map(String.init) ?? tag
    return base.lowercased()
  }
}
