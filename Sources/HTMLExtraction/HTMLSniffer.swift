/// Whether bytes of unknown kind (standard input, a file without an `.html` name) are an HTML
/// page: they open with `<` and a document, head, body or common block tag appears in the
/// first kilobyte.
///
/// ```swift
/// HTMLSniffer.looksLikeHTML(Array("<!DOCTYPE html><html lang=\"ko\">…".utf8))   // true
/// HTMLSniffer.looksLikeHTML(Array("<Untitled> draft of 27 May".utf8))           // false
/// ```
public enum HTMLSniffer {
  static let markers = [
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ",
    "<article", "<section",
    "<!--", "<table", "<h1",
  ].map { Array($0.utf8) }

  /// Whether `bytes` (after a BOM and white space) start with `<` and hold a marker such as
  /// `<html`, `<body`, `<div`, `<p>` or `<!--` in their first kilobyte, in any case.
  public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
    let head = bytes[start..<min(bytes.count, start + 1024)].map {
      $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0
    }
    return markers.contains { marker in HTMLCharset.find(marker, in: head, from: 0) != nil }
  }
}
