import Spreadsheet
import Standard

/// The OPD a file speaks for when a row does not say (SPEC §2): its Identitas
/// sheet, else its file name.
struct FileOPD {
  var opd: OPDRegistry.OPD?
  /// Why no OPD could be found, pointing at the Identitas cell when it held an
  /// unknown name.
  var unresolved: Finding?
}

extension FileProcessor {
  static let identitasNameKeys: Set<String> = [
    "namaperangkatdaerah", "perangkatdaerah", "namaopd", "opd",
  ]
  static let identitasCodeKeys: Set<String> = ["kodeperangkatdaerah", "kodeopd"]

  /// Label in column A, value in column B; the code wins over the name.
  func identitasOPD(_ grid: SheetGrid, file: String) -> FileOPD {
    var byCode: (OPDRegistry.OPD?, Int, String)?
    var byName: (OPDRegistry.OPD?, Int, String)?
    for row in grid.rows {
      let key = MatchKey.of(grid.cell(row.number, 1).plainText)
      let value = TextCleaner.clean(grid.cell(row.number, 2).plainText)
      guard !value.isEmpty else { continue }
      if Self.identitasCodeKeys.contains(key) {
        byCode = (standard.opds.match(value), row.number, value)
      } else if Self.identitasNameKeys.contains(key) {
        byName = (standard.opds.match(value), row.number, value)
      }
    }
    if let o = byCode?.0 ?? byName?.0 { return FileOPD(opd: o) }
    guard let (_, row, value) = byName ?? byCode else { return FileOPD() }
    let f = Finding(
      .opdTidakDikenal, at: Location(file: file, sheet: grid.name, row: row, column: 2),
      sheetIndex: grid.index, column: "Identitas", field: "opd", value: value,
      suggestions: standard.opds.suggestions(for: value))
    return FileOPD(opd: nil, unresolved: f)
  }
}
