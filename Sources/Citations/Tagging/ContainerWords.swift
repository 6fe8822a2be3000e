/// Words that open a container, the book or journal a chapter or article appears in: English
/// "In", French "dans", Spanish "en", German "im", Russian "в", Polish and Czech "na",
/// Croatian and Serbian "u", Ukrainian "у". The one list the tagger's features, its repair
/// rules and the reranker read.
///
/// ```swift
/// ContainerWords.all.contains("dans")         // true: "… . Dans J. Dupont (dir.), Histoire …"
/// ContainerWords.afterTitle.contains("в")     // false: the reranker's feature is Latin-only
/// ```
enum ContainerWords {
  /// Every language's container words, lowercased (a tagger feature and a repair rule).
  static let all: Set<String> = ["in", "dans", "в", "en", "im", "na", "u", "у"]
  /// The ones the reranker looks for right after a title: its weights were trained with
  /// these four, so the list stays as it is until the reranker is retrained.
  static let afterTitle: Set<String> = ["in", "dans", "en", "im"]
}
