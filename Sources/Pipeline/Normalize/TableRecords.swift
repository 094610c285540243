import Spreadsheet
import Standard

extension TableValidator {
  /// Each row of the table → a record: every field read as its type, with the
  /// row's findings (`wajib-diisi`, `baris-tersembunyi`, what reading a value
  /// found); `blocking` are the table's findings that reject every row.
  mutating func buildRecords(blocking: [Int], into result: inout FileResult) {
    let domain = table.domain
    // Rows whose OPD nothing names share one finding.
    var noOPDFinding: Int?

    // Rows read from the same columns share one map of them (copy on write,
    // see `setColumn`), instead of one dictionary per row.
    var sharedColumns: [String: (column: Int, label: String)] = [:]
    let fieldKeys = FieldValues.Keys(domain.fields.map(\.key))
    // Column labels by position in `table.columns`, shared by the rows' cells.
    var labelNames = table.columns.map { uniqueLabel[$0.index] ?? $0.label }
    let extraSlots = extras.map { e in
      if let slot = table.columns.firstIndex(where: { $0.index == e.index }) { return slot }
      labelNames.append(uniqueLabel[e.index] ?? e.label)
      return labelNames.count - 1
    }
    let labels = RowCells.Labels(labelNames)
    let slotOfColumn = Dictionary(
      table.columns.enumerated().map { ($1.index, $0) }, uniquingKeysWith: { a, _ in a })
    // Each row's cells are let go once its record is built, so a large sheet's
    // cells are not all held beside its records (the grid is dropped already).
    var rows: [DataRow] = []
    swap(&rows, &table.rows)
    for k in rows.indices {
      let row = rows[k]
      rows[k].cells = []
      var record = Record(
        domain: domain.key, opd: nil, values: FieldValues(fieldKeys),
        extra: RowCells(labels), raw: RowCells(labels), fieldColumns: sharedColumns,
        origin: Origin(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row.number))
      record.findings = blocking
      // Sized to the row's cells: grown by appending, most rows' lists would
      // carry unused room.
      var filled = 0
      for c in table.columns where row.cell(c.index) != .empty { filled += 1 }
      record.raw.reserveCapacity(filled)
      for (slot, c) in table.columns.enumerated() {
        let cell = row.cell(c.index)
        if case .empty = cell { continue }
        record.raw.append(cell, label: slot)
      }
      for (e, slot) in zip(extras, extraSlots) where row.cell(e.index) != .empty {
        record.extra.append(row.cell(e.index), label: slot)
      }
      func add(_ f: Finding) {
        record.findings.append(result.findings.count)
        result.findings.append(f)
      }
      // A Level 4/5 cell that holds no code is kept as written.
      func keep(_ c: Column) {
        if let slot = slotOfColumn[c.index] { record.extra.append(row.cell(c.index), label: slot) }
      }
      if row.hidden {
        add(Finding(.barisTersembunyi, at: at(row.number, nil), sheetIndex: sheetIndex))
      }
      for (slot, field) in domain.fields.enumerated() {
        if field.key == "opd" {
          switch resolveOPD(row, record: &record) {
          case .resolved: break
          case .problem(let f): add(f)
          case .unknownForTable:
            if noOPDFinding == nil {
              noOPDFinding = result.findings.count
              var f =
                fileOPD.unresolved
                ?? Finding(
                  .opdTidakDikenal, at: Location(file: file), sheetIndex: sheetIndex, field: "opd",
                  params: ["sebab": "tanpa-sumber"])
              f.sheetIndex = sheetIndex
              result.findings.append(f)
            }
            record.findings.append(noOPDFinding!)
          }
          continue
        }
        var (reading, column) = readField(field, row: row, add: add, keep: keep)
        if field.multiColumn || field.lenient { reading = portalReading(reading, field, row) }
        guard let column else {
          if let v = table.sheetValues[field.key] { record.values[slot: slot] = v }
          continue
        }
        record.setColumn(field.key, column)
        // The value as written, for findings only (most cells have none).
        let raw =
          reading.problems.isEmpty ? "" : TextCleaner.clean(row.cell(column.index).plainText)
        for p in reading.problems {
          var params = p.params
          params["domain"] = domain.label
          add(
            Finding(
              p.type, at: at(row.number, column.index), sheetIndex: sheetIndex,
              severity: p.severity,
              column: column.label, field: field.key, value: raw.isEmpty ? nil : raw,
              params: params,
              suggestions: p.suggestions))
        }
        if let v = reading.value {
          record.values[slot: slot] = v
        } else if field.lenient, !reading.problems.isEmpty {
          keep(column)
        } else if field.required,
          !reading.problems.contains(where: { $0.type != .formulaTanpaNilai })
        {
          add(
            Finding(
              .wajibDiisi, at: at(row.number, column.index), sheetIndex: sheetIndex,
              column: column.label, field: field.key, params: ["kolom": field.label]))
        }
      }
      for o in portalOutcomes(domain, row: row, values: record.values) {
        if let slot = o.clear { record.values[slot: slot] = nil }
        if let c = o.keep { keep(c) }
        add(o.finding)
      }
      sharedColumns = record.fieldColumns
      record.rejected = record.findings.contains { result.findings[$0].severity == .kesalahan }
      result.records.append(record)
    }
  }

  /// A field's value from its own column, or from split Level 1/2/3 columns.
  mutating func readField(
    _ field: Field, row: DataRow, add: (Finding) -> Void, keep: (Column) -> Void
  ) -> (FieldReading, Column?) {
    if let c = fieldColumn[field.key] {
      let cell = row.cell(c.index)
      switch (field.type, cell) {
      case (.code, .text(let t)), (.choice, .text(let t)):
        let key = FieldText(field: field.key, text: t)
        if let r = memo[key] { return (r, c) }
        let r = reader.read(cell, as: field)
        if memo.count < 10_000 { memo[key] = r }
        return (r, c)
      default:
        return (reader.read(cell, as: field), c)
      }
    }
    guard let levels = levelColumns[field.key],
      case .code(let list, let lvl, let childless) = field.type,
      let codelist = standard.codelists[list]
    else { return (.empty, nil) }
    let matcher = CodeMatcher(list: codelist, level: lvl, childlessAbove: childless)
    var filled = levels.keys.sorted().filter { row.cell(levels[$0]!.index).hasValue }
    // Levels below the field's own (the official forms' Level 4/5) hold local
    // codes; one that holds a name only does not name the row's code.
    filled.removeAll { n in
      guard n > lvl else { return false }
      let column = levels[n]!
      let text = TextCleaner.clean(row.cell(column.index).plainText)
      if matcher.resolveAtLevel(text, level: n) != nil { return false }
      keep(column)
      return true
    }
    guard let deepest = filled.last else { return (.empty, levels[levels.keys.max()!]) }
    let column = levels[deepest]!
    let cell = row.cell(column.index)
    var reading: FieldReading
    if case .error = cell {
      reading = reader.read(cell, as: field)
    } else {
      let text = TextCleaner.clean(cell.plainText)
      // A name at this level stands for its code.
      let code = matcher.resolveAtLevel(text, level: deepest) ?? text
      reading = reader.readCode(code, list: list, level: lvl, childlessAbove: childless)
      // `KODE NAMA` is the code, not a name standing for it.
      if code != text, !text.uppercased().hasPrefix(code), reading.value != nil,
        !reading.problems.contains(where: { $0.type == .nilaiDinormalisasi })
      {
        reading.problems.append(
          .init(type: .nilaiDinormalisasi, params: ["menjadi": code, "cara": "nama"]))
      }
    }
    // The upper levels must agree with the deepest one.
    if case .text(let code)? = reading.value {
      for n in filled.dropLast() {
        let upper = levels[n]!
        let text = TextCleaner.clean(row.cell(upper.index).plainText)
        guard let upperCode = matcher.resolveAtLevel(text, level: n) else { continue }
        if !(code == upperCode || code.hasPrefix(upperCode + ".")) {
          add(
            Finding(
              .kodeIndukTidakKonsisten, at: at(row.number, upper.index), sheetIndex: sheetIndex,
              column: upper.label, field: field.key, value: text,
              params: ["kode": code, "induk": upperCode]))
        }
      }
    }
    return (reading, column)
  }
}

extension Record {
  /// Records where `field` was read; a record that starts from the previous
  /// row's map only copies it when a column differs (split Level columns).
  mutating func setColumn(_ field: String, _ c: Column) {
    if fieldColumns[field]?.column != c.index { fieldColumns[field] = (c.index, c.label) }
  }
}
