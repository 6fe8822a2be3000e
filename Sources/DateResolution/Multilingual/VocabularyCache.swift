import Foundation

/// A thread-safe, build-once map from language key to vocabulary (one per `DateResolver`, so
/// resolvers with different lexicons never share entries).
final class VocabularyCache: Sendable {
  private let entries = BuildOnceMap<String, SharedVocabulary>()

  /// The cached vocabulary for `key`, built by `make` the first time.
  func vocabulary(_ key: String, make: () -> Vocabulary) -> SharedVocabulary {
    entries.value(key) { SharedVocabulary(make()) }
  }
}

/// A built vocabulary shared by reference: a `Grammar` borrows it instead of copying the
/// vocabulary's two dozen tables (a retain and a release each) on every call of
/// `DateResolver.resolve`.
final class SharedVocabulary: Sendable {
  let vocabulary: Vocabulary

  init(_ vocabulary: Vocabulary) { self.vocabulary = vocabulary }
}
