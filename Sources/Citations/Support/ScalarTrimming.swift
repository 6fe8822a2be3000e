/// Trimming at either end of a scalar view in time proportional to what is trimmed.
///
/// `dropLast()` on `Substring.UnicodeScalarView` resolves to `Collection.dropLast(_:)`, which
/// counts the whole view each time: trimming a title that ends in 10,000 dots one scalar at a
/// time was quadratic (issue 19: 160,000 dots ran for minutes). These walk indices instead.
///
/// ```swift
/// var scalars = Substring("消息……...").unicodeScalars
/// scalars.trimLast { ".…".unicodeScalars.contains($0) }  // "消息"
/// ```
extension Substring.UnicodeScalarView {
  /// Drops trailing scalars while `predicate` holds; O(number dropped).
  ///
  /// - Parameter predicate: whether a scalar at the end goes.
  /// - Returns: whether anything was dropped.
  @discardableResult
  mutating func trimLast(while predicate: (Unicode.Scalar) -> Bool) -> Bool {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard predicate(self[before]) else { break }
      end = before
    }
    if end == endIndex { return false }
    self = self[startIndex..<end]
    return true
  }

  /// Drops leading scalars while `predicate` holds; O(number dropped).
  ///
  /// - Parameter predicate: whether a scalar at the start goes.
  /// - Returns: whether anything was dropped.
  @discardableResult
  mutating func trimFirst(while predicate: (Unicode.Scalar) -> Bool) -> Bool {
    var start = startIndex
    while start < endIndex, predicate(self[start]) { start = index(after: start) }
    if start == startIndex { return false }
    self = self[start..<endIndex]
    return true
  }

  /// The view without its last scalar (empty stays empty); O(1).
  var withoutLast: Substring.UnicodeScalarView {
    isEmpty ? self : self[startIndex..<index(before: endIndex)]
  }
}
