import CICU

/// A Unicode script (ISO 15924), as ICU's Script and Script_Extensions properties give it.
///
/// ```swift
/// Script.of("유")      // Script(code: "Hang")
/// Script.of("з")       // "Cyrl"
/// Script.of("：")      // "Zyyy" (Common: punctuation shared by scripts)
/// ```
public struct Script: Hashable, Sendable, CustomStringConvertible, Comparable {
  /// ICU's script number (UScriptCode).
  public let number: Int32

  /// The four-letter ISO 15924 code, e.g. "Latn", "Hang", "Hani", "Cyrl", "Zyyy".
  public var code: String {
    guard let name = cicu_script_short_name(number) else { return "Zzzz" }
    return String(cString: name)
  }

  /// The ISO 15924 code ("Hang"), as `code`.
  public var description: String { code }

  /// Creates a script from its ISO 15924 code ("Cyrl"); nil if ICU does not know it.
  public init?(code: String) {
    let number = cicu_script_from_code(code)
    if number < 0 { return nil }
    self.number = number
  }

  init(number: Int32) { self.number = number }

  /// Common (Zyyy): digits, punctuation, symbols used with many scripts.
  public static let common = Script(number: 0)
  /// Inherited (Zinh): combining marks that take the script of their base.
  public static let inherited = Script(number: 1)
  /// Latin.
  public static let latin = Script(number: 25)
  /// Unknown (Zzzz): unassigned code points.
  public static let unknown = Script(number: 103)

  /// Whether the script is Common or Inherited (no script of its own).
  public var isNeutral: Bool { self == .common || self == .inherited }

  /// The Script property value of one scalar.
  public static func of(_ scalar: Unicode.Scalar) -> Script {
    if scalar.value < 0x80 {
      let v = scalar.value
      let isLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
      return isLetter ? .latin : .common
    }
    if scalar.value < 0x10000 {
      let cached = bmpScripts[Int(scalar.value)]
      if cached != 0xFF { return Script(number: Int32(cached)) }
    }
    let number = cicu_script_of(scalar.value)
    return number < 0 ? .unknown : Script(number: number)
  }

  /// The Script property of every BMP code point, read from ICU once (0xFF: ask ICU).
  static let bmpScripts: [UInt8] = (0..<0x10000).map { value in
    let number = cicu_script_of(UInt32(value))
    return number >= 0 && number < 0xFF ? UInt8(number) : 0xFF
  }

  /// Whether the scalar's Script_Extensions include this script (e.g. "ー" is used in Hira and Kana).
  public func covers(_ scalar: Unicode.Scalar) -> Bool {
    cicu_script_has(scalar.value, number) != 0
  }

  /// Orders scripts by their ISO 15924 code ("Cyrl" < "Hang" < "Latn"), for sorted, stable output.
  public static func < (lhs: Script, rhs: Script) -> Bool { lhs.code < rhs.code }
}
