import Foundation
import Spreadsheet
import Standard

/// A column of a located table.
public struct Column: Sendable, Hashable {
  /// 1-based.
  public let index: Int
  /// The header as the user wrote it (two-row headers joined by a space).
  public let label: String
  public let role: ColumnRole
}

/// A data row with its cells; `inherited` marks the columns whose value came
/// from a merged cell above or to the left, not from the row itself.
struct DataRow {
  let number: Int
  let hidden: Bool
  var cells: [Cell]
  var inherited: Set<Int>

  func cell(_ column: Int) -> Cell {
    column >= 1 && column <= cells.count ? cells[column - 1] : .empty
  }
  func ownValue(_ column: Int) -> Bool { !inherited.contains(column) && cell(column).hasValue }
}

/// A sheet whose domain, header and columns are known.
struct LocatedTable {
  let domain: Domain
  let headerRow: Int
  /// The last header row (the second of a two-row header).
  let headerEnd: Int
  let columns: [Column]
  /// Values the sheet gives every row of fields it has no column for (the
  /// `jenis` a sheet's name says), by field key.
  var sheetValues: [String: Value] = [:]
  var rows: [DataRow] = []
  /// Rows with no value of their own outside the "No" column.
  var blank = 0
  /// The first of the notes below the table, and how many there were.
  var firstNote: (row: Int, column: Int, text: String)?
  var noteCount = 0
}

/// Finds the header of a domain sheet (SPEC §2): within the first 30 rows,
/// possibly under titles and notes, possibly two rows with merged group cells.
struct TableLocator {
  static let searchRows = 30
  let standard: Standard

  struct Candidate {
    let headerRow: Int
    let headerEnd: Int
    let labels: [Int: String]
    let fields: Set<String>
    let roles: Int

    /// More fields first; then more distinct column roles (a two-row header
    /// with Level 1/2/3 columns beats its first row alone).
    func beats(_ other: Candidate) -> Bool {
      (fields.count, roles) > (other.fields.count, other.roles)
    }
  }

  /// The best header of `domain` in the grid, or nil.
  func header(of grid: SheetGrid, for domain: Domain) -> Candidate? {
    let matcher = HeaderMatcher(domain: domain, standard: standard)
    var best: Candidate?
    // Each label's role once per sheet: matching is the costly part, and the
    // single- and two-row readings of a row share most of their labels.
    var roleOf: [String: ColumnRole] = [:]
    func role(_ label: String) -> ColumnRole {
      if let r = roleOf[label] { return r }
      let r = matcher.role(of: label)
      roleOf[label] = r
      return r
    }
    for row in grid.rows.prefix(Self.searchRows) {
      for twoRows in [false, true] {
        let labels = headerLabels(grid, row: row.number, twoRows: twoRows, role: role)
        let roles = labels.values.map(role)
        let fields = HeaderMatcher.fields(of: roles)
        guard fields.count >= 2 || matcher.coversRequired(fields) else { continue }
        let c = Candidate(
          headerRow: row.number, headerEnd: row.number + (twoRows ? 1 : 0), labels: labels,
          fields: fields, roles: HeaderMatcher.distinct(roles).count)
        if best == nil || c.beats(best!) { best = c }
      }
    }
    return best
  }

  /// What a sheet's header says of its domain.
  enum HeaderDomain {
    case found(Domain)
    /// No domain's required fields are all there.
    case noMatch
    /// Several domains match equally well: no answer.
    case tie
  }

  /// The domain a sheet's header names, when the sheet's name said nothing:
  /// every required field but `opd` must be there; the best match wins; a tie is
  /// no answer.
  func domainByHeader(_ grid: SheetGrid) -> HeaderDomain {
    var scored: [(Domain, Int)] = []
    for d in standard.domains {
      let matcher = HeaderMatcher(domain: d, standard: standard)
      if let c = header(of: grid, for: d), matcher.coversRequired(c.fields) {
        scored.append((d, c.fields.count))
      }
    }
    guard let top = scored.map(\.1).max() else { return .noMatch }
    let winners = scored.filter { $0.1 == top }
    return winners.count == 1 ? .found(winners[0].0) : .tie
  }

  /// Column → label for a header at `row`, its lines kept apart (a hint below
  /// the first line does not hide the label). For two rows the group above (a
  /// cell merged across columns, or the same label repeated over each column)
  /// is context for the sub-label below: `Kode RAB` over `Level 1` reads
  /// `Kode RAB Level 1`; a sub-label that repeats or extends the group
  /// (`RAB` over `RAB Level 1`) is read alone when only that is known.
  func headerLabels(
    _ grid: SheetGrid, row: Int, twoRows: Bool, role: (String) -> ColumnRole
  ) -> [Int: String] {
    var labels: [Int: String] = [:]
    let width = grid.lastColumn
    guard width > 0 else { return [:] }
    let covering = grid.mergesCovering(row: row, width: width)
    let coveringBelow = twoRows ? grid.mergesCovering(row: row + 1, width: width) : []
    for c in 1...width {
      var top = Self.headerText(grid.cell(row, c))
      if top.isEmpty, let m = covering[c], m.firstRow == row {
        top = Self.headerText(grid.cell(m.firstRow, m.firstColumn))
      }
      var label = top
      if twoRows {
        let coveredFromAbove = coveringBelow[c].map { $0.firstRow <= row } ?? false
        let below = coveredFromAbove ? "" : Self.headerText(grid.cell(row + 1, c))
        if !below.isEmpty {
          if top.isEmpty {
            label = below
          } else {
            let joined = top + " " + below
            label = role(joined) == .extra && role(below) != .extra ? below : joined
          }
        }
      }
      if !label.isEmpty { labels[c] = label }
    }
    return labels
  }

  /// A header cell's text, cleaned line by line.
  static func headerText(_ cell: Cell) -> String {
    let raw = cell.plainText
    guard raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
      return TextCleaner.clean(raw)
    }
    return raw.split(whereSeparator: \.isNewline).map { TextCleaner.clean(String($0)) }
      .filter { !$0.isEmpty }.joined(separator: "\n")
  }

  /// A header label as people see it: on one line.
  static func displayLabel(_ label: String) -> String {
    label.contains("\n") ? label.replacingOccurrences(of: "\n", with: " ") : label
  }

  /// Binds the columns and splits the rows below the header into data rows,
  /// blank rows and the notes below the table.
  func locate(
    _ grid: SheetGrid, domain: Domain, header: Candidate, sheetValues: [String: Value] = [:]
  ) -> LocatedTable {
    let matcher = HeaderMatcher(domain: domain, standard: standard)
    let columns = header.labels.keys.sorted().map { c in
      Column(
        index: c, label: Self.displayLabel(header.labels[c]!),
        role: matcher.role(of: header.labels[c]!))
    }
    var table = LocatedTable(
      domain: domain, headerRow: header.headerRow, headerEnd: header.headerEnd, columns: columns,
      sheetValues: sheetValues)
    let numberColumns = Set(columns.filter { $0.role == .number }.map(\.index))
    var rows: [DataRow] = []
    for row in grid.rows where row.number > header.headerEnd {
      rows.append(DataRow(number: row.number, hidden: row.hidden, cells: row.cells, inherited: []))
    }
    fillMerged(&rows, grid: grid, below: header.headerEnd, width: columns.last?.index ?? 0)
    if let first = rows.first, isColumnNumbering(first, numberColumns: numberColumns) {
      rows.removeFirst()
    }
    // Notes and signature blocks below the table: from the bottom, rows holding
    // a value in a single cell only.
    func ownValues(_ r: DataRow) -> [Int] {
      (1...max(1, r.cells.count)).filter { r.ownValue($0) }
    }
    // A "No" cell counts as numbering only when it holds a number; a note
    // written in column A of a numbered table is still a note.
    func isNumbering(_ r: DataRow, _ c: Int) -> Bool {
      guard numberColumns.contains(c) else { return false }
      if case .number = r.cell(c) { return true }
      let t = TextCleaner.clean(r.cell(c).plainText).trimmingCharacters(
        in: CharacterSet(charactersIn: ".()"))
      return Int(t) != nil
    }
    var end = rows.count
    while end > 0 {
      let own = ownValues(rows[end - 1])
      let nonNumber = own.filter { !isNumbering(rows[end - 1], $0) }
      if nonNumber.count >= 2 { break }
      if own.count == 1, nonNumber.count == 1 {
        let r = rows[end - 1]
        table.firstNote = (r.number, own[0], TextCleaner.clean(r.cell(own[0]).plainText))
        table.noteCount += 1
      } else if nonNumber.isEmpty {
        table.blank += 1
      } else {
        table.firstNote = table.firstNote ?? (rows[end - 1].number, own[0], "")
        table.noteCount += 1
      }
      end -= 1
    }
    for r in rows[..<end] {
      if ownValues(r).allSatisfy({ isNumbering(r, $0) }) {
        table.blank += 1
      } else {
        table.rows.append(r)
      }
    }
    return table
  }

  /// A vertically (or horizontally) merged value applies to every cell it covers
  /// within the table's columns. Only rows that exist are visited (a range may
  /// claim a million), so the work is bounded by `SheetGrid.mergedCells`.
  private func fillMerged(
    _ rows: inout [DataRow], grid: SheetGrid, below headerEnd: Int, width: Int
  ) {
    guard !grid.merged.isEmpty, !rows.isEmpty else { return }
    let byNumber = rows.indices.sorted { rows[$0].number < rows[$1].number }
    let numbers = byNumber.map { rows[$0].number }
    for m in grid.merged where m.lastRow > headerEnd && m.firstColumn <= width {
      let anchor = grid.cell(m.firstRow, m.firstColumn)
      guard anchor.hasValue else { continue }
      let first = max(m.firstRow, headerEnd + 1)
      var k = numbers.partitioningIndex { $0 >= first }
      while k < numbers.count, numbers[k] <= m.lastRow {
        Self.fill(&rows[byNumber[k]], from: m, with: anchor, width: width)
        k += 1
      }
    }
  }

  private static func fill(_ row: inout DataRow, from m: CellRange, with anchor: Cell, width: Int) {
    for c in m.firstColumn...min(m.lastColumn, width)
    where !(row.number == m.firstRow && c == m.firstColumn) {
      if row.cells.count < c {
        row.cells.append(contentsOf: repeatElement(.empty, count: c - row.cells.count))
      }
      if !row.cells[c - 1].hasValue {
        row.cells[c - 1] = anchor
        row.inherited.insert(c)
      }
    }
  }

  /// `(1) (2) (3) …` or `1 2 3 …` under the header.
  private func isColumnNumbering(_ row: DataRow, numberColumns: Set<Int>) -> Bool {
    var values: [Int] = []
    for c in 1...max(1, row.cells.count) where row.cell(c).hasValue {
      var t = TextCleaner.clean(row.cell(c).plainText)
      if t.hasPrefix("("), t.hasSuffix(")") { t = String(t.dropFirst().dropLast()) }
      guard let n = Int(t) else { return false }
      values.append(n)
    }
    return values.count >= 3 && zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
  }
}
