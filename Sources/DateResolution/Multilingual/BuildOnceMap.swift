import Foundation

/// A thread-safe map whose values are built once, on first use: `make` runs outside the lock (it
/// may itself read another map), and when two threads build the same key at once the first value
/// stored wins, so every caller gets the same one. The date vocabularies live in these:
/// `VocabularyStore` keeps one per language ("de", "zh") and per part of a language,
/// `VocabularyCache` one per resolver and language key ("uk", "*" for unknown).
final class BuildOnceMap<Key: Hashable, Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Key: Value] = [:]

  /// The value for `key`, built by `make` the first time.
  func value(_ key: Key, make: () -> Value) -> Value {
    lock.lock()
    if let found = values[key] {
      lock.unlock()
      return found
    }
    lock.unlock()
    let built = make()
    lock.lock()
    defer { lock.unlock() }
    if let raced = values[key] { return raced }
    values[key] = built
    return built
  }
}
