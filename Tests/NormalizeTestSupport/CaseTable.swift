import Foundation

/// Loads a JSON case table (`Tests/<Module>Tests/Cases/<topic>.json`, an array of cases) into
/// any `Decodable` case type, for `@Test(arguments:)`.
///
/// ```swift
/// @Test(arguments: try CaseTable.load("passes.json", in: CaseTable.folder(besides: #filePath), as: PassCase.self))
/// func pass(_ testCase: PassCase) { … }
/// ```
public enum CaseTable {
  /// A case table that cannot be read or decoded; names the file.
  public struct LoadError: Error, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong.
    public var message: String
    public var description: String { "\(path): \(message)" }
  }

  /// The `Cases` folder next to the test source file `filePath` (pass `#filePath`).
  public static func folder(besides filePath: StaticString) -> URL {
    TestPaths.folder(of: filePath).appendingPathComponent("Cases")
  }

  /// Decodes the array of cases in `folder/name`.
  ///
  /// - Throws: `LoadError` naming the file and, for JSON errors, the decoding path.
  public static func load<Case: Decodable>(_ name: String, in folder: URL, as type: Case.Type = Case.self) throws -> [Case] {
    let url = folder.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw LoadError(path: url.path, message: "cannot read the case table")
    }
    do {
      return try JSONDecoder().decode([Case].self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw LoadError(path: url.path, message: "missing key \"\(key.stringValue)\" at \(describe(context.codingPath))")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      throw LoadError(path: url.path, message: "\(context.debugDescription) at \(describe(context.codingPath))")
    }
  }

  /// Like `load(_:in:as:)` but returns no cases when the table cannot be read, for use in
  /// `@Test(arguments:)`; pair it with a well-formedness test that calls the throwing `load`.
  public static func loadOrEmpty<Case: Decodable>(_ name: String, in folder: URL, as type: Case.Type = Case.self) -> [Case] {
    (try? load(name, in: folder, as: type)) ?? []
  }

  private static func describe(_ path: [CodingKey]) -> String {
    path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
