import Foundation

/// A readable spreadsheet: its sheets, and a stream of each sheet's rows.
public protocol SheetSource: AnyObject {
  var format: FileFormat { get }
  var sheets: [SheetInfo] { get }
  /// Streams the rows of sheet `index` (0-based, workbook order) in row order,
  /// skipping rows with no cell. Returns what is known once the sheet has been read.
  func readSheet(_ index: Int, _ onRow: (Row) throws -> Void) throws -> SheetTail
}

/// The entry point: sniffs what a file is from its first bytes and opens it.
public enum SpreadsheetReader {
  /// Opens `path` as XLSX (when its bytes are a zip) or as CSV (when its extension
  /// says delimited text). Everything else is a typed `ReadError`.
  public static func open(path: String, limits: ReadLimits = ReadLimits()) throws -> any SheetSource
  {
    try open(ReadableFile(path: path), limits: limits)
  }

  /// Reads `file` through its one descriptor; the source needs nothing of it
  /// once returned.
  public static func open(_ file: ReadableFile, limits: ReadLimits = ReadLimits()) throws
    -> any SheetSource
  {
    switch try FileSniffer.sniff(file) {
    case .zip:
      return try XLSXWorkbook(file: file, limits: limits)
    case .cfbEncrypted:
      throw ReadError.encrypted
    case .cfbOther:
      throw ReadError.unsupportedFormat(.xls)
    case .empty:
      throw ReadError.notASpreadsheet
    case .other:
      if FileSniffer.isDelimitedTextName(file.path) {
        return try CSVDocument(file: file, limits: limits)
      }
      throw ReadError.notASpreadsheet
    }
  }
}
