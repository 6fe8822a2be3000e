/// Builds a name lexicon from the mentions found in a corpus: clusters the spellings of each
/// person, place and organisation by their matching key and picks a canonical form per cluster.
///
/// ```swift
/// var builder = NameLexiconBuilder(analyzer: analyzer)
/// builder.add(record.names, articleID: record.id, published: "2026-02-07")
/// let entries = builder.entries()
/// // Yoo Yong-won	person	ko	Yoo Yong Won=2|Yoo Yong-won=1	2025-05-28	2026-02-07	000|003
/// ```
///
/// A spelling's cluster depends on the spelling alone (its `NameAnalyzer` key: the alias
/// lexicon, the Korean engine's Hangul reconstruction, or the fold key), so building is a
/// commutative, associative reduction: `merge(build(A), build(B)) == build(A + B)`. Only full
/// mentions count: lone surnames ("Mr. Lee") and partial mentions linked to a full name
/// ("Zelensky said") say nothing new about spellings.
///
/// The canonical form of a cluster is the alias lexicon's when one of its spellings is there;
/// otherwise the most frequent display form (the engine's mended spelling: "Yoo Yong Won" →
/// "Yoo Yong-won"), preferring forms from Latin spellings over those romanised from another
/// script, then well-formed ones (not all capitals), then the alphabetically first.
public struct NameLexiconBuilder: Sendable {
  /// The most example article ids kept per cluster (the smallest ids).
  public let maxExamples: Int
  private let analyzer: NameAnalyzer
  private var clusters: [String: NameCluster] = [:]
  private var analyses: [String: NameAnalysis] = [:]

  /// An empty builder that keys spellings with `analyzer` and keeps up to `maxExamples`
  /// example article ids per name.
  public init(analyzer: NameAnalyzer, maxExamples: Int = 3) {
    self.analyzer = analyzer
    self.maxExamples = maxExamples
  }

  /// How many distinct clusters so far.
  public var clusterCount: Int { clusters.count }

  /// Adds the full mentions of one article.
  public mutating func add(_ mentions: [NameMention], articleID: String, published: String?) {
    for mention in mentions where mention.partial != true {
      guard let kind = AliasEntry.Kind(rawValue: mention.kind) else { continue }
      add(
        spelling: mention.text, kind: kind, count: 1, firstSeen: published, lastSeen: published,
        examples: [articleID])
    }
  }

  /// Adds an entry of an existing lexicon (the reduce step of `normalize lexicon merge`). A
  /// built entry (every variant with a count) adds its variants; a hand-written one also its
  /// canonical form, so a merge never drops a spelling.
  public mutating func add(_ entry: AliasEntry) {
    let counted = !entry.variants.isEmpty && entry.variants.allSatisfy { $0.count != nil }
    var spellings = entry.variants.map { ($0.text, $0.count ?? 0) }
    if !counted && !entry.variants.contains(where: { $0.text == entry.canonical }) {
      spellings.append((entry.canonical, 0))
    }
    for (spelling, count) in spellings {
      add(
        spelling: spelling, kind: entry.kind, count: count, firstSeen: entry.firstSeen,
        lastSeen: entry.lastSeen, examples: entry.examples)
    }
  }

  /// Adds every cluster of another builder.
  public mutating func merge(_ other: NameLexiconBuilder) {
    for (id, cluster) in other.clusters {
      if clusters[id] == nil {
        clusters[id] = cluster
      } else {
        clusters[id]?.merge(cluster, maxExamples: maxExamples)
      }
    }
  }

  private mutating func add(
    spelling: String, kind: AliasEntry.Kind, count: Int, firstSeen: String?, lastSeen: String?,
    examples: [String]
  ) {
    let analysis = analyze(spelling)
    guard !analysis.key.isEmpty else { return }
    let id = kind.rawValue + "|" + analysis.key
    var cluster = clusters[id] ?? NameCluster(key: analysis.key, kind: kind)
    cluster.counts[spelling, default: 0] += count
    cluster.firstSeen = [cluster.firstSeen, firstSeen].compactMap { $0 }.min()
    cluster.lastSeen = [cluster.lastSeen, lastSeen].compactMap { $0 }.max()
    cluster.examples = NameCluster.smallest(cluster.examples + examples, maxExamples)
    clusters[id] = cluster
  }

  private mutating func analyze(_ spelling: String) -> NameAnalysis {
    if let known = analyses[spelling] { return known }
    let analysis = analyzer.analyze(spelling, spellings: false)
    analyses[spelling] = analysis
    return analysis
  }

  /// The lexicon: one entry per cluster, sorted by kind then canonical form then key.
  public func entries() -> [AliasEntry] {
    var result: [(AliasEntry, String)] = []
    for cluster in clusters.values {
      let spellings = cluster.counts.keys.sorted()
      let infos = spellings.map { analyses[$0] ?? analyzer.analyze($0, spellings: false) }
      let canonical: String
      let origin: String?
      if let lexical = infos.first(where: { $0.rule == "lexicon" }) {
        canonical = lexical.canonical
        origin = lexical.origin
      } else {
        var votes: [String: (count: Int, fromLatin: Bool)] = [:]
        for (spelling, info) in zip(spellings, infos) {
          let latin = info.script == "Latn"
          let previous = votes[info.canonical] ?? (0, false)
          votes[info.canonical] = (
            previous.count + (cluster.counts[spelling] ?? 0), previous.fromLatin || latin
          )
        }
        canonical =
          votes.max { a, b in
            if a.value.fromLatin != b.value.fromLatin { return !a.value.fromLatin }
            if a.value.count != b.value.count { return a.value.count < b.value.count }
            let aCaps = a.key == a.key.uppercased()
            let bCaps = b.key == b.key.uppercased()
            if aCaps != bCaps { return aCaps }
            return a.key > b.key
          }?.key ?? spellings.first ?? cluster.key
        origin = infos.compactMap(\.origin).sorted().first
      }
      let variants = cluster.counts.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }
      .map { AliasEntry.Variant(text: $0.key, count: $0.value) }
      result.append(
        (
          AliasEntry(
            canonical: canonical, kind: cluster.kind, origin: origin, variants: variants,
            firstSeen: cluster.firstSeen,
            lastSeen: cluster.lastSeen, examples: cluster.examples, location: "built"),
          cluster.key
        ))
    }
    return result.sorted { a, b in
      if a.0.kind != b.0.kind { return a.0.kind.rawValue < b.0.kind.rawValue }
      if a.0.canonical != b.0.canonical { return a.0.canonical < b.0.canonical }
      return a.1 < b.1
    }.map(\.0)
  }
}
