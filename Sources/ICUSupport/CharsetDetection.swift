import CICU

/// ICU's charset detection (ucsdet) and converters, for input that is not UTF-8: a news page
/// saved in Windows-1252, Windows-1251, KOI8-R, Shift_JIS, EUC-KR, GB18030, Big5 or UTF-16.
///
/// ```swift
/// let bytes: [UInt8] = Array("Привет, мир: новости дня".data(using: .windowsCP1251)!)
/// CharsetDetection.matches(bytes).first  // Match(name: "windows-1251", confidence: …)
/// CharsetDetection.decode(bytes, from: "windows-1251")  // "Привет, мир: новости дня"
/// ```
public enum CharsetDetection {
  /// One guess of the detector.
  public struct Match: Sendable, Equatable {
    /// ICU's name of the charset ("windows-1252", "Shift_JIS", "UTF-16LE").
    public var name: String
    /// ICU's confidence, 0-100.
    public var confidence: Int
  }

  /// The detector's guesses for `bytes`, best first (at most `limit`).
  public static func matches(_ bytes: [UInt8], limit: Int = 8) -> [Match] {
    guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return [] }
    let nameCapacity = Int(CICU_CHARSET_NAME_CAPACITY)
    var names = [CChar](repeating: 0, count: limit * nameCapacity)
    var confidences = [Int32](repeating: 0, count: limit)
    var status: Int32 = 0
    let found = bytes.withUnsafeBufferPointer { input in
      input.withMemoryRebound(to: CChar.self) { text in
        names.withUnsafeMutableBufferPointer { nameBuffer in
          confidences.withUnsafeMutableBufferPointer { confidenceBuffer in
            cicu_detect_charsets(
              text.baseAddress, Int32(text.count), nameBuffer.baseAddress,
              confidenceBuffer.baseAddress, Int32(limit),
              &status)
          }
        }
      }
    }
    guard status <= 0 || found > 0 else { return [] }
    return (0..<Int(found)).map { index in
      let slice = names[(index * nameCapacity)..<((index + 1) * nameCapacity)]
      let bytes = slice.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
      return Match(
        name: String(decoding: bytes, as: UTF8.self), confidence: Int(confidences[index]))
    }
  }

  /// `bytes` decoded from `charset`, or nil when the charset is unknown to ICU or does not
  /// define one of the byte sequences (the conversion never guesses or substitutes).
  public static func decode(_ bytes: [UInt8], from charset: String) -> String? {
    guard bytes.count < Int(Int32.max) / 2 else { return nil }
    return bytes.withUnsafeBufferPointer { input -> String? in
      input.withMemoryRebound(to: CChar.self) { text -> String? in
        try? UTF16Buffer.string(capacity: text.count + 1, operation: "converting from \(charset)") {
          dest, capacity, status in
          cicu_convert_to_utf16(
            charset, text.baseAddress, Int32(text.count), dest, capacity, &status)
        }
      }
    }
  }
}
