/// The lexicons shipped in the repository's `Lexicons/` folder (the reference model under
/// `Lexicons/refs` included), compiled into the binary at build time by the `EmbedLexicons`
/// plugin, so that a copied or installed `normalize` needs no data files beside it.
///
/// ```swift
/// let provider = try DirectoryLexiconProvider(embedded: ShippedLexicons.files, roots: [])
/// try provider.entries(kind: "surnames", language: "ko").first?.fields  // from ko/surnames.tsv
/// ShippedLexicons.checksum  // "sha256:…", the same as the shell command below prints
/// ```
///
/// The checksum is the SHA-256 of the manifest `sha256sum` writes for the files, so it can be
/// recomputed from a checkout:
/// `(cd Lexicons && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum) | sha256sum`.
public enum ShippedLexicons {
  /// Every file under `Lexicons/`: its path relative to that folder ("ko/surnames.tsv",
  /// "refs/README.md") and its text, byte for byte; sorted by path.
  public static var files: [(path: String, text: String)] { EmbeddedLexiconData.files }

  /// "sha256:" and the hex SHA-256 of the files' `sha256sum` manifest.
  public static var checksum: String { EmbeddedLexiconData.checksum }

  /// The total size of the files in bytes.
  public static var byteCount: Int {
    EmbeddedLexiconData.files.reduce(0) { $0 + $1.text.utf8.count }
  }
}
