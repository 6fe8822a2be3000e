import ByteSupport

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
    /// Where the run is in the string.
    public let range: Range<String.Index>
    /// The run's script ("Hang"); Common ("Zyyy") for text with no script-specific letters.
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
  /// Scans UTF-8 bytes: ASCII letters are Latin without asking ICU, BMP scalars are looked up
  /// in a table read from ICU once.
  public static func scripts(in text: String) -> [Script] {
    if UTF8Scan.isASCII(text) {
      return text.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ? [.latin] : []
    }
    var others = Set<Script>()
    let common = Int(Script.common.number)
    let inherited = Int(Script.inherited.number)
    var copy = text
    // The set of script numbers lives inside the closure (a captured variable would be
    // checked for exclusive access on every letter), and a run of letters of one script
    // (most of any text) marks it once.
    let seen = Script.bmpScripts.withUnsafeBufferPointer { table in
      copy.withUTF8 { bytes -> (UInt64, UInt64, UInt64, UInt64) in
        var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var lastMarked = -1
        @inline(__always) func mark(_ number: Int) {
          guard number != lastMarked else { return }
          lastMarked = number
          let bit: UInt64 = 1 << UInt64(number & 63)
          switch number >> 6 {
          case 0: seen.0 |= bit
          case 1: seen.1 |= bit
          case 2: seen.2 |= bit
          default: seen.3 |= bit
          }
        }
        var index = 0
        var sawLatin = false
        while index < bytes.count {
          let byte = bytes[index]
          if byte < 0x80 {
            if !sawLatin, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
              sawLatin = true
              mark(Int(Script.latin.number))
            }
            index += 1
            continue
          }
          guard byte >= 0xC0 else {
            index += 1
            continue
          }
          let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
          index += length
          if value < 0x10000 {
            let number = Int(table[Int(value)])
            if number != 0xFF {
              if number != common && number != inherited { mark(number) }
              continue
            }
          }
          guard let scalar = Unicode.Scalar(value) else { continue }
          let script = Script.of(scalar)
          if script.isNeutral { continue }
          if script.number >= 0 && script.number < 256 {
            mark(Int(script.number))
          } else {
            others.insert(script)
          }
        }
        return seen
      }
    }
    let words = [seen.0, seen.1, seen.2, seen.3]
    for number in 0..<256 where words[number >> 6] & (1 << UInt64(number & 63)) != 0 {
      others.insert(Script(number: Int32(number)))
    }
    return others.sorted()
  }
}
