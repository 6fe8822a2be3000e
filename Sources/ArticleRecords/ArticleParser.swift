import Foundation
import NormalizeCore

/// Turns a `RawInput` into an `ArticleInput`, or a reject that says why it cannot be one.
///
/// JSON Lines objects need a string `text` or `html` (a page; both: `text` is the body and the
/// page gives the metadata); `id`, `published`, `url`, `title`, `lang` are optional strings
/// (numbers are accepted for `id`); every other field passes through. HTML files and pages on
/// standard input are read by `parseHTML` (ArticleParser+HTML.swift).
/// Invalid UTF-8 is replaced with U+FFFD and reported as an `invalid-utf8` finding with the
/// byte offset in the file.
public enum ArticleParser {
  private static let knownKeys: Set<String> = [
    "id", "text", "html", "title", "published", "url", "lang",
  ]

  /// Parses one raw input.
  public static func parse(_ input: RawInput) -> Result<ArticleInput, InputReject> {
    // A UTF-8 byte-order mark at the start of a file or stream is a signature, not text.
    var raw = input
    if raw.byteOffset == 0 && raw.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      raw.bytes.removeFirst(3)
      raw.byteOffset = 3
    }
    let bytes = raw.bytes
    switch raw.format {
    case .html:
      return parseHTML(raw)
    case .text:
      var findings: [Finding] = []
      let text: String
      switch TextDecoding.decode(bytes) {
      case .legacy(let decoded, let charset, let confidence):
        text = decoded
        findings.append(
          Finding(
            code: "legacy-encoding", severity: .info,
            message:
              "\(raw.file) is not UTF-8; it was read as \(charset) (ICU charset detection, confidence \(confidence)%); re-export the source as UTF-8 to be sure"
          ))
      case .utf8(let decoded):
        if let reason = binaryReason(bytes, invalidUTF8: decoded.invalidCount) {
          return .failure(
            InputReject(
              code: "binary-data", reason: reason, file: raw.file, excerpt: excerpt(decoded.text)))
        }
        findings = invalidUTF8Findings(decoded, raw: raw)
        text = decoded.text
      }
      if text.allSatisfy(\.isWhitespace) {
        return .failure(
          InputReject(
            code: "empty-input", reason: "the file has no text; remove it or fill it",
            file: raw.file))
      }
      var article = ArticleInput(
        id: defaultID(for: raw), text: text, file: raw.file, findings: findings)
      if let sidecar = raw.sidecar {
        switch apply(sidecar: sidecar, to: &article) {
        case .success: break
        case .failure(let error):
          findings.append(Finding(code: "bad-sidecar", severity: .warning, message: error.message))
          article.findings = findings
        }
      }
      return .success(article)
    case .jsonLine:
      // Valid UTF-8 (nearly every line) is parsed where it lies, without a decoded copy: the
      // decoded text below is made only for a line that needs repairing.
      let isValid = bytes.withUnsafeBufferPointer { UTF8Decoding.isValid($0) }
      var decoded =
        isValid
        ? UTF8Decoding.Result(text: "", invalidOffsets: [], invalidCount: 0)
        : UTF8Decoding.decode(bytes)
      var findings: [Finding] = []
      // A line that is not UTF-8 (a file exported in Windows-1252 or GB18030) is read in the
      // charset ICU's detection finds for it, as a text file would be.
      if decoded.invalidCount > 0,
        case .legacy(let text, let charset, let confidence) = TextDecoding.decode(
          bytes, allowWide: false)
      {
        decoded = UTF8Decoding.Result(text: text, invalidOffsets: [], invalidCount: 0)
        findings.append(
          Finding(
            code: "legacy-encoding", severity: .info,
            message:
              "line \(raw.line ?? 0) of \(raw.file) is not UTF-8; it was read as \(charset) (ICU charset detection, confidence \(confidence)%); re-export the source as UTF-8 to be sure"
          ))
      } else {
        findings = invalidUTF8Findings(decoded, raw: raw)
      }
      // The start of the line as text, for a reject's excerpt (80 scalars fit in 400 bytes).
      func lineStart() -> String {
        isValid ? String(decoding: bytes.prefix(400), as: UTF8.self) : decoded.text
      }
      let object: JSONLineObject
      var loneSurrogates: [Int] = []
      // The page (`html`) comes back as bytes, for libxml2, and stands as "" in the fields.
      var htmlBytes: [UInt8]?
      do {
        let line = isValid ? bytes : Array(decoded.text.utf8)
        let (fields, pageBytes) = try line.withUnsafeBufferPointer {
          try JSONLineParser.parseObject(
            $0, loneSurrogates: &loneSurrogates, bytesOf: "html", isValidUTF8: true)
        }
        object = JSONLineObject(fields: fields)
        htmlBytes = pageBytes
      } catch is JSONLineParser.NotAnObject {
        return .failure(
          reject(
            raw, "not-an-object",
            "the line is JSON but not an object; each line must be {\"text\": …}", lineStart()))
      } catch {
        return .failure(
          reject(
            raw, "malformed-json", "malformed JSON (\(error)); fix the line or remove it",
            lineStart()))
      }
      let id = idString(object.fields["id"])
      let givenText = object.fields["text"]?.stringValue
      guard let text = givenText ?? (htmlBytes == nil ? nil : "") else {
        let what =
          object.fields["text"] == nil
          ? "has no \"text\" (or \"html\") field" : "has a \"text\" that is not a string"
        return .failure(
          InputReject(
            code: "missing-text",
            reason: "the object \(what); every article needs its text or its page", file: raw.file,
            line: raw.line, id: id, excerpt: excerpt(lineStart())))
      }
      // Offsets are exact when the line was valid UTF-8 (otherwise they count the repaired text).
      for offset in loneSurrogates.prefix(10) {
        findings.append(
          Finding(
            code: "lone-surrogate", severity: .warning, byteOffset: raw.byteOffset + offset,
            message:
              "a \\u escape of a lone UTF-16 surrogate at byte \(raw.byteOffset + offset) became U+FFFD (no Unicode text can hold half a surrogate pair); fix the exporter's JSON escaping"
          ))
      }
      if loneSurrogates.count > 10 {
        findings.append(
          Finding(
            code: "lone-surrogate", severity: .warning,
            message: "\(loneSurrogates.count - 10) more lone surrogate escapes replaced with U+FFFD"
          ))
      }
      var passthrough: [String: JSONValue] = [:]
      for (key, value) in object.fields where !knownKeys.contains(key) { passthrough[key] = value }
      var article = ArticleInput(
        id: id ?? defaultID(for: raw), text: text, title: object.fields["title"]?.stringValue,
        published: object.fields["published"]?.stringValue,
        url: object.fields["url"]?.stringValue,
        lang: object.fields["lang"]?.stringValue, file: raw.file, line: raw.line,
        passthrough: passthrough,
        findings: findings)
      article.htmlUTF8 = htmlBytes
      return .success(article)
    }
  }

  private static func reject(_ raw: RawInput, _ code: String, _ reason: String, _ text: String)
    -> InputReject
  {
    InputReject(code: code, reason: reason, file: raw.file, line: raw.line, excerpt: excerpt(text))
  }

  private static func idString(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let id)?: return id
    case .number(let number)?:
      return number == number.rounded() ? String(Int64(number)) : String(number)
    default: return nil
    }
  }

  /// "seeds/003.txt" -> "003"; JSON Lines without ids -> "file:line".
  static func defaultID(for raw: RawInput) -> String {
    if let line = raw.line { return "\(raw.file):\(line)" }
    let name = raw.file.split(separator: "/").last.map(String.init) ?? raw.file
    if let dot = name.lastIndex(of: "."), dot > name.startIndex { return String(name[..<dot]) }
    return name
  }

  private static func invalidUTF8Findings(_ decoded: UTF8Decoding.Result, raw: RawInput)
    -> [Finding]
  {
    guard decoded.invalidCount > 0 else { return [] }
    let where_ = raw.line.map { "line \($0) of \(raw.file)" } ?? raw.file
    var findings = decoded.invalidOffsets.map { offset in
      Finding(
        code: "invalid-utf8", severity: .warning, byteOffset: raw.byteOffset + offset,
        message:
          "invalid UTF-8 at byte \(raw.byteOffset + offset) of \(where_) replaced with U+FFFD; re-export the source as UTF-8"
      )
    }
    if decoded.invalidCount > decoded.invalidOffsets.count {
      findings.append(
        Finding(
          code: "invalid-utf8", severity: .warning,
          message:
            "\(decoded.invalidCount - decoded.invalidOffsets.count) more invalid UTF-8 sequences in \(where_) replaced with U+FFFD"
        ))
    }
    return findings
  }

  /// A reason to treat the bytes as binary data rather than text, or nil.
  /// Text has few NUL or control bytes and few invalid UTF-8 sequences; binary data (images,
  /// archives, UTF-16 read as UTF-8) has many.
  static func binaryReason(_ bytes: [UInt8], invalidUTF8: Int) -> String? {
    guard !bytes.isEmpty else { return nil }
    var nul = 0
    var control = 0
    for byte in bytes {
      if byte == 0 { nul += 1 } else if byte < 0x09 || (byte > 0x0D && byte < 0x20) { control += 1 }
    }
    let suspicious = nul + control + invalidUTF8
    if nul > max(8, bytes.count / 100) || suspicious * 10 > bytes.count {
      return
        "binary data (\(nul) NUL bytes, \(control) control bytes and \(invalidUTF8) invalid UTF-8 sequences in \(bytes.count) bytes); pass UTF-8 text or JSON Lines"
    }
    return nil
  }

  private static func excerpt(_ text: String) -> String {
    let prefix = text.unicodeScalars.prefix(80)
    return String(String.UnicodeScalarView(prefix))
  }

  static func apply(sidecar: [UInt8], to article: inout ArticleInput) -> Result<Void, SidecarError>
  {
    if JSONValue.nestsDeeper(sidecar) {
      return .failure(
        SidecarError(
          "the .meta.json beside \(article.file) nests arrays and objects deeper than \(JSONValue.maximumDepth) levels; its metadata was ignored"
        ))
    }
    guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(sidecar))
    else {
      return .failure(
        SidecarError(
          "the .meta.json beside \(article.file) is not a JSON object; its metadata was ignored"))
    }
    for (key, value) in object {
      switch key {
      case "id": article.id = idString(value) ?? article.id
      case "title": article.title = value.stringValue
      case "published": article.published = value.stringValue
      case "url": article.url = value.stringValue
      case "lang": article.lang = value.stringValue
      default: article.passthrough[key] = value
      }
    }
    return .success(())
  }

  /// The fields of one JSON Lines object.
  struct JSONLineObject {
    var fields: [String: JSONValue]
  }

  struct SidecarError: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }
}
