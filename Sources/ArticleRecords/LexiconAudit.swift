import Citations
import Foundation
import NameNormalization
import NormalizeCore

/// Checks lexicon files the way `normalize lexicon check` reports them: every problem, each with
/// its file and line, instead of stopping at the first.
///
/// ```swift
/// let problems = LexiconAudit.check(URL(fileURLWithPath: "Lexicons"))
/// // ["all/aliases.tsv:12: \"Kiev\" already belongs to \"Kyiv\" (all/aliases.tsv:3); …"]
/// ```
///
/// What it checks: every `.tsv` file's shared rules (UTF-8, NFC, TAB-separated non-empty
/// fields); alias files (`aliases.tsv`, or a single file given directly) for their format, a
/// spelling under two entries, one canonical form with two kinds and variants listed twice;
/// and then, when the files are well-formed, that the whole folder loads into the pipeline
/// (regular expressions compile, cue roles, name tables and citation markers are valid).
public enum LexiconAudit {
  /// The problems in a lexicon folder (laid out as `<language>/<kind>.tsv`) or in one alias file.
  public static func check(_ location: URL) -> [LexiconError] {
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    guard fm.fileExists(atPath: location.path, isDirectory: &isFolder) else {
      return [.missingRoot(path: location.path)]
    }
    if !isFolder.boolValue {
      return checkFile(location, path: location.path, language: "all", kind: "aliases").problems
    }
    var problems: [LexiconError] = []
    var aliasLines: [LexiconEntry] = []
    let languages = ((try? fm.contentsOfDirectory(atPath: location.path)) ?? []).sorted()
    for language in languages {
      let folder = location.appendingPathComponent(language)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
      else { continue }
      for file in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      where file.hasSuffix(".tsv") {
        let kind = String(file.dropLast(4))
        let result = checkFile(
          folder.appendingPathComponent(file), path: "\(language)/\(file)", language: language,
          kind: kind)
        problems += result.problems
        if kind == AliasLexicon.kind { aliasLines += result.aliasLines }
      }
    }
    problems += AliasLexicon.problems(in: aliasLines).filter { problem in
      !problems.contains(problem)
    }
    if problems.isEmpty {
      do {
        let provider = try DirectoryLexiconProvider(roots: [location])
        _ = try RecordAssembler(lexicons: provider)
        // The reference parser loads its markers when `ref` first runs; check them here too.
        _ = try CitationMarkers(lexicons: provider)
      } catch let error as LexiconError {
        problems.append(error)
      } catch {
        problems.append(.unreadable(path: location.path, message: "\(error)"))
      }
    }
    return problems
  }

  private static func checkFile(_ url: URL, path: String, language: String, kind: String) -> (
    problems: [LexiconError], aliasLines: [LexiconEntry]
  ) {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return ([.unreadable(path: path, message: "cannot read the file")], [])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return ([.unreadable(path: path, message: "not valid UTF-8; save it as UTF-8")], [])
    }
    let parsed = LexiconParser.parseAll(text, path: path, language: language)
    if kind == AliasLexicon.kind && !url.hasDirectoryPath && path == url.path {
      // A single alias file: its own semantic checks.
      return (parsed.problems + AliasLexicon.problems(in: parsed.entries), [])
    }
    return (parsed.problems, kind == AliasLexicon.kind ? parsed.entries : [])
  }
}
