import ICUSupport

/// The small repairs a reader expects next to a mojibake fix, as a mojibake-repair tool applies
/// them: HTML entities left in plain text, curly quotes to ASCII, Latin ligatures and digraph
/// letters (ﬁ, ŉ, ǌ) to letters, full-width ASCII to ASCII, control characters removed, line
/// breaks unified, NFC. `normalize validate --mojibake-cases` reports the text after these, so it
/// compares with ftfy's `fix_text`; the validation rules suggest only the encoding repair.
///
/// ```swift
/// TextTidy.apply("Ningbo，China")       // "Ningbo,China"
/// TextTidy.apply("signiﬁcantly “so”")   // "significantly \"so\""
/// ```
public enum TextTidy {
  /// `text` after entity decoding, mojibake repair and the tidy-ups.
  public static func repairAndTidy(_ text: String) -> String {
    apply(MojibakeRepair.repair(decodeEntities(text)).text)
  }

  /// The tidy-ups alone (no mojibake repair, no entity decoding).
  public static func apply(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      defer { previousCR = v == 0x0D }
      switch v {
      case 0x0A where previousCR:
        continue
      case 0x0D, 0x2028, 0x2029, 0x85:
        out.append("\n")
      case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F:
        continue
      case 0x2018, 0x2019, 0x201A, 0x201B:
        out.append("'")
      case 0x201C, 0x201D, 0x201E, 0x201F:
        out.append("\"")
      case 0xFF01...0xFF5E:
        if let ascii = Unicode.Scalar(v - 0xFEE0) { out.append(ascii) }
      case 0x3000:
        out.append(" ")
      default:
        if let letters = ligatures[v] {
          out.append(contentsOf: letters.unicodeScalars)
        } else {
          out.append(scalar)
        }
      }
    }
    return Normalizer.nfc(String(out))
  }

  /// Ligatures and digraph letters with their letters; ŉ is Afrikaans 'n.
  private static let ligatures: [UInt32: String] = [
    0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "ſt", 0xFB06: "st",
    0x0132: "IJ", 0x0133: "ij", 0x0149: "'n", 0x01C4: "DŽ", 0x01C5: "Dž", 0x01C6: "dž", 0x01C7: "LJ",
    0x01C8: "Lj", 0x01C9: "lj", 0x01CA: "NJ", 0x01CB: "Nj", 0x01CC: "nj",
  ]

  /// Decodes HTML character references ("&amp;", "&frac14;", "&#233;", "&#xE9;") in text that
  /// holds no markup (no "<"); unknown names stay as they are.
  public static func decodeEntities(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")), !text.utf8.contains(UInt8(ascii: "<")) else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let tail = rest[rest.index(after: amp)...]
      if let semicolon = tail.prefix(12).firstIndex(of: ";") {
        let name = tail[..<semicolon]
        if let decoded = decodeReference(name) {
          out += decoded
          rest = tail[tail.index(after: semicolon)...]
          continue
        }
      }
      out += "&"
      rest = tail
    }
    out += rest
    return out
  }

  private static func decodeReference(_ name: Substring) -> String? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
    }
    if name.hasPrefix("#") {
      return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
    }
    return entities[String(name)]
  }

  /// The entities that turn up in scraped plain text.
  private static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "frac14": "¼", "frac12": "½",
    "frac34": "¾", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "eacute": "é",
    "egrave": "è", "agrave": "à", "aacute": "á", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
    "ccedil": "ç", "deg": "°", "euro": "€", "pound": "£", "middot": "·", "times": "×",
  ]
}
