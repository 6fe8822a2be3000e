/// Finds and undoes mojibake: UTF-8 text decoded in a single-byte code page ("cafÃ©",
/// "РґРѕСЂРѕРіРµ", "g√¢teaux"), possibly several times over, CESU-8 emoji, and Windows-1252
/// punctuation read as Latin-1 C1 controls (U+0093 for “).
///
/// The approach (after ftfy's ideas, not its code): re-encode the text in each legacy code page,
/// decode the bytes as UTF-8 (allowing the variants in `UTF8Variants`), and keep a candidate only
/// if it decodes and `MojibakeBadness` falls clearly. When the whole text does not re-encode
/// (mojibake mixed with correct text), sequences are repaired one by one under stricter
/// conditions. Layers are peeled until nothing changes.
///
/// ```swift
/// MojibakeRepair.repair("Ana Souza (nÃƒÂ©e Lima) runs the cafÃƒÂ©.").text  // two layers
/// // "Ana Souza (née Lima) runs the café."
/// MojibakeRepair.repair("Москва").isMojibake  // false
/// ```
public enum MojibakeRepair {
  /// One repair applied to the text.
  public struct Step: Sendable, Equatable, CustomStringConvertible {
    /// What was done.
    public enum Kind: String, Sendable {
      /// The whole text re-encoded in `encoding` and decoded as UTF-8.
      case reencode
      /// Some sequences re-encoded in `encoding` and decoded as UTF-8.
      case reencodeSequences = "reencode-sequences"
      /// C1 controls read as Windows-1252 punctuation.
      case c1AsWindows1252 = "c1-as-windows-1252"
    }
    /// What was done.
    public var kind: Kind
    /// The code page involved ("sloppy-windows-1252", "macroman" …).
    public var encoding: String
    /// "reencode:sloppy-windows-1252".
    public var description: String { "\(kind.rawValue):\(encoding)" }
  }

  /// The repaired text and how it was obtained.
  public struct Result: Sendable, Equatable {
    /// The repaired text (the input when nothing was repaired).
    public var text: String
    /// The repairs, in the order applied.
    public var steps: [Step]
    /// Whether the text held mojibake (UTF-8 read in a wrong code page); C1 controls alone count
    /// only when there are at least two (one stray control is more often just a control).
    public var isMojibake: Bool
    /// The badness left after the repair (`MojibakeBadness`); high values mean mojibake that
    /// could not be undone.
    public var remainingBadness: Int = 0
  }

  /// The least fall in badness for a whole-text repair to be kept.
  static let minimumGain = 2

  /// Repairs `text`; the result equals the input (with no steps) when nothing looks wrong.
  ///
  /// - Parameter maxLayers: how many layers of mojibake to peel at most.
  /// - Returns: the repaired text, the steps, and whether it was mojibake.
  public static func repair(_ text: String, maxLayers: Int = 6) -> Result {
    var current = Array(text.unicodeScalars)
    var steps: [Step] = []
    var mojibake = false
    for _ in 0..<maxLayers {
      guard current.contains(where: { $0.value >= 0x80 }) else { break }
      let badness = MojibakeBadness.score(current)
      if badness == 0 { break }
      if let (fixed, encoding) = reencodeWhole(current, badness: badness) {
        current = fixed
        steps.append(Step(kind: .reencode, encoding: encoding))
        mojibake = true
        continue
      }
      if let (fixed, encoding) = reencodeSequences(current, badness: badness) {
        current = fixed
        steps.append(Step(kind: .reencodeSequences, encoding: encoding))
        mojibake = true
        continue
      }
      break
    }
    // C1 controls that Windows-1252 defines: “ ” ‘ ’ – — … € read as Latin-1.
    let c1 = current.reduce(0) { $0 + (isWindows1252C1($1.value) ? 1 : 0) }
    if c1 > 0 {
      current = current.map { scalar in
        guard isWindows1252C1(scalar.value),
          let value = SingleByteEncoding.windows1252.scalar(for: UInt8(scalar.value)),
          let fixed = Unicode.Scalar(value)
        else { return scalar }
        return fixed
      }
      steps.append(Step(kind: .c1AsWindows1252, encoding: "windows-1252"))
      if c1 >= 2 { mojibake = true }
      // The C1 repair may reveal a UTF-8 layer ("â\u{80}\u{9C}" is “ in Latin-1 and â€œ in 1252).
      let again = repair(String(String.UnicodeScalarView(current)), maxLayers: maxLayers)
      if again.isMojibake {
        return Result(
          text: again.text, steps: steps + again.steps, isMojibake: true,
          remainingBadness: again.remainingBadness)
      }
    }
    // Lossy pile-ups that cannot be undone are still mojibake: much badness left and the
    // UTF-8-as-Windows-1252 signature ("â€", "Ã©", "Â¢") several times over.
    let remaining = MojibakeBadness.score(current)
    if !mojibake && remaining >= 8 && signatureCount(current) >= 3 { mojibake = true }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: current)
    return Result(
      text: String(view), steps: steps, isMojibake: mojibake, remainingBadness: remaining)
  }

  /// How many times Ã, Â, â or ã (images of the lead bytes C2, C3, E2, E3) is followed by a
  /// Windows-1252 symbol, quote or no-break space.
  static func signatureCount(_ scalars: [Unicode.Scalar]) -> Int {
    var count = 0
    for index in scalars.indices.dropLast() {
      let lead = scalars[index].value
      guard lead == 0xC2 || lead == 0xC3 || lead == 0xE2 || lead == 0xE3 else { continue }
      let next = scalars[index + 1].value
      if (0xA0...0xBF).contains(next)
        || (next >= 0x152 && SingleByteEncoding.windows1252.byte(for: next) != nil)
      {
        count += 1
      }
    }
    return count
  }

  /// Whole-text layers only, for judging a candidate by what lies beneath it.
  private static func repairLayers(_ scalars: [Unicode.Scalar], depth: Int) -> [Unicode.Scalar] {
    let badness = MojibakeBadness.score(scalars)
    guard badness > 0, let (fixed, _) = reencodeWhole(scalars, badness: badness, depth: depth)
    else { return scalars }
    return fixed
  }

  /// Whether `value` is a C1 control that Windows-1252 maps to a printable character.
  @inline(__always)
  public static func isWindows1252C1(_ value: UInt32) -> Bool {
    (0x80...0x9F).contains(value) && value != 0x81 && value != 0x8D && value != 0x8F
      && value != 0x90 && value != 0x9D
  }

  /// The best whole-text re-encoding, if one decodes and lowers the badness by `minimumGain`.
  private static func reencodeWhole(_ scalars: [Unicode.Scalar], badness: Int, depth: Int = 0) -> (
    [Unicode.Scalar], String
  )? {
    var best: ([Unicode.Scalar], String, Int)?
    for encoding in SingleByteEncoding.all {
      guard let bytes = encoding.encode(scalars),
        bytes.contains(where: { $0 >= 0x80 && $0 != ByteStream.lost })
      else {
        continue
      }
      var repairs = 0
      guard let decoded = UTF8Variants.decode(bytes, repairs: &repairs) else { continue }
      var score = MojibakeBadness.score(decoded) + repairs
      // A middle layer can look worse than its input ("Г‚ВЈ" → "Â£" → "£"): judge it by what
      // the layers below give.
      if score > 0, depth < 4 {
        let deeper = repairLayers(decoded, depth: depth + 1)
        score = min(score, MojibakeBadness.score(deeper) + repairs)
      }
      guard badness - score >= minimumGain else { continue }
      if best == nil || score < (best?.2 ?? Int.max) { best = (decoded, encoding.name, score) }
    }
    return best.map { ($0.0, $0.1) }
  }

  /// Repairs the mojibake sequences of text that also holds correct non-ASCII characters
  /// ("DivisÃ£o … Classificação"). A sequence is a code-page image of a UTF-8 lead byte and its
  /// continuation bytes that itself looks bad; at least two such sequences, or one of three or
  /// more bytes, are needed, and the result must be far less bad than the input.
  private static func reencodeSequences(_ scalars: [Unicode.Scalar], badness: Int) -> (
    [Unicode.Scalar], String
  )? {
    var best: ([Unicode.Scalar], String, Int)?
    for encoding in [
      SingleByteEncoding.windows1252, .latin1, .windows1251, .macRoman, .windows1250,
    ] {
      // Candidate sequences: (start, end, decoded scalars, strong = looks bad on its own).
      var found: [(start: Int, end: Int, decoded: [Unicode.Scalar], strong: Bool, long: Bool)] = []
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        guard scalar.value >= 0x80, let lead = encoding.byte(for: scalar.value), lead >= 0xC2,
          lead <= 0xF4
        else {
          index += 1
          continue
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var bytes: [UInt16] = [UInt16(lead)]
        var end = index + 1
        while end < scalars.count, bytes.count < length {
          let value = scalars[end].value
          if value == 0xFFFD {
            bytes.append(ByteStream.lost)
          } else if let byte = encoding.byte(for: value), byte >= 0x80, byte <= 0xBF {
            bytes.append(UInt16(byte))
          } else {
            break
          }
          end += 1
        }
        // CESU-8 pairs: take the second half too.
        if length == 3, lead == 0xED, end + 2 < scalars.count,
          encoding.byte(for: scalars[end].value) == 0xED
        {
          var extra: [UInt16] = []
          for offset in 0..<3 {
            if let byte = encoding.byte(for: scalars[end + offset].value) {
              extra.append(UInt16(byte))
            }
          }
          if extra.count == 3 {
            bytes += extra
            end += 3
          }
        }
        // "relatifs Ã l’": a lone Ã before a space and a lower-case word is "à".
        if scalar.value == 0xC3, end == index + 1, index + 2 < scalars.count,
          scalars[index + 1] == " ",
          (0x61...0x7A).contains(scalars[index + 2].value), index == 0 || scalars[index - 1] == " "
        {
          found.append((index, index + 1, ["\u{E0}"], true, false))
          index += 1
          continue
        }
        var repairs = 0
        if bytes.count >= length, let decoded = UTF8Variants.decode(bytes, repairs: &repairs),
          decoded.count >= 1,
          // Two-byte repairs must give Latin-1 letters or another script, not rare Latin
          // ("MÄ£ÄM" is leetspeak, not "Mģ").
          length > 2 || decoded.allSatisfy({ $0.value <= 0xFF || $0.value >= 0x370 })
        {
          let strong = MojibakeBadness.score(scalars[index..<end]) >= 2
          found.append((index, end, decoded, strong, length >= 3))
          index = end
        } else {
          index += 1
        }
      }
      // Weak sequences count when they touch an accepted one ("Ø¹ÙŠØ¯": ÙŠ between two).
      var accepted = found.map(\.strong)
      var changed = true
      while changed {
        changed = false
        for k in found.indices where !accepted[k] {
          let touchesPrevious = k > 0 && accepted[k - 1] && found[k - 1].end == found[k].start
          let touchesNext =
            k + 1 < found.count && accepted[k + 1] && found[k + 1].start == found[k].end
          if touchesPrevious || touchesNext {
            accepted[k] = true
            changed = true
          }
        }
      }
      var out: [Unicode.Scalar] = []
      out.reserveCapacity(scalars.count)
      var sequences = 0
      var longSequences = 0
      var position = 0
      for (k, item) in found.enumerated() where accepted[k] {
        out += scalars[position..<item.start]
        out += item.decoded
        position = item.end
        sequences += 1
        if item.long { longSequences += 1 }
      }
      out += scalars[position...]
      guard sequences >= 2 || longSequences >= 1 else { continue }
      let score = MojibakeBadness.score(out)
      guard badness - score >= minimumGain, score * 3 <= badness else { continue }
      if best == nil || score < (best?.2 ?? Int.max) { best = (out, encoding.name, score) }
    }
    return best.map { ($0.0, $0.1) }
  }
}
