/// What a spreadsheet file is, sniffed from its bytes rather than its extension.
public enum FileFormat: String, Sendable {
  case xlsx
  case csv
}

public enum SheetState: String, Sendable {
  case visible, hidden, veryHidden
}

public enum SheetKind: String, Sendable {
  case worksheet, chartsheet, other
}

public struct SheetInfo: Sendable, Equatable {
  public var name: String
  public var state: SheetState
  public var kind: SheetKind
  public init(name: String, state: SheetState, kind: SheetKind) {
    self.name = name
    self.state = state
    self.kind = kind
  }
}

/// What is known about a sheet only once it has been read to the end
/// (in a worksheet part, `<mergeCells>` follows `<sheetData>`).
public struct SheetTail: Sendable, Equatable {
  public var merged: [CellRange]
  public init(merged: [CellRange] = []) { self.merged = merged }
}

/// Limits that keep hostile files from exhausting time or memory.
public struct ReadLimits: Sendable, Equatable {
  /// Largest uncompressed size of one package part.
  public var maxPartBytes: Int64 = 1 << 30
  /// Largest ratio of uncompressed to compressed size of one part.
  public var maxCompressionRatio: Int64 = 200
  /// Deepest XML nesting accepted.
  public var maxXMLDepth: Int = 256
  /// Largest number of entries in a shared-strings table.
  public var maxSharedStrings: Int = 10_000_000
  /// Largest CSV file read.
  public var maxCSVBytes: Int64 = 1 << 30
  /// Largest single CSV field.
  public var maxCSVFieldBytes: Int = 16 << 20
  /// Most cells held for one sheet, counting the empty cells before a value
  /// (a row reaching column XFD holds 16,384), and most cells merged ranges may
  /// fill: a sheet claiming the whole grid must not become a grid in memory.
  /// 20 million (24 bytes each, about 480 MB at most) holds a national roll-up
  /// of a million rows by 20 columns; two thousand rows reaching XFD (33
  /// million) are still refused.
  public var maxSheetCells: Int = 20_000_000
  public init() {}
}
