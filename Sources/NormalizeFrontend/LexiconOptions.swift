import ArgumentParser

/// `--lexicons DIR`, shared by every subcommand that reads lexicons.
public struct LexiconOptions: ParsableArguments {
  /// The folders and name-lexicon files given with `--lexicons`, in order.
  @Option(
    name: .customLong("lexicons"),
    help: ArgumentHelp(
      "Extra lexicons read on top of the shipped ones: a folder laid out as <language>/<kind>.tsv, or a name lexicon file (.tsv) written by `normalize lexicon build`.",
      valueName: "dir|file"))
  public var extraLexicons: [String] = []

  /// Options with no extra lexicons (ArgumentParser fills them from the command line).
  public init() {}
}
