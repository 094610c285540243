import Spreadsheet

/// The accounting of one imported sheet or CSV (`sumber[].tabel[]`).
public struct TableSummary: Sendable {
  public var sheet: String?
  public var sheetIndex: Int
  public var domain: String
  public var headerRow: Int?
  public var dataRows = 0
  public var accepted = 0
  public var rejected = 0
  public var blank = 0
}

/// One input file and what became of it (`sumber[]`).
public struct SourceFile: Sendable {
  public var path: String
  /// The whole file's SHA-256; nil when it could not be read to its end.
  public var sha256: String?
  public var readable: Bool
  public var format: FileFormat?
  public var tables: [TableSummary] = []
  /// Who filled it in (its Identitas sheet), when it says.
  public var contact: Contact?
  /// The OPD its Identitas sheet names, when it names a known one.
  public var identityOPD: String?
}
