import GRDB
import Pipeline
import Standard

/// The tables of `arsitektur.sqlite`, in the order they are written; the
/// schema is documented in `docs/sqlite.md`. Rows follow the JSON's order.
extension StoreTable {
  static func all(_ standard: Standard) -> [StoreTable] {
    [keterangan, opd(standard), sumber]
      + standard.domains.map(domain)
      + [ditolak, temuan, temuanOPD, analisis]
  }

  typealias V = StoreValue

  /// The document's facts, one key and value a row.
  static let keterangan = StoreTable(
    "keterangan", columns: [.init("kunci", "TEXT"), .init("nilai", "TEXT")], primaryKey: "kunci"
  ) { input, insert in
    let c = input.context.configuration
    for (k, v) in [
      ("format", "spbe-arsitektur/1"), ("skema_sqlite", String(ArchitectureStore.schemaVersion)),
      ("instansi", c.institutionName), ("kode_wilayah", c.regionCode), ("periode", c.period),
      ("dibuat_pada", ArchitectureDocument.rfc3339(input.context.createdAt)),
      ("alat_versi", ToolVersion.current), ("bahasa", c.language.rawValue),
    ] {
      try insert([V.text(k), V.text(v)])
    }
  }

  /// Every OPD of the registry (also those that sent nothing), with its
  /// contact and where it stands (the send list).
  static func opd(_ standard: Standard) -> StoreTable {
    let domains = standard.domains.map(\.key)
    return StoreTable(
      "opd",
      columns: [
        .init("kode", "TEXT"), .init("nama", "TEXT"), .init("singkatan", "TEXT"),
        .init("berkas", "TEXT"), .init("status", "TEXT"), .init("halaman", "TEXT"),
        .init("nama_pengisi", "TEXT"), .init("jabatan", "TEXT"), .init("kontak", "TEXT"),
        .init("tanggal_pengisian", "TEXT"), .init("kesalahan", "INTEGER"),
        .init("domain_belum_dikirim", "TEXT"), .init("ditolak", "INTEGER"),
      ] + domains.map { .init("jumlah_" + $0, "INTEGER") },
      primaryKey: "kode", indexes: [["status"]]
    ) { input, insert in
      let tally = input.context.architecture.byOPD
      for e in input.sendList.entries {
        let code = e.office.code
        let counts = domains.map { V.int(tally.count(code, $0).accepted) }
        try insert(
          [
            V.text(code), V.text(e.office.name), V.text(e.office.abbreviation),
            V.strings(tally.files[code] ?? []), V.text(e.status.rawValue), V.text(e.page),
            V.text(e.contact?.name), V.text(e.contact?.position), V.text(e.contact?.contact),
            V.text(e.contact?.filledOn), V.int(e.errors), V.strings(e.missing),
            V.int(tally.total(code).rejected),
          ] + counts)
      }
    }
  }

  /// Every input file (`sumber[]`), its tables as the JSON gives them.
  static let sumber = StoreTable(
    "sumber",
    columns: [
      .init("berkas", "TEXT"), .init("sha256", "TEXT"), .init("status", "TEXT"),
      .init("format", "TEXT"), .init("baris_data", "INTEGER"), .init("diterima", "INTEGER"),
      .init("ditolak", "INTEGER"), .init("kosong", "INTEGER"), .init("tabel", "TEXT"),
    ], primaryKey: "berkas"
  ) { input, insert in
    for s in input.context.architecture.sources {
      let tables = JSON.array(
        s.tables.map { t in
          .object([
            ("lembar", .string(t.sheet)), ("domain", .string(t.domain)),
            ("baris_header", t.headerRow.map(JSON.int) ?? .null),
            ("baris_data", .int(t.dataRows)), ("diterima", .int(t.accepted)),
            ("ditolak", .int(t.rejected)), ("kosong", .int(t.blank)),
          ])
        })
      try insert([
        V.text(s.path), V.text(s.sha256), V.text(s.readable ? "terbaca" : "gagal"),
        V.text(s.format?.rawValue), V.int(s.tables.reduce(0) { $0 + $1.dataRows }),
        V.int(s.tables.reduce(0) { $0 + $1.accepted }),
        V.int(s.tables.reduce(0) { $0 + $1.rejected }),
        V.int(s.tables.reduce(0) { $0 + $1.blank }), V.json(tables),
      ])
    }
  }

  /// One table per domain: the accepted records, every field of the standard
  /// a column, `tambahan` as a JSON object, and where the row came from.
  static func domain(_ d: Domain) -> StoreTable {
    StoreTable(
      d.key,
      columns: [.init("urutan", "INTEGER")] + d.fields.map { .init($0.key, V.type($0)) } + [
        .init("tambahan", "TEXT"), .init("asal_berkas", "TEXT"), .init("asal_lembar", "TEXT"),
        .init("asal_baris", "INTEGER"),
      ],
      primaryKey: "urutan", indexes: [["opd"], ["id"]]
    ) { input, insert in
      var n = 0
      for r in input.context.architecture.records where !r.rejected && r.domain == d.key {
        n += 1
        let values = d.fields.map { f in
          f.key == "opd" ? V.text(r.opd) : V.field(r.values[f.key], f)
        }
        try insert(
          [V.int(n)] + values + [
            V.json(.object(r.extra.map { ($0.0, CellJSON.encode($0.1)) })),
            V.text(r.origin.file), V.text(r.origin.sheet), V.int(r.origin.row),
          ])
      }
    }
  }

  /// The rejected rows (`ditolak[]`): raw values and the findings that rejected them.
  static let ditolak = StoreTable(
    "ditolak",
    columns: [
      .init("urutan", "INTEGER"), .init("domain", "TEXT"), .init("opd", "TEXT"),
      .init("nilai", "TEXT"), .init("temuan", "TEXT"), .init("asal_berkas", "TEXT"),
      .init("asal_lembar", "TEXT"), .init("asal_baris", "INTEGER"),
    ], primaryKey: "urutan", indexes: [["domain"], ["opd"]]
  ) { input, insert in
    var n = 0
    for r in input.context.architecture.records where r.rejected {
      n += 1
      try insert([
        V.int(n), V.text(r.domain), V.text(r.opd),
        V.json(.object(r.raw.map { ($0.0, CellJSON.encode($0.1)) })),
        V.strings(r.findings.map(ArchitectureDocument.findingID)), V.text(r.origin.file),
        V.text(r.origin.sheet), V.int(r.origin.row),
      ])
    }
  }

  /// Every finding (`temuan[]`), `opd` when it is for exactly one OPD.
  static let temuan = StoreTable(
    "temuan",
    columns: [
      .init("id", "TEXT"), .init("jenis", "TEXT"), .init("tingkat", "TEXT"),
      .init("berkas", "TEXT"), .init("lembar", "TEXT"), .init("sel", "TEXT"),
      .init("baris", "INTEGER"), .init("kolom", "TEXT"), .init("bidang", "TEXT"),
      .init("nilai", "TEXT"), .init("pesan", "TEXT"), .init("saran", "TEXT"),
      .init("opd", "TEXT"),
    ], primaryKey: "id", indexes: [["jenis"], ["tingkat"], ["berkas"], ["opd"]]
  ) { input, insert in
    let a = input.context.architecture
    try ArchitectureStore.withMessages(input.context) { i, message in
      let f = a.findings[i]
      let opds = a.findingOPDs[i]
      try insert([
        V.text(ArchitectureDocument.findingID(i)), V.text(f.type.rawValue),
        V.text(f.severity.rawValue), V.text(f.location.file), V.text(f.location.sheet),
        V.text(f.location.cell), V.int(f.location.row), V.text(f.columnLabel), V.text(f.field),
        V.text(f.value), V.text(message.message), V.text(message.fix),
        V.text(opds.count == 1 ? opds[0] : nil),
      ])
    }
  }

  /// Finding → each OPD it is for (as the feedback pages decide).
  static let temuanOPD = StoreTable(
    "temuan_opd", columns: [.init("temuan", "TEXT"), .init("opd", "TEXT")],
    indexes: [["opd"], ["temuan"]]
  ) { input, insert in
    for (i, opds) in input.context.architecture.findingOPDs.enumerated() {
      for o in opds { try insert([V.text(ArchitectureDocument.findingID(i)), V.text(o)]) }
    }
  }

  /// `architecture.analysis` as one long table: `bagian` names the part.
  static let analisis = StoreTable(
    "analisis",
    columns: [
      .init("bagian", "TEXT"), .init("urutan", "INTEGER"), .init("kunci", "TEXT"),
      .init("opd", "TEXT"), .init("domain", "TEXT"), .init("jumlah", "INTEGER"),
      .init("rekaman", "TEXT"), .init("isi", "TEXT"),
    ], indexes: [["bagian"], ["opd"]]
  ) { input, insert in
    for row in AnalysisRows(input.context.architecture.analysis).rows {
      try insert(row)
    }
  }
}

/// The rows of the `analisis` table: bagian, urutan, kunci, opd, domain,
/// jumlah, rekaman (the records behind the row, JSON), isi (the rest, JSON).
struct AnalysisRows {
  typealias V = StoreValue
  private(set) var rows: [[DatabaseValue]] = []
  /// Rows so far per part (`urutan` counts within its part).
  private var counts: [String: Int] = [:]

  init(_ x: Analysis) {
    let b = x.anggaran
    if b.total != 0 || b.tanpaNilai != 0 {
      add(
        "anggaran", kunci: nil, opd: nil, domain: nil, jumlah: b.total, rekaman: [],
        isi: [("tanpa_nilai", .int(b.tanpaNilai))])
    }
    for (part, lines) in [
      ("anggaran.per_opd", b.perOPD), ("anggaran.per_raa", b.perRAA),
      ("anggaran.per_tahun", b.perTahun),
    ] {
      for l in lines {
        add(
          part, kunci: l.kunci, opd: part == "anggaran.per_opd" ? l.kunci : nil, domain: l.domain,
          jumlah: l.jumlah, rekaman: [],
          isi: [("tanpa_nilai", .int(l.tanpaNilai)), ("rekaman", .int(l.rekaman))])
      }
    }
    for t in b.termahal {
      add(
        "anggaran.termahal", kunci: t.ref.id, opd: t.ref.opd, domain: t.ref.domain,
        jumlah: t.jumlah, rekaman: [t.ref], isi: [("nama", .string(t.nama))])
    }
    for c in x.aplikasiUmum {
      add(
        "aplikasi_umum", kunci: c.nama, opd: nil, domain: "aplikasi", jumlah: c.opdPengguna.count,
        rekaman: c.kandidatMigrasi,
        isi: [
          ("kelas", .string(c.kelas)), ("pemilik", .string(c.pemilik)),
          ("opd_pengguna", .array(c.opdPengguna.map(JSON.string))),
          ("opd_bukan_pengguna", .array(c.opdBukanPengguna.map(JSON.string))),
        ])
    }
    for g in x.kandidatKonsolidasi {
      add(
        "kandidat_konsolidasi", kunci: g.alasan, opd: nil, domain: "aplikasi", jumlah: g.anggaran,
        rekaman: g.aplikasi, isi: [("opd", .array(g.opd.map(JSON.string)))])
    }
    for g in x.celah {
      add(
        "celah", kunci: g.jenis, opd: g.opd, domain: g.domain, jumlah: nil,
        rekaman: g.id.map { [RecordRef(domain: g.domain, opd: g.opd, id: $0)] } ?? [],
        isi: [("id", .string(g.id))])
    }
    for f in x.interoperabilitas {
      add(
        "interoperabilitas", kunci: f.keOPD, opd: f.dariOPD, domain: "data",
        jumlah: f.data.count,
        rekaman: f.data.map { RecordRef(domain: "data", opd: f.dariOPD, id: $0) },
        isi: [("dari_opd", .string(f.dariOPD)), ("ke_opd", .string(f.keOPD))])
    }
    for h in x.hosting {
      add(
        "hosting", kunci: h.lokasi, opd: h.opd, domain: "aplikasi", jumlah: h.jumlah,
        rekaman: h.aplikasi, isi: [])
    }
    for c in x.kelasAplikasi {
      add(
        "kelas_aplikasi", kunci: c.kelas, opd: c.ref.opd, domain: c.ref.domain, jumlah: nil,
        rekaman: [c.ref], isi: [("aplikasi_umum", .string(c.aplikasiUmum))])
    }
  }

  private mutating func add(
    _ part: String, kunci: String?, opd: String?, domain: String?, jumlah: Int?,
    rekaman: [RecordRef], isi: [(String, JSON)]
  ) {
    counts[part, default: 0] += 1
    let n = counts[part]!
    rows.append([
      V.text(part), V.int(n), V.text(kunci), V.text(opd), V.text(domain), V.int(jumlah),
      V.refs(rekaman), V.json(.object(isi)),
    ])
  }
}
