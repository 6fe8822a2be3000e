/// Shared engine for passes that replace single scalars: scans once, copies untouched text in
/// bulk and records each replacement. Text with no candidate bytes is returned without a copy.
struct ScalarRewriter {
  /// What to do with one scalar.
  enum Action {
    case keep
    case delete
    case replace(String)
  }

  /// Rewrites `text`.
  ///
  /// - Parameters:
  ///   - mayMatch: a cheap byte test; scalars whose UTF-8 never contains such a byte are kept
  ///     without calling `decide` (e.g. `{ $0 >= 0x80 }` for passes about non-ASCII scalars).
  ///   - decide: the action for a scalar, given the scalars and its index (for context).
  static func rewrite(
    _ text: String, recorder: inout ChangeRecorder?, mayMatch: (UInt8) -> Bool,
    decide: (String.UnicodeScalarView, String.UnicodeScalarView.Index) -> Action
  ) -> String {
    guard text.utf8.contains(where: mayMatch) else { return text }
    let scalars = text.unicodeScalars
    var output = String.UnicodeScalarView()
    var changed = false
    var offset = 0
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let action: Action
      if scalar.value < 0x80 && !mayMatch(UInt8(scalar.value)) {
        action = .keep
      } else {
        action = decide(scalars, index)
      }
      switch action {
      case .keep:
        output.append(scalar)
      case .delete:
        changed = true
        recorder?.record(offset: offset, removed: String(scalar), inserted: "")
      case .replace(let replacement):
        changed = true
        output.append(contentsOf: replacement.unicodeScalars)
        recorder?.record(offset: offset, removed: String(scalar), inserted: replacement)
      }
      offset += 1
      index = scalars.index(after: index)
    }
    return changed ? String(output) : text
  }
}
