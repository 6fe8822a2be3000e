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
    /// The path and the message.
    public var description: String { "\(path): \(message)" }

    /// An error about the table (or folder) at `path`.
    public init(path: String, message: String) {
      self.path = path
      self.message = message
    }
  }

  /// The `Cases` folder next to the test source file `filePath` (pass `#filePath`).
  public static func folder(besides filePath: StaticString) -> URL {
    TestPaths.folder(of: filePath).appendingPathComponent("Cases")
  }

  /// Decodes the array of cases in `folder/name`. Use it in `@Test(arguments: try …)`: a table
  /// that cannot be read, does not decode or has no cases then fails the test (Swift Testing
  /// records the thrown error) instead of running zero cases silently.
  ///
  /// - Throws: `LoadError` naming the file and, for JSON errors, the decoding path; also when
  ///   the table is empty.
  public static func load<Case: Decodable>(
    _ name: String, in folder: URL, as type: Case.Type = Case.self
  ) throws -> [Case] {
    let url = folder.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw LoadError(path: url.path, message: "cannot read the case table")
    }
    let cases: [Case]
    do {
      cases = try JSONDecoder().decode([Case].self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw LoadError(
        path: url.path,
        message: "missing key \"\(key.stringValue)\" at \(describe(context.codingPath))")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      throw LoadError(
        path: url.path, message: "\(context.debugDescription) at \(describe(context.codingPath))")
    }
    guard !cases.isEmpty else {
      throw LoadError(
        path: url.path, message: "the table has no cases; add one or remove the table")
    }
    return cases
  }

  /// Like `load(_:in:as:)` but returns no cases when the table cannot be read: a test over it
  /// runs zero cases silently. Kept only until the suites that still call it move to
  /// `@Test(arguments: try CaseTable.load(…))`.
  @available(
    *, deprecated,
    message:
      "use `@Test(arguments: try CaseTable.load(…))`, which fails on an unreadable or empty table"
  )
  public static func loadOrEmpty<Case: Decodable>(
    _ name: String, in folder: URL, as type: Case.Type = Case.self
  ) -> [Case] {
    (try? load(name, in: folder, as: type)) ?? []
  }

  private static func describe(_ path: [CodingKey]) -> String {
    path.isEmpty
      ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
