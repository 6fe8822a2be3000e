import ArgumentParser

/// `normalize lexicon`: build, merge, check and look up name lexicons.
struct Lexicon: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon",
    abstract: "Build, merge, check and look up name lexicons.",
    discussion: """
      A name lexicon lists every person, place and organisation of a corpus with its spelling variants grouped under one canonical form, in the alias format of Lexicons/all/aliases.tsv (see Lexicons/README.md). Edit it and feed it back with --lexicons FILE.

        normalize lexicon build corpus/ -o names.tsv
        normalize lexicon merge shard1.tsv shard2.tsv -o names.tsv
        normalize lexicon check Lexicons/
        normalize lexicon lookup "Zelenskiy"
        normalize lexicon export my-lexicons/     the built-in data, as files
        normalize --lexicons names.tsv corpus/
      """,
    subcommands: [
      LexiconBuild.self, LexiconMerge.self, LexiconCheck.self, LexiconLookup.self,
      LexiconExport.self,
    ])
}
