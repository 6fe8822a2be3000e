import ICUSupport

/// Undoes mojibake line by line with `MojibakeRepair`: UTF-8 decoded as Windows-1252, Latin-1,
/// Windows-1250/1251/1257, MacRoman (once or several times over), CESU-8 emoji, and C1 controls
/// that stand for Windows-1252 punctuation ("\u{93}Ja\u{94}" → "“Ja”"). Lines are repaired on their
/// own, so one broken line does not hold back the article; lines without a byte that mojibake
/// is made of (most English, all Han, kana and Hangul text) are skipped without decoding.
/// Text that only looks odd ("HÅØYA ER BLÅØYD", "ВІКІ", "10 Å—") is left alone: a repair is
/// kept only when the result is far less odd than the input.
///
/// ```swift
/// FixMojibake().apply("Le cafÃ© ferme")        // "Le café ferme"
/// FixMojibake().apply("РџСЂРёРІРµС‚, Київ")    // "Привет, Київ"
/// FixMojibake().apply("Ελλάδα, Zürich")        // unchanged
/// ```
public struct FixMojibake: RepairPass {
  /// Creates the pass.
  public init() {}

  /// The pass id: the kebab-case of the type name (`--disable-pass`, `--enable-pass`, explanations).
  public var id: String { "fix-mojibake" }
  /// What the pass changes, in one line (`normalize clean --explain`).
  public var summary: String {
    "mojibake (cafÃ© -> café, РџСЂРёРІРµС‚ -> Привет) and C1 controls for Windows-1252 punctuation"
  }

  /// Lead bytes of the scalars mojibake is made of: Latin-1 and Latin Extended, spacing
  /// modifiers, Greek, Cyrillic, Hebrew, Arabic, punctuation and symbols (E2), replacement
  /// character and ligatures (EF).
  static let scanner = ByteScanner {
    [0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1, 0xD7, 0xD8, 0xD9, 0xE2, 0xEF]
      .contains($0)
  }

  /// Whether the text can hold something this pass changes, from the bytes present (false skips the pass).
  public func mayChange(_ presence: BytePresence) -> Bool { Self.scanner.mayMatch(presence) }

  /// Longest piece of a line repaired at once, in bytes; longer lines are cut at spaces, so the
  /// work stays linear in the length of the text.
  static let pieceBytes = 4096

  /// Applies the repair to `text`, recording each change in `recorder` and each repair (before, after) in `repairs` when they are not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?, repairs: inout [TextRepair]?)
    -> String
  {
    var output = ""
    var changed = false
    var scalarOffset = 0
    var copy = text
    copy.withUTF8 { bytes in
      var lineStart = 0
      var copiedTo = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        var suspect = false
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
          if !suspect, Self.isSuspect(bytes, at: lineEnd) { suspect = true }
          lineEnd += 1
        }
        defer { lineStart = lineEnd + 1 }
        guard suspect else { continue }
        let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
        // Most suspect lines are ordinary accented or Cyrillic text: score them on their bytes.
        guard Self.mayNeedRepair(lineBytes) else { continue }
        let line = Substring(String(decoding: lineBytes, as: UTF8.self))
        guard let (fixed, detail, isMojibake) = Self.repairLine(line) else { continue }
        if !changed {
          output.reserveCapacity(bytes.count + 16)
          changed = true
        }
        if recorder != nil || repairs != nil {
          scalarOffset += UTF8Scan.scalarCount(
            UnsafeBufferPointer(rebasing: bytes[copiedTo..<lineStart]))
        }
        output += String(
          decoding: UnsafeBufferPointer(rebasing: bytes[copiedTo..<lineStart]), as: UTF8.self)
        TextRepair.report(
          pass: id, before: line, after: Substring(fixed), lineOffset: scalarOffset, detail: detail,
          isMojibake: isMojibake,
          recorder: &recorder, repairs: &repairs)
        if recorder != nil || repairs != nil { scalarOffset += line.unicodeScalars.count }
        output += fixed
        copiedTo = lineEnd
      }
      if changed {
        output += String(
          decoding: UnsafeBufferPointer(rebasing: bytes[copiedTo..<bytes.count]), as: UTF8.self)
      }
    }
    return changed ? output : text
  }

  /// Whether the scalar starting at `index` may be part of mojibake. The common punctuation of
  /// U+2000–U+203F (E2 80 …: curly quotes, dashes) and the full-width forms (EF BC …) are not:
  /// mojibake that holds them always holds another suspect scalar too.
  @inline(__always)
  static func isSuspect(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = bytes[index]
    guard byte >= 0xC2, scanner.contains(byte) else { return false }
    guard index + 1 < bytes.count else { return true }
    let next = bytes[index + 1]
    switch byte {
    case 0xE2: return next != 0x80
    case 0xEF: return next == 0xBF || next == 0xAC
    default: return true
    }
  }

  /// Whether a line holds a C1 control or scores as mojibake (`MojibakeBadness`), read straight
  /// from its UTF-8 bytes.
  static func mayNeedRepair(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in line.indices.dropLast() where line[index] == 0xC2 && line[index + 1] < 0xA0 {
      return true
    }
    return MojibakeBadness.score(utf8: line) >= MojibakeRepair.minimumGain
  }

  /// The repaired line, how it was damaged and whether that was mojibake; nil when the line is
  /// left as it is.
  static func repairLine(_ line: Substring) -> (String, String, Bool)? {
    var fixed = ""
    var steps: [MojibakeRepair.Step] = []
    var isMojibake = false
    for piece in pieces(of: line) {
      let hasC1 =
        piece.utf8.contains(0xC2)
        && piece.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }
      guard hasC1 || MojibakeBadness.score(piece.unicodeScalars) >= MojibakeRepair.minimumGain
      else {
        fixed += piece
        continue
      }
      let result = MojibakeRepair.repair(String(piece))
      fixed += result.text
      steps += result.steps
      isMojibake = isMojibake || result.isMojibake
    }
    guard !steps.isEmpty, !fixed.unicodeScalars.elementsEqual(line.unicodeScalars) else {
      return nil
    }
    var encodings: [String] = []
    for step in steps where step.kind != .c1AsWindows1252 && !encodings.contains(step.encoding) {
      encodings.append(step.encoding)
    }
    let detail =
      encodings.isEmpty
      ? "Windows-1252 characters read as C1 controls"
      : "UTF-8 read as \(encodings.joined(separator: ", then "))"
    return (fixed, detail, isMojibake)
  }

  /// A line cut into pieces of at most `pieceBytes` at spaces (never after Ã or Â, whose
  /// mojibake may end in a space that was a no-break space).
  static func pieces(of line: Substring) -> [Substring] {
    guard line.utf8.count > pieceBytes else { return [line] }
    var pieces: [Substring] = []
    var start = line.startIndex
    var length = 0
    var index = line.startIndex
    var previous: Unicode.Scalar = " "
    let scalars = line.unicodeScalars
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      length += UTF8.width(scalar)
      if length >= pieceBytes, scalar == " ", previous != "\u{C3}", previous != "\u{C2}" {
        pieces.append(line[start..<next])
        start = next
        length = 0
      } else if length >= 4 * pieceBytes {
        // No space for a long stretch: cut anyway, at a scalar boundary.
        pieces.append(line[start..<next])
        start = next
        length = 0
      }
      previous = scalar
      index = next
    }
    if start < line.endIndex { pieces.append(line[start...]) }
    return pieces
  }
}

/// The scalars of valid UTF-8 bytes, decoded as they are read (no copy, no validation).
struct UTF8Scalars: Sequence, IteratorProtocol {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  mutating func next() -> Unicode.Scalar? {
    guard index < bytes.count else { return nil }
    let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
    index += length
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
