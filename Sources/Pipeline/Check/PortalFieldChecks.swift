import Spreadsheet
import Standard

/// The rules of the fields the standard took from the SIA-SPBE portal's
/// forms (`domains.json` keys `kolom_jamak`, `lunak`, `berlaku_untuk`,
/// `tidak_sebelum`): none of them rejects a record.
extension TableValidator {
  /// A `kolom_jamak` field's ids from all its columns; a `lunak` field's
  /// problems as warnings.
  func portalReading(_ first: FieldReading, _ field: Field, _ row: DataRow) -> FieldReading {
    var reading = first
    if field.multiColumn, let more = moreColumns[field.key] {
      var ids: [String] = []
      if case .list(let l)? = first.value { ids = l }
      for c in more {
        let r = reader.read(row.cell(c.index), as: field)
        if case .list(let l)? = r.value { ids += l.filter { !ids.contains($0) } }
        reading.problems += r.problems
      }
      reading.value = ids.isEmpty ? nil : .list(ids)
    }
    if field.lenient {
      for i in reading.problems.indices
      where (reading.problems[i].severity ?? reading.problems[i].type.defaultSeverity)
        == .kesalahan
      {
        reading.problems[i].severity = .peringatan
      }
    }
    return reading
  }

  /// `kolom-tidak-berlaku`: a value in an attribute its record's `jenis` does
  /// not have moves to `tambahan`. `di-luar-rentang` (a warning): a date
  /// before the date it may not precede.
  func checkPortalRules(
    _ domain: Domain, row: DataRow, record: inout Record, add: (Finding) -> Void,
    keep: (Column) -> Void
  ) {
    for (slot, field) in domain.fields.enumerated() {
      guard !field.appliesTo.isEmpty || field.notBefore != nil,
        let value = record.values[slot: slot], let column = fieldColumn[field.key]
      else { continue }
      let written = TextCleaner.clean(row.cell(column.index).plainText)
      for (key, codes) in field.appliesTo.sorted(by: { $0.key < $1.key }) {
        guard case .text(let code)? = record.values[key], !codes.contains(code) else { continue }
        record.values[slot: slot] = nil
        keep(column)
        add(
          Finding(
            .kolomTidakBerlaku, at: at(row.number, column.index), sheetIndex: sheetIndex,
            column: column.label, field: field.key, value: written,
            params: [
              "domain": domain.label, "jenis": code, "berlaku": codes.joined(separator: ", "),
            ]))
        break
      }
      if let key = field.notBefore, case .date(let end) = value,
        case .date(let start)? = record.values[key], end < start
      {
        add(
          Finding(
            .diLuarRentang, at: at(row.number, column.index), sheetIndex: sheetIndex,
            severity: .peringatan, column: column.label, field: field.key, value: written,
            params: [
              "domain": domain.label, "sebelum": domain.field(key)?.label ?? key,
              "mulai": start.iso,
            ]))
      }
    }
  }
}
