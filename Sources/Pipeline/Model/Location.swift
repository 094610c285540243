import Spreadsheet

/// Where a finding points: a file, maybe a sheet, maybe a row and a column.
public struct Location: Sendable, Hashable {
  /// Path relative to the inputs folder.
  public var file: String
  /// `nil` for a CSV or for the file as a whole.
  public var sheet: String?
  public var row: Int?
  /// 1-based column, when the finding is about one cell.
  public var column: Int?

  public init(file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
    self.file = file
    self.sheet = sheet
    self.row = row
    self.column = column
  }

  /// The cell as a spreadsheet program shows it (also for a CSV opened in one).
  public var cell: String? {
    guard let row, let column else { return nil }
    return CellAddress.a1(row: row, column: column)
  }
}
