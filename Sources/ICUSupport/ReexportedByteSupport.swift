// The byte, UTF-8 and hash helpers (`ByteScanner`, `UTF8Scan`, `ByteText`, `FNV1a`) live in
// ByteSupport, which needs no ICU; every module that imports ICUSupport sees them too.
@_exported import ByteSupport
