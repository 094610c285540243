import Foundation
import Pipeline
import Spreadsheet
import Standard

/// `outputs/sia-spbe/`: the portal's six forms (`Domain Arsitektur <Domain>.xlsx`)
/// filled with the accepted records of every OPD, in the layout of
/// `sia-spbe-formulir.json`, so what staff type into SIA-SPBE is a copy from
/// these sheets. The data sheet is the first sheet; the header row is the
/// form's labels in the form's order; reference cells are `KODE NAMA`, links
/// `ID Nama` one per line, the OPD its name. `pipeline run` reads the folder
/// back into the same records.
public struct SIASPBEExport: Emitter {
  public static let folder = "sia-spbe"

  let context: EmitContext
  let layout: SIASPBELayout

  public init(_ context: EmitContext, layout: SIASPBELayout) {
    self.context = context
    self.layout = layout
  }

  typealias Sheet = SheetWriter

  /// Writes the six workbooks into `folder/sia-spbe/`; returns the folder's path.
  public func write(into folder: OutputFolder) throws -> [String] {
    try folder.makeFolder(Self.folder)
    let lookup = Lookup(architecture, standard)
    let forms = layout.forms.filter { standard.domain($0.domain) != nil }
    try Parallel.forEach(forms.count, workers: configuration.jobs) { i in
      let book = workbook(forms[i], lookup)
      let name = Self.folder + "/" + forms[i].file
      try folder.write(name) { temp in
        do {
          try book.write(to: temp)
        } catch let e as XLSXWriterError {
          throw OutputFolder.Failure.unwritable(path: name, code: e.code)
        }
      }
    }
    return [(folder.path as NSString).appendingPathComponent(Self.folder) + "/"]
  }

  /// The workbook of one form: its records placed on its sheets.
  func workbook(_ form: SIASPBELayout.Form, _ lookup: Lookup) -> StreamingWorkbook {
    var book = StreamingWorkbook()
    book.title = form.file
    book.subject = configuration.institutionName
    book.creator = "pipeline \(ToolVersion.current)"
    book.created = createdAt
    book.jobs = configuration.jobs
    let domain = standard.domain(form.domain)!
    let rows = Self.placement(
      of: architecture.records, form: form, standard: standard)
    for (n, sheet) in form.sheets.enumerated() {
      let mine = rows[n]
      book.sheets.append(
        .init(
          name: String(sheet.name.prefix(31)),
          render: { render($0, sheet, domain, mine, lookup, first: n == 0) },
          weight: mine.count))
    }
    return book
  }

  /// Record indices per sheet of `form`: the accepted records of its domain,
  /// in the run's order; with several sheets, each record on the sheet whose
  /// `jenis` list holds its jenis (else the sheet named as the jenis reads,
  /// else the first).
  static func placement(
    of records: [Record], form: SIASPBELayout.Form, standard: Standard
  ) -> [[Int]] {
    var rows = Array(repeating: [Int](), count: form.sheets.count)
    guard !rows.isEmpty else { return rows }
    let kinds = standard.domain(form.domain)?.field("jenis").flatMap { f -> Enumeration? in
      if case .choice(let list) = f.type { return standard.enumerations[list] }
      return nil
    }
    var memo: [String: Int] = [:]
    func sheet(for kind: String?) -> Int {
      guard form.sheets.count > 1, let kind else { return 0 }
      if let n = memo[kind] { return n }
      let key = MatchKey.of(kind)
      var n = form.sheets.firstIndex { $0.kinds?.contains { MatchKey.of($0) == key } == true }
      if n == nil, let e = kinds {
        n = form.sheets.firstIndex { e.match($0.name)?.code == kind }
      }
      memo[kind] = n ?? 0
      return n ?? 0
    }
    for i in records.indices where !records[i].rejected && records[i].domain == form.domain {
      rows[sheet(for: records[i].text("jenis"))].append(i)
    }
    return rows
  }

  private func render(
    _ s: Sheet, _ sheet: SIASPBELayout.Sheet, _ domain: Domain, _ rows: [Int], _ lookup: Lookup,
    first: Bool
  ) {
    let columns = sheet.columns
    for (c, col) in columns.enumerated() { s.string(0, c, col.label, .header) }
    // The deepest split column of each code field takes a code deeper than it.
    var deepest: [String: Int] = [:]
    for col in columns {
      if let k = col.key, let l = col.level { deepest[k] = max(deepest[k] ?? 0, l) }
    }
    // Link columns split by the target's jenis: a link no column names goes to the first.
    var splitFirst: [String: Int] = [:]
    var splitKinds: [String: Set<String>] = [:]
    for (c, col) in columns.enumerated() {
      guard let k = col.key, let kinds = col.kinds else { continue }
      if splitFirst[k] == nil { splitFirst[k] = c }
      splitKinds[k, default: []].formUnion(kinds.map(MatchKey.of))
    }
    let records = architecture.records
    for (n, i) in rows.enumerated() {
      let r = records[i]
      for (c, col) in columns.enumerated() {
        if col.fill == "periode" {
          s.string(n + 1, c, configuration.period, .text)
          continue
        }
        guard let key = col.key, let field = domain.field(key) else { continue }
        if field.type == .opd {
          let name = r.opd.flatMap { lookup.offices[$0] } ?? r.opd ?? ""
          s.string(n + 1, c, name, .top)
          continue
        }
        guard let v = r.values[key] else { continue }
        switch (field.type, v) {
        case (.code(let list, _, _), .text(let code)):
          let text = codeCell(
            code, list: list, level: col.level, deepest: deepest[key] ?? 0)
          s.string(n + 1, c, text, .text)
        case (.choice(let list), .text(let code)):
          s.string(n + 1, c, lookup.label(list, code), .text)
        case (.reference(let targets), .list(let ids)):
          let lines = ids.compactMap { id -> String? in
            let target = lookup.target(of: id, opd: r.opd ?? "", targets: targets)
            if let kinds = col.kinds {
              let kind = MatchKey.of(target?.kind ?? "")
              let named = kinds.contains { MatchKey.of($0) == kind }
              let unnamed = !(splitKinds[key]?.contains(kind) ?? false) && splitFirst[key] == c
              guard named || unnamed else { return nil }
            }
            return Self.link(id, name: target?.name)
          }
          s.string(n + 1, c, lines.joined(separator: "\n"), .wrapTop)
        case (_, .text(let t)): s.string(n + 1, c, t, .text)
        case (_, .list(let l)): s.string(n + 1, c, l.joined(separator: "\n"), .wrapTop)
        case (_, .number(let d)): s.number(n + 1, c, d, .top)
        case (_, .integer(let x)):
          s.number(n + 1, c, Double(x), field.type == .rupiah ? .rupiah : .whole)
        case (_, .date(let d)): s.date(n + 1, c, d, .date)
        }
      }
    }
    s.freeze(row: 1)
    s.autofilter(firstRow: 0, firstCol: 0, lastRow: rows.count, lastCol: columns.count - 1)
    s.fitColumns(min: 8, max: 60)
    if first { s.activate() }
  }

  /// A code cell as the forms write it. A column without a level shows the
  /// code with its name (`KODE NAMA`, name upper case); a level column shows
  /// the code's national ancestor of that level the same way, and below the
  /// national levels the local code at that depth (the deepest column: all of it).
  func codeCell(_ code: String, list: String, level: Int?, deepest: Int) -> String {
    let codelist = standard.codelists[list]
    func named(_ c: String) -> String {
      guard let e = codelist?.entry(c) else { return c }
      return e.name.isEmpty ? c : "\(c) \(e.name.uppercased())"
    }
    guard let level else { return named(code) }
    let parts = code.split(separator: ".").map(String.init)
    let depth = parts.count - 1
    guard depth >= level else { return "" }
    let prefix = parts.prefix(level + 1).joined(separator: ".")
    if let e = codelist?.entry(prefix), e.level == level { return named(prefix) }
    if codelist?.entry(prefix) != nil { return "" }
    return level == deepest && depth > level ? code : prefix
  }

  /// `ID Nama`, as the forms write a link; the id alone when the reader
  /// could not tell it from the name (no digit in it, or a space).
  static func link(_ id: String, name: String?) -> String {
    guard let name, !name.isEmpty, id.contains(where: \.isNumber),
      !id.contains(where: { $0.isWhitespace || $0 == ";" || $0 == "," })
    else { return id }
    return "\(id) \(name)"
  }

  /// What the cells of links and references are rendered from, built once.
  struct Lookup: Sendable {
    struct Target: Sendable {
      let name: String
      let kind: String?
    }
    let offices: [String: String]
    /// OPD → domain → lower-cased id → the record's name and jenis.
    let targets: [String: [String: [String: Target]]]
    let labels: [String: [String: String]]

    init(_ a: Architecture, _ standard: Standard) {
      offices = Dictionary(
        standard.opds.offices.map { ($0.code, $0.name) }, uniquingKeysWith: { x, _ in x })
      var t: [String: [String: [String: Target]]] = [:]
      for r in a.records where !r.rejected {
        guard let id = r.text("id") else { continue }
        let name = r.text("nama") ?? r.text("uraian") ?? ""
        let key = id.lowercased()
        if t[r.opd ?? "", default: [:]][r.domain, default: [:]][key] == nil {
          t[r.opd ?? "", default: [:]][r.domain, default: [:]][key] = Target(
            name: name, kind: r.text("jenis"))
        }
      }
      targets = t
      labels = standard.enumerations.mapValues { e in
        Dictionary(e.values.map { ($0.code, $0.label) }, uniquingKeysWith: { x, _ in x })
      }
    }

    /// A choice's label as the forms write it (the code when the list has none).
    func label(_ list: String, _ code: String) -> String { labels[list]?[code] ?? code }

    /// The record a link names; `domain:id` when the field links several domains.
    func target(of id: String, opd: String, targets domains: [String]) -> Target? {
      var domains = domains
      var want = id
      if domains.count > 1, let colon = id.firstIndex(of: ":") {
        let d = String(id[..<colon]).lowercased()
        if domains.contains(d) {
          domains = [d]
          want = String(id[id.index(after: colon)...])
        }
      }
      for d in domains {
        if let t = targets[opd]?[d]?[want.lowercased()] { return t }
      }
      return nil
    }
  }
}
