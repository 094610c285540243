import Foundation
import Pipeline
import Spreadsheet
import Standard

/// `konsolidasi.xlsx` (SPEC §7): Ringkasan, the six domain sheets across all
/// OPDs (with the OPD's name and the source file, sheet and row), Ditolak and
/// Temuan; header rows frozen, filters on, widths fitted to the content. Ids
/// and codes are text cells; every string is written as a string, never as a
/// formula (SPEC §8).
public struct ConsolidatedWorkbook: Emitter {
  let context: EmitContext
  /// Data rows a sheet takes (Excel's 1,048,576 rows less the header and the
  /// row saying what did not fit); the JSON always holds everything.
  var rowLimit = 1_048_574

  public init(_ context: EmitContext) { self.context = context }

  public static let summarySheet = "Ringkasan"
  public static let rejectedSheet = "Ditolak"
  public static let findingsSheet = "Temuan"

  typealias Sheet = SheetWriter
  typealias Style = StreamingWorkbook.Style

  /// Headers and texts follow `bahasa` like the pages; sheet names stay as
  /// SPEC §7 names them, for the formulas and scripts that address them.
  func t(_ text: PageText, _ values: [String: String] = [:]) -> String {
    text(configuration.language, values)
  }
  func label(_ d: Domain) -> String { configuration.language == .en ? d.labelEnglish : d.label }

  /// Writes the workbook to `path` (a temporary file: the caller moves it in),
  /// the sheets rendered at the same time on up to `configuration.jobs` threads.
  public func write(to path: String) throws {
    var book = StreamingWorkbook()
    book.title = t(.workbookTitle)
    book.subject = configuration.institutionName
    book.creator = "pipeline \(ToolVersion.current)"
    book.created = createdAt
    book.jobs = configuration.jobs
    let offices = officeByCode
    // The rows of each sheet found in one pass (by index: a record is not copied).
    let records = architecture.records
    var perDomain: [String: [Int]] = [:]
    var rejected: [Int] = []
    for i in records.indices {
      if records[i].rejected {
        rejected.append(i)
      } else {
        perDomain[records[i].domain, default: []].append(i)
      }
    }
    let sheetsOf = perDomain
    let rejectedRows = rejected
    book.sheets.append(.init(name: Self.summarySheet, render: summary))
    for d in standard.domains {
      book.sheets.append(
        .init(
          name: String(d.label.prefix(31)),
          render: { domainSheet($0, d, sheetsOf[d.key] ?? [], offices) },
          weight: perDomain[d.key]?.count ?? 0))
    }
    book.sheets.append(
      .init(
        name: Self.rejectedSheet, render: { rejectedSheet($0, rejectedRows, offices) },
        weight: rejected.count * 2))
    book.sheets.append(
      .init(name: Self.findingsSheet, render: findingsSheet, weight: architecture.findings.count))
    book.sheets.append(.init(name: Self.sendListSheet, render: sendListSheet))
    book.sheets += analysisSheets()
    try book.write(to: path)
  }

  private var officeByCode: [String: OPDRegistry.OPD] {
    Dictionary(standard.opds.offices.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
  }

  // MARK: - Ringkasan

  private func summary(_ s: Sheet) {
    let a = architecture
    let tables = a.sources.flatMap(\.tables)
    let perLevel = a.findingCounts.byLevel
    let tally = a.byOPD
    let silent = standard.opds.offices.filter { tally.files[$0.code] == nil }.count

    s.string(0, 0, t(.workbookTitle), .bold)
    let facts: [(String, Any)] = [
      (t(.institution), configuration.institutionName),
      (t(.regionCode), configuration.regionCode),
      (t(.period), configuration.period),
      (t(.generatedAt), ShownTime.wib(createdAt, lang: configuration.language)),
      (t(.tool), "pipeline \(ToolVersion.current)"),
      (t(.files), a.sources.count),
      (t(.unreadableFiles), a.sources.filter { !$0.readable }.count),
      (t(.tables), tables.count),
      (t(.dataRows), tables.reduce(0) { $0 + $1.dataRows }),
      (t(.accepted), tables.reduce(0) { $0 + $1.accepted }),
      (t(.rejected), tables.reduce(0) { $0 + $1.rejected }),
      (t(.blankRows), tables.reduce(0) { $0 + $1.blank }),
      (t(.errorFindings), perLevel[.kesalahan] ?? 0),
      (t(.warningFindings), perLevel[.peringatan] ?? 0),
      (t(.infoFindings), perLevel[.info] ?? 0),
      (t(.silentOffices), silent),
    ]
    var row = 2
    for (label, value) in facts {
      s.string(row, 0, label, .bold)
      if let n = value as? Int {
        s.number(row, 1, Double(n))
      } else {
        s.string(row, 1, "\(value)", .text)
      }
      row += 1
    }

    // One row per OPD of the codelist, so the ones that sent nothing show.
    row += 1
    let headerRow = row
    let labels =
      [t(.opdCode), t(.opd), t(.abbreviation)]
      + standard.domains.map(label) + [
        t(.acceptedInAll), t(.rejected), t(.files),
        t(.contactName), t(.contactPosition), t(.contactInfo), t(.contactDate),
      ]
    let contacts = a.contacts()
    for (c, l) in labels.enumerated() { s.string(row, c, l, .header) }
    for o in standard.opds.offices {
      row += 1
      var c = 0
      s.string(row, c, o.code, .text)
      s.string(row, c + 1, o.name, .top)
      s.string(row, c + 2, o.abbreviation, .top)
      c = 3
      for d in standard.domains {
        s.number(row, c, Double(tally.count(o.code, d.key).accepted), .top)
        c += 1
      }
      let total = tally.total(o.code)
      s.number(row, c, Double(total.accepted), .top)
      s.number(row, c + 1, Double(total.rejected), .top)
      s.string(row, c + 2, (tally.files[o.code] ?? []).joined(separator: "\n"), .wrapTop)
      let k = contacts[o.code]
      for (i, v) in [k?.name, k?.position, k?.contact, k?.filledOn].enumerated() {
        if let v { s.string(row, c + 3 + i, v, .text) }
      }
    }
    s.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: labels.count - 1)
    s.fitColumns(min: 8, max: 50)
    s.activate()
  }

  // MARK: - Domain sheets

  private func domainSheet(
    _ s: Sheet, _ d: Domain, _ rows: [Int], _ offices: [String: OPDRegistry.OPD]
  ) {
    let fields = d.fields.filter { $0.key != "opd" }
    // A field's label is the standard's column name, the same in both languages.
    let labels =
      [t(.opd), t(.opdCode)] + fields.map(\.label) + [
        t(.extraColumns), t(.file), t(.sheet),
        t(.row),
      ]
    for (c, l) in labels.enumerated() { s.string(0, c, l, .header) }
    let records = architecture.records
    let shown = rows.prefix(rowLimit)
    for (n, i) in shown.enumerated() {
      let r = records[i]
      let row = n + 1
      s.string(row, 0, r.opd.flatMap { offices[$0]?.name } ?? "", .top)
      s.string(row, 1, r.opd ?? "", .text)
      var c = 2
      for field in fields {
        value(s, row, c, r.values[field.key], field)
        c += 1
      }
      s.string(row, c, Self.cells(r.extra), .wrapTop)
      origin(s, row, c + 1, r.origin)
    }
    finish(s, lastRow: shown.count, columns: labels.count, overflow: rows.count - shown.count)
  }

  private func value(_ s: Sheet, _ row: Int, _ col: Int, _ v: Value?, _ field: Field) {
    guard let v else { return }
    switch v {
    case .text(let t): s.string(row, col, t, .text)
    case .list(let l): s.string(row, col, l.joined(separator: "; "), .text)
    case .number(let n): s.number(row, col, n, .top)
    case .integer(let i):
      s.number(row, col, Double(i), field.type == .rupiah ? .rupiah : .whole)
    case .date(let d): s.date(row, col, d, .date)
    }
  }

  private func origin(_ s: Sheet, _ row: Int, _ col: Int, _ o: Origin) {
    s.string(row, col, o.file, .top)
    s.string(row, col + 1, o.sheet ?? "", .top)
    s.number(row, col + 2, Double(o.row), .top)
  }

  /// Freezes the header, filters the table, fits the widths; says how many rows
  /// did not fit below the table.
  private func finish(_ s: Sheet, lastRow: Int, columns: Int, overflow: Int) {
    s.freeze(row: 1)
    s.autofilter(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: columns - 1)
    s.fitColumns(min: 8, max: 60)
    if overflow > 0 {
      s.string(
        lastRow + 1, 0,
        t(.rowsDoNotFit, ["n": "\(overflow)"])
          + "\(Emitters.jsonName).", .bold)
    }
  }

  // MARK: - Daftar Kirim

  static let sendListSheet = "Daftar Kirim"

  /// Per OPD of the registry: its page, contact, errors, missing domains, status.
  private func sendListSheet(_ s: Sheet) {
    let labels = [
      t(.opdCode), t(.opd), t(.abbreviation), t(.feedbackPage), t(.contactName),
      t(.contactPosition), t(.contactInfo), t(.contactDate), t(.errorsToFix), t(.domainsMissing),
      t(.sendStatus),
    ]
    for (c, l) in labels.enumerated() { s.string(0, c, l, .header) }
    var row = 0
    for e in SendList(architecture, standard: standard).entries {
      row += 1
      for (c, v) in SendList.fields(e).enumerated() {
        if c == 8 {
          s.number(row, c, Double(e.errors), .top)
        } else if !v.isEmpty {
          s.string(row, c, v, .text)
        }
      }
    }
    finish(s, lastRow: row, columns: labels.count, overflow: 0)
  }

  // MARK: - Ditolak and Temuan

  /// Messages are rendered as rows are written, not held for the whole run.
  private func rejectedSheet(_ s: Sheet, _ rows: [Int], _ offices: [String: OPDRegistry.OPD]) {
    let labels = [
      "Domain", t(.opd), t(.opdCode), t(.file),
      t(.sheet), t(.row), t(.findings),
      t(.message), t(.values),
    ]
    for (c, l) in labels.enumerated() { s.string(0, c, l, .header) }
    let domainLabel = Dictionary(
      standard.domains.map { ($0.key, label($0)) },
      uniquingKeysWith: { a, _ in a })
    let records = architecture.records
    let findings = architecture.findings
    let shown = rows.prefix(rowLimit)
    for (n, i) in shown.enumerated() {
      let r = records[i]
      let row = n + 1
      s.string(row, 0, domainLabel[r.domain] ?? r.domain, .top)
      s.string(row, 1, r.opd.flatMap { offices[$0]?.name } ?? "", .top)
      s.string(row, 2, r.opd ?? "", .text)
      origin(s, row, 3, r.origin)
      s.string(
        row, 6, r.findings.map(ArchitectureDocument.findingID).joined(separator: ", "), .top)
      let why = r.findings.compactMap {
        $0 < findings.count
          ? Catalog.render(findings[$0], lang: configuration.language).message : nil
      }
      s.string(row, 7, why.joined(separator: "\n"), .wrapTop)
      s.string(row, 8, Self.cells(r.raw), .wrapTop)
    }
    finish(s, lastRow: shown.count, columns: labels.count, overflow: rows.count - shown.count)
  }

  private func findingsSheet(_ s: Sheet) {
    let labels = [
      "ID", t(.type), t(.level), t(.file),
      t(.sheet), t(.cell), t(.row), t(.column),
      t(.field), t(.value), t(.message), t(.fix),
      RoundText.key.text(configuration.language), t(.opdCode),
    ]
    for (c, l) in labels.enumerated() { s.string(0, c, l, .header) }
    let shown = min(architecture.findings.count, rowLimit)
    for (i, x) in architecture.findings.prefix(shown).enumerated() {
      let row = i + 1
      s.string(row, 0, ArchitectureDocument.findingID(i), .top)
      s.string(row, 1, x.type.rawValue, .top)
      s.string(row, 2, x.severity.rawValue, .top)
      s.string(row, 3, x.location.file, .top)
      s.string(row, 4, x.location.sheet ?? "", .top)
      s.string(row, 5, x.location.cell ?? "", .top)
      if let r = x.location.row { s.number(row, 6, Double(r), .top) }
      s.string(row, 7, x.columnLabel ?? "", .top)
      s.string(row, 8, x.field ?? "", .top)
      s.string(row, 9, x.value ?? "", .text)
      let (message, fix) = Catalog.render(x, lang: configuration.language)
      s.string(row, 10, message, .wrapTop)
      s.string(row, 11, fix ?? "", .wrapTop)
      s.string(row, 12, context.findingKeys[i], .top)
      s.string(row, 13, architecture.findingOPD(i) ?? "", .top)
    }
    finish(
      s, lastRow: shown, columns: labels.count, overflow: architecture.findings.count - shown)
  }

  /// Cells by column label, one `Label: value` line each.
  static func cells(_ cells: some Sequence<(String, Cell)>) -> String {
    cells.compactMap { label, cell in
      let t = cell.plainText
      return t.isEmpty ? nil : "\(label): \(t)"
    }.joined(separator: "\n")
  }
}
