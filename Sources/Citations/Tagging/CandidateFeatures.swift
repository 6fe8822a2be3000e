/// The features `CandidateReranker` scores one whole labelling of a reference by: what a token
/// tagger cannot see, because it looks at one label change at a time.
///
/// - where the candidate stands among the tagger's `k` best: `rank=1`, the score gap to the
///   best in units of log-probability (`gap`, real-valued, and bucketed as `db=0`, `db=1`, `db=2`, `db=4`,
///   `db=8`, `db=big`);
/// - the sequence of fields: `first:author`, `last:url`, `nseg=8` (segments, bucketed),
///   `bi:title>journal`, `tri:author>date>title`, `n:title=2` (how many title segments, up to 3);
/// - which fields come together: `has:title=1|journal=0` (a title without a journal is a book
///   or a web page, which then wants a publisher or a URL);
/// - for each title, container-title and journal segment: its length in tokens (`title:len=8`),
///   its last and first characters (`title:end=.`, `title:start=q` for a quote, `U`/`l` for
///   upper- and lower-case, `d` digit, `o` other), the field after it and whether that opens
///   with a capital (`title:next=journal|U`), and whether it opens with "In" / "dans" / "en" /
///   "im" (`title:next-in>container-title`);
/// - brackets and quotes: `unbalanced:author` (a field that opens a parenthesis or bracket it
///   does not close, or the reverse), `title:quote-inside` (a closing quote before the field's
///   last token), `title:quote-open` (an opening quote and no closing one).
///
/// ```swift
/// // Smith, J. (2001). Rivers of stone. In A. Ade (Ed.), Salt roads (pp. 1–9). Sun Press.
/// // author author date title title title | editor … | container-title … | pages | publisher
/// // → rank=0, gap 0, db=0, first:author, bi:date>title, title:len=3, title:end=.,
/// //   title:start=U, title:next=editor|U, title:next-in>editor, has:title=1|publisher=1, …
/// ```
package enum CandidateFeatures {
  /// The score gap is measured in this many weight-file units (the CRF's weights are kept at
  /// 40 times their trained values, so one unit is one unit of log-probability).
  package static let scoreUnit: Float = 40

  /// The fields whose presence beside a title is a feature.
  package static let companions = [
    "journal", "container-title", "publisher", "editor", "volume", "pages", "location",
  ]
  /// The fields whose shape (length, first and last character, what follows) is a feature.
  package static let shaped: Set<String> = ["title", "container-title", "journal"]
  /// The features of one candidate labelling as names with values (a name may repeat; its
  /// values add up): those of `extract(tokens:labels:rank:into:)` with value 1, and `gap`.
  ///
  /// - Parameters:
  ///   - tokens: the reference's tokens.
  ///   - labels: the candidate's label per token (after `ReferenceRules.repair`).
  ///   - rank: the candidate's place in the tagger's list, 0 for the best.
  ///   - gap: the tagger's best score minus this candidate's (0 or more).
  ///   - markers: the words that open a container after a title (`containerAfterTitle`).
  package static func extract(
    tokens: [String], labels: [String], rank: Int, gap: Float, markers: CitationMarkers,
    into features: inout [(name: String, value: Float)]
  ) {
    var sink = NamingSink(tokens: 1)
    extract(tokens: tokens, labels: labels, rank: rank, gap: gap, markers: markers, into: &sink)
    if labels.isEmpty { return }
    features.append(("gap", gap / scoreUnit))
    for name in sink.names[0] { features.append((name, 1)) }
  }

  /// Hands the binary features of one candidate labelling to `sink` (the real-valued `gap` is
  /// the caller's, as `gap / scoreUnit`), piece by piece so that scoring builds no strings.
  /// A container opener right after a title ("In", "dans", "en", "im") is one of
  /// `markers.containerAfterTitle`, the words the reranker's weights were trained with.
  package static func extract<Sink: FeatureSink>(
    tokens: [String], labels: [String], rank: Int, gap: Float, markers: CitationMarkers,
    into sink: inout Sink
  ) {
    let segments = segmentsOf(labels)
    if segments.isEmpty { return }
    sink.start("rank=")
    sink.int(rank)
    sink.end()
    sink.start("db=")
    sink.string(gapBucket(gap / scoreUnit))
    sink.end()
    let sequence = segments.map { labels[$0.lowerBound] }
    sink.add("first:", sequence[0])
    sink.add("last:", sequence[sequence.count - 1])
    sink.add("nseg=", bucket(sequence.count))
    for i in sequence.indices.dropFirst() {
      sink.start("bi:")
      sink.string(sequence[i - 1])
      sink.text(">")
      sink.string(sequence[i])
      sink.end()
      if i >= 2 {
        sink.start("tri:")
        sink.string(sequence[i - 2])
        sink.text(">")
        sink.string(sequence[i - 1])
        sink.text(">")
        sink.string(sequence[i])
        sink.end()
      }
    }
    var segmentCounts: [String: Int] = [:]
    for label in sequence { segmentCounts[label, default: 0] += 1 }
    for (label, count) in segmentCounts.sorted(by: { $0.key < $1.key }) {
      sink.start("n:")
      sink.string(label)
      sink.text("=")
      sink.int(min(count, 3))
      sink.end()
    }
    let hasTitle = segmentCounts["title"] != nil ? 1 : 0
    for companion in companions {
      sink.start("has:title=")
      sink.int(hasTitle)
      sink.text("|")
      sink.string(companion)
      sink.text("=")
      sink.int(segmentCounts[companion] != nil ? 1 : 0)
      sink.end()
    }
    for (index, range) in segments.enumerated() {
      let label = sequence[index]
      bracketFeatures(tokens: tokens, range: range, label: label, into: &sink)
      guard shaped.contains(label) else { continue }
      sink.start("")
      sink.string(label)
      sink.text(":len=")
      sink.string(bucket(range.count))
      sink.end()
      if let last = tokens[range.upperBound - 1].unicodeScalars.last {
        sink.start("")
        sink.string(label)
        sink.text(":end=")
        sink.scalar(last)
        sink.end()
      }
      sink.start("")
      sink.string(label)
      sink.text(":start=")
      sink.string(openingClass(tokens[range.lowerBound].unicodeScalars.first))
      sink.end()
      guard index + 1 < segments.count else { continue }
      let next = segments[index + 1]
      let nextToken = tokens[next.lowerBound]
      let opensUpper = nextToken.unicodeScalars.first?.properties.isUppercase == true
      sink.start("")
      sink.string(label)
      sink.text(":next=")
      sink.string(sequence[index + 1])
      sink.text(opensUpper ? "|U" : "|o")
      sink.end()
      if markers.containerAfterTitle.contains(nextToken.lowercased().trimming(".,:;()")) {
        sink.start("")
        sink.string(label)
        sink.text(":next-in>")
        sink.string(sequence[index + 1])
        sink.end()
      }
    }
  }

  /// `unbalanced:label` when the field opens more brackets than it closes or the reverse (its
  /// boundary is wrong); for titles, containers and journals also `label:quote-inside` when a
  /// token before the last ends in a closing quote (the field runs on past its quotes) and
  /// `label:quote-open` when it opens with a quote and its last token has no closing one.
  package static func bracketFeatures<Sink: FeatureSink>(
    tokens: [String], range: Range<Int>, label: String, into sink: inout Sink
  ) {
    var depth = 0
    var closesInside = false
    for t in range {
      for scalar in tokens[t].unicodeScalars {
        if scalar == "(" || scalar == "[" { depth += 1 }
        if scalar == ")" || scalar == "]" { depth -= 1 }
      }
      if t + 1 < range.upperBound,
        let last = tokens[t].unicodeScalars.last(where: { !".,:;".unicodeScalars.contains($0) }),
        "”\"’»".unicodeScalars.contains(last)
      {
        closesInside = true
      }
    }
    if depth != 0 { sink.add("unbalanced:", label) }
    guard shaped.contains(label) else { return }
    if closesInside {
      sink.start("")
      sink.string(label)
      sink.text(":quote-inside")
      sink.end()
    }
    let opens =
      tokens[range.lowerBound].unicodeScalars.first.map { "“\"«".unicodeScalars.contains($0) }
      ?? false
    let closes = tokens[range.upperBound - 1].unicodeScalars.contains {
      "”\"»".unicodeScalars.contains($0)
    }
    if opens && !closes {
      sink.start("")
      sink.string(label)
      sink.text(":quote-open")
      sink.end()
    }
  }

  /// Characters that do not count at either end of a field (as `score.py` strips them).
  package static let fieldPunctuation = Set(" \t\n.,;:()[]{}\"'“”‘’«»„‟‹›-–—/\\".unicodeScalars)

  /// The fields of a labelling: each segment's label and its text without surrounding
  /// punctuation (`label<TAB>text`), with how often each occurs; segments of punctuation alone
  /// are not fields.
  package static func fields(tokens: [String], labels: [String]) -> [String: Int] {
    var fields: [String: Int] = [:]
    for range in segmentsOf(labels) where range.upperBound <= tokens.count {
      var text = Substring(tokens[range].joined(separator: " ")).unicodeScalars
      while let first = text.first, fieldPunctuation.contains(first) { text = text.dropFirst() }
      while let last = text.last, fieldPunctuation.contains(last) { text = text.dropLast() }
      if text.isEmpty { continue }
      fields[labels[range.lowerBound] + "\t" + String(text), default: 0] += 1
    }
    return fields
  }

  /// The token ranges of the runs of equal labels.
  package static func segmentsOf(_ labels: [String]) -> [Range<Int>] {
    var segments: [Range<Int>] = []
    var start = 0
    for i in labels.indices.dropFirst() where labels[i] != labels[i - 1] {
      segments.append(start..<i)
      start = i
    }
    if !labels.isEmpty { segments.append(start..<labels.count) }
    return segments
  }

  /// A count as the smallest of 1, 2, 3, 5, 8, 12, 20 that holds it, or "big".
  package static func bucket(_ count: Int) -> String {
    for limit in [1, 2, 3, 5, 8, 12, 20] where count <= limit { return String(limit) }
    return "big"
  }

  /// A score gap in units as "0" (the best), "1" (below one unit), "2", "4", "8" or "big".
  package static func gapBucket(_ units: Float) -> String {
    if units <= 0 { return "0" }
    for limit: Float in [1, 2, 4, 8] where units < limit { return String(Int(limit)) }
    return "big"
  }

  /// How a field opens: "q" quote, "U" upper-case, "l" lower-case, "d" digit, "o" other.
  package static func openingClass(_ scalar: Unicode.Scalar?) -> String {
    guard let scalar else { return "o" }
    if "\"“«‘'".unicodeScalars.contains(scalar) { return "q" }
    if scalar.properties.isUppercase { return "U" }
    if scalar.properties.isLowercase { return "l" }
    if scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit {
      return "d"
    }
    return "o"
  }
}
