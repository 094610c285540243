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
  /// The match keys of the labels of the `Identitas` row `key` (`domains.json`).
  func identitasLabelKeys(_ key: String) -> Set<String> {
    Set(standard.identity.first { $0.key == key }?.labels.map(MatchKey.of) ?? [])
  }

  /// Label in column A, value in column B; the code wins over the name.
  func identitasOPD(_ grid: SheetGrid, file: String) -> FileOPD {
    let nameKeys = identitasLabelKeys("nama_opd")
    let codeKeys = identitasLabelKeys("kode_opd")
    var byCode: (OPDRegistry.OPD?, Int, String)?
    var byName: (OPDRegistry.OPD?, Int, String)?
    for row in grid.rows {
      let key = MatchKey.of(grid.cell(row.number, 1).plainText)
      let value = TextCleaner.clean(grid.cell(row.number, 2).plainText)
      guard !value.isEmpty else { continue }
      if codeKeys.contains(key) {
        byCode = (standard.opds.match(value), row.number, value)
      } else if nameKeys.contains(key) {
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

  /// The contact rows of Identitas (`nama_pengisi`, `jabatan`, `kontak`,
  /// `tanggal_pengisian`), label in column A, value in column B; nil when
  /// none is filled in.
  func identitasContact(_ grid: SheetGrid) -> Contact? {
    let keys = ["nama_pengisi", "jabatan", "kontak", "tanggal_pengisian"].map {
      ($0, identitasLabelKeys($0))
    }
    var c = Contact()
    for row in grid.rows {
      let label = MatchKey.of(grid.cell(row.number, 1).plainText)
      guard let key = keys.first(where: { $0.1.contains(label) })?.0 else { continue }
      let cell = grid.cell(row.number, 2)
      var value = TextCleaner.clean(cell.plainText)
      if case .dateTime(let t) = cell { value = t.date.iso }
      guard !value.isEmpty else { continue }
      switch key {
      case "nama_pengisi": c.name = value
      case "jabatan": c.position = value
      case "kontak": c.contact = value
      default: c.filledOn = value
      }
    }
    return c.isEmpty ? nil : c
  }
}
