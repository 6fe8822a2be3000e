import Citations
import Foundation
import NormalizeCore

/// The reference parser, loaded on the first article that has references: its tagging model
/// is a 4 MB lexicon that most articles never need, so a run over articles without reference
/// sections does not pay for loading it. Thread-safe; loaded at most once.
final class LazyReferenceParser: @unchecked Sendable {
  private let lexicons: any LexiconProvider
  private let lock = NSLock()
  private var loaded: Result<ReferenceParser, Error>?

  init(lexicons: any LexiconProvider) {
    self.lexicons = lexicons
  }

  /// The parser, or the error loading it failed with (reported as a finding by the caller).
  func parser() -> Result<ReferenceParser, Error> {
    lock.lock()
    defer { lock.unlock() }
    if let loaded { return loaded }
    let result = Result { try ReferenceParser(lexicons: lexicons) }
    loaded = result
    return result
  }
}
