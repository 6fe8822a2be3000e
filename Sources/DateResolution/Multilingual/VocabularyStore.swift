import Foundation

/// Builds each language's CLDR vocabulary once, on first use, and shares it between threads.
///
/// The merged vocabulary for a document always carries the unit and direction words of the
/// `mixedTextLanguages` (so a half-translated "23 ore ago" in English text resolves); whole
/// phrases and names come from the document's own language (all of the list when unknown).
final class VocabularyStore: Sendable {
  static let shared = VocabularyStore()

  /// Languages whose relative-unit words are recognised in any text.
  static let mixedTextLanguages = [
    "de", "es", "fr", "hr", "id", "it", "ja", "ko", "pt", "ru", "uk", "zh",
  ]

  private let perLanguage = BuildOnceMap<String, Vocabulary>()
  private let merged = BuildOnceMap<String, Vocabulary>()
  private let parts = BuildOnceMap<PartKey, Vocabulary>()

  /// The CLDR vocabulary for a document in `language` (nil: unknown).
  func vocabulary(for language: String?) -> Vocabulary {
    let key = language.map(Self.baseLanguage) ?? "*"
    return merged.value(key) { build(key) }
  }

  /// The merged vocabulary for the language key "de", "zh" or "*" (unknown).
  private func build(_ key: String) -> Vocabulary {
    var result = Vocabulary()
    if key == "*" {
      // Unknown language: every listed language's phrases and units, but only wide month
      // names, read next to a number ("27 maggio", "мая 2025"), and no weekday names
      // (foreign abbreviations such as "set", "sex", "Sen." are English words).
      for lang in Self.mixedTextLanguages {
        var v = single(lang)
        v.months = v.months.filter { v.standaloneMonths.contains($0.key) }
        v.triggers.subtract(v.weekdays.keys)
        v.triggers.subtract(single(lang).months.keys.filter { v.months[$0] == nil })
        v.weekdays = [:]
        v.standaloneMonths = []
        result.merge(v)
      }
    } else {
      if key != "en" { result.merge(single(key)) }
      for lang in Self.mixedTextLanguages where lang != key {
        // Other languages lend their unit and direction words (and, but to English, their
        // date layouts), with the direction prefixes as their only triggers: no names or
        // whole phrases, so their calendar symbols are never opened for them.
        var unitsOnly = part(lang, .numericPhrases)
        if key != "en" { unitsOnly.merge(part(lang, .layouts)) }
        unitsOnly.triggers = unitsOnly.pastPrefixes.firstTokens.union(
          unitsOnly.futurePrefixes.firstTokens)
        result.merge(unitsOnly)
      }
    }
    // Words that are English function words stay out of the foreign trigger set ("in", "a").
    result.triggers.subtract([
      "in", "a", "an", "the", "to", "on", "at", "de", "la", "le", "il", "el",
    ])
    return result
  }

  /// The whole CLDR vocabulary of `language`, merged from its parts (`part(_:_:)`).
  private func single(_ language: String) -> Vocabulary {
    perLanguage.value(language) {
      var v = Vocabulary()
      for p: CLDRVocabulary.Parts in [.names, .numericPhrases, .wholePhrases, .layouts] {
        v.merge(part(language, p))
      }
      return v
    }
  }

  /// One part of the CLDR vocabulary of `language` (`CLDRVocabulary.Parts`), built once: the
  /// parts a text in another language reads are all it pays for.
  private func part(_ language: String, _ part: CLDRVocabulary.Parts) -> Vocabulary {
    parts.value(PartKey(language: language, part: part.rawValue)) {
      CLDRVocabulary.build(language: language, parts: part)
    }
  }

  private struct PartKey: Hashable {
    let language: String
    let part: UInt8
  }

  /// "it_IT" / "zh-Hans" → "it" / "zh".
  static func baseLanguage(_ tag: String) -> String {
    // Most tags are already a bare lowercase language ("en", "uk"): no split, no copy.
    if tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
    let base = tag.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map(String.init) ?? tag
    return base.lowercased()
  }
}
