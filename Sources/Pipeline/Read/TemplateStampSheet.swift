import Spreadsheet
import Standard

extension FileProcessor {
  static let stampSheetKey = MatchKey.of(TemplateStamp.sheetName)

  /// What a template's list sheet says of the template's version.
  enum TemplateStampReading: Equatable {
    /// No stamp label: the sheet is read as any other.
    case absent
    /// The label, but no version under it.
    case unreadable
    case version(Int)
  }

  /// The template version stamped in a template's list sheet (A1 the label,
  /// A2 the version).
  func templateStamp(_ source: any SheetSource, sheet: Int, name: String) throws
    -> TemplateStampReading
  {
    var label = ""
    var value = ""
    _ = try source.readSheet(sheet) { row in
      guard row.number <= 2, let first = row.cells.first else { return }
      if row.number == 1 { label = first.plainText } else { value = first.plainText }
    }
    guard MatchKey.of(label) == MatchKey.of(TemplateStamp.label) else { return .absent }
    return Int(TextCleaner.clean(value)).map { .version($0) } ?? .unreadable
  }
}
