import Crypto
import Foundation
import Spreadsheet
import Standard

/// One input file after extraction, normalization and validation: its
/// accounting, its records (accepted or not yet rejected) and its findings.
public struct FileResult: Sendable {
  public var source: SourceFile
  public var records: [Record] = []
  public var findings: [Finding] = []
}

/// The OPD a file speaks for when a row does not say (SPEC §2): its Identitas
/// sheet, else its file name.
struct FileOPD {
  var opd: OPDRegistry.OPD?
  /// Why no OPD could be found, pointing at the Identitas cell when it held an
  /// unknown name.
  var unresolved: Finding?
}

/// Extract → normalize → validate for one file. Files are independent, so this
/// runs concurrently; everything across files belongs to `Consolidate`.
public struct FileProcessor: Sendable {
  public let standard: Standard
  public let limits: ReadLimits
  static let spreadsheetExtensions: Set<String> = [
    "xlsx", "xlsm", "csv", "tsv", "txt", "xls", "xlsb", "ods", "numbers",
  ]

  public init(standard: Standard, limits: ReadLimits) {
    self.standard = standard
    self.limits = limits
  }

  /// Opens the file once, hashes all of it by streaming through that one
  /// descriptor, then parses the same descriptor (so a file replaced while the
  /// run reads it never pairs one version's hash with the other's records).
  public func process(_ input: InputFile) -> FileResult {
    let relative = input.relativePath
    do {
      let file = try ReadableFile(systemPath: input.systemPath, path: relative)
      return process(opened: file, relative: relative)
    } catch {
      return Self.unreadable(relative, error)
    }
  }

  /// A file already open (an input, or a member of a paket), hashed then parsed.
  func process(opened file: ReadableFile, relative: String) -> FileResult {
    let sha: String
    do {
      sha = try Self.sha256(of: file)
    } catch {
      return Self.unreadable(relative, error)
    }
    return process(file, relative: relative, sha: sha)
  }

  /// Nothing (or not all of it) could be read: no hash to stand for it.
  static func unreadable(_ relative: String, _ error: any Error) -> FileResult {
    var result = FileResult(source: SourceFile(path: relative, sha256: nil, readable: false))
    result.findings.append(finding(for: error, at: Location(file: relative)))
    return result
  }

  /// The SHA-256 of the whole file, read in bounded chunks.
  static func sha256(of file: ReadableFile) throws -> String {
    var hasher = SHA256()
    try file.stream { hasher.update(bufferPointer: $0) }
    return hasher.finalize().hex
  }

  private func process(_ file: ReadableFile, relative: String, sha: String) -> FileResult {
    var result = FileResult(source: SourceFile(path: relative, sha256: sha, readable: false))
    let ext = (relative as NSString).pathExtension.lowercased()
    let whole = Location(file: relative)
    guard Self.spreadsheetExtensions.contains(ext) else {
      result.findings.append(Finding(.formatTidakDidukung, at: whole, params: ["ekstensi": ext]))
      return result
    }
    let source: any SheetSource
    do {
      source = try SpreadsheetReader.open(file, limits: limits)
    } catch {
      result.findings.append(Self.finding(for: error, at: whole))
      return result
    }
    result.source.readable = true
    result.source.format = source.format
    do {
      try extractTables(source, into: &result)
    } catch {
      result.source.readable = false
      result.findings.append(Self.finding(for: error, at: whole))
    }
    return result
  }

  static func finding(for error: any Error, at location: Location) -> Finding {
    // Readers throw only read errors; anything else is said without a reason.
    guard let error = error as? ReadError else { return Finding(.berkasTidakTerbaca, at: location) }
    switch error {
    case .unsupportedFormat(let f):
      return Finding(.formatTidakDidukung, at: location, params: ["ekstensi": f.rawValue])
    case .encrypted:
      return Finding(.berkasTerenkripsi, at: location)
    default:
      return Finding(.berkasTidakTerbaca, at: location, params: ReadErrorMessages.params(error))
    }
  }

  private func extractTables(_ source: any SheetSource, into result: inout FileResult) throws {
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
      if !isCSV, MatchKey.of(sheet.name) == Self.stampSheetKey,
        let stamp = try templateStamp(source, sheet: i, name: sheet.name)
      {
        if let v = stamp, v < ToolVersion.template {
          result.findings.append(
            Finding(
              .templatKedaluwarsa, at: Location(file: file), sheetIndex: i, value: String(v),
              params: ["versi": String(v), "versi_kini": String(ToolVersion.template)]))
        }
        continue
      }
      let sheetName = isCSV ? nil : sheet.name
      let where_ = Location(file: file, sheet: sheetName)
      var domain = domainByName(isCSV ? stem : sheet.name)
      var given: [String: Value] = [:]
      if let fileDomain, let values = sheetValues(of: fileDomain, sheetName: sheet.name) {
        domain = fileDomain
        given = values
      }
      if domain == nil && sheet.state != .visible { continue }
      let grid = try SheetGrid.read(
        source, sheet: i, name: sheetName, maxCells: limits.maxSheetCells)
      if domain == nil {
        switch locator.domainByHeader(grid) {
        case .some(.some(let d)): domain = d
        case .some(.none):
          if !grid.rows.isEmpty {
            result.findings.append(Finding(.lembarTidakDikenal, at: where_, sheetIndex: i))
          }
          continue
        case .none:
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
  }

  static let stampSheetKey = MatchKey.of(TemplateStamp.sheetName)

  /// The template version stamped in a template's list sheet (A1 the label,
  /// A2 the version): nil when the sheet carries no stamp label, `.some(nil)`
  /// when the version under it cannot be read.
  func templateStamp(_ source: any SheetSource, sheet: Int, name: String) throws -> Int?? {
    var label = ""
    var value = ""
    _ = try source.readSheet(sheet) { row in
      guard row.number <= 2, let first = row.cells.first else { return }
      if row.number == 1 { label = first.plainText } else { value = first.plainText }
    }
    guard MatchKey.of(label) == MatchKey.of(TemplateStamp.label) else { return nil }
    return .some(Int(TextCleaner.clean(value)))
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
