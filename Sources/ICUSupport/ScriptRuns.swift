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
  public static func scripts(in text: String) -> [Script] {
    var seen = Set<Script>()
    for scalar in text.unicodeScalars where scalar.value >= 0x41 {
      let script = Script.of(scalar)
      if !script.isNeutral { seen.insert(script) }
    }
    return seen.sorted()
  }
}
