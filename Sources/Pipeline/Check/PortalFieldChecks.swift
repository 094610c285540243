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

  /// What a portal rule does to a record: a value cleared, its cell kept in
  /// `tambahan`, a finding.
  struct PortalOutcome {
    var clear: Int?
    var keep: Column?
    let finding: Finding
  }

  /// `kolom-tidak-berlaku`: a value in an attribute its record's `jenis` does
  /// not have moves to `tambahan`. `di-luar-rentang` (a warning): a date
  /// before the date it may not precede.
  func portalOutcomes(_ domain: Domain, row: DataRow, values: FieldValues) -> [PortalOutcome] {
    var out: [PortalOutcome] = []
    for (slot, field) in domain.fields.enumerated() {
      guard !field.appliesTo.isEmpty || field.notBefore != nil,
        let value = values[slot: slot], let column = fieldColumn[field.key]
      else { continue }
      let written = TextCleaner.clean(row.cell(column.index).plainText)
      var applies = true
      for (key, codes) in field.appliesTo.sorted(by: { $0.key < $1.key }) {
        guard case .text(let code)? = values[key], !codes.contains(code) else { continue }
        applies = false
        out.append(
          PortalOutcome(
            clear: slot, keep: column,
            finding: Finding(
              .kolomTidakBerlaku, at: at(row.number, column.index), sheetIndex: sheetIndex,
              column: column.label, field: field.key, value: written,
              params: [
                "domain": domain.label, "jenis": code, "berlaku": codes.joined(separator: ", "),
              ])))
        break
      }
      if applies, let key = field.notBefore, case .date(let end) = value,
        case .date(let start)? = values[key], end < start
      {
        out.append(
          PortalOutcome(
            finding: Finding(
              .diLuarRentang, at: at(row.number, column.index), sheetIndex: sheetIndex,
              severity: .peringatan, column: column.label, field: field.key, value: written,
              params: [
                "domain": domain.label, "sebelum": domain.field(key)?.label ?? key,
                "mulai": start.iso,
              ])))
      }
    }
    return out
  }
}
