/// Repairs to the tagger's labels for patterns a token-by-token model sees poorly: a
/// translation in square brackets right after a non-Latin title belongs to the title, and a
/// bracketed placeholder after "Retrieved from" / "Available at" stands where the URL goes.
enum ReferenceRules {
  static func repair(tokens: [String], labels: [String]) -> [String] {
    var labels = labels
    let n = tokens.count
    // A web address is a URL, whatever the model says (a doi.org address too, as AnyStyle's
    // data labels it; CSLBuilder reads the DOI out of it).
    for (k, token) in tokens.enumerated() {
      let lowered = token.lowercased()
      guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") else { continue }
      labels[k] = "url"
    }
    var i = 0
    while i < n {
      guard tokens[i].hasPrefix("[") else {
        i += 1
        continue
      }
      // The bracketed run tokens[i...j].
      var j = i
      while j < n, !tokens[j].contains("]") { j += 1 }
      if j >= n { break }
      let inside = tokens[i...j].joined(separator: " ")
      let lowered = inside.lowercased()
      if i > 0, isPlaceholder(lowered), ["note", "url"].contains(labels[i - 1]) || labels[i...j].contains("url") {
        for k in i...j { labels[k] = "url" }
      } else if i > 0, labels[i - 1] == "title", titleHasOtherScript(tokens: tokens, labels: labels, before: i),
        let first = inside.unicodeScalars.dropFirst().first, first.properties.isUppercase
      {
        for k in i...j { labels[k] = "title" }
      }
      i = j + 1
    }
    return labels
  }

  /// Whether bracketed text is a placeholder left by a template or a writer.
  static func isPlaceholder(_ lowered: String) -> Bool {
    lowered.includes("insert") || lowered.includes("url here") || lowered.includes("link here")
      || lowered.includes("[url]") || lowered.includes("[link]") || lowered.includes("tbd") || lowered.includes("todo")
      || lowered.includes("placeholder") || lowered.includes("source url")
  }

  private static func titleHasOtherScript(tokens: [String], labels: [String], before index: Int) -> Bool {
    var k = index - 1
    while k >= 0, labels[k] == "title" {
      for scalar in tokens[k].unicodeScalars where scalar.value >= 0x370 && scalar.properties.isAlphabetic {
        return true
      }
      k -= 1
    }
    return false
  }
}
