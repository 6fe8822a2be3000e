import CICU
import Foundation

/// An ICU transliterator, opened once per id and shared safely across threads.
///
/// ```swift
/// let han = try Transliterator.cached("Han-Latin")
/// han.transliterate("北京")                            // "běi jīng"
/// try Transliterator.cached("Ukrainian-Latin/BGN").transliterate("Зеленський") // "Zelensʹkyy"
/// try Transliterator.cached("Russian-Latin/BGN").transliterate("Москва")       // "Moskva"
/// ```
///
/// ICU 72 has no "Cyrillic-Latin/BGN": that id still opens (ICU drops the unknown variant) but
/// gives plain "Cyrillic-Latin" ("Київ" -> "Kií̈v"); use the language-specific BGN ids.
public final class Transliterator: @unchecked Sendable {
  /// The id it was opened with.
  public let id: String
  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()

  private static let cacheLock = NSLock()
  nonisolated(unsafe) private static var cache: [String: Transliterator] = [:]

  private init(id: String, handle: UnsafeMutableRawPointer) {
    self.id = id
    self.handle = handle
  }

  deinit { cicu_trans_close(handle) }

  /// Returns the shared transliterator for an ICU id, opening it on first use.
  ///
  /// - Parameter id: an ICU transform id or compound id, e.g. "Any-Latin; Latin-ASCII".
  /// - Returns: the cached instance.
  /// - Throws: `ICUError` when ICU does not know the id.
  public static func cached(_ id: String) throws -> Transliterator {
    cacheLock.lock()
    defer { cacheLock.unlock() }
    if let existing = cache[id] { return existing }
    var status: Int32 = 0
    let handle = UTF16Buffer.with(id) { cicu_trans_open($0, $1, 0, &status) }
    guard status <= 0, let handle else {
      throw ICUError(
        status > 0 ? status : 1,
        "cannot open transliterator \"\(id)\" (list ids with `Transliterator.availableIDs`)")
    }
    let transliterator = Transliterator(id: id, handle: handle)
    cache[id] = transliterator
    return transliterator
  }

  /// Opens an uncached transliterator from rules in ICU transform syntax.
  ///
  /// - Parameters:
  ///   - id: a name for it (used in errors).
  ///   - rules: e.g. `"ŏ > o; ŭ > u;"`.
  /// - Throws: `ICUError` when the rules do not parse.
  public init(id: String, rules: String) throws {
    var status: Int32 = 0
    let handle = UTF16Buffer.with(id) { idPtr, idLength in
      UTF16Buffer.with(rules) { rulesPtr, rulesLength in
        cicu_trans_open_rules(idPtr, idLength, rulesPtr, rulesLength, &status)
      }
    }
    guard status <= 0, let handle else {
      throw ICUError(status > 0 ? status : 1, "cannot compile transliteration rules \"\(id)\"")
    }
    self.id = id
    self.handle = handle
  }

  /// Transliterates `text`. ICU errors (which only arise for malformed input) return the input.
  public func transliterate(_ text: String) -> String {
    (try? transliterateOrThrow(text)) ?? text
  }

  /// Transliterates `text`, reporting ICU errors.
  ///
  /// - Throws: `ICUError`.
  public func transliterateOrThrow(_ text: String) throws -> String {
    if text.isEmpty { return text }
    var units = Array(text.utf16)
    let length = units.count
    var capacity = length * 4 + 16
    for _ in 0..<3 {
      var buffer = units + [UInt16](repeating: 0, count: capacity - length)
      var status: Int32 = 0
      let newLength: Int32 = buffer.withUnsafeMutableBufferPointer { ptr in
        guard let base = ptr.baseAddress else { return 0 }
        lock.lock()
        defer { lock.unlock() }
        return cicu_trans_apply(handle, base, Int32(length), Int32(capacity), &status)
      }
      if status == CICU_BUFFER_OVERFLOW {
        capacity = max(capacity * 2, Int(newLength) + 16)
        continue
      }
      try ICUError.check(status, "transliterate with \(id)")
      return buffer.withUnsafeBufferPointer {
        UTF16Buffer.decode(UnsafeBufferPointer(rebasing: $0[0..<Int(newLength)]))
      }
    }
    units.removeAll()
    throw ICUError(CICU_BUFFER_OVERFLOW, "transliterate with \(id)")
  }

  /// Every transliterator id ICU provides, e.g. "Han-Latin", "Cyrillic-Latin/BGN".
  public static var availableIDs: [String] {
    (0..<cicu_trans_count_ids()).compactMap { index in
      try? UTF16Buffer.string(capacity: 64, operation: "list transliterator ids") {
        dest, capacity, status in
        cicu_trans_id_at(index, dest, capacity, &status)
      }
    }
  }
}
