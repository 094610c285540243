import Foundation
import Spreadsheet

/// The document `pipeline inspect` prints: what the reader sees in a file.
///
/// `{"file", "format", ["encoding", "delimiter",] "sheets": [{"name", "state",
/// "type", "merged", "rows"}]}`, rows anchored at row 1 and column A (an empty
/// row is `[]`), trailing empty cells dropped, one row per line.
public enum InspectDocument {
  /// Writes the document for `source` piece by piece through `write`, one sheet
  /// at a time (a sheet's merged ranges are known only once it has been read).
  public static func write(
    _ source: any SheetSource, file: String, sheet: String? = nil,
    to write: (String) -> Void
  ) throws {
    let indices = try selectedSheets(source, sheet)
    var out = "{\n  \"file\": "
    JSONWriter.quote(file, into: &out)
    out += ",\n  \"format\": \"\(source.format.rawValue)\""
    if let csv = source as? CSVDocument {
      out += ",\n  \"encoding\": "
      JSONWriter.quote(csv.encoding, into: &out)
      out += ",\n  \"delimiter\": "
      JSONWriter.quote(String(csv.delimiter), into: &out)
    }
    out += ",\n  \"sheets\": ["
    write(out)
    for (n, index) in indices.enumerated() {
      // Rows in order (the usual case) are rendered as they stream in, so no
      // cell tree of the whole sheet is held; otherwise the sheet is read again
      // and its rows sorted and merged.
      var streamed: (header: [(String, JSON)], chunks: [String], count: Int)?
      if !(source is CSVDocument) { streamed = try streamRows(source, index) }
      let header: [(String, JSON)]
      var chunks: [String] = []
      var count = 0
      if let streamed {
        (header, chunks, count) = streamed
      } else {
        let (h, rows) = try sheetParts(source, index)
        header = h
        var text = ""
        for row in rows {
          text += count == 0 ? "\n        " : ",\n        "
          compact.write(row, into: &text, indent: 0)
          count += 1
          if text.utf8.count >= 1 << 16 {
            chunks.append(text)
            text = ""
          }
        }
        chunks.append(text)
      }
      var text = n == 0 ? "\n    {" : ",\n    {"
      for (key, value) in header {
        text += "\n      "
        JSONWriter.quote(key, into: &text)
        text += ": "
        compact.write(value, into: &text, indent: 0)
        text += ","
      }
      text += "\n      \"rows\": ["
      write(text)
      for chunk in chunks where !chunk.isEmpty { write(chunk) }
      write(count == 0 ? "]\n    }" : "\n      ]\n    }")
    }
    write(indices.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
  }

  private static let compact = JSONWriter(pretty: false)

  private static func selectedSheets(_ source: any SheetSource, _ name: String?) throws -> [Int] {
    guard let name else { return Array(source.sheets.indices) }
    guard let i = source.sheets.firstIndex(where: { $0.name == name }) else {
      throw ReadError.noSuchSheet(name, available: source.sheets.map(\.name))
    }
    return [i]
  }

  /// Reads a sheet rendering each row at once (gaps as `[]`); nil when its rows
  /// are not in increasing order.
  private static func streamRows(_ source: any SheetSource, _ index: Int) throws -> (
    [(String, JSON)], [String], Int
  )? {
    var chunks: [String] = []
    var text = ""
    var count = 0
    var ordered = true
    let tail = try source.readSheet(index) { row in
      guard ordered, row.number > count else {
        ordered = false
        return
      }
      var cells = row.cells.map(CellJSON.encode)
      while cells.last == .null { cells.removeLast() }
      while count < row.number {
        count += 1
        text += count == 1 ? "\n        " : ",\n        "
        if count < row.number { text += "[]" }
      }
      compact.write(.array(cells), into: &text, indent: 0)
      if text.utf8.count >= 1 << 16 {
        chunks.append(text)
        text = ""
      }
    }
    guard ordered else { return nil }
    chunks.append(text)
    return (header(source.sheets[index], tail), chunks, count)
  }

  private static func header(_ info: SheetInfo, _ tail: SheetTail) -> [(String, JSON)] {
    [
      ("name", .string(info.name)), ("state", .string(info.state.rawValue)),
      ("type", .string(info.kind.rawValue)),
      ("merged", .array(tail.merged.map { .string($0.a1) })),
    ]
  }

  /// A sheet's name, state, type and merged ranges, and its rows from row 1.
  private static func sheetParts(_ source: any SheetSource, _ index: Int) throws -> (
    [(String, JSON)], [JSON]
  ) {
    let info = source.sheets[index]
    var numbered: [(Int, [JSON])] = []
    var tail = SheetTail()
    if let csv = source as? CSVDocument {
      // Records verbatim: empty fields stay "".
      numbered = csv.records.enumerated().map { ($0.offset + 1, $0.element.map(JSON.string)) }
    } else {
      tail = try source.readSheet(index) { row in
        var cells = row.cells.map(CellJSON.encode)
        // An uncached formula is a cell to the reader but null here.
        while cells.last == .null { cells.removeLast() }
        numbered.append((row.number, cells))
      }
    }
    return (header(info, tail), anchored(numbered))
  }

  /// Rows placed at their numbers (gaps become `[]`); rows read out of order are
  /// sorted, and two rows with one number are merged cell by cell.
  private static func anchored(_ input: [(Int, [JSON])]) -> [JSON] {
    var rows = input
    if !zip(rows, rows.dropFirst()).allSatisfy({ $0.0 < $1.0 }) {
      rows = rows.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
        .map(\.element)
    }
    var out: [JSON] = []
    out.reserveCapacity(rows.last?.0 ?? 0)
    var current: [JSON]?
    var currentNumber = 0
    func flush() {
      guard let row = current else { return }
      while out.count < currentNumber - 1 { out.append(.array([])) }
      out.append(.array(row))
      current = nil
    }
    for (number, cells) in rows {
      if number == currentNumber, var merged = current {
        for (i, c) in cells.enumerated() where c != .null {
          while merged.count <= i { merged.append(.null) }
          merged[i] = c
        }
        current = merged
        continue
      }
      flush()
      current = cells
      currentNumber = number
    }
    flush()
    return out
  }
}
