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

  /// Reads a sheet, refusing it when its rows would hold more than `maxCells`
  /// cells or its merged ranges could fill more: a sheet claiming the whole
  /// grid (XFD1048576) must not become a grid in memory.
  static func read(_ source: any SheetSource, sheet index: Int, name: String?, maxCells: Int)
    throws -> SheetGrid
  {
    var rows: [Row] = []
    var cells = 0
    let part = name ?? "#\(index + 1)"
    let tail = try source.readSheet(index) { row in
      cells += max(1, row.cells.count)
      if cells > maxCells { throw ReadError.limitExceeded(.sheetCells, part: part) }
      rows.append(row)
    }
    let grid = SheetGrid(name: name, index: index, rows: rows, merged: tail.merged)
    if grid.mergedCells(upTo: maxCells) > maxCells {
      throw ReadError.limitExceeded(.sheetCells, part: part)
    }
    return grid
  }

  /// The held cells merged ranges cover (rows that exist, columns up to the
  /// widest row), counted up to just past `limit`.
  func mergedCells(upTo limit: Int) -> Int {
    guard !merged.isEmpty else { return 0 }
    let numbers = rows.map(\.number).sorted()
    let width = lastColumn
    var total = 0
    for m in merged where m.firstColumn <= width {
      let lo = numbers.partitioningIndex { $0 >= m.firstRow }
      let hi = numbers.partitioningIndex { $0 > m.lastRow }
      total += max(0, hi - lo) * (min(m.lastColumn, width) - m.firstColumn + 1)
      if total > limit { return total }
    }
    return total
  }

  func row(_ number: Int) -> Row? { position[number].map { rows[$0] } }

  func cell(_ row: Int, _ column: Int) -> Cell {
    guard let r = self.row(row), column >= 1, column <= r.cells.count else { return .empty }
    return r.cells[column - 1]
  }

  /// For each column 1...width of `row` (index 0 unused), the first merged range
  /// that covers the cell without being anchored there. One pass over the
  /// ranges: columns already taken are skipped over, so overlapping ranges (which
  /// only a hostile file has) cost nothing extra.
  func mergesCovering(row: Int, width: Int) -> [CellRange?] {
    var out = [CellRange?](repeating: nil, count: width + 1)
    guard !merged.isEmpty, width > 0 else { return out }
    // next[c]: the first column ≥ c not yet taken (width + 1 when none).
    var next = Array(0...(width + 1))
    func free(_ c: Int) -> Int {
      var c = c
      while next[c] != c {
        next[c] = next[next[c]]
        c = next[c]
      }
      return c
    }
    for m in merged where m.firstRow <= row && row <= m.lastRow && m.firstColumn <= width {
      let last = min(m.lastColumn, width)
      var c = free(max(1, m.firstColumn))
      while c <= last {
        if !(m.firstRow == row && c == m.firstColumn) {
          out[c] = m
          next[c] = c + 1
        }
        c = free(c + 1)
      }
    }
    return out
  }
}

extension Array {
  /// The first index whose element satisfies `p`, for a `p` false then true.
  func partitioningIndex(where p: (Element) -> Bool) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if p(self[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}

extension Cell {
  /// Whether the cell holds something a person typed (an uncached formula does not).
  var hasValue: Bool {
    switch self {
    case .empty, .uncachedFormula: return false
    case .text(let s): return !TextCleaner.clean(s).isEmpty
    default: return true
    }
  }
}
