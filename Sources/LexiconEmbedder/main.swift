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
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      continue
    }
    if isDirectory.boolValue { found += listFiles(url, relative: path) } else { found.append(path) }
  }
  return found
}

let paths = listFiles(root, relative: "").sorted {
  Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
}
if paths.isEmpty { fail("no files under \(root.path)") }

var source = """
  // Generated at build time by LexiconEmbedder (Plugins/EmbedLexicons) from Lexicons/. Do not edit.

  enum EmbeddedLexiconData {

  """
var manifest = ""
var literals = ""
var total = 0
for path in paths {
  guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
  else {
    fail("cannot read \(path)")
  }
  let bytes = [UInt8](data)
  guard let text = String(validating: bytes, as: UTF8.self) else {
    fail("\(path) is not valid UTF-8")
  }
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
source +=
  "  /// SHA-256 of the `sha256sum` manifest of the \(paths.count) files (\(total) bytes).\n"
source += "  static let checksum = \"sha256:\(SHA256.hex(Array(manifest.utf8)))\"\n\n"
source += "  /// Every file: path relative to Lexicons/, and its text.\n"
source += "  static let files: [(path: String, text: String)] = [\n" + literals + "  ]\n}\n"
do {
  // Rewrite only when something changed, so that an unchanged Lexicons/ recompiles nothing.
  if let old = FileManager.default.contents(atPath: output.path), old == Data(source.utf8) {
    exit(0)
  }
  try Data(source.utf8).write(to: output, options: .atomic)
} catch {
  fail("cannot write \(output.path): \(error)")
}

/// FIPS 180-4 SHA-256, enough for a data checksum without a crypto dependency.
enum SHA256 {
  static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585,
    0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  static func hex(_ message: [UInt8]) -> String {
    var h: [UInt32] = [
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
      0x5be0_cd19,
    ]
    var padded = message
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bits = UInt64(message.count) * 8
    for shift in stride(from: 56, through: 0, by: -8) {
      padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    var w = [UInt32](repeating: 0, count: 64)
    for block in stride(from: 0, to: padded.count, by: 64) {
      for i in 0..<16 {
        let j = block + 4 * i
        w[i] =
          UInt32(padded[j]) << 24 | UInt32(padded[j + 1]) << 16 | UInt32(padded[j + 2]) << 8
          | UInt32(padded[j + 3])
      }
      for i in 16..<64 {
        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
      for i in 0..<64 {
        let t1 =
          hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
      }
      for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
    }
    return h.map { String(format: "%08x", $0) }.joined()
  }
}
