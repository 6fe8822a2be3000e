import Foundation

/// Checks JSON values against the subset of JSON Schema (2020-12) that
/// `Schemas/normalize.article.1.schema.json` uses: type, const, enum, required, properties,
/// additionalProperties: false, items, minimum, minLength, pattern, oneOf, and local `$ref`s.
/// Any other keyword in the schema is reported as unsupported, so the subset cannot silently
/// ignore a rule. The one external `$ref` (the official CSL item schema, which is not shipped
/// here) is checked as "an object" only; `Scripts/test-records` validates the records with
/// Python's `jsonschema` against the full schema, CSL included.
struct SchemaValidator {
  let root: [String: Any]
  private static let supported: Set<String> = [
    "$schema", "$id", "$comment", "title", "description", "$defs", "type", "const", "enum",
    "required", "properties",
    "additionalProperties", "items", "minimum", "minLength", "pattern", "oneOf", "$ref",
  ]

  init(schemaURL: URL) throws {
    let data = try Data(contentsOf: schemaURL)
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SchemaError("schema is not an object")
    }
    self.root = root
  }

  /// Every violation, as "path: message".
  func validate(_ value: Any) -> [String] {
    var errors: [String] = []
    check(value, against: root, path: "$", errors: &errors)
    return errors
  }

  private func resolve(_ schema: [String: Any]) -> [String: Any] {
    if let ref = schema["$ref"] as? String, !ref.hasPrefix("#") { return ["type": "object"] }
    guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
      let defs = root["$defs"] as? [String: Any],
      let target = defs[String(ref.dropFirst(8))] as? [String: Any]
    else { return schema }
    return target
  }

  private func typeName(_ value: Any) -> String {
    switch value {
    case is NSNull: return "null"
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return "boolean" }
      return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
    case is String: return "string"
    case is [Any]: return "array"
    case is [String: Any]: return "object"
    default: return "unknown"
    }
  }

  private func check(
    _ value: Any, against rawSchema: [String: Any], path: String, errors: inout [String]
  ) {
    let schema = resolve(rawSchema)
    for key in schema.keys where !Self.supported.contains(key) {
      errors.append("\(path): schema keyword \(key) is not supported by the test validator")
    }
    let actual = typeName(value)
    if let type = schema["type"] {
      let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
      let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !ok {
        errors.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)")
        return
      }
    }
    if let constant = schema["const"] as? String, (value as? String) != constant {
      errors.append("\(path): expected the constant \(constant)")
    }
    if let options = schema["enum"] as? [String], !options.contains((value as? String) ?? "\u{0}") {
      errors.append("\(path): \(value) is not one of \(options)")
    }
    if let oneOf = schema["oneOf"] as? [[String: Any]] {
      let matches = oneOf.filter { option in
        var sub: [String] = []
        check(value, against: option, path: path, errors: &sub)
        return sub.isEmpty
      }
      if matches.count != 1 {
        errors.append(
          "\(path): matches \(matches.count) of the oneOf alternatives, not exactly one")
      }
    }
    if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber,
      number.doubleValue < minimum
    {
      errors.append("\(path): \(number) is below the minimum \(minimum)")
    }
    if let string = value as? String {
      if let minLength = schema["minLength"] as? Int, string.unicodeScalars.count < minLength {
        errors.append("\(path): shorter than \(minLength)")
      }
      if let pattern = schema["pattern"] as? String {
        let regex = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(string.startIndex..., in: string)
        if regex?.firstMatch(in: string, range: range) == nil {
          errors.append("\(path): \"\(string)\" does not match \(pattern)")
        }
      }
    }
    if let object = value as? [String: Any] {
      for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
        errors.append("\(path): missing required \(key)")
      }
      let properties = (schema["properties"] as? [String: Any]) ?? [:]
      for (key, child) in object {
        if let childSchema = properties[key] as? [String: Any] {
          check(child, against: childSchema, path: "\(path).\(key)", errors: &errors)
        } else if (schema["additionalProperties"] as? Bool) == false {
          errors.append("\(path): unexpected property \(key)")
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, element) in array.enumerated() {
        check(element, against: items, path: "\(path)[\(index)]", errors: &errors)
      }
    }
  }
}

struct SchemaError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
