/// Writes name lexicons in the alias format of `Lexicons/<lang>/aliases.tsv` (documented in
/// Lexicons/README.md) or as JSON Lines.
///
/// ```text
/// Kyiv	place	uk	Kiev=3|Kyiv=2	2025-01-13	2025-03-18	001|002|004
/// ```
public enum NameLexiconFormat {
  /// The TSV text: a header comment and one entry per line.
  public static func tsv(_ entries: [AliasEntry], header: [String] = []) -> String {
    var out = "# Name lexicon in the alias format (Lexicons/README.md, \"aliases.tsv\"):\n"
    out += "# canonical\tkind\torigin\tvariant=count|…\tfirst_seen\tlast_seen\texample ids\n"
    for line in header { out += "# \(line)\n" }
    for entry in entries {
      let variants = entry.variants.map { v in
        let text = clean(v.text) + (v.years.map(yearsField) ?? "")
        return v.count.map { "\(text)=\($0)" } ?? text
      }.joined(separator: "|")
      let fields = [
        clean(entry.canonical), entry.kind.rawValue, entry.origin ?? "-",
        variants.isEmpty ? clean(entry.canonical) : variants,
        entry.firstSeen ?? "-", entry.lastSeen ?? "-",
        entry.examples.isEmpty ? "-" : entry.examples.map(clean).joined(separator: "|"),
      ]
      out += fields.joined(separator: "\t") + "\n"
    }
    return out
  }

  /// One JSON object per entry: {"canonical","kind","origin","variants":[{"text","count"}],"first_seen","last_seen","examples"}.
  public static func jsonLines(_ entries: [AliasEntry]) -> String {
    var out = ""
    for entry in entries {
      var line =
        "{\"canonical\":\(json(entry.canonical)),\"kind\":\(json(entry.kind.rawValue)),\"origin\":"
      line += entry.origin.map(json) ?? "null"
      line += ",\"variants\":["
      line += entry.variants.map {
        "{\"text\":\(json($0.text)),\"count\":\($0.count.map(String.init) ?? "null")}"
      }.joined(separator: ",")
      line +=
        "],\"first_seen\":\(entry.firstSeen.map(json) ?? "null"),\"last_seen\":\(entry.lastSeen.map(json) ?? "null")"
      line += ",\"examples\":[\(entry.examples.map(json).joined(separator: ","))]}"
      out += line + "\n"
    }
    return out
  }

  /// A field without the characters the format reserves (TAB, newline, `|`); `=` followed by
  /// digits at the end would read as a count, so it becomes "＝".
  static func clean(_ text: String) -> String {
    var out = String(
      text.unicodeScalars.map { scalar -> Character in
        switch scalar {
        case "\t", "\n", "\r": return " "
        case "|": return "/"
        default: return Character(scalar)
        }
      })
    if let eq = out.lastIndex(of: "="), out[out.index(after: eq)...].allSatisfy(\.isNumber),
      out.index(after: eq) != out.endIndex
    {
      out.replaceSubrange(eq...eq, with: "＝")
    }
    // "@" followed by digits and hyphens at the end would read as the years of the spelling.
    if let at = out.lastIndex(of: "@"), out.index(after: at) != out.endIndex,
      out[out.index(after: at)...].allSatisfy({ $0 == "-" || $0.isNumber })
    {
      out.replaceSubrange(at...at, with: "＠")
    }
    return out.isEmpty ? "-" : out
  }

  /// The years of a spelling as written after its "@": "@1990-2013", "@2000-", "@-1989".
  static func yearsField(_ years: ClosedRange<Int>) -> String {
    "@" + (years.lowerBound == Int.min ? "" : String(years.lowerBound)) + "-"
      + (years.upperBound == Int.max ? "" : String(years.upperBound))
  }

  static func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
