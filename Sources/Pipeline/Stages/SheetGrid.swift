import Spreadsheet

/// A sheet's rows held while its table is located (the merged ranges, which
/// decide the header and the values of merged cells, come at the end of a sheet).
struct SheetGrid {
  let name: String?
  let index: Int
  var rows: [Row]
  let merged: [CellRange]

  /// The rows by their number.
  private var position: [Int: Int]
  /// The widest row's width (asked for every candidate header row).
  let lastColumn: Int

  init(name: String?, index: Int, rows: [Row], merged: [CellRange]) {
    self.name = name
    self.index = index
    self.rows = rows
    self.merged = merged
    var position: [Int: Int] = [:]
    for (i, r) in rows.enumerated() { position[r.number] = i }
    self.position = position
    lastColumn = rows.reduce(0) { max($0, $1.cells.count) }
  }

  static func read(_ source: any SheetSource, sheet index: Int, name: String?) throws -> SheetGrid {
    var rows: [Row] = []
    let tail = try source.readSheet(index) { rows.append($0) }
    return SheetGrid(name: name, index: index, rows: rows, merged: tail.merged)
  }

  func row(_ number: Int) -> Row? { position[number].map { rows[$0] } }

  func cell(_ row: Int, _ column: Int) -> Cell {
    guard let r = self.row(row), column >= 1, column <= r.cells.count else { return .empty }
    return r.cells[column - 1]
  }

  /// The merged range whose anchor is not (row, column) but which covers it.
  func mergeCovering(_ row: Int, _ column: Int) -> CellRange? {
    merged.first {
      $0.contains(row: row, column: column) && !($0.firstRow == row && $0.firstColumn == column)
    }
  }
}

extension Cell {
  /// The text a person sees in the cell, for matching labels and reading values.
  var plainText: String {
    switch self {
    case .empty, .uncachedFormula: return ""
    case .text(let s): return s
    case .number(let d): return Cell.numberText(d)
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .date(let d): return d.iso
    case .dateTime(let t): return t.date.iso
    case .time(let s), .duration(let s): return Cell.numberText(s)
    case .error(let e): return e
    }
  }

  static func numberText(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }

  /// Whether the cell holds something a person typed (an uncached formula does not).
  var hasValue: Bool {
    switch self {
    case .empty, .uncachedFormula: return false
    case .text(let s): return !TextCleaner.clean(s).isEmpty
    default: return true
    }
  }
}
