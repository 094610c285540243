import Spreadsheet
import Standard

extension TableValidator {
  /// `kolom-ganda`, `kolom-tidak-dikenal`, `kolom-wajib-tidak-ada` and
  /// `catatan-diabaikan`: the table's columns mapped to fields, and what is wrong
  /// with them. Returns the findings of missing required columns, which reject
  /// every row.
  mutating func checkColumns(into result: inout FileResult) -> [Int] {
    let domain = table.domain
    var tableFindings: [Finding] = []
    var counts: [String: Int] = [:]
    for c in table.columns { counts[c.label, default: 0] += 1 }
    for c in table.columns {
      uniqueLabel[c.index] =
        counts[c.label]! > 1 ? "\(c.label) (\(CellAddress.columnLetters(c.index)))" : c.label
      switch c.role {
      case .field(let f):
        if fieldColumn[f] != nil, domain.field(f)?.multiColumn == true {
          moreColumns[f, default: []].append(c)
        } else if let first = fieldColumn[f] {
          tableFindings.append(
            Finding(
              .kolomGanda, at: at(table.headerRow, c.index), sheetIndex: sheetIndex,
              column: c.label,
              field: f, params: ["kolom_pertama": first.label]))
          extras.append(c)
        } else {
          fieldColumn[f] = c
        }
      case .level(let f, let n):
        if levelColumns[f]?[n] != nil {
          tableFindings.append(
            Finding(
              .kolomGanda, at: at(table.headerRow, c.index), sheetIndex: sheetIndex,
              column: c.label, field: f))
          extras.append(c)
        } else {
          levelColumns[f, default: [:]][n] = c
        }
      case .extra:
        extras.append(c)
        tableFindings.append(
          Finding(
            .kolomTidakDikenal, at: at(table.headerRow, c.index), sheetIndex: sheetIndex,
            column: c.label))
      case .number:
        break
      }
    }
    // Beside split Level columns, the field's own column (`RAB Level 3`) is
    // their level: the deepest filled level counts, Level 4/5 included.
    for (f, levels) in levelColumns {
      guard let own = fieldColumn[f], case .code(_, let lvl, _)? = domain.field(f)?.type,
        levels[lvl] == nil
      else { continue }
      levelColumns[f]![lvl] = own
      fieldColumn[f] = nil
    }
    // A missing required column rejects every row of the table.
    var blocking: [Int] = []
    for f in domain.requiredFields where f.key != "opd" {
      if fieldColumn[f.key] == nil && levelColumns[f.key] == nil && table.sheetValues[f.key] == nil
      {
        blocking.append(result.findings.count + tableFindings.count)
        tableFindings.append(
          Finding(
            .kolomWajibTidakAda, at: at(table.headerRow, nil), sheetIndex: sheetIndex, field: f.key,
            params: ["kolom": f.label, "domain": domain.label]))
      }
    }
    if table.noteCount > 0, let note = table.firstNote {
      tableFindings.append(
        Finding(
          .catatanDiabaikan, at: at(note.row, note.column), sheetIndex: sheetIndex,
          value: note.text, params: ["jumlah": String(table.noteCount)]))
    }
    result.findings.append(contentsOf: tableFindings)
    return blocking
  }
}
