/// Splits an author or editor field into names: "Okafor, N., Mensah, K. A. & Diallo-Traoré,
/// M.", "Smith AB, Jones CD", "Okafor, Ngozi", "Петренко И.В., Соколов В.О.", "Yonhap News
/// Agency" (an organisation, kept whole as `literal`), "李华，张伟" (full-width commas).
///
/// ```swift
/// NameListParser.parse("Bergk, V., Haefeli, W. E. & Gasse, C. et al.", etAl: ["et al"])
/// // [Bergk / V., Haefeli / W. E., Gasse / C.]
/// NameListParser.parse("Yonhap News Agency.", etAl: [])  // [literal "Yonhap News Agency"]
/// ```
enum NameListParser {
  /// Words that make a name an organisation.
  static let organisationWords: Set<String> = [
    "agency", "news", "ministry", "university", "universität", "université", "università",
    "universidad", "association",
    "institute", "institut", "istituto", "instituto", "organization", "organisation", "committee",
    "department",
    "bank", "office", "council", "corporation", "inc", "ltd", "llc", "press", "service", "times",
    "post", "daily",
    "group", "foundation", "society", "commission", "centre", "center", "government", "bureau",
    "agenzia", "agentur",
    "weekly", "monthly", "quarterly", "gazette", "herald", "tribune", "magazine", "newspaper",
    "dispatch", "wire",
    "company", "network", "television", "radio", "broadcasting", "tass", "ria", "reuters", "yonhap",
    "xinhua",
    "kcna", "nato", "un", "who", "oecd", "federation", "union", "party", "parliament", "court",
    "board", "staff",
    "editors", "team", "project", "consortium", "nations", "world", "national", "international",
    "journal", "media",
    "министерство", "агентство", "институт", "университет", "міністерство", "агентство", "служба",
  ]

  /// - Parameter etAl: the words that close a list of names ("et al", `citation-markers.tsv`),
  ///   dropped with a dot after them.
  static func parse(_ field: String, etAl: [String]) -> [PersonName] {
    var text = field.trimming(" .,;:")
    for prefix in [
      "By ", "by ", "ed. ", "eds. ", "Ed. ", "Eds. ", "edited by ", "Edited by ", "in ", "In ",
      "tr. ", "trans. ",
    ]
    where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count))
    }
    for suffix in [
      " (ed.)", " (eds.)", " (Ed.)", " (Eds.)", " (ed", " (eds", " (Ed", " (Eds", " (Hrsg.)",
      " (Hg.)", " eds", " ed",
    ]
    where text.hasSuffix(suffix) {
      text = String(text.dropLast(suffix.count))
    }
    text = text.trimming(" .,;:()")
    if text.isEmpty { return [] }
    if isOrganisation(text) { return [PersonName(literal: text)] }
    // Unify the separators between names.
    var unified = text
    for conjunction in [
      " & ", " and ", " und ", " et ", " y ", " e ", " и ", " і ", " та ", "·", "、", "，", "；",
    ] {
      unified = unified.replacingAll(conjunction, with: ", ")
    }
    unified = unified.replacingAll(";", with: ",")
    for word in etAl {
      unified = unified.replacingAll(" \(word).", with: "").replacingAll(" \(word)", with: "")
    }
    let pieces = unified.split(separator: ",").map { String($0).trimming(" .") }.filter {
      !$0.isEmpty
    }
    if pieces.isEmpty { return [PersonName(literal: text)] }
    var names: [PersonName] = []
    var i = 0
    // "Family, Given" pairs when the second piece looks like given names.
    // (Not Vancouver "Nakamura T, Ellison GB", where each piece already ends with initials.)
    let vancouver =
      pieces[0].split(separator: " ").count >= 2
      && pieces[0].split(separator: " ").last.map(isInitialBlock) == true
    let pairStyle =
      pieces.count >= 2 && wordCount(pieces[0]) <= 3 && looksGiven(pieces[1])
      && !hasInitials(pieces[0]) && !vancouver
    while i < pieces.count {
      let piece = pieces[i]
      if pairStyle, i + 1 < pieces.count, looksGiven(pieces[i + 1]) {
        names.append(PersonName(family: piece, given: tidyInitials(pieces[i + 1])))
        i += 2
        continue
      }
      names.append(splitSingle(piece))
      i += 1
    }
    return names.map(movingParticles)
  }

  /// Lowercase name particles.
  static let particles: Set<String> = [
    "af", "av", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du",
    "la", "le", "ten", "ter",
    "van", "vom", "von", "zu", "zur",
  ]

  /// Lowercase particles written after the given names ("Certeau, M. de", "Graaf, M. van der")
  /// go back to the family name, where APA and CSL processors print them: "de Certeau, M."
  /// (otherwise they were taken for initials: "Certeau, M. d.").
  static func movingParticles(_ name: PersonName) -> PersonName {
    guard let family = name.family, let given = name.given else { return name }
    var words = given.split(separator: " ").map(String.init)
    var moved: [String] = []
    while words.count > 1, let last = words.last, last.first?.isLowercase == true {
      let bare = last.hasSuffix(".") ? String(last.dropLast()) : last
      guard particles.contains(bare) else { break }
      moved.insert(bare, at: 0)
      words.removeLast()
    }
    if moved.isEmpty { return name }
    return PersonName(
      family: (moved + [family]).joined(separator: " "), given: words.joined(separator: " "))
  }

  static func isOrganisation(_ text: String) -> Bool {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
    if words.contains(where: { organisationWords.contains(String($0)) }) && !hasInitials(text) {
      return true
    }
    // A CJK or Hangul name without spaces is kept whole.
    return false
  }

  private static func wordCount(_ text: String) -> Int { text.split(separator: " ").count }

  /// Initials ("V.", "W. E.", "J.-P.", "AB", "И.В.") or one or two capitalised given names.
  static func looksGiven(_ piece: String) -> Bool {
    let words = piece.split(separator: " ")
    if words.isEmpty || words.count > 3 { return false }
    if hasInitials(piece) || isInitialBlock(piece) { return true }
    return words.count <= 2 && words.allSatisfy { $0.first?.isUppercase == true }
      && !words.contains { organisationWords.contains($0.lowercased()) }
  }

  static func hasInitials(_ text: String) -> Bool {
    text.split(separator: " ").contains { word in
      guard word.contains(".") else { return false }
      var letters = 0
      for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
        letters += 1
        if letters > 2 || !scalar.properties.isUppercase { return false }
      }
      return true
    }
  }

  /// "AB", "JP" (Vancouver initials without points).
  static func isInitialBlock(_ word: some StringProtocol) -> Bool {
    let scalars = word.unicodeScalars
    return !scalars.isEmpty && scalars.count <= 3
      && scalars.allSatisfy { $0.properties.isUppercase }
  }

  private static func tidyInitials(_ given: String) -> String {
    if isInitialBlock(given) { return given.map { "\($0)." }.joined(separator: " ") }
    return given.hasSuffix(".") || !hasInitials(given) && given.count > 1 ? given : given + "."
  }

  /// One name without a comma: "Smith AB", "Петренко И.В.", "Ngozi Okafor", "J. Smith", "김민준".
  static func splitSingle(_ piece: String) -> PersonName {
    let words = piece.split(separator: " ").map(String.init)
    if words.count == 1 {
      return words[0].unicodeScalars.contains { $0.value >= 0x1100 }
        ? PersonName(literal: piece) : PersonName(family: piece, given: nil)
    }
    if let last = words.last, isInitialBlock(last) || hasInitials(last) {
      // Family name first, initials after.
      let initialsStart =
        words.lastIndex { !(isInitialBlock($0) || hasInitials($0)) }.map { $0 + 1 } ?? words.count
      if initialsStart > 0 && initialsStart < words.count {
        return PersonName(
          family: words[..<initialsStart].joined(separator: " "),
          given: tidyInitials(words[initialsStart...].joined(separator: " ")))
      }
    }
    // Given names first, family name last.
    return PersonName(
      family: words[words.count - 1], given: words.dropLast().joined(separator: " "))
  }
}

extension String {
  func trimming(_ characters: String) -> String {
    let set = Set(characters.unicodeScalars)
    var scalars = Substring(self).unicodeScalars
    scalars.trimFirst { set.contains($0) }
    scalars.trimLast { set.contains($0) }
    return String(scalars)
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, includes(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
