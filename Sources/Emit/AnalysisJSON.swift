import Pipeline

/// `analisis` of `arsitektur-spbe.json`: the analyses of `Architecture.analysis`
/// with snake_case keys; a record is referred to as `{domain, opd, id}`.
enum AnalysisJSON {
  static func encode(_ a: Analysis) -> JSON {
    .object([
      ("anggaran", budget(a.anggaran)),
      (
        "aplikasi_umum",
        .array(
          a.aplikasiUmum.map { c in
            .object([
              ("nama", .string(c.nama)),
              ("kelas", .string(c.kelas)),
              ("pemilik", .string(c.pemilik)),
              ("opd_pengguna", .array(c.opdPengguna.map(JSON.string))),
              ("opd_bukan_pengguna", .array(c.opdBukanPengguna.map(JSON.string))),
              ("kandidat_migrasi", .array(c.kandidatMigrasi.map(ref))),
            ])
          })
      ),
      (
        "kandidat_konsolidasi",
        .array(
          a.kandidatKonsolidasi.map { g in
            .object([
              ("aplikasi", .array(g.aplikasi.map(ref))),
              ("opd", .array(g.opd.map(JSON.string))),
              ("raa", .string(g.raa)),
              ("kata_sama", .array(g.kataSama.map(JSON.string))),
              ("alasan", .string(g.alasan)),
              ("anggaran", g.anggaran.map(JSON.int) ?? .null),
            ])
          })
      ),
      (
        "celah",
        .array(
          a.celah.map { g in
            .object([
              ("jenis", .string(g.jenis)), ("opd", .string(g.opd)), ("domain", .string(g.domain)),
              ("id", .string(g.id)),
            ])
          })
      ),
      (
        "interoperabilitas",
        .array(
          a.interoperabilitas.map { f in
            .object([
              ("dari_opd", .string(f.dariOPD)), ("ke_opd", .string(f.keOPD)),
              ("data", .array(f.data.map(JSON.string))),
            ])
          })
      ),
      (
        "hosting",
        .array(
          a.hosting.map { h in
            .object([
              ("lokasi", .string(h.lokasi)), ("opd", .string(h.opd)), ("jumlah", .int(h.jumlah)),
              ("aplikasi", .array(h.aplikasi.map { .string($0.id) })),
            ])
          })
      ),
      (
        "kelas_aplikasi",
        .array(
          a.kelasAplikasi.map { k in
            .object(
              refMembers(k.ref) + [
                ("kelas", .string(k.kelas)), ("aplikasi_umum", .string(k.aplikasiUmum)),
              ])
          })
      ),
    ])
  }

  static func refMembers(_ r: RecordRef) -> [(String, JSON)] {
    [("domain", .string(r.domain)), ("opd", .string(r.opd)), ("id", .string(r.id))]
  }

  static func ref(_ r: RecordRef) -> JSON { .object(refMembers(r)) }

  static func budget(_ b: Analysis.Budget) -> JSON {
    func counts(_ l: Analysis.Budget.Line) -> [(String, JSON)] {
      [
        ("jumlah", .int(l.jumlah)), ("tanpa_nilai", .int(l.tanpaNilai)),
        ("rekaman", .int(l.rekaman)),
      ]
    }
    return .object([
      ("total", .int(b.total)),
      ("tanpa_nilai", .int(b.tanpaNilai)),
      (
        "per_opd",
        .array(
          b.perOPD.map {
            .object([("opd", .string($0.kunci)), ("domain", .string($0.domain))] + counts($0))
          })
      ),
      (
        "per_raa",
        .array(
          b.perRAA.map {
            .object([("raa", $0.kunci.isEmpty ? .null : .string($0.kunci))] + counts($0))
          })
      ),
      (
        "per_tahun",
        .array(
          b.perTahun.map { .object([("tahun", Int($0.kunci).map(JSON.int) ?? .null)] + counts($0)) }
        )
      ),
      (
        "termahal",
        .array(
          b.termahal.map {
            .object(refMembers($0.ref) + [("nama", .string($0.nama)), ("jumlah", .int($0.jumlah))])
          })
      ),
    ])
  }
}
