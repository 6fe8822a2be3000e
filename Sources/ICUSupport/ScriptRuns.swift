/// Splits text into runs of one script each, attaching Common and Inherited characters
/// (spaces, punctuation, digits, combining marks) to the run around them (UAX #24 style).
///
/// ```swift
/// ScriptRuns.runs(in: "Kim Jong-un (김정은) 金正恩").map { "\($0.script)" }
/// // ["Latn", "Hang", "Hani"]
/// ScriptRuns.scripts(in: "Yoo Yong-wоn")  // [Cyrl, Latn]: a Cyrillic "о" hides in the name
/// ```
public enum ScriptRuns {
  /// One run: its range in the string and its script.
  public struct Run: Sendable, Equatable {
    public let range: Range<String.Index>
    public let script: Script
  }

  /// The script runs of `text`. Text with no script-specific letters is one Common run.
  public static func runs(in text: String) -> [Run] {
    var runs: [Run] = []
    var runStart = text.startIndex
    var current: Script? = nil
    var index = text.unicodeScalars.startIndex
    let scalars = text.unicodeScalars
    while index < scalars.endIndex {
      let script = Script.of(scalars[index])
      if !script.isNeutral {
        if let existing = current, existing != script {
          // Neutral characters between two runs stay with the earlier run, except an opening
          // bracket or space right before the new run's letters, which is cheap to keep simple.
          runs.append(Run(range: runStart..<index, script: existing))
          runStart = index
        }
        current = script
      }
      index = scalars.index(after: index)
    }
    if runStart < text.endIndex || runs.isEmpty {
      runs.append(Run(range: runStart..<text.endIndex, script: current ?? .common))
    }
    return runs
  }

  /// The distinct scripts with letters in `text`, sorted by code (Common/Inherited excluded).
  /// Scans UTF-8 bytes: ASCII letters are Latin without asking ICU.
  public static func scripts(in text: String) -> [Script] {
    var seen = [Bool](repeating: false, count: 256)
    var others = Set<Script>()
    var copy = text
    copy.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { seen[Int(Script.latin.number)] = true }
          index += 1
          continue
        }
        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var next = index + 1
        while next < min(index + length, bytes.count) {
          value = (value << 6) | (UInt32(bytes[next]) & 0x3F)
          next += 1
        }
        index = max(next, index + 1)
        guard let scalar = Unicode.Scalar(value) else { continue }
        let script = Script.of(scalar)
        if script.isNeutral { continue }
        if script.number >= 0 && script.number < 256 { seen[Int(script.number)] = true } else { others.insert(script) }
      }
    }
    for number in 0..<256 where seen[number] { others.insert(Script(number: Int32(number))) }
    return others.sorted()
  }
}
