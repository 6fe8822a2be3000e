import HTMLExtraction
import ICUSupport
import NormalizeCore

extension ArticleParser {
  /// An HTML page's bytes as text: a byte-order mark, then valid UTF-8 as it is, then the
  /// charset the page declares (`<meta charset>`, `http-equiv`), read by ICU's converters, then
  /// ICU's charset detection (`TextDecoding`). The bytes are never assumed UTF-8: a page in
  /// Windows-1251 that declares it, or declares nothing, is read as Windows-1251.
  static func decodeHTML(_ bytes: [UInt8], file: String) -> (
    text: String, findings: [Finding], invalid: Int
  ) {
    let declared = HTMLCharset.declared(bytes)
    let utf8 = UTF8Decoding.decode(bytes)
    if utf8.invalidCount == 0 { return (utf8.text, [], 0) }
    if let declared, declared != "UTF-8", let text = CharsetDetection.decode(bytes, from: declared)
    {
      return (
        text,
        [
          Finding(
            code: "legacy-encoding", severity: .info,
            message:
              "\(file) is not UTF-8; it was read as \(declared), the charset the page declares")
        ],
        0
      )
    }
    switch TextDecoding.decode(bytes) {
    case .legacy(let text, let charset, let confidence):
      let said = declared.map { " (the page declares \($0), which does not read its bytes)" } ?? ""
      return (
        text,
        [
          Finding(
            code: "legacy-encoding", severity: .info,
            message:
              "\(file) is not UTF-8; it was read as \(charset)\(said) (ICU charset detection, confidence \(confidence)%); re-export the page as UTF-8 to be sure"
          )
        ],
        0
      )
    case .utf8(let result):
      return (result.text, [], result.invalidCount)
    }
  }

  /// A whole HTML page (a `.html` file or a page on standard input).
  static func parseHTML(_ raw: RawInput) -> Result<ArticleInput, InputReject> {
    let bytes =
      raw.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.bytes.dropFirst(3)) : raw.bytes
    let (text, findings, invalid) = decodeHTML(bytes, file: raw.file)
    if let reason = binaryReason(bytes, invalidUTF8: invalid) {
      return .failure(
        InputReject(
          code: "binary-data", reason: reason, file: raw.file,
          excerpt: String(String.UnicodeScalarView(text.unicodeScalars.prefix(80)))))
    }
    if text.allSatisfy(\.isWhitespace) {
      return .failure(
        InputReject(
          code: "empty-input", reason: "the page is empty; remove it or fill it", file: raw.file))
    }
    var article = ArticleInput(
      id: defaultID(for: raw), text: "", file: raw.file, findings: findings, html: text)
    if let sidecar = raw.sidecar, case .failure(let error) = apply(sidecar: sidecar, to: &article) {
      article.findings.append(
        Finding(code: "bad-sidecar", severity: .warning, message: error.message))
    }
    return .success(article)
  }
}
