// NormalizeKit: one import for every Normalize library module.
//
// ```swift
// import NormalizeKit
// let cleaned = TextCleaner().clean("Ｓｅｏｕｌ\u{A0}– Yoo Yong\u{2010}won")
// ```
@_exported import ArticleRecords
@_exported import Citations
@_exported import DateResolution
@_exported import HTMLExtraction
@_exported import ICUSupport
@_exported import IngestValidation
@_exported import NameNormalization
@_exported import NormalizeCore
@_exported import TextCleaning
