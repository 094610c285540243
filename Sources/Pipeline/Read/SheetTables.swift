import Foundation
import Spreadsheet
import Standard

extension FileProcessor {
  /// Every sheet of a readable file: the Identitas sheet (the file's OPD) first,
  /// a template's stamp, then each sheet → its domain → its located table →
  /// records and findings.
  func extractTables(_ source: any SheetSource, into result: inout FileResult) throws {
    let file = result.source.path
    let isCSV = source.format == .csv
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let locator = TableLocator(standard: standard)
    var reader = FieldReader(standard: standard)
    if let x = source as? XLSXWorkbook { reader.date1904 = x.date1904 }

    // The Identitas sheet first: the OPD of rows that do not name theirs.
    var fileOPD = FileOPD()
    var identitasIndex: Int?
    for (i, s) in source.sheets.enumerated() where !isCSV && MatchKey.of(s.name) == "identitas" {
      identitasIndex = i
      let grid = try SheetGrid.read(
        source, sheet: i, name: s.name, maxCells: limits.maxSheetCells)
      fileOPD = identitasOPD(grid, file: file)
      result.source.contact = identitasContact(grid)
      result.source.identityOPD = fileOPD.opd?.code
      break
    }
    if fileOPD.opd == nil, let byName = standard.opds.match(fileStem: stem) {
      // An unknown name in Identitas is still worth saying when the file name
      // tells the OPD.
      if var f = fileOPD.unresolved {
        f.severity = .peringatan
        result.findings.append(f)
      }
      fileOPD = FileOPD(opd: byName, unresolved: nil)
    }

    // A workbook named after one domain (`Domain Arsitektur Infrastruktur.xlsx`)
    // may hold one sheet per object type, named after it.
    let fileDomain = isCSV ? nil : domainByName(stem)
    for (i, sheet) in source.sheets.enumerated() where i != identitasIndex {
      guard sheet.kind == .worksheet else { continue }
      // The list sheet of a `pipeline template` workbook: its stamp, never a table.
      if !isCSV, MatchKey.of(sheet.name) == Self.stampSheetKey {
        let stamp = try templateStamp(source, sheet: i, name: sheet.name)
        if case .version(let v) = stamp, v < ToolVersion.template {
          result.findings.append(
            Finding(
              .templatKedaluwarsa, at: Location(file: file), sheetIndex: i, value: String(v),
              params: ["versi": String(v), "versi_kini": String(ToolVersion.template)]))
        }
        if stamp != .absent { continue }
      }
      let sheetName = isCSV ? nil : sheet.name
      let where_ = Location(file: file, sheet: sheetName)
      var domain = domainByName(isCSV ? stem : sheet.name)
      var given: [String: Value] = [:]
      if let fileDomain, let values = sheetValues(of: fileDomain, sheetName: sheet.name) {
        domain = fileDomain
        given = values
      } else if let fileDomain, let named = domain, named.key != fileDomain.key,
        !named.sheetNames.contains(where: { MatchKey.of($0) == MatchKey.of(sheet.name) })
      {
        // In a workbook named after a domain, a sheet whose name only contains
        // another domain's word (`Perangkat Keamanan`, `Sistem Penghubung
        // Layanan` in the Infrastruktur form) is an object type: its header decides.
        domain = nil
      }
      if domain == nil && sheet.state != .visible { continue }
      let grid = try SheetGrid.read(
        source, sheet: i, name: sheetName, maxCells: limits.maxSheetCells)
      if domain == nil {
        switch locator.domainByHeader(grid) {
        case .found(let d): domain = d
        case .noMatch:
          if !grid.rows.isEmpty {
            // An instruction sheet is said too, but asks the OPD for nothing.
            let params = Self.isInstructionSheet(sheet.name) ? ["petunjuk": "1"] : [:]
            result.findings.append(
              Finding(.lembarTidakDikenal, at: where_, sheetIndex: i, params: params))
          }
          continue
        case .tie:
          result.findings.append(
            Finding(.lembarTidakDikenal, at: where_, sheetIndex: i, params: ["seri": "1"]))
          continue
        }
      }
      guard let domain else { continue }
      var summary = TableSummary(sheet: sheetName, sheetIndex: i, domain: domain.key)
      guard let header = locator.header(of: grid, for: domain) else {
        result.findings.append(
          Finding(
            .headerTidakDitemukan, at: where_, sheetIndex: i, params: ["domain": domain.label]))
        result.source.tables.append(summary)
        continue
      }
      let table = locator.locate(grid, domain: domain, header: header, sheetValues: given)
      _ = consume grid
      summary.headerRow = table.headerRow
      summary.blank = table.blank
      summary.dataRows = table.rows.count
      result.source.tables.append(summary)
      var validator = TableValidator(
        standard: standard, reader: reader, table: consume table, file: file, sheet: sheetName,
        sheetIndex: i, fileOPD: fileOPD)
      validator.run(into: &result)
    }
    // Nothing to import: said, so the OPD is never thanked for an empty file.
    if !result.source.tables.contains(where: { $0.dataRows > 0 }) {
      result.findings.append(Finding(.berkasKosong, at: Location(file: file)))
    }
  }

  /// The first words of sheets that explain a workbook rather than hold data
  /// (`Petunjuk`, `Petunjuk Pengisian`, `Instructions`, …).
  static let instructionWords: Set<String> = [
    "petunjuk", "panduan", "instruksi", "keterangan", "cara", "instructions", "instruction",
    "readme", "guide",
  ]

  static func isInstructionSheet(_ name: String) -> Bool {
    MatchKey.words(name).first.map(instructionWords.contains) ?? false
  }

  /// Sheet → domain by name (SPEC §2): equal to a domain's alias, or containing
  /// exactly one domain's aliases as whole words.
  func domainByName(_ name: String) -> Domain? {
    let key = MatchKey.of(name)
    if let d = standard.domains.first(where: { $0.sheetNames.contains { MatchKey.of($0) == key } })
    {
      return d
    }
    let words = MatchKey.words(name)
    let hits = standard.domains.filter { d in
      d.sheetNames.contains { MatchKey.containsWords(words, MatchKey.words($0)) }
    }
    return hits.count == 1 ? hits[0] : nil
  }

  /// The values a sheet's name gives its rows in a workbook of `domain`: a
  /// field that takes its value from sheet names, the name being one of its
  /// values or of the names the standard lists for them. Nil when the name
  /// gives none (the sheet is then recognized as any other).
  func sheetValues(of domain: Domain, sheetName: String) -> [String: Value]? {
    let key = MatchKey.of(sheetName)
    var values: [String: Value] = [:]
    for field in domain.fields where !field.sheetValues.isEmpty {
      guard case .choice(let list) = field.type, let e = standard.enumerations[list] else {
        continue
      }
      let named = field.sheetValues.first { MatchKey.of($0.key) == key }?.value ?? sheetName
      if let v = e.match(named) { values[field.key] = .text(v.code) }
    }
    return values.isEmpty ? nil : values
  }
}
