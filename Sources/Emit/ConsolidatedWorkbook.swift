import Foundation
import Pipeline
import Spreadsheet
import Standard

/// `konsolidasi.xlsx` (SPEC §7): Ringkasan, the six domain sheets across all
/// OPDs (with the OPD's name and the source file, sheet and row), Ditolak and
/// Temuan; header rows frozen, filters on, widths fitted to the content. Ids
/// and codes are text cells; every string is written as a string, never as a
/// formula (SPEC §8).
public struct ConsolidatedWorkbook {
  public let architecture: Architecture
  public let standard: Standard
  public let configuration: Configuration
  public let createdAt: Date
  /// Data rows a sheet takes (Excel's 1,048,576 rows less the header and the
  /// row saying what did not fit); the JSON always holds everything.
  var rowLimit = 1_048_574

  public init(
    architecture: Architecture, standard: Standard, configuration: Configuration, createdAt: Date
  ) {
    self.architecture = architecture
    self.standard = standard
    self.configuration = configuration
    self.createdAt = createdAt
  }

  public static let summarySheet = "Ringkasan"
  public static let rejectedSheet = "Ditolak"
  public static let findingsSheet = "Temuan"

  static let header = XLSXWriter.Style(
    bold: true, wrap: true, fill: 0xDDEBF7, top: true, border: true)
  static let wrapTop = XLSXWriter.Style(wrap: true, top: true)
  static let top = XLSXWriter.Style(top: true)
  static let text = XLSXWriter.Style(numberFormat: "@", top: true)
  static let dateStyle = XLSXWriter.Style(numberFormat: "yyyy-mm-dd", top: true)
  static let rupiah = XLSXWriter.Style(numberFormat: "#,##0", top: true)
  static let whole = XLSXWriter.Style(numberFormat: "0", top: true)

  /// The styles of the many cells, resolved once.
  struct Formats {
    let top, wrapTop, text, date, rupiah, whole: XLSXWriter.Format
    init(_ w: XLSXWriter) {
      top = w.format(ConsolidatedWorkbook.top)
      wrapTop = w.format(ConsolidatedWorkbook.wrapTop)
      text = w.format(ConsolidatedWorkbook.text)
      date = w.format(ConsolidatedWorkbook.dateStyle)
      rupiah = w.format(ConsolidatedWorkbook.rupiah)
      whole = w.format(ConsolidatedWorkbook.whole)
    }
  }

  /// Writes the workbook to `path` (a temporary file: the caller moves it in).
  public func write(to path: String) throws {
    let w = try XLSXWriter(path: path, constantMemory: true)
    let f = Formats(w)
    w.setProperties(
      title: "Konsolidasi arsitektur SPBE", subject: configuration.institutionName,
      creator: "pipeline \(ToolVersion.current)", created: createdAt)
    try summary(w)
    for d in standard.domains { try domainSheet(w, d, f) }
    try rejectedSheet(w, f)
    try findingsSheet(w, f)
    try w.close()
  }

  private var officeByCode: [String: OPDRegistry.OPD] {
    Dictionary(standard.opds.offices.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
  }

  // MARK: - Ringkasan

  private func summary(_ w: XLSXWriter) throws {
    let s = try w.addSheet(Self.summarySheet)
    let a = architecture
    let tables = a.sources.flatMap(\.tables)
    var perLevel: [Severity: Int] = [:]
    for f in a.findings { perLevel[f.severity, default: 0] += 1 }
    let tally = a.byOPD
    let silent = standard.opds.offices.filter { tally.files[$0.code] == nil }.count

    try s.string(0, 0, "Konsolidasi arsitektur SPBE", .init(bold: true))
    let facts: [(String, Any)] = [
      ("Instansi", configuration.institutionName),
      ("Kode wilayah", configuration.regionCode),
      ("Periode", configuration.period),
      ("Dibuat pada", ArchitectureDocument.rfc3339(createdAt)),
      ("Alat", "pipeline \(ToolVersion.current)"),
      ("Berkas", a.sources.count),
      ("Berkas gagal dibaca", a.sources.filter { !$0.readable }.count),
      ("Tabel", tables.count),
      ("Baris data", tables.reduce(0) { $0 + $1.dataRows }),
      ("Diterima", tables.reduce(0) { $0 + $1.accepted }),
      ("Ditolak", tables.reduce(0) { $0 + $1.rejected }),
      ("Baris kosong", tables.reduce(0) { $0 + $1.blank }),
      ("Temuan kesalahan", perLevel[.kesalahan] ?? 0),
      ("Temuan peringatan", perLevel[.peringatan] ?? 0),
      ("Temuan info", perLevel[.info] ?? 0),
      ("OPD tanpa kiriman", silent),
    ]
    var row = 2
    for (label, value) in facts {
      try s.string(row, 0, label, .init(bold: true))
      if let n = value as? Int {
        try s.number(row, 1, Double(n))
      } else {
        try s.string(row, 1, "\(value)", Self.text)
      }
      row += 1
    }

    // One row per OPD of the codelist, so the ones that sent nothing show.
    row += 1
    let headerRow = row
    let labels =
      ["Kode OPD", "Perangkat Daerah", "Singkatan"] + standard.domains.map(\.label) + [
        "Jumlah diterima", "Ditolak", "Berkas",
      ]
    for (c, l) in labels.enumerated() { try s.string(row, c, l, Self.header) }
    for o in standard.opds.offices {
      row += 1
      var c = 0
      try s.string(row, c, o.code, Self.text)
      try s.string(row, c + 1, o.name, Self.top)
      try s.string(row, c + 2, o.abbreviation, Self.top)
      c = 3
      for d in standard.domains {
        try s.number(row, c, Double(tally.count(o.code, d.key).accepted), Self.top)
        c += 1
      }
      let total = tally.total(o.code)
      try s.number(row, c, Double(total.accepted), Self.top)
      try s.number(row, c + 1, Double(total.rejected), Self.top)
      try s.string(row, c + 2, (tally.files[o.code] ?? []).joined(separator: "\n"), Self.wrapTop)
    }
    try s.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: labels.count - 1)
    s.fitColumns(min: 8, max: 50)
    s.activate()
  }

  // MARK: - Domain sheets

  private func domainSheet(_ w: XLSXWriter, _ d: Domain, _ f: Formats) throws {
    let s = try w.addSheet(String(d.label.prefix(31)))
    let fields = d.fields.filter { $0.key != "opd" }
    let labels =
      ["Perangkat Daerah", "Kode OPD"] + fields.map(\.label) + [
        "Kolom tambahan", "Berkas", "Lembar", "Baris",
      ]
    for (c, l) in labels.enumerated() { try s.string(0, c, l, Self.header) }
    let offices = officeByCode
    var row = 0
    var overflow = 0
    for r in architecture.records where !r.rejected && r.domain == d.key {
      if row == rowLimit {
        overflow += 1
        continue
      }
      row += 1
      try s.string(row, 0, r.opd.flatMap { offices[$0]?.name } ?? "", format: f.top)
      try s.string(row, 1, r.opd ?? "", format: f.text)
      var c = 2
      for field in fields {
        try value(s, row, c, r.values[field.key], field, f)
        c += 1
      }
      try s.string(row, c, Self.cells(r.extra), format: f.wrapTop)
      try origin(s, row, c + 1, r.origin, f)
    }
    try finish(s, lastRow: row, columns: labels.count, overflow: overflow)
  }

  private func value(
    _ s: XLSXWriter.Sheet, _ row: Int, _ col: Int, _ v: Value?, _ field: Field, _ f: Formats
  ) throws {
    guard let v else { return }
    switch v {
    case .text(let t): try s.string(row, col, t, format: f.text)
    case .list(let l): try s.string(row, col, l.joined(separator: "; "), format: f.text)
    case .number(let n): try s.number(row, col, n, format: f.top)
    case .integer(let i):
      try s.number(row, col, Double(i), format: field.type == .rupiah ? f.rupiah : f.whole)
    case .date(let d): try s.date(row, col, d, format: f.date)
    }
  }

  private func origin(
    _ s: XLSXWriter.Sheet, _ row: Int, _ col: Int, _ o: Origin, _ f: Formats
  ) throws {
    try s.string(row, col, o.file, format: f.top)
    try s.string(row, col + 1, o.sheet ?? "", format: f.top)
    try s.number(row, col + 2, Double(o.row), format: f.top)
  }

  /// Freezes the header, filters the table, fits the widths; says how many rows
  /// did not fit below the table.
  private func finish(_ s: XLSXWriter.Sheet, lastRow: Int, columns: Int, overflow: Int) throws {
    // In constant-memory mode the filter must name rows not yet passed: it
    // comes before the note.
    s.freeze(row: 1)
    try s.autofilter(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: columns - 1)
    s.fitColumns(min: 8, max: 60)
    if overflow > 0 {
      try s.string(
        lastRow + 1, 0,
        "\(overflow) baris berikutnya tidak muat di lembar ini; semuanya ada di "
          + "\(Emitters.jsonName).", .init(bold: true))
    }
  }

  // MARK: - Ditolak and Temuan

  /// Messages are rendered as rows are written, not held for the whole run.
  private func rejectedSheet(_ w: XLSXWriter, _ f: Formats) throws {
    let s = try w.addSheet(Self.rejectedSheet)
    let labels = [
      "Domain", "Perangkat Daerah", "Kode OPD", "Berkas", "Lembar", "Baris", "Temuan", "Pesan",
      "Nilai",
    ]
    for (c, l) in labels.enumerated() { try s.string(0, c, l, Self.header) }
    let offices = officeByCode
    let domainLabel = Dictionary(
      standard.domains.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
    var row = 0
    var overflow = 0
    for r in architecture.records where r.rejected {
      if row == rowLimit {
        overflow += 1
        continue
      }
      row += 1
      try s.string(row, 0, domainLabel[r.domain] ?? r.domain, format: f.top)
      try s.string(row, 1, r.opd.flatMap { offices[$0]?.name } ?? "", format: f.top)
      try s.string(row, 2, r.opd ?? "", format: f.text)
      try origin(s, row, 3, r.origin, f)
      try s.string(
        row, 6, r.findings.map(ArchitectureDocument.findingID).joined(separator: ", "),
        format: f.top)
      let findings = architecture.findings
      let why = r.findings.compactMap {
        $0 < findings.count
          ? Catalog.render(findings[$0], lang: configuration.language).message : nil
      }
      try s.string(row, 7, why.joined(separator: "\n"), format: f.wrapTop)
      try s.string(row, 8, Self.cells(r.raw), format: f.wrapTop)
    }
    try finish(s, lastRow: row, columns: labels.count, overflow: overflow)
  }

  private func findingsSheet(_ w: XLSXWriter, _ f: Formats) throws {
    let s = try w.addSheet(Self.findingsSheet)
    let labels = [
      "ID", "Jenis", "Tingkat", "Berkas", "Lembar", "Sel", "Baris", "Kolom", "Bidang", "Nilai",
      "Pesan", "Saran",
    ]
    for (c, l) in labels.enumerated() { try s.string(0, c, l, Self.header) }
    let shown = min(architecture.findings.count, rowLimit)
    for (i, x) in architecture.findings.prefix(shown).enumerated() {
      let row = i + 1
      try s.string(row, 0, ArchitectureDocument.findingID(i), format: f.top)
      try s.string(row, 1, x.type.rawValue, format: f.top)
      try s.string(row, 2, x.severity.rawValue, format: f.top)
      try s.string(row, 3, x.location.file, format: f.top)
      try s.string(row, 4, x.location.sheet ?? "", format: f.top)
      try s.string(row, 5, x.location.cell ?? "", format: f.top)
      if let r = x.location.row { try s.number(row, 6, Double(r), format: f.top) }
      try s.string(row, 7, x.columnLabel ?? "", format: f.top)
      try s.string(row, 8, x.field ?? "", format: f.top)
      try s.string(row, 9, x.value ?? "", format: f.text)
      let (message, fix) = Catalog.render(x, lang: configuration.language)
      try s.string(row, 10, message, format: f.wrapTop)
      try s.string(row, 11, fix ?? "", format: f.wrapTop)
    }
    try finish(
      s, lastRow: shown, columns: labels.count, overflow: architecture.findings.count - shown)
  }

  /// Cells by column label, one `Label: value` line each.
  static func cells(_ cells: some Sequence<(String, Cell)>) -> String {
    cells.compactMap { label, cell in
      let t = text(cell)
      return t.isEmpty ? nil : "\(label): \(t)"
    }.joined(separator: "\n")
  }

  /// What a person sees in a cell.
  static func text(_ c: Cell) -> String {
    switch c {
    case .empty, .uncachedFormula: return ""
    case .text(let s): return s
    case .number(let d), .duration(let d): return numberText(d)
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .date(let d): return d.iso
    case .dateTime(let t): return CellJSON.dateTime(t)
    case .time(let s): return CellJSON.clock(microseconds: CellJSON.micro(s))
    case .error(let e): return e
    }
  }

  static func numberText(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }
}
