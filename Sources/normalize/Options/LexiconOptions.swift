import ArgumentParser

/// `--lexicons DIR`, shared by every subcommand that reads lexicons.
struct LexiconOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicons"),
    help: ArgumentHelp(
      "A folder of extra lexicons laid out as <language>/<kind>.tsv, read on top of the shipped ones.",
      valueName: "dir"))
  var extraLexicons: [String] = []
}
