import Foundation
import Pipeline
import Standard

/// `nasional.xlsx`: `Ringkasan` (one row per instansi: records per domain,
/// rejected, findings per level, OPDs that sent nothing), then one sheet per
/// domain with every record and its instansi. Written by the streaming writer
/// of `konsolidasi.xlsx`: texts are inline strings, never formulas.
public struct NationalWorkbook: Sendable {
  public static let fileName = "nasional.xlsx"
  public static let summarySheet = "Ringkasan"

  typealias Sheet = SheetWriter

  let rollup: NationalRollup
  let createdAt: Date
  let language: Language
  let jobs: Int
  var rowLimit = 1_048_574

  public init(_ rollup: NationalRollup, createdAt: Date, language: Language, jobs: Int = 0) {
    self.rollup = rollup
    self.createdAt = createdAt
    self.language = language
    self.jobs = jobs
  }

  private func t(_ l: RollupText.Label) -> String { RollupText.label(l, language) }

  public func write(to path: String) throws {
    var book = StreamingWorkbook()
    book.title = t(.title)
    book.creator = "pipeline \(ToolVersion.current)"
    book.created = createdAt
    book.jobs = jobs
    let docs = rollup.documents
    book.sheets.append(.init(name: Self.summarySheet, render: { summary($0, docs) }))
    for d in rollup.domains {
      book.sheets.append(
        .init(
          name: String(d.label.prefix(31)), render: { domainSheet($0, d, docs) },
          weight: docs.reduce(0) { $0 + $1.count(d.key) }))
    }
    try book.write(to: path)
  }

  private func summary(_ s: Sheet, _ docs: [InstansiDocument]) {
    s.string(0, 0, t(.title), .bold)
    s.string(1, 0, t(.createdAt), .bold)
    s.string(1, 1, ShownTime.wib(createdAt, lang: language), .text)
    let header = 3
    let labels =
      [t(.regionCode), t(.instansi), t(.period), t(.createdAt)]
      + rollup.domains.map { language == .en ? $0.labelEnglish : $0.label } + [
        t(.accepted), t(.rejected), t(.errors), t(.warnings), t(.infos), t(.silentOffices),
        t(.file),
      ]
    for (c, l) in labels.enumerated() { s.string(header, c, l, .header) }
    var row = header
    for doc in docs {
      row += 1
      s.string(row, 0, doc.regionCode, .text)
      s.string(row, 1, doc.name, .top)
      s.string(row, 2, doc.period, .text)
      s.string(row, 3, doc.createdAt, .text)
      var c = 4
      for d in rollup.domains {
        s.number(row, c, Double(doc.count(d.key)), .whole)
        c += 1
      }
      let counts = [
        doc.summaryCount("diterima"), doc.summaryCount("ditolak"), doc.findings(.kesalahan),
        doc.findings(.peringatan), doc.findings(.info), doc.silentOffices,
      ]
      for n in counts {
        s.number(row, c, Double(n), .whole)
        c += 1
      }
      s.string(row, c, doc.fileName, .top)
    }
    let last = row
    s.autofilter(firstRow: header, firstCol: 0, lastRow: last, lastCol: labels.count - 1)
    // The national totals under the filtered table, so a filter does not hide them.
    row += 2
    s.string(row, 1, t(.total), .bold)
    var c = 4
    for d in rollup.domains {
      s.number(row, c, Double(docs.reduce(0) { $0 + $1.count(d.key) }), .whole)
      c += 1
    }
    let totals: [(InstansiDocument) -> Int] = [
      { $0.summaryCount("diterima") }, { $0.summaryCount("ditolak") },
      { $0.findings(.kesalahan) }, { $0.findings(.peringatan) }, { $0.findings(.info) },
      { $0.silentOffices },
    ]
    for f in totals {
      s.number(row, c, Double(docs.reduce(0) { $0 + f($1) }), .whole)
      c += 1
    }
    s.freeze(row: header + 1)
    s.fitColumns(min: 8, max: 50)
    s.activate()
  }

  private func domainSheet(_ s: Sheet, _ d: Domain, _ docs: [InstansiDocument]) {
    let fields = d.fields.map(\.key)
    let labels =
      [t(.regionCode), t(.instansi)] + d.fields.map(\.label) + [
        t(.extraColumns), t(.originFile), t(.originSheet), t(.originRow),
      ]
    for (c, l) in labels.enumerated() { s.string(0, c, l, .header) }
    var row = 0
    var overflow = 0
    for doc in docs {
      for bytes in doc.records[d.key] ?? [] {
        guard row < rowLimit else {
          overflow += 1
          continue
        }
        row += 1
        s.string(row, 0, doc.regionCode, .text)
        s.string(row, 1, doc.name, .top)
        // Checked when it was read: it parses again.
        guard case .object(let members) = (try? JSONPullReader(bytes: bytes).readValue()) else {
          continue
        }
        let byKey = Dictionary(members, uniquingKeysWith: { a, _ in a })
        for (i, key) in fields.enumerated() { cell(s, row, 2 + i, byKey[key]) }
        var c = 2 + fields.count
        cell(s, row, c, byKey["tambahan"])
        c += 1
        if case .object(let origin)? = byKey["asal"] {
          let o = Dictionary(origin, uniquingKeysWith: { a, _ in a })
          cell(s, row, c, o["berkas"])
          cell(s, row, c + 1, o["lembar"])
          cell(s, row, c + 2, o["baris"])
        }
      }
    }
    s.freeze(row: 1)
    s.autofilter(firstRow: 0, firstCol: 0, lastRow: row, lastCol: labels.count - 1)
    s.fitColumns(min: 8, max: 60)
    if overflow > 0 {
      s.string(
        row + 1, 0, t(.sheetFull).replacingOccurrences(of: "{n}", with: String(overflow)), .bold)
    }
  }

  private func cell(_ s: Sheet, _ row: Int, _ col: Int, _ v: JSON?) {
    guard let v else { return }
    switch v {
    case .null: return
    case .string(let text): s.string(row, col, text, .text)
    case .int(let i): s.number(row, col, Double(i), .whole)
    case .double(let d): s.number(row, col, d, .top)
    case .bool(let b): s.string(row, col, b ? "true" : "false", .text)
    case .array(let items):
      let texts = items.map { item -> String in
        if case .string(let text) = item { return text }
        return Self.compact(item)
      }
      s.string(row, col, texts.joined(separator: "; "), .text)
    case .object(let m):
      if !m.isEmpty { s.string(row, col, Self.compact(v), .text) }
    }
  }

  static func compact(_ v: JSON) -> String {
    var out = ""
    JSONWriter(pretty: false).write(v, into: &out, indent: 0)
    return out
  }
}
