// Build-time tool run by the EmbedLexicons plugin: turns every file under Lexicons/ into a Swift
// string literal, so that the `normalize` binary carries its shipped data wherever it is copied.
//
//   LexiconEmbedder <Lexicons folder> <output .swift file>
//
// Files are listed in byte order of their path relative to the folder (hidden files skipped).
// Each must be valid UTF-8; its text is written as a one-line string literal whose escapes
// (backslash, quote, controls) give back exactly the same bytes. The data checksum is the
// SHA-256 of the manifest `sha256sum` prints for the same files, so a user can recompute it:
//   (cd Lexicons && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum) | sha256sum
import Foundation

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("LexiconEmbedder: " + message + "\n").utf8))
  exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: LexiconEmbedder <Lexicons folder> <output.swift>") }
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// Regular files under `folder`, as paths relative to `root`, hidden names skipped.
func listFiles(_ folder: URL, relative: String) -> [String] {
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
    fail("cannot list \(folder.path)")
  }
  var found: [String] = []
  for name in names where !name.hasPrefix(".") {
    let url = folder.appendingPathComponent(name)
    let path = relative.isEmpty ? name : relative + "/" + name
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
    if isDirectory.boolValue { found += listFiles(url, relative: path) } else { found.append(path) }
  }
  return found
}

let paths = listFiles(root, relative: "").sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
if paths.isEmpty { fail("no files under \(root.path)") }

var source = """
  // Generated at build time by LexiconEmbedder (Plugins/EmbedLexicons) from Lexicons/. Do not edit.

  enum EmbeddedLexiconData {

  """
var manifest = ""
var literals = ""
var total = 0
for path in paths {
  guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
    fail("cannot read \(path)")
  }
  let bytes = [UInt8](data)
  guard let text = String(validating: bytes, as: UTF8.self) else { fail("\(path) is not valid UTF-8") }
  total += bytes.count
  manifest += SHA256.hex(bytes) + "  " + path + "\n"
  var literal = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": literal += "\\\\"
    case "\"": literal += "\\\""
    case "\n": literal += "\\n"
    case "\t": literal += "\\t"
    case "\r": literal += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        literal += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        literal.unicodeScalars.append(scalar)
      }
    }
  }
  literal += "\""
  literals += "    (\"\(path)\", \(literal)),\n"
}
source += "  /// SHA-256 of the `sha256sum` manifest of the \(paths.count) files (\(total) bytes).\n"
source += "  static let checksum = \"sha256:\(SHA256.hex(Array(manifest.utf8)))\"\n\n"
source += "  /// Every file: path relative to Lexicons/, and its text.\n"
source += "  static let files: [(path: String, text: String)] = [\n" + literals + "  ]\n}\n"
do {
  // Rewrite only when something changed, so that an unchanged Lexicons/ recompiles nothing.
  if let old = FileManager.default.contents(atPath: output.path), old == Data(source.utf8) { exit(0) }
  try Data(source.utf8).write(to: output, options: .atomic)
} catch {
  fail("cannot write \(output.path): \(error)")
}

/// FIPS 180-4 SHA-256, enough for a data checksum without a crypto dependency.
enum SHA256 {
  static let k: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]

  static func hex(_ message: [UInt8]) -> String {
    var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    var padded = message
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bits = UInt64(message.count) * 8
    for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    var w = [UInt32](repeating: 0, count: 64)
    for block in stride(from: 0, to: padded.count, by: 64) {
      for i in 0..<16 {
        let j = block + 4 * i
        w[i] = UInt32(padded[j]) << 24 | UInt32(padded[j + 1]) << 16 | UInt32(padded[j + 2]) << 8 | UInt32(padded[j + 3])
      }
      for i in 16..<64 {
        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
      for i in 0..<64 {
        let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
      }
      for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
    }
    return h.map { String(format: "%08x", $0) }.joined()
  }
}
