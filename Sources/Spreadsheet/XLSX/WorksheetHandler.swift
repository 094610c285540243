import Foundation

/// Streams the rows of a worksheet part (`sheetData/row/c`) and collects its
/// merged ranges. Element names are compared as bytes, character data goes to
/// reusable byte buffers, and a String is built only for a text cell.
final class WorksheetHandler: SAXHandler {
  private enum CellType {
    case number, shared, inline, formulaString, boolean, error, isoDate
  }
  private enum Capture {
    case none, value, formula, inlineText
  }

  let sharedStrings: [String]
  let formats: [FormatClass]
  let date1904: Bool
  var deliver: ((Row) throws -> Void)?
  @exclusivity(unchecked) private(set) var merged: [CellRange] = []

  @exclusivity(unchecked) private var namespaces = NamespaceFilter(Namespace.spreadsheet)
  @exclusivity(unchecked) private var inSheetData = false
  @exclusivity(unchecked) private var inRow = false
  @exclusivity(unchecked) private var inCell = false
  @exclusivity(unchecked) private var inInline = false
  @exclusivity(unchecked) private var phonetic = 0
  @exclusivity(unchecked) private var capture = Capture.none

  @exclusivity(unchecked) private var rowNumber = 0
  @exclusivity(unchecked) private var rowKnown = false
  @exclusivity(unchecked) private var lastRow = 0
  @exclusivity(unchecked) private var rowHidden = false
  @exclusivity(unchecked) private var cells: [Cell] = []
  @exclusivity(unchecked) private var column = 0

  @exclusivity(unchecked) private var cellType = CellType.number
  @exclusivity(unchecked) private var cellFormat = FormatClass.plain
  @exclusivity(unchecked) private var sawValue = false
  @exclusivity(unchecked) private var sawFormula = false
  @exclusivity(unchecked) private var sawInline = false
  @exclusivity(unchecked) private var value: [UInt8] = []
  @exclusivity(unchecked) private var formula: [UInt8] = []
  @exclusivity(unchecked) private var inline: [UInt8] = []

  init(sharedStrings: [String], formats: [FormatClass], date1904: Bool) {
    self.sharedStrings = sharedStrings
    self.formats = formats
    self.date1904 = date1904
    super.init()
    value.reserveCapacity(64)
  }

  // MARK: SAX events

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard namespaces.accepts(uri) else { return }
    let c0 = name[0]
    if name[1] == 0 {
      switch c0 {
      case UInt8(ascii: "c") where inRow: startCell(count, attrs)
      case UInt8(ascii: "v") where inCell:
        capture = .value
        sawValue = true
        value.removeAll(keepingCapacity: true)
      case UInt8(ascii: "f") where inCell:
        capture = .formula
        sawFormula = true
        formula.removeAll(keepingCapacity: true)
      case UInt8(ascii: "t") where inInline && phonetic == 0:
        capture = .inlineText
      default: break
      }
      return
    }
    if inSheetData, nameIs(name, "row") {
      startRow(count, attrs)
    } else if inCell, nameIs(name, "is") {
      inInline = true
      sawInline = true
      inline.removeAll(keepingCapacity: true)
    } else if inInline, nameIs(name, "rPh") {
      phonetic += 1
    } else if nameIs(name, "sheetData") {
      inSheetData = true
    } else if nameIs(name, "mergeCell") {
      forEachAttribute(count, attrs) { a in
        if nameIs(a.name, "ref"), let r = CellReference.range(a.value) { merged.append(r) }
      }
    }
  }

  override func end(_ name: XMLName, _ uri: XMLName?) {
    guard namespaces.accepts(uri) else { return }
    if name[1] == 0 {
      switch name[0] {
      case UInt8(ascii: "c") where inCell: endCell()
      case UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "t"): capture = .none
      default: break
      }
      return
    }
    if inRow, nameIs(name, "row") {
      endRow()
    } else if inInline, nameIs(name, "is") {
      inInline = false
    } else if inInline, nameIs(name, "rPh") {
      phonetic -= 1
    } else if nameIs(name, "sheetData") {
      inSheetData = false
    }
  }

  override func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    switch capture {
    case .none: return
    case .value: value.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    case .formula: formula.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    case .inlineText: inline.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }
  }

  // MARK: Rows

  private func startRow(_ count: Int, _ attrs: XMLAttributes?) {
    inRow = true
    rowKnown = false
    rowHidden = false
    column = 0
    cells.removeAll(keepingCapacity: true)
    forEachAttribute(count, attrs) { a in
      let n = a.name
      if n[0] == UInt8(ascii: "r"), n[1] == 0 {
        guard let r = CellReference.rowNumber(a.value) else {
          fail(ReadError.invalidCellReference(part: part, reference: a.string))
          return
        }
        rowNumber = r
        rowKnown = true
      } else if nameIs(n, "hidden") {
        rowHidden = CellReference.isTrue(a.value)
      }
    }
  }

  private func endRow() {
    inRow = false
    if !rowKnown { rowNumber = lastRow + 1 }
    lastRow = rowNumber
    while let last = cells.last, last.isEmpty { cells.removeLast() }
    guard !cells.isEmpty, let deliver else { return }
    do {
      try deliver(Row(number: rowNumber, cells: cells, hidden: rowHidden))
    } catch {
      fail(error)
    }
  }

  // MARK: Cells

  private func startCell(_ count: Int, _ attrs: XMLAttributes?) {
    inCell = true
    cellType = .number
    cellFormat = .plain
    sawValue = false
    sawFormula = false
    sawInline = false
    value.removeAll(keepingCapacity: true)
    var explicitColumn: Int?
    forEachAttribute(count, attrs) { a in
      let n = a.name
      guard n[1] == 0 else { return }
      switch n[0] {
      case UInt8(ascii: "r"):
        guard let ref = CellReference.cell(a.value) else {
          fail(ReadError.invalidCellReference(part: part, reference: a.string))
          return
        }
        explicitColumn = ref.column
        if !rowKnown {
          // A row without `r` takes its number from its first addressed cell.
          rowNumber = ref.row
          rowKnown = true
        }
      case UInt8(ascii: "t"):
        cellType = WorksheetHandler.type(a.value)
      case UInt8(ascii: "s"):
        let index = CellReference.integer(a.value) ?? 0
        cellFormat = index >= 0 && index < formats.count ? formats[index] : .plain
      default: break
      }
    }
    column = explicitColumn ?? column + 1
  }

  private static func type(_ v: UnsafeBufferPointer<UInt8>) -> CellType {
    guard let first = v.first else { return .number }
    switch first {
    case UInt8(ascii: "s"): return v.count == 1 ? .shared : .formulaString
    case UInt8(ascii: "i"): return .inline
    case UInt8(ascii: "b"): return .boolean
    case UInt8(ascii: "e"): return .error
    case UInt8(ascii: "d"): return .isoDate
    default: return .number
    }
  }

  private func endCell() {
    inCell = false
    capture = .none
    let cell = makeCell()
    if cell.isEmpty { return }
    let index = column - 1
    if index < cells.count {
      cells[index] = cell
    } else {
      while cells.count < index { cells.append(.empty) }
      cells.append(cell)
    }
  }

  private func makeCell() -> Cell {
    if sawFormula, !sawValue, !(cellType == .inline && sawInline) {
      return .uncachedFormula(String(decoding: formula, as: UTF8.self))
    }
    switch cellType {
    case .number:
      guard let d = parseNumber() else {
        return value.isEmpty ? .empty : .text(XMLText.decode(value))
      }
      return numberCell(d)
    case .shared:
      guard let i = CellReference.integer(value), i >= 0, i < sharedStrings.count else {
        return .empty
      }
      return .text(sharedStrings[i])
    case .inline:
      return .text(XMLText.decode(sawInline ? inline : value))
    case .formulaString:
      return .text(XMLText.decode(value))
    case .boolean:
      let s = value.first
      return value.isEmpty ? .empty : .boolean(s != UInt8(ascii: "0") && s != UInt8(ascii: "f"))
    case .error:
      return value.isEmpty ? .empty : .error(String(decoding: value, as: UTF8.self))
    case .isoDate:
      return ISODate.cell(value) ?? (value.isEmpty ? .empty : .text(XMLText.decode(value)))
    }
  }

  /// strtod on the NUL-terminated value; nil when empty or not a number.
  private func parseNumber() -> Double? {
    if value.isEmpty { return nil }
    value.append(0)
    defer { value.removeLast() }
    return value.withUnsafeBufferPointer { buf -> Double? in
      let start = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
      var end: UnsafeMutablePointer<CChar>?
      let d = strtod(start, &end)
      guard let end, end != UnsafeMutablePointer(mutating: start) else { return nil }
      // Only surrounding whitespace may follow the number.
      var p = UnsafePointer(end)
      while p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x0D || p.pointee == 0x09 {
        p += 1
      }
      return p.pointee == 0 ? d : nil
    }
  }

  private func numberCell(_ d: Double) -> Cell {
    switch cellFormat {
    case .plain:
      return .number(d)
    case .duration:
      return ExcelDate.durationSeconds(serial: d).map { .duration(seconds: $0) } ?? .number(d)
    case .dateTime:
      if d < 1 {
        return ExcelDate.timeOfDay(serial: d, date1904: date1904).map { .time(seconds: $0) }
          ?? .number(d)
      }
      guard let dt = ExcelDate.civilDateTime(serial: d, date1904: date1904) else {
        return .number(d)
      }
      return dt.microseconds == 0 ? .date(dt.date) : .dateTime(dt)
    }
  }
}
