/// Renders a `ReferenceItem` in APA 7 style, as plain text (no italics): authors, date in
/// parentheses, title (original; its romanisation in parentheses when the script is not
/// Latin; the English translation in square brackets), container with volume(issue) and pages,
/// publisher, then the DOI as https://doi.org/… or the URL.
///
/// ```swift
/// APARenderer.render(item)
/// // "Yonhap News Agency. (2025, May 27). 消息：俄乌战俘互换名单中未含两名朝军 (Xiaoxi: …) [News: Two North Korean soldiers …]."
/// ```
enum APARenderer {
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]

  static func render(_ item: ReferenceItem) -> String {
    var parts: [String] = []
    let authors = names(item.authors)
    if !authors.isEmpty {
      parts.append(ended(authors))
    } else if !item.editors.isEmpty {
      parts.append(ended(names(item.editors) + (item.editors.count > 1 ? " (Eds.)" : " (Ed.)")))
    }
    parts.append("(\(date(item))).")
    var titlePart = ""
    if let title = item.title {
      titlePart = title.title
      if let romanized = title.romanized, romanized != title.title { titlePart += " (\(romanized))" }
      if let translated = title.translated { titlePart += " [\(translated)]" }
      if item.type == "book", let edition = item.edition { titlePart += " (\(edition) ed.)" }
      parts.append(ended(titlePart))
    }
    if let container = item.containerTitle {
      var text = container
      if item.type == "chapter" {
        var lead = "In "
        if !item.editors.isEmpty && !authors.isEmpty {
          lead += names(item.editors, initialsFirst: true) + (item.editors.count > 1 ? " (Eds.), " : " (Ed.), ")
        }
        text = lead + container
        if let page = item.page { text += " (pp. \(page))" }
      } else {
        if let volume = item.volume {
          text += ", \(volume)"
          if let issue = item.issue { text += "(\(issue))" }
        } else if let issue = item.issue {
          text += ", (\(issue))"
        }
        if let page = item.page { text += ", \(page)" }
      }
      parts.append(ended(text))
    }
    if let publisher = item.publisher, publisher != authors {
      parts.append(ended(publisher))
    }
    if let doi = item.doi {
      parts.append("https://doi.org/" + doi)
    } else if let url = item.url {
      parts.append(url)
    }
    return parts.joined(separator: " ")
  }

  private static func date(_ item: ReferenceItem) -> String {
    guard let issued = item.issued else { return "n.d." }
    var text = String(issued.year)
    if let month = issued.month, month >= 1, month <= 12 {
      text += ", " + monthNames[month - 1]
      if let day = issued.day { text += " \(day)" }
    }
    return text
  }

  private static func ended(_ text: String) -> String {
    guard let last = text.unicodeScalars.last else { return text }
    return ".?!".unicodeScalars.contains(last) ? text : text + "."
  }

  static func initials(_ given: String) -> String {
    given.split(whereSeparator: { $0 == " " || $0 == "." }).map { word -> String in
      if word.contains("-") {
        return word.split(separator: "-").compactMap { $0.first.map { "\($0)." } }.joined(separator: "-")
      }
      return word.first.map { "\($0)." } ?? ""
    }.joined(separator: " ")
  }

  static func names(_ list: [PersonName], initialsFirst: Bool = false) -> String {
    let rendered: [String] = list.map { name in
      if let literal = name.literal { return literal }
      let family = name.family ?? ""
      guard let given = name.given, !given.isEmpty else { return family }
      return initialsFirst ? "\(initials(given)) \(family)" : "\(family), \(initials(given))"
    }
    switch rendered.count {
    case 0: return ""
    case 1: return rendered[0]
    case 2: return initialsFirst ? "\(rendered[0]) & \(rendered[1])" : "\(rendered[0]), & \(rendered[1])"
    case 3...20: return rendered.dropLast().joined(separator: ", ") + ", & " + (rendered.last ?? "")
    default: return rendered.prefix(19).joined(separator: ", ") + ", … " + (rendered.last ?? "")
    }
  }
}
