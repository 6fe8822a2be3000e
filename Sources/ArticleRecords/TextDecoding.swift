import ICUSupport
import NormalizeCore
import TextCleaning

/// Reads the bytes of a plain-text article whatever their encoding. UTF-8 is taken as it is
/// (a byte-order mark at the start is dropped). Bytes that are not UTF-8 — a page saved in
/// Windows-1252 ("caf\u{E9}" as the byte E9), Windows-1251, KOI8-R, Shift_JIS, EUC-KR, GB18030, Big5,
/// or UTF-16 with or without its byte-order mark — are identified by ICU's charset detection
/// and decoded by ICU's converters, which must read every byte. Mostly-UTF-8 text with a few
/// broken bytes stays UTF-8 with U+FFFD, as does text no charset reads cleanly.
///
/// ```swift
/// TextDecoding.decode([0x63, 0x61, 0x66, 0xE9, 0x20, …])  // .legacy("ISO-8859-1", 38, "café …")
/// ```
public enum TextDecoding {
  /// How a text was read.
  public enum Outcome: Sendable {
    /// UTF-8 (possibly with invalid sequences replaced).
    case utf8(UTF8Decoding.Result)
    /// Another charset, named as ICU names it, with the detector's confidence (0-100).
    case legacy(text: String, charset: String, confidence: Int)
  }

  /// The text of a whole file or stream (`normalize clean`, `normalize date` on standard
  /// input): a UTF-8 byte-order mark dropped, then `decode`. `notice` says, for standard
  /// error, when the bytes were not UTF-8 or had invalid sequences.
  public static func readText(_ bytes: [UInt8]) -> (text: String, notice: String?) {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    switch decode(body) {
    case .legacy(let text, let charset, let confidence):
      return (
        text,
        "the input is not UTF-8; it was read as \(charset) (ICU charset detection, confidence \(confidence)%)"
      )
    case .utf8(let result):
      guard result.invalidCount > 0 else { return (result.text, nil) }
      return (
        result.text,
        "\(result.invalidCount) invalid UTF-8 sequences replaced with U+FFFD (first at byte \((result.invalidOffsets.first ?? 0) + bytes.count - body.count))"
      )
    }
  }

  /// The lowest detector confidence accepted for a single-byte charset (multi-byte ones need
  /// more than this, UTF-16/32 only their NUL bytes).
  static let minimumConfidence = 10

  /// Decodes `bytes` (a UTF-8 byte-order mark at the start already removed).
  ///
  /// - Parameter allowWide: whether UTF-16 and UTF-32 are candidates (not for one line of a
  ///   JSON Lines file, which was cut at 0x0A bytes).
  public static func decode(_ bytes: [UInt8], allowWide: Bool = true) -> Outcome {
    // UTF-16 and UTF-32 with their byte-order marks.
    if allowWide, bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      let isUTF32 = bytes.count >= 4 && bytes[0] == 0xFF && bytes[2] == 0 && bytes[3] == 0
      let charset = isUTF32 ? "UTF-32LE" : bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
      if let text = CharsetDetection.decode(Array(bytes.dropFirst(isUTF32 ? 4 : 2)), from: charset)
      {
        return .legacy(text: text, charset: charset, confidence: 100)
      }
    }
    let utf8 = UTF8Decoding.decode(bytes)
    var nuls = 0
    var controls = 0
    for byte in bytes where byte < 0x20 {
      if byte == 0 {
        nuls += 1
      } else if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) {
        controls += 1
      }
    }
    guard utf8.invalidCount > 0 || nuls > max(8, bytes.count / 100) else { return .utf8(utf8) }
    // Control bytes beyond the odd one are binary data, whatever a charset would make of them.
    if controls > max(2, bytes.count / 200) { return .utf8(utf8) }
    // Mostly UTF-8 with some damage: over twice as many valid multi-byte sequences as broken ones.
    if nuls == 0, validMultibyteSequences(bytes) > 2 * utf8.invalidCount { return .utf8(utf8) }
    // The detector's guesses that read every byte, judged by how odd each reading is
    // (`MojibakeBadness`, and Han without Hangul or kana for Korean and Japanese charsets): a
    // Latin-1 reading of Chinese bytes is full of symbol pairs ("¡¯"), a Korean reading of
    // Chinese bytes has Hanja and no Hangul, a Windows-1252 reading of UTF-8 cut short has
    // "â‚". A reading with more than one odd point per 50 characters does not fit; of those
    // that fit the least odd wins, ties going to the detector. When none fits, the bytes stay
    // UTF-8 with U+FFFD.
    var best: (text: String, match: CharsetDetection.Match, oddness: Int)?
    // The detector reads a sample (its statistics settle within a few kilobytes); the
    // converter then has to read every byte.
    for match in CharsetDetection.matches(Array(bytes.prefix(detectionSample)))
    where match.name != "UTF-8" {
      let wide = match.name.hasPrefix("UTF-16") || match.name.hasPrefix("UTF-32")
      // UTF-16/32 without a byte-order mark shows itself by its NUL bytes; a NUL-heavy file is
      // UTF-16/32 or binary data, never a single-byte charset.
      if wide != (nuls > 0) || (wide && !allowWide) { continue }
      // ICU gives a multi-byte charset 10 when a few byte pairs merely fit its pattern.
      let needed =
        multibyteCharsets.contains(match.name)
        ? minimumConfidence + 1 : wide ? 0 : minimumConfidence
      guard match.confidence >= needed, let text = CharsetDetection.decode(bytes, from: match.name),
        !text.isEmpty
      else {
        continue
      }
      let oddness = MojibakeBadness.score(text) + scriptMismatch(text, charset: match.name)
      guard oddness * 50 <= text.unicodeScalars.count, oddness < (best?.oddness ?? Int.max) else {
        continue
      }
      best = (text, match, oddness)
      if oddness == 0 { break }
    }
    if let best {
      return .legacy(text: best.text, charset: best.match.name, confidence: best.match.confidence)
    }
    return .utf8(utf8)
  }

  /// How many bytes the charset detector looks at.
  static let detectionSample = 1 << 16

  static let multibyteCharsets: Set<String> = [
    "Shift_JIS", "EUC-JP", "EUC-KR", "GB18030", "Big5", "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN",
  ]

  /// How unlikely a reading is for its charset's language: Korean text read from EUC-KR is
  /// mostly Hangul, Japanese text read from Shift_JIS or EUC-JP always has kana. Han characters
  /// without them mean another language's bytes (Chinese read as Korean or Japanese).
  static func scriptMismatch(_ text: String, charset: String) -> Int {
    let korean = charset == "EUC-KR" || charset == "ISO-2022-KR"
    let japanese = charset == "Shift_JIS" || charset == "EUC-JP" || charset == "ISO-2022-JP"
    guard korean || japanese else { return 0 }
    var han = 0
    var own = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
      case 0xAC00...0xD7A3 where korean: own += 1
      case 0x3040...0x30FF where japanese: own += 1
      default: break
      }
    }
    return han > 0 && own * 2 < han ? han : 0
  }

  /// How many well-formed UTF-8 sequences of two to four bytes `bytes` holds.
  static func validMultibyteSequences(_ bytes: [UInt8]) -> Int {
    var count = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length =
        lead >= 0xF0 && lead <= 0xF4
        ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
      if length > 1, index + length <= bytes.count,
        bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
      {
        count += 1
        index += length
      } else {
        index += 1
      }
    }
    return count
  }
}
