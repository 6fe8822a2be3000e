import NormalizeCore

/// Findings about a reference: placeholders, "n.d.", malformed DOIs, dates the article
/// contradicts, and input that is not a usable reference (too long, no letters, unbalanced
/// brackets, right-to-left text the tagger was not trained on).
///
/// ```swift
/// ReferenceChecks.inputFindings("(((").map(\.code)  // ["no-letters", "unbalanced-brackets"]
/// ```
enum ReferenceChecks {
  /// References longer than this (in scalars) are flagged as probably not one reference.
  static let longReference = 2_000

  static func inputFindings(_ reference: String) -> [Finding] {
    var findings: [Finding] = []
    var count = 0
    var letters = 0
    var rtl = 0
    var bidiControls = 0
    // Open round, square and curly brackets not yet closed.
    var open = (0, 0, 0)
    var unbalanced = false
    func close(_ depth: inout Int) {
      if depth == 0 { unbalanced = true } else { depth -= 1 }
    }
    for scalar in reference.unicodeScalars {
      count += 1
      let v = scalar.value
      if v < 0x80 {
        if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { letters += 1 }
        switch v {
        case 0x28: open.0 += 1
        case 0x29: close(&open.0)
        case 0x5B: open.1 += 1
        case 0x5D: close(&open.1)
        case 0x7B: open.2 += 1
        case 0x7D: close(&open.2)
        default: break
        }
        continue
      }
      if scalar.properties.isAlphabetic {
        letters += 1
        if ReferenceFeatures.scriptNumber(scalar) == 6 { rtl += 1 }  // "rtl"
      }
      switch v {
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: bidiControls += 1
      default: break
      }
    }
    if count > longReference {
      findings.append(
        Finding(
          code: "reference-too-long", severity: .warning,
          message:
            "the reference has \(count) characters; it is probably several references or running text (only the first \(ReferenceParser.maximumTokens) words are tagged)"
        ))
    }
    if count > 0 && letters == 0 {
      findings.append(
        Finding(
          code: "no-letters", severity: .warning,
          message: "the reference has no letters; nothing to parse"))
    } else if count == 0 || reference.unicodeScalars.allSatisfy(ReferenceToken.isSpace) {
      findings.append(
        Finding(code: "empty-reference", severity: .warning, message: "the reference is empty"))
    }
    if unbalanced || open.0 > 0 || open.1 > 0 || open.2 > 0 {
      findings.append(
        Finding(
          code: "unbalanced-brackets", severity: .info,
          message: "brackets or parentheses do not pair up; fields may be cut wrongly"))
    }
    if rtl > 0 {
      findings.append(
        Finding(
          code: "right-to-left-text", severity: .info,
          message:
            "the reference has right-to-left text (Hebrew or Arabic script); the tagger was not trained on such references, check its fields"
        ))
    }
    if bidiControls > 0 {
      findings.append(
        Finding(
          code: "bidi-control", severity: .warning,
          message: "\(bidiControls) bidirectional control characters in the reference"))
    }
    return findings
  }

  static func itemFindings(
    _ item: ReferenceItem, reference: String, published: String?, dates: ReferenceDateParser
  ) -> [Finding] {
    var findings: [Finding] = []
    let lowered = reference.lowercased()
    if ReferenceRules.isPlaceholder(lowered) && item.url == nil && !lowered.includes("http") {
      // A placeholder outside the URL slot (the builder reports the one in the URL slot).
      let bracketed =
        lowered.includes("[insert") || lowered.includes("[url") || lowered.includes("[link")
      if bracketed && !reference.includes("Retrieved from [")
        && !reference.includes("Available at [")
      {
        findings.append(
          Finding(
            code: "placeholder", severity: .warning,
            message: "the reference contains a template placeholder"))
      }
    }
    if item.undated {
      findings.append(
        Finding(code: "no-date", severity: .info, message: "the reference has no date (\"n.d.\")"))
    }
    if lowered.hasSuffix("retrieved from") || lowered.hasSuffix("retrieved from:")
      || lowered.hasSuffix("available at")
      || lowered.hasSuffix("available at:") || lowered.hasSuffix("available from")
    {
      findings.append(
        Finding(
          code: "missing-url", severity: .warning,
          message: "\"Retrieved from\" is not followed by a URL"))
    }
    if let doi = item.doi, !isWellFormedDOI(doi) {
      findings.append(
        Finding(
          code: "malformed-doi", severity: .warning,
          message: "\"\(doi)\" is not a DOI (10.<registrant>/<suffix>)"))
    }
    if let issued = item.issued {
      if let month = issued.month, month < 1 || month > 12 {
        findings.append(
          Finding(
            code: "invalid-date", severity: .warning, message: "month \(month) does not exist"))
      } else if let month = issued.month, let day = issued.day,
        day > CivilDate.daysIn(year: issued.year, month: month)
      {
        findings.append(
          Finding(code: "invalid-date", severity: .warning, message: "\(issued.iso) does not exist")
        )
      }
      if let published, let article = dates.parse(published), article < issued,
        !(issued.month == nil && issued.year == article.year),
        !(issued.day == nil && issued.month == article.month && issued.year == article.year)
      {
        findings.append(
          Finding(
            code: "date-after-publication", severity: .warning,
            message: "the reference is dated \(issued.iso), after the article (\(article.iso))"))
      }
    }
    if item.title == nil && item.authors.isEmpty && item.containerTitle == nil {
      findings.append(
        Finding(
          code: "unparsed-reference", severity: .info,
          message: "no title, author or container found"))
    }
    return findings
  }

  /// "10.1000/xyz123": a directory indicator "10.", a registrant code of digits (and dots), a
  /// slash, and a suffix without spaces.
  static func isWellFormedDOI(_ doi: String) -> Bool {
    let scalars = Array(doi.unicodeScalars)
    guard scalars.count >= 6, scalars[0] == "1", scalars[1] == "0", scalars[2] == ".",
      let slash = scalars.firstIndex(of: "/"), slash > 3, slash < scalars.count - 1
    else { return false }
    let registrant = scalars[3..<slash]
    guard registrant.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." }),
      registrant.first.map({ $0 != "." }) ?? false
    else { return false }
    return !scalars[(slash + 1)...].contains(where: ReferenceToken.isSpace)
  }
}
