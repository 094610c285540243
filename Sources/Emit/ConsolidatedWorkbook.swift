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

  /// Writes the workbook to `path` (a temporary file: the caller moves it in).
  public func write(to path: String) throws {
    let w = try XLSXWriter(path: path, constantMemory: true)
    w.setProperties(
      title: "Konsolidasi arsitektur SPBE", subject: configuration.institutionName,
      creator: "pipeline \(ToolVersion.current)")
    let messages = architecture.findings.map { Catalog.render($0, lang: configuration.language) }
    try summary(w)
    for d in standard.domains { try domainSheet(w, d) }
    try rejectedSheet(w, messages)
    try findingsSheet(w, messages)
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
    var accepted: [String: [String: Int]] = [:]
    var rejected: [String: Int] = [:]
    var files: [String: Set<String>] = [:]
    for r in a.records {
      guard let o = r.opd else { continue }
      files[o, default: []].insert(r.origin.file)
      if r.rejected {
        rejected[o, default: 0] += 1
      } else {
        accepted[o, default: [:]][r.domain, default: 0] += 1
      }
    }
    let silent = standard.opds.offices.filter { files[$0.code] == nil }.count

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
      var total = 0
      for d in standard.domains {
        let n = accepted[o.code]?[d.key] ?? 0
        total += n
        try s.number(row, c, Double(n), Self.top)
        c += 1
      }
      try s.number(row, c, Double(total), Self.top)
      try s.number(row, c + 1, Double(rejected[o.code] ?? 0), Self.top)
      try s.string(row, c + 2, (files[o.code] ?? []).sorted().joined(separator: "\n"), Self.wrapTop)
    }
    try s.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: labels.count - 1)
    s.fitColumns(min: 8, max: 50)
    s.activate()
  }

  // MARK: - Domain sheets

  private func domainSheet(_ w: XLSXWriter, _ d: Domain) throws {
    let s = try w.addSheet(String(d.label.prefix(31)))
    let fields = d.fields.filter { $0.key != "opd" }
    let labels =
      ["Perangkat Daerah", "Kode OPD"] + fields.map(\.label) + [
        "Kolom tambahan", "Berkas", "Lembar", "Baris",
      ]
    for (c, l) in labels.enumerated() { try s.string(0, c, l, Self.header) }
    let offices = officeByCode
    var row = 0
    for r in architecture.records where !r.rejected && r.domain == d.key {
      row += 1
      try s.string(row, 0, r.opd.flatMap { offices[$0]?.name } ?? "", Self.top)
      try s.string(row, 1, r.opd ?? "", Self.text)
      var c = 2
      for f in fields {
        try value(s, row, c, r.values[f.key], f)
        c += 1
      }
      try s.string(row, c, Self.cells(r.extra), Self.wrapTop)
      try origin(s, row, c + 1, r.origin)
    }
    try finish(s, lastRow: row, columns: labels.count)
  }

  private func value(_ s: XLSXWriter.Sheet, _ row: Int, _ col: Int, _ v: Value?, _ f: Field)
    throws
  {
    guard let v else { return }
    switch v {
    case .text(let t): try s.string(row, col, t, Self.text)
    case .list(let l): try s.string(row, col, l.joined(separator: "; "), Self.text)
    case .number(let n): try s.number(row, col, n, Self.top)
    case .integer(let i):
      try s.number(row, col, Double(i), f.type == .rupiah ? Self.rupiah : Self.whole)
    case .date(let d): try s.date(row, col, d, Self.dateStyle)
    }
  }

  private func origin(_ s: XLSXWriter.Sheet, _ row: Int, _ col: Int, _ o: Origin) throws {
    try s.string(row, col, o.file, Self.top)
    try s.string(row, col + 1, o.sheet ?? "", Self.top)
    try s.number(row, col + 2, Double(o.row), Self.top)
  }

  private func finish(_ s: XLSXWriter.Sheet, lastRow: Int, columns: Int) throws {
    s.freeze(row: 1)
    try s.autofilter(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: columns - 1)
    s.fitColumns(min: 8, max: 60)
  }

  // MARK: - Ditolak and Temuan

  private func rejectedSheet(_ w: XLSXWriter, _ messages: [(message: String, fix: String?)])
    throws
  {
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
    for r in architecture.records where r.rejected {
      row += 1
      try s.string(row, 0, domainLabel[r.domain] ?? r.domain, Self.top)
      try s.string(row, 1, r.opd.flatMap { offices[$0]?.name } ?? "", Self.top)
      try s.string(row, 2, r.opd ?? "", Self.text)
      try origin(s, row, 3, r.origin)
      try s.string(
        row, 6, r.findings.map(ArchitectureDocument.findingID).joined(separator: ", "), Self.top)
      let why = r.findings.compactMap { $0 < messages.count ? messages[$0].message : nil }
      try s.string(row, 7, why.joined(separator: "\n"), Self.wrapTop)
      try s.string(row, 8, Self.cells(r.raw), Self.wrapTop)
    }
    try finish(s, lastRow: row, columns: labels.count)
  }

  private func findingsSheet(_ w: XLSXWriter, _ messages: [(message: String, fix: String?)])
    throws
  {
    let s = try w.addSheet(Self.findingsSheet)
    let labels = [
      "ID", "Jenis", "Tingkat", "Berkas", "Lembar", "Sel", "Baris", "Kolom", "Bidang", "Nilai",
      "Pesan", "Saran",
    ]
    for (c, l) in labels.enumerated() { try s.string(0, c, l, Self.header) }
    for (i, f) in architecture.findings.enumerated() {
      let row = i + 1
      try s.string(row, 0, ArchitectureDocument.findingID(i), Self.top)
      try s.string(row, 1, f.type.rawValue, Self.top)
      try s.string(row, 2, f.severity.rawValue, Self.top)
      try s.string(row, 3, f.location.file, Self.top)
      try s.string(row, 4, f.location.sheet ?? "", Self.top)
      try s.string(row, 5, f.location.cell ?? "", Self.top)
      if let r = f.location.row { try s.number(row, 6, Double(r), Self.top) }
      try s.string(row, 7, f.columnLabel ?? "", Self.top)
      try s.string(row, 8, f.field ?? "", Self.top)
      try s.string(row, 9, f.value ?? "", Self.text)
      try s.string(row, 10, messages[i].message, Self.wrapTop)
      try s.string(row, 11, messages[i].fix ?? "", Self.wrapTop)
    }
    try finish(s, lastRow: architecture.findings.count, columns: labels.count)
  }

  /// Cells by column label, one `Label: value` line each.
  static func cells(_ cells: [(String, Cell)]) -> String {
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
