import Foundation

/// What the commands say on the terminal, in both languages, from one place.
public enum ConsoleText {
  public static func configError(_ e: ConfigError, lang: Language) -> String {
    switch e {
    case .unreadable(let p):
      return lang == .id
        ? "pipeline.yml tidak dapat dibaca: \(p)" : "cannot read the configuration: \(p)"
    case .syntax(let p, let d):
      return lang == .id ? "\(p): penulisan YAML tidak sah (\(d))" : "\(p): invalid YAML (\(d))"
    case .unknownKey(let k):
      return lang == .id
        ? "pipeline.yml: kunci \"\(k)\" tidak dikenal (lihat README, bagian Konfigurasi)"
        : "pipeline.yml: unknown key \"\(k)\" (see the README, Configuration)"
    case .badValue(let k, let expected):
      return lang == .id
        ? "pipeline.yml: nilai kunci \"\(k)\" tidak sah; seharusnya \(expected)"
        : "pipeline.yml: bad value for \"\(k)\"; expected \(expected)"
    case .stageOrder(let s):
      return lang == .id
        ? "pipeline.yml: tahapan [\(s.joined(separator: ", "))] harus berurutan mulai dari extract (extract, normalize, validate, consolidate, emit)"
        : "pipeline.yml: stages [\(s.joined(separator: ", "))] must run in order from extract (extract, normalize, validate, consolidate, emit)"
    }
  }

  public static func runError(_ e: RunError, lang: Language) -> String {
    switch e {
    case .inputsMissing(let p):
      return lang == .id
        ? "folder masukan tidak ada: \(p)" : "the inputs folder does not exist: \(p)"
    case .noInputs(let p):
      return lang == .id ? "folder masukan kosong: \(p)" : "the inputs folder is empty: \(p)"
    case .outputsUnwritable(let p, let code):
      return outputsUnwritable(p, code, lang)
    case .outputsLocked(let p):
      return lang == .id
        ? "folder keluaran \(p) sedang dipakai proses pipeline lain; tunggu hingga selesai lalu ulangi"
        : "the outputs folder \(p) is in use by another pipeline run; wait for it to finish and try again"
    }
  }

  /// Why the outputs could not be written, and what to do, for the errors a
  /// user can fix; the system's own wording otherwise. Previous outputs are kept.
  static func outputsUnwritable(_ p: String, _ code: Int32, _ lang: Language) -> String {
    let id: String
    let en: String
    switch code {
    case ENOSPC, EDQUOT:
      id = "disk penuh; kosongkan ruang disk atau pilih folder keluaran lain"
      en = "the disk is full; free some space or choose another outputs folder"
    case EFBIG:
      id = "berkas melampaui batas ukuran yang diizinkan sistem; hubungi pengelola server"
      en = "a file exceeds the size the system allows; ask the server's administrator"
    case EACCES, EPERM, EROFS:
      id = "tidak ada izin menulis; pilih folder keluaran lain (--outputs) atau minta izin tulis"
      en =
        "no permission to write; choose another outputs folder (--outputs) or ask for write access"
    default:
      let detail = String(cString: strerror(code))
      id = "galat sistem (\(detail))"
      en = "system error (\(detail))"
    }
    return lang == .id
      ? "keluaran tidak dapat ditulis ke \(p): \(id). Keluaran sebelumnya tidak berubah."
      : "cannot write the outputs to \(p): \(en). The previous outputs are unchanged."
  }

  public static func standardError(_ e: Error, lang: Language) -> String {
    lang == .id
      ? "standar/daftar kode tidak dapat dimuat: \(e)"
      : "cannot load the standard or its codelists: \(e)"
  }
}

extension ConsoleText {
  /// The end-of-run summary (SPEC §6): files, rows, findings by level, outputs.
  public static func summary(_ a: Architecture, written: [String], seconds: Double, lang: Language)
    -> String
  {
    let tables = a.sources.flatMap(\.tables)
    let failed = a.sources.filter { !$0.readable }.count
    let rows = tables.reduce(0) { $0 + $1.dataRows }
    let accepted = tables.reduce(0) { $0 + $1.accepted }
    let rejected = tables.reduce(0) { $0 + $1.rejected }
    let blank = tables.reduce(0) { $0 + $1.blank }
    var level: [Severity: Int] = [:]
    for f in a.findings { level[f.severity, default: 0] += 1 }
    let k = level[.kesalahan] ?? 0
    let p = level[.peringatan] ?? 0
    let i = level[.info] ?? 0
    let time = String(format: "%.2f", seconds)
    if lang == .id {
      var s =
        "\(a.sources.count) berkas (\(failed) gagal dibaca), \(tables.count) tabel, \(time) detik\n"
      s +=
        "  baris data: \(rows) dibaca, \(accepted) diterima, \(rejected) ditolak; \(blank) baris kosong\n"
      s += "  temuan: \(k) kesalahan, \(p) peringatan, \(i) info\n"
      if !written.isEmpty { s += "  keluaran: \(written.joined(separator: ", "))\n" }
      return s
    }
    var s = "\(a.sources.count) files (\(failed) unreadable), \(tables.count) tables, \(time) s\n"
    s +=
      "  data rows: \(rows) read, \(accepted) accepted, \(rejected) rejected; \(blank) blank rows\n"
    s += "  findings: \(k) errors, \(p) warnings, \(i) info\n"
    if !written.isEmpty { s += "  outputs: \(written.joined(separator: ", "))\n" }
    return s
  }
}
