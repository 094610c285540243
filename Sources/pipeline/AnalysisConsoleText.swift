import Pipeline

/// The summary's line about the analyses: the total budget and the migration
/// and consolidation candidates (`analisis` of `arsitektur-spbe.json`).
enum AnalysisConsoleText {
  static func line(_ a: Analysis, lang: Language) -> String {
    let b = a.anggaran
    let migration = Set(a.aplikasiUmum.flatMap(\.kandidatMigrasi)).count
    let groups = a.kandidatKonsolidasi.count
    let apps = a.kandidatKonsolidasi.reduce(0) { $0 + $1.aplikasi.count }
    let amount = rupiah(b.total, lang: lang)
    switch lang {
    case .id:
      let without = b.tanpaNilai > 0 ? " (\(b.tanpaNilai) rekaman tanpa nilai)" : ""
      return
        "Analisis: anggaran \(amount)\(without); \(migration) kandidat migrasi ke Aplikasi Umum; "
        + "\(groups) kandidat konsolidasi (\(apps) aplikasi)\n"
    case .en:
      let without =
        b.tanpaNilai > 0
        ? " (\(b.tanpaNilai) record\(b.tanpaNilai == 1 ? "" : "s") without an amount)" : ""
      return
        "Analyses: budget \(amount)\(without); \(migration) migration candidate\(migration == 1 ? "" : "s") "
        + "for an Aplikasi Umum; \(groups) consolidation candidate\(groups == 1 ? "" : "s") "
        + "(\(apps) application\(apps == 1 ? "" : "s"))\n"
    }
  }

  /// `Rp 5.626.400.000` (Indonesian digit groups) or `Rp 5,626,400,000`.
  static func rupiah(_ n: Int, lang: Language) -> String {
    let digits = Array(String(n.magnitude))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(lang == .id ? "." : ",") }
      out.append(d)
    }
    return "Rp " + (n < 0 ? "-" : "") + out
  }
}
