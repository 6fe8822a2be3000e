// Build-tool plugin: before the ShippedLexicons target compiles, runs LexiconEmbedder over the
// package's Lexicons/ folder to generate EmbeddedLexiconData.swift (every file as a string
// literal, plus the data checksum). Every file under Lexicons/ is an input of the command, so
// editing, adding or removing one regenerates the source on the next build.
import Foundation
import PackagePlugin

@main
struct EmbedLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let lexicons = context.package.directory.appending("Lexicons")
    let output = context.pluginWorkDirectory.appending("EmbeddedLexiconData.swift")
    var inputs: [Path] = []
    if let walker = FileManager.default.enumerator(atPath: lexicons.string) {
      while let relative = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = lexicons.appending(subpath: relative)
        if FileManager.default.fileExists(atPath: path.string, isDirectory: &isDirectory),
          !isDirectory.boolValue
        {
          inputs.append(path)
        }
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding Lexicons/ (\(inputs.count) files) into \(target.name)",
        executable: try context.tool(named: "LexiconEmbedder").path,
        arguments: [lexicons.string, output.string],
        inputFiles: inputs.sorted { $0.string < $1.string },
        outputFiles: [output])
    ]
  }
}
