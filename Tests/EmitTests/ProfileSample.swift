import Foundation
import Pipeline
import Standard

@testable import Emit

/// A hand-built `Analysis` over the real records of the bundled inputs: every
/// reference points at an accepted record, the numbers are made up but known,
/// and some names and one OPD code are hostile markup.
enum ProfileSample {
  static let hostileOPD = "<script>alert('opd')</script>"
  static let hostileApp = "<script>alert('app')</script> SIMPEG"
  static let hostileCommon = "SIASN <img src=x onerror=alert(1)>"

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The bundled inputs, consolidated.
  static func bundled() throws -> (Architecture, Standard) {
    let standard = try Standard.load()
    let run = PipelineRun(standard: standard, configuration: Configuration())
    let files = try PipelineRun.inputs(in: packageRoot.appendingPathComponent("inputs").path).files
    return (run.execute(files, jobs: 2), standard)
  }

  /// `a` again, carrying `analysis`.
  static func with(_ analysis: Analysis, _ a: Architecture, _ standard: Standard) -> Architecture {
    Architecture(
      sources: a.sources, records: a.records, findings: a.findings, opds: standard.opds,
      analysis: analysis)
  }

  static func refs(_ a: Architecture, _ domain: String) -> [RecordRef] {
    a.records.filter { !$0.rejected && $0.domain == domain && $0.opd != nil }.compactMap { r in
      r.text("id").map { RecordRef(domain: domain, opd: r.opd!, id: $0) }
    }
  }

  static func analysis(_ a: Architecture) -> Analysis {
    let apps = refs(a, "aplikasi")
    let data = refs(a, "data")
    var offices: [String] = []
    for r in apps where !offices.contains(r.opd) { offices.append(r.opd) }
    offices.sort()

    var perOPD: [Analysis.Budget.Line] = []
    for (i, o) in offices.enumerated() {
      let mine = apps.filter { $0.opd == o }.count
      perOPD.append(
        .init(
          kunci: o, domain: "aplikasi", jumlah: (i + 1) * 137_500_000, tanpaNilai: i % 3,
          rekaman: mine))
      if i % 2 == 0 {
        perOPD.append(
          .init(
            kunci: o, domain: "infrastruktur", jumlah: 45_000_000 * (i % 4 + 1), tanpaNilai: 1,
            rekaman: 2))
      }
    }
    perOPD.append(
      .init(kunci: hostileOPD, domain: "aplikasi", jumlah: 1_000_000, tanpaNilai: 0, rekaman: 1))
    let total = perOPD.reduce(0) { $0 + $1.jumlah }
    let tanpa = perOPD.reduce(0) { $0 + $1.tanpaNilai }
    let raaCodes = Array(
      Set(
        a.records.filter { !$0.rejected && $0.domain == "aplikasi" }.compactMap { $0.text("raa") })
    ).sorted()
    let perRAA = raaCodes.enumerated().map { i, c in
      Analysis.Budget.Line(
        kunci: c, jumlah: 250_000_000 + i * 90_000_000, tanpaNilai: i % 2, rekaman: i + 1)
    }
    let perTahun = (2021...2025).map { y in
      Analysis.Budget.Line(
        kunci: String(y), jumlah: (y - 2019) * 310_000_000, tanpaNilai: 0, rekaman: y - 2019)
    }
    let termahal = apps.prefix(10).enumerated().map { i, r in
      Analysis.Budget.Item(
        ref: r, nama: i == 1 ? hostileApp : "Aplikasi \(r.id)", jumlah: 900_000_000 - i * 55_000_000
      )
    }
    let budget = Analysis.Budget(
      total: total, tanpaNilai: tanpa, perOPD: perOPD, perRAA: perRAA, perTahun: perTahun,
      termahal: termahal)

    let common: [(String, String, String)] = [
      ("SRIKANDI", "umum", "ANRI"), ("SP4N-LAPOR!", "umum", "KemenPAN RB"),
      ("SPSE", "umum", "LKPP"), ("SIPD", "umum", "Kemendagri"), (hostileCommon, "umum", "BKN"),
      ("e-Kinerja", "umum", "BKN"), ("SIAK", "khusus-nasional", "Ditjen Dukcapil"),
      ("Dapodik", "khusus-nasional", "Kemendikdasmen"),
      ("SATUSEHAT", "khusus-nasional", "Kemenkes"),
    ]
    let aplikasiUmum = common.enumerated().map { i, c in
      let users = offices.enumerated().filter { ($0.offset + i) % (i % 3 + 2) == 0 }.map(\.element)
      return Analysis.CommonApplication(
        nama: c.0, kelas: c.1, pemilik: c.2, opdPengguna: users,
        opdBukanPengguna: offices.filter { !users.contains($0) },
        kandidatMigrasi: i < 2 ? [apps[(i * 3 + 2) % apps.count]] : [])
    }
    let byOffice = Dictionary(grouping: apps, by: \.opd)
    let groupA = offices.prefix(3).compactMap { byOffice[$0]?.first }
    let groupB = offices.dropFirst(3).prefix(2).compactMap { byOffice[$0]?.last }
    let groups = [
      Analysis.ConsolidationGroup(
        aplikasi: groupA, opd: groupA.map(\.opd),
        alasan: "RAA.02.07 yang sama; kata sama: kepegawaian, absensi <b>", anggaran: 425_000_000),
      Analysis.ConsolidationGroup(
        aplikasi: groupB, opd: groupB.map(\.opd), alasan: "RAA.02.03 yang sama; kata sama: arsip",
        anggaran: nil),
    ]
    var gaps: [Analysis.Gap] = []
    for (i, r) in apps.enumerated() where i % 2 == 0 {
      gaps.append(
        .init(
          jenis: i % 4 == 0 ? "aplikasi-tanpa-data" : "aplikasi-tanpa-keamanan", opd: r.opd,
          domain: "aplikasi", id: r.id))
    }
    for o in offices.prefix(4) {
      gaps.append(.init(jenis: "domain-belum-dikirim", opd: o, domain: "keamanan", id: nil))
    }
    gaps.append(.init(jenis: "domain-belum-dikirim", opd: hostileOPD, domain: "layanan", id: nil))
    var flows: [Analysis.DataFlow] = []
    let dataOffices = Array(Set(data.map(\.opd))).sorted()
    for (i, from) in dataOffices.enumerated() {
      let mine = data.filter { $0.opd == from }.map(\.id).sorted()
      for (k, to) in offices.enumerated() where to != from && (i + k) % 3 == 0 {
        flows.append(.init(dariOPD: from, keOPD: to, data: Array(mine.prefix(k % 3 + 1))))
      }
    }
    let places = [
      "pusat-data-daerah", "pusat-data-nasional", "cloud-swasta", "server-opd", "tidak-diketahui",
    ]
    var hosting: [Analysis.HostingShare] = []
    for o in offices {
      let mine = byOffice[o] ?? []
      let split = Dictionary(
        grouping: mine.enumerated(), by: { places[($0.offset + o.count) % places.count] })
      for p in places {
        if let list = split[p]?.map(\.element) {
          hosting.append(.init(lokasi: p, opd: o, jumlah: list.count, aplikasi: list))
        }
      }
    }
    let kinds = ["umum", "khusus-nasional", "khusus-daerah", "khusus-daerah"]
    let classes = apps.enumerated().map { i, r in
      Analysis.ApplicationClass(
        ref: r, kelas: kinds[i % kinds.count], aplikasiUmum: i % 4 == 0 ? "SRIKANDI" : nil)
    }
    return Analysis(
      anggaran: budget, aplikasiUmum: aplikasiUmum, kandidatKonsolidasi: groups, celah: gaps,
      interoperabilitas: flows, hosting: hosting, kelasAplikasi: classes)
  }
}
