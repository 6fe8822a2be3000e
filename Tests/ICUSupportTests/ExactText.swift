// ICUSupportTests does not depend on NormalizeTestSupport (Package.swift), so it carries its own
// copy of the one helper it needs.

extension String {
  /// The scalars written out (`\u{301}` for non-ASCII), for exact comparisons: `==` on
  /// strings is canonical equivalence and would call "e\u{301}" equal to "é".
  var exact: String {
    unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
  }
}
