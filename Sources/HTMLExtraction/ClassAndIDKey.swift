/// A page's `class` and `id` words (``HTMLDocument/classAndID(of:)``) as a dictionary key that
/// hashes its bytes in one go: pages repeat a few class names thousands of times
/// ("article__body", "news-item__date"), and what is worked out from them is kept per name.
/// `[UInt8]` as a key would feed the hasher one byte at a time.
///
/// ```swift
/// var seen: [ClassAndIDKey: Bool] = [:]
/// seen[ClassAndIDKey(Array("post-meta date".utf8))] = true
/// seen[ClassAndIDKey(Array("post-meta date".utf8))]   // true
/// ```
struct ClassAndIDKey: Hashable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  static func == (left: ClassAndIDKey, right: ClassAndIDKey) -> Bool { left.bytes == right.bytes }

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}
