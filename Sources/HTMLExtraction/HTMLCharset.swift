/// The charset a page declares for itself: a byte-order mark, `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">` in its first 4 KB, with
/// the labels browsers treat as others mapped (WHATWG Encoding: "iso-8859-1" and "us-ascii"
/// are windows-1252, "gb2312" and "gbk" are GB18030).
///
/// ```swift
/// HTMLCharset.declared(Array(#"<meta charset="windows-1251"><p>Привет"#.utf8))   // "windows-1251"
/// HTMLCharset.declared(Array(#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#.utf8))  // "windows-1252"
/// ```
public enum HTMLCharset {
  /// How far into the page a declaration is looked for.
  public static let prescanBytes = 4096

  /// The declared charset as an ICU converter name, or nil when the page declares none.
  public static func declared(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
    let head = bytes.prefix(prescanBytes).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    var index = 0
    while let start = find(Array("<meta".utf8), in: head, from: index) {
      let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
      let tag = Array(head[start..<end])
      if let found = find(Array("charset".utf8), in: tag, from: 0) {
        var position = found + 7
        while position < tag.count, tag[position] == 0x20 { position += 1 }
        if position < tag.count, tag[position] == UInt8(ascii: "=") {
          position += 1
          while position < tag.count,
            tag[position] == 0x20 || tag[position] == 0x22 || tag[position] == 0x27
          { position += 1 }
          let label = tag[position...].prefix { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
              || byte == 0x5F || byte == 0x3A || byte == 0x2E
          }
          if !label.isEmpty { return converterName(String(decoding: label, as: UTF8.self)) }
        }
      }
      index = end
    }
    return nil
  }

  /// The ICU converter for a charset label (lower case).
  public static func converterName(_ label: String) -> String {
    switch label {
    case "utf-8", "utf8", "unicode-1-1-utf-8":
      return "UTF-8"
    // A page read as bytes cannot be UTF-16 whatever its meta says (HTML's rule).
    case "utf-16", "utf-16le", "utf-16be", "unicode":
      return "UTF-8"
    case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp1252", "x-cp1252":
      return "windows-1252"
    case "gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn":
      return "GB18030"
    case "shift_jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932":
      return "Shift_JIS"
    case "ks_c_5601-1987", "euc-kr", "cp949", "windows-949":
      return "EUC-KR"
    case "big5", "big5-hkscs", "x-x-big5":
      return "Big5"
    default:
      return label
    }
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0]
        && haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        return index
      }
      index += 1
    }
    return nil
  }
}
