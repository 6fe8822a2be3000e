/// All the spellings of one name seen in a corpus, with counts, dates and example articles: the
/// unit `NameLexiconBuilder` accumulates and merges.
///
/// Everything in a cluster is a commutative, associative summary of its spellings (counts add,
/// dates take the minimum and maximum, examples keep the smallest ids), so clusters built on
/// shards and merged equal the cluster built on the whole corpus.
public struct NameCluster: Sendable, Equatable {
  /// The romanisation-independent key the spellings share ("ko:yu.yongwon", "name:volodymyr.zelensky").
  public var key: String
  /// Whether the spellings name a person, a place or an organisation.
  public var kind: AliasEntry.Kind
  /// Spelling → times seen.
  public var counts: [String: Int] = [:]
  /// The earliest publication date a spelling was seen on ("2025-05-28"), if any was given.
  public var firstSeen: String?
  /// The latest publication date a spelling was seen on ("2026-02-07"), if any was given.
  public var lastSeen: String?
  /// The smallest article ids the name was seen in, sorted.
  public var examples: [String] = []

  /// An empty cluster for the spellings with `key` and `kind`.
  public init(key: String, kind: AliasEntry.Kind) {
    self.key = key
    self.kind = kind
  }

  /// Adds `other` (same key and kind) into this cluster.
  public mutating func merge(_ other: NameCluster, maxExamples: Int) {
    for (spelling, count) in other.counts { counts[spelling, default: 0] += count }
    firstSeen = [firstSeen, other.firstSeen].compactMap { $0 }.min()
    lastSeen = [lastSeen, other.lastSeen].compactMap { $0 }.max()
    examples = Self.smallest(examples + other.examples, maxExamples)
  }

  /// Records one sighting.
  mutating func add(spelling: String, count: Int, date: String?, example: String?, maxExamples: Int)
  {
    counts[spelling, default: 0] += count
    if let date {
      firstSeen = firstSeen.map { min($0, date) } ?? date
      lastSeen = lastSeen.map { max($0, date) } ?? date
    }
    if let example, !examples.contains(example) {
      examples = Self.smallest(examples + [example], maxExamples)
    }
  }

  static func smallest(_ ids: [String], _ limit: Int) -> [String] {
    Array(Set(ids).sorted().prefix(limit))
  }
}
