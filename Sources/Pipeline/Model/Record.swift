import Spreadsheet
import Standard

/// A value in the standard's form (SPEC §7 value forms).
public enum Value: Sendable, Hashable {
  case text(String)
  case number(Double)
  case integer(Int)
  case date(CivilDate)
  case list([String])
}

/// Where a record came from.
public struct Origin: Sendable, Hashable {
  public var file: String
  public var sheet: String?
  public var sheetIndex: Int
  public var row: Int
}

/// One data row of a table turned into a record of a domain.
public struct Record: Sendable {
  public var domain: String
  /// The resolved OPD code, when it could be resolved.
  public var opd: String?
  /// Field key → value; a missing key is an empty field.
  public var values: [String: Value]
  /// Unknown columns: label → cell, so nothing typed is lost.
  public var extra: [(String, Cell)]
  /// Every cell of the row by column label, as `ditolak` reports a rejected record.
  public var raw: [(String, Cell)]
  /// Where each field's value was read (for findings raised in later stages).
  public var fieldColumns: [String: (column: Int, label: String)]
  public var origin: Origin
  /// Indices into the run's findings of the findings about this record.
  public var findings: [Int] = []
  public var rejected = false
  /// The id as written, before any id was assigned.
  public var idWasEmpty: Bool { values["id"] == nil }

  public func text(_ key: String) -> String? {
    if case .text(let s)? = values[key] { return s }
    return nil
  }
}

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
  public var sha256: String
  public var readable: Bool
  public var format: FileFormat?
  public var tables: [TableSummary] = []
}
