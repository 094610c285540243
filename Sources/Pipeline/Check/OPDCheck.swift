import Spreadsheet
import Standard

extension TableValidator {
  enum OPDResolution {
    case resolved
    case problem(Finding)
    /// Nothing names the OPD: one finding for the whole table.
    case unknownForTable
  }

  /// The row's Perangkat Daerah cell, else the file's OPD (SPEC §2).
  func resolveOPD(_ row: DataRow, record: inout Record) -> OPDResolution {
    if let c = fieldColumn["opd"] {
      record.setColumn("opd", c)
      let text = TextCleaner.clean(row.cell(c.index).plainText)
      if !text.isEmpty {
        if let o = standard.opds.match(text) {
          record.opd = o.code
          return .resolved
        }
        return .problem(
          Finding(
            .opdTidakDikenal, at: at(row.number, c.index), sheetIndex: sheetIndex, column: c.label,
            field: "opd", value: text, suggestions: standard.opds.suggestions(for: text)))
      }
    }
    if let o = fileOPD.opd {
      record.opd = o.code
      return .resolved
    }
    return .unknownForTable
  }
}
