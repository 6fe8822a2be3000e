import Foundation
import NormalizeTestSupport
import ShippedLexicons
import Testing

/// The lexicons compiled into the binary are exactly the files under `Lexicons/`: same paths,
/// same bytes (the build-tool plugin regenerates them whenever a file changes).
@Suite struct ShippedLexiconsTests {
  @Test func embeddedFilesMatchTheLexiconsFolder() throws {
    let root = TestPaths.repoRoot.appendingPathComponent("Lexicons")
    var onDisk: [String] = []
    let walker = try #require(FileManager.default.enumerator(atPath: root.path))
    while let relative = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let name = (relative as NSString).lastPathComponent
      if FileManager.default.fileExists(
        atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory),
        !isDirectory.boolValue, !name.hasPrefix(".")
      {
        onDisk.append(relative)
      }
    }
    #expect(
      ShippedLexicons.files.map(\.path)
        == onDisk.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    for (path, text) in ShippedLexicons.files {
      let bytes = try Data(contentsOf: root.appendingPathComponent(path))
      #expect(Array(text.utf8) == Array(bytes), "\(path) differs from the built-in copy")
    }
    #expect(ShippedLexicons.checksum.hasPrefix("sha256:") && ShippedLexicons.checksum.count == 71)
  }
}
