import Foundation

/// A thread-safe, build-once map from language key to vocabulary (one per `DateResolver`, so
/// resolvers with different lexicons never share entries).
final class VocabularyCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: Vocabulary] = [:]

  /// The cached vocabulary for `key`, built by `make` the first time.
  func vocabulary(_ key: String, make: () -> Vocabulary) -> Vocabulary {
    lock.lock()
    if let cached = entries[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let built = make()
    lock.lock()
    defer { lock.unlock() }
    if let raced = entries[key] { return raced }
    entries[key] = built
    return built
  }
}
