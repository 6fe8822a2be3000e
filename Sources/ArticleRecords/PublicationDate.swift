import NormalizeCore

/// Checks and normalises publication dates given by the user or the input.
///
/// ```swift
/// PublicationDate.normalize("2025-05-28")            // "2025-05-28"
/// PublicationDate.normalize("1987-02-26T15:01:01")   // "1987-02-26T15:01:01"
/// PublicationDate.normalize("2025-02-30")            // nil (no such day)
/// ```
public enum PublicationDate {
  /// The date in ISO 8601 form when it is a real calendar date (`YYYY-MM-DD`, optionally
  /// followed by `T` and a time), else nil.
  public static func normalize(_ text: String) -> String? {
    var bytes = Array(text.utf8)
    while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
      bytes.removeLast()
    }
    let start =
      bytes.firstIndex { !(($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D)) } ?? bytes.count
    bytes.removeFirst(start)
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month),
      year >= 1
    else { return nil }
    if bytes.count > 10 {
      guard bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20 else { return nil }
      bytes[10] = UInt8(ascii: "T")
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
