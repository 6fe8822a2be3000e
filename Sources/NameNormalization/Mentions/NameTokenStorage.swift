import Foundation

/// The buffers of one `NameTokenList` (the text's bytes, its tokens, the alias keys of its
/// capitalised words) and of the detector's claims on its tokens, kept from one text to the next so that detecting names in an article
/// allocates none of them once the buffers have grown to the size of its texts.
///
/// ```swift
/// var storage = pool.take()
/// var tokens = NameTokenList("Lawmaker Yoo Yong Won met Kim Jong-un’s envoy.", storage: &storage)
/// // … the detector reads `tokens` …
/// pool.give(tokens.storage())   // the next text, "Президент Зеленський …", reuses the buffers
/// ```
struct NameTokenStorage {
  var bytes: [UInt8] = []
  var tokens: [NameToken] = []
  var keys: [String] = []
  /// Which tokens a mention has claimed (the detector's, beside the list).
  var claimed: [Bool] = []

  /// Storage not in use, under a lock: a text takes one (or an empty one) and gives it back,
  /// so that the buffers keep their capacity. Storage grown by a long or dense text (more
  /// than `keptBytes` bytes, or more tokens than such a text of running words has) is dropped
  /// rather than kept, so that what a pool holds stays small.
  final class Pool: @unchecked Sendable {
    /// The most storage kept: an article has a title, a standfirst, a body and credit lines,
    /// and two jobs may be detecting at once.
    static let kept = 16
    /// The longest text whose buffers are kept (64 KB: about 16,000 tokens of 40 bytes).
    static let keptBytes = 1 << 16

    private let lock = NSLock()
    private var free: [NameTokenStorage] = []

    init() {}

    func take() -> NameTokenStorage {
      lock.lock()
      defer { lock.unlock() }
      return free.popLast() ?? NameTokenStorage()
    }

    func give(_ storage: consuming NameTokenStorage) {
      guard storage.bytes.capacity <= Self.keptBytes,
        storage.tokens.count <= Self.keptBytes / 4 + 4
      else { return }
      lock.lock()
      defer { lock.unlock() }
      if free.count < Self.kept { free.append(storage) }
    }
  }
}
