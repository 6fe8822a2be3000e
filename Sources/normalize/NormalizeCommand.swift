import ArgumentParser

/// The `normalize` command tree. `normalize [PATHS…]` runs the article pipeline (the default
/// subcommand `process`); the focused subcommands each expose one capability.
@main
struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Clean and annotate scraped news articles: one JSON record per article.",
    discussion: """
      Reads articles from files, folders or standard input and writes one record per article
      (schema normalize.article/1) as JSON Lines, in input order.

        normalize article.txt                       # one plain-text article
        normalize corpus/ -o records.jsonl          # every .txt/.jsonl under corpus/
        normalize --published 2025-05-28 < a.txt    # relative dates need a publication date
        cat batch.jsonl | normalize --jobs 2 --rejects rejects.jsonl

      JSON Lines input: one object per line with "text" (required) and optionally "id",
      "published" (YYYY-MM-DD), "url", "title", "lang"; other fields are kept under "input".

      Exit status: 0 all inputs written; 1 some inputs rejected; 2 usage error or unreadable input.
      """,
    subcommands: [Process.self, Clean.self],
    defaultSubcommand: Process.self
  )
}
