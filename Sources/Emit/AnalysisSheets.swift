import Pipeline
import Standard

/// The `Analisis …` sheets of `konsolidasi.xlsx`, after the others: the tables
/// of `Architecture.analysis` one row per item, amounts and counts as numbers
/// (so staff can pivot them), codes and ids as text.
extension ConsolidatedWorkbook {
  static let analysisSheetNames = [
    "Analisis Anggaran", "Analisis Aplikasi", "Analisis Aplikasi Umum", "Analisis Konsolidasi",
    "Analisis Celah", "Analisis Interoperabilitas", "Analisis Hosting",
  ]

  func analysisSheets() -> [StreamingWorkbook.Sheet] {
    let a = architecture.analysis
    let names = recordNames()
    let opdName = Dictionary(
      standard.opds.offices.map { ($0.code, $0.name) }, uniquingKeysWith: { x, _ in x })
    let n = Self.analysisSheetNames
    return [
      .init(name: n[0], render: { budgetSheet($0, a.anggaran, opdName) }),
      .init(
        name: n[1], render: { classSheet($0, a, names, opdName) }, weight: a.kelasAplikasi.count),
      .init(name: n[2], render: { commonSheet($0, a.aplikasiUmum) }),
      .init(name: n[3], render: { consolidationSheet($0, a.kandidatKonsolidasi, names, opdName) }),
      .init(name: n[4], render: { gapSheet($0, a.celah, names, opdName) }, weight: a.celah.count),
      .init(name: n[5], render: { flowSheet($0, a.interoperabilitas, names, opdName) }),
      .init(name: n[6], render: { hostingSheet($0, a.hosting, opdName) }),
    ]
  }

  /// Accepted records' names (`nama`, else `uraian`) by reference.
  private func recordNames() -> [RecordRef: String] {
    var out: [RecordRef: String] = [:]
    for r in architecture.records where !r.rejected {
      let ref = RecordRef(domain: r.domain, opd: r.opd ?? "", id: r.text("id") ?? "")
      out[ref] = r.text("nama") ?? r.text("uraian") ?? ""
    }
    return out
  }

  private func domainLabel(_ key: String) -> String {
    standard.domain(key).map(label) ?? key
  }

  private func header(_ s: Sheet, _ labels: [PageText]) -> Int {
    for (c, l) in labels.enumerated() { s.string(0, c, t(l), .header) }
    return labels.count
  }

  private func done(_ s: Sheet, rows: Int, columns: Int) {
    s.freeze(row: 1)
    s.autofilter(firstRow: 0, firstCol: 0, lastRow: rows, lastCol: columns - 1)
    s.fitColumns(min: 8, max: 60)
  }

  private func budgetSheet(_ s: Sheet, _ b: Analysis.Budget, _ opdName: [String: String]) {
    let columns = header(s, [.opdCode, .opd, .domain, .amount, .withoutAmount, .records])
    for (n, l) in b.perOPD.enumerated() {
      let row = n + 1
      s.string(row, 0, l.kunci, .text)
      s.string(row, 1, opdName[l.kunci] ?? "", .top)
      s.string(row, 2, domainLabel(l.domain ?? ""), .top)
      s.number(row, 3, Double(l.jumlah), .rupiah)
      s.number(row, 4, Double(l.tanpaNilai), .whole)
      s.number(row, 5, Double(l.rekaman), .whole)
    }
    done(s, rows: b.perOPD.count, columns: columns)
  }

  private func classSheet(
    _ s: Sheet, _ a: Analysis, _ names: [RecordRef: String], _ opdName: [String: String]
  ) {
    let columns = header(
      s,
      [
        .opdCode, .opd, .recordID, .applicationName, .raaCode, .applicationClass,
        .commonApplication,
        .migrationFor, .hostingPlace, .amount,
      ])
    var migration: [RecordRef: [String]] = [:]
    for c in a.aplikasiUmum {
      for r in c.kandidatMigrasi { migration[r, default: []].append(c.nama) }
    }
    var place: [RecordRef: String] = [:]
    for h in a.hosting { for r in h.aplikasi { place[r] = h.lokasi } }
    var byRef: [RecordRef: Int] = [:]
    for (i, r) in architecture.records.enumerated() where !r.rejected && r.domain == "aplikasi" {
      byRef[RecordRef(domain: r.domain, opd: r.opd ?? "", id: r.text("id") ?? "")] = i
    }
    let amountKeys =
      standard.domain("aplikasi")?.fields.filter { $0.type == .rupiah }.map(\.key) ?? []
    for (n, k) in a.kelasAplikasi.enumerated() {
      let row = n + 1
      let record = byRef[k.ref].map { architecture.records[$0] }
      s.string(row, 0, k.ref.opd, .text)
      s.string(row, 1, opdName[k.ref.opd] ?? "", .top)
      s.string(row, 2, k.ref.id, .text)
      s.string(row, 3, names[k.ref] ?? "", .top)
      s.string(row, 4, record?.text("raa") ?? "", .text)
      s.string(row, 5, k.kelas, .top)
      s.string(row, 6, k.aplikasiUmum ?? "", .top)
      s.string(row, 7, (migration[k.ref] ?? []).joined(separator: ", "), .top)
      s.string(row, 8, place[k.ref] ?? "", .top)
      var amount: Int?
      for key in amountKeys {
        if case .integer(let v)? = record?.values[key] { amount = (amount ?? 0) + v }
      }
      if let amount { s.number(row, 9, Double(amount), .rupiah) }
    }
    done(s, rows: a.kelasAplikasi.count, columns: columns)
  }

  private func commonSheet(_ s: Sheet, _ list: [Analysis.CommonApplication]) {
    let columns = header(
      s, [.name, .applicationClass, .owner, .userCount, .users, .nonUsers, .migrationCandidates])
    for (n, c) in list.enumerated() {
      let row = n + 1
      s.string(row, 0, c.nama, .top)
      s.string(row, 1, c.kelas, .top)
      s.string(row, 2, c.pemilik, .top)
      s.number(row, 3, Double(c.opdPengguna.count), .whole)
      s.string(row, 4, c.opdPengguna.joined(separator: "\n"), .wrapTop)
      s.string(row, 5, c.opdBukanPengguna.joined(separator: "\n"), .wrapTop)
      s.string(
        row, 6, c.kandidatMigrasi.map { "\($0.opd) \($0.id)" }.joined(separator: "\n"), .wrapTop)
    }
    done(s, rows: list.count, columns: columns)
  }

  private func consolidationSheet(
    _ s: Sheet, _ groups: [Analysis.ConsolidationGroup], _ names: [RecordRef: String],
    _ opdName: [String: String]
  ) {
    let columns = header(
      s, [.group, .raaCode, .sharedWords, .opdCode, .opd, .recordID, .applicationName, .reason])
    var row = 0
    for (g, group) in groups.enumerated() {
      for r in group.aplikasi {
        row += 1
        s.number(row, 0, Double(g + 1), .whole)
        s.string(row, 1, group.raa, .text)
        s.string(row, 2, group.kataSama.joined(separator: ", "), .top)
        s.string(row, 3, r.opd, .text)
        s.string(row, 4, opdName[r.opd] ?? "", .top)
        s.string(row, 5, r.id, .text)
        s.string(row, 6, names[r] ?? "", .top)
        s.string(row, 7, group.alasan, .wrapTop)
      }
    }
    done(s, rows: row, columns: columns)
  }

  private func gapSheet(
    _ s: Sheet, _ gaps: [Analysis.Gap], _ names: [RecordRef: String], _ opdName: [String: String]
  ) {
    let columns = header(s, [.gapKind, .opdCode, .opd, .domain, .recordID, .recordName])
    for (n, g) in gaps.enumerated() {
      let row = n + 1
      s.string(row, 0, g.jenis, .top)
      s.string(row, 1, g.opd, .text)
      s.string(row, 2, opdName[g.opd] ?? "", .top)
      s.string(row, 3, domainLabel(g.domain), .top)
      s.string(row, 4, g.id ?? "", .text)
      let name = g.id.flatMap { names[RecordRef(domain: g.domain, opd: g.opd, id: $0)] }
      s.string(row, 5, name ?? "", .top)
    }
    done(s, rows: gaps.count, columns: columns)
  }

  private func flowSheet(
    _ s: Sheet, _ flows: [Analysis.DataFlow], _ names: [RecordRef: String],
    _ opdName: [String: String]
  ) {
    let columns = header(s, [.fromOPD, .opd, .toOPD, .opd, .recordID, .dataName])
    var row = 0
    for f in flows {
      for id in f.data {
        row += 1
        s.string(row, 0, f.dariOPD, .text)
        s.string(row, 1, opdName[f.dariOPD] ?? "", .top)
        s.string(row, 2, f.keOPD, .text)
        s.string(row, 3, opdName[f.keOPD] ?? "", .top)
        s.string(row, 4, id, .text)
        s.string(row, 5, names[RecordRef(domain: "data", opd: f.keOPD, id: id)] ?? "", .top)
      }
    }
    done(s, rows: row, columns: columns)
  }

  private func hostingSheet(
    _ s: Sheet, _ shares: [Analysis.HostingShare], _ opdName: [String: String]
  ) {
    let columns = header(s, [.hostingPlace, .opdCode, .opd, .applicationCount])
    for (n, h) in shares.enumerated() {
      let row = n + 1
      s.string(row, 0, h.lokasi, .top)
      s.string(row, 1, h.opd, .text)
      s.string(row, 2, opdName[h.opd] ?? "", .top)
      s.number(row, 3, Double(h.jumlah), .whole)
    }
    done(s, rows: shares.count, columns: columns)
  }
}
