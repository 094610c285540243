/// Why a file could not be read. A typed value: the catalog of messages turns it
/// into a sentence in the user's language; the reader never produces prose.
public enum ReadError: Error, Equatable, Sendable {
  /// The file could not be opened or read at all (missing, permissions, I/O).
  case io(path: String, errno: Int32)
  /// A FIFO, a device, a socket or a kernel file (`/proc`, `/sys`): never read,
  /// since reading it may block or never end.
  case notRegularFile(path: String)
  /// A legacy or foreign format: `.xls` (BIFF), `.xlsb`, ODF, Apple Numbers.
  case unsupportedFormat(UnsupportedFormat)
  /// An OLE/CFB container with `EncryptionInfo`: a password-protected workbook.
  case encrypted
  /// Empty, or not a spreadsheet at all.
  case notASpreadsheet
  /// The zip container is damaged (truncated, bad offsets, bad checksum); `part`
  /// is the entry being read, nil when the archive itself cannot be opened.
  case corruptArchive(part: String?, detail: String)
  /// A part the package needs is missing.
  case missingPart(String)
  /// An XML part is not well-formed.
  case malformedXML(part: String, line: Int, detail: String)
  /// A cell or row address that is not a valid A1 reference (`A0`, `0`).
  case invalidCellReference(part: String, reference: String)
  /// A configured limit was reached (size, ratio, depth, count, entities).
  case limitExceeded(LimitKind, part: String)
  /// The workbook has no sheet of the requested name; `available` names the
  /// sheets it has, when the one asked for came from a person.
  case noSuchSheet(String, available: [String] = [])
}

public enum UnsupportedFormat: String, Sendable {
  case xls, xlsb, ods, numbers
}

public enum LimitKind: String, Sendable {
  case partSize = "part-size"
  case compressionRatio = "compression-ratio"
  case xmlDepth = "xml-depth"
  case entityExpansion = "entity-expansion"
  case sharedStrings = "shared-strings"
  case csvSize = "csv-size"
  case csvField = "csv-field"
  case sheetCells = "sheet-cells"
}
