import Foundation
import Pipeline
import Standard

/// What the commands say on the terminal, in both languages, from one place.
public enum ConsoleText {
  /// `file` is the configuration as the command line named it.
  public static func configError(
    _ e: ConfigError, file: String = Configuration.fileName, lang: Language
  ) -> String {
    switch e {
    case .missing(let p):
      return lang == .id
        ? "berkas konfigurasi \(p) tidak ada; periksa nama dan letaknya"
        : "the configuration file \(p) does not exist; check its name and place"
    case .unreadable(let p):
      return lang == .id
        ? "berkas konfigurasi \(p) tidak dapat dibaca; periksa hak aksesnya"
        : "the configuration file \(p) cannot be read; check its permissions"
    case .notText(let p):
      return lang == .id
        ? "\(p) bukan berkas teks UTF-8; simpan ulang dari penyunting teks sebagai UTF-8"
        : "\(p) is not UTF-8 text; save it again from a text editor as UTF-8"
    case .syntax(let p, let line, let column):
      let place =
        line > 0
        ? (lang == .id
          ? " di baris \(line), kolom \(column)" : " at line \(line), column \(column)") : ""
      return lang == .id
        ? "\(p): penulisan YAML tidak sah\(place); periksa titik dua, tanda kutip, dan indentasi di baris itu dan baris sebelumnya"
        : "\(p): invalid YAML\(place); check the colons, quotes and indentation on that line and the one before"
    case .duplicateKey(let p, let key, let line):
      return lang == .id
        ? "\(p): kunci \"\(key)\" ditulis lebih dari sekali (pertama di baris \(line)); hapus salah satunya"
        : "\(p): the key \"\(key)\" is written more than once (first at line \(line)); remove one"
    case .unknownKey(let k):
      return lang == .id
        ? "\(file): kunci \"\(k)\" tidak dikenal (lihat README, bagian Konfigurasi)"
        : "\(file): unknown key \"\(k)\" (see the README, Configuration)"
    case .badValue(let k, let expected):
      return lang == .id
        ? "\(file): nilai kunci \"\(k)\" tidak sah; seharusnya \(expected)"
        : "\(file): bad value for \"\(k)\"; expected \(expected)"
    case .stageOrder(let s):
      return lang == .id
        ? "\(file): tahapan [\(s.joined(separator: ", "))] harus berurutan mulai dari validate (validate, consolidate, emit)"
        : "\(file): stages [\(s.joined(separator: ", "))] must run in order from validate (validate, consolidate, emit)"
    }
  }

  public static func runError(_ e: RunError, lang: Language) -> String {
    switch e {
    case .inputsMissing(let p):
      return lang == .id
        ? "folder masukan tidak ada: \(p)" : "the inputs folder does not exist: \(p)"
    case .pathMissing(let p):
      return lang == .id
        ? "berkas atau folder tidak ada: \(p)" : "no such file or folder: \(p)"
    case .inputsMissingWithoutConfiguration(let inputs, let folder):
      return lang == .id
        ? "tidak ada pipeline.yml di folder ini (\(folder)), dan folder masukan bawaan \"\(inputs)\" juga tidak ada. Jalankan pipeline dari folder proyek (yang berisi pipeline.yml), atau sebutkan foldernya dengan --inputs atau --config."
        : "there is no pipeline.yml in this folder (\(folder)), and the default inputs folder \"\(inputs)\" does not exist either. Run pipeline from the project folder (the one holding pipeline.yml), or name the folders with --inputs or --config."
    case .noInputs(let p):
      return lang == .id ? "folder masukan kosong: \(p)" : "the inputs folder is empty: \(p)"
    case .outputsUnwritable(let p, let code):
      return outputsUnwritable(p, code, lang)
    case .outputsLocked(let p):
      return lang == .id
        ? "folder keluaran \(p) sedang dipakai proses pipeline lain; tunggu hingga selesai lalu ulangi"
        : "the outputs folder \(p) is in use by another pipeline run; wait for it to finish and try again"
    case .nothingReadable(let p, let n):
      return lang == .id
        ? "tidak satu pun dari \(n) berkas di folder masukan \(p) dapat dibaca (rusak, belum selesai disalin, atau bukan .xlsx, .xlsm, .csv); keluaran sebelumnya tidak berubah"
        : "none of the \(n) files in the inputs folder \(p) could be read (damaged, not fully copied, or not .xlsx, .xlsm, .csv); the previous outputs are unchanged"
    case .badSourceDateEpoch:
      return lang == .id
        ? "variabel lingkungan SOURCE_DATE_EPOCH tidak sah: seharusnya bilangan bulat detik sejak 1970-01-01 UTC, dari 0 sampai \(SourceDateEpoch.last) (akhir tahun 9999)"
        : "the environment variable SOURCE_DATE_EPOCH is invalid: it must be a whole number of seconds since 1970-01-01 UTC, from 0 to \(SourceDateEpoch.last) (the end of 9999)"
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
    let id = lang == .id
    // A bundled file at fault means a broken installation.
    let reinstall =
      id ? "; pasang ulang pipeline" : "; install pipeline again"
    guard let e = e as? StandardError else {
      return (id ? "standar SPBE bawaan tidak dapat dimuat" : "cannot load the bundled standard")
        + reinstall
    }
    switch e {
    case .missingResource(let file), .unreadable(let file, _):
      return
        (id
        ? "berkas standar bawaan \(file) tidak ada atau rusak"
        : "the bundled standard file \(file) is missing or damaged") + reinstall
    case .codelistUnreadable(let file, let error):
      return (id ? "daftar kode " : "codelist ")
        + ReadErrorMessages.message(error, file: file, lang: lang)
    case .emptyCodelist(let file):
      return id
        ? "daftar kode \(file) kosong; baris pertamanya harus berisi judul kolom"
        : "codelist \(file) is empty; its first row must hold the column headers"
    case .missingColumn(let file, let column):
      return id
        ? "daftar kode \(file): kolom \"\(column)\" tidak ada di baris judul"
        : "codelist \(file): the header row has no \"\(column)\" column"
    case .badRow(let file, let row, _):
      return id
        ? "daftar kode \(file) baris \(row): kode kosong atau tingkat bukan angka"
        : "codelist \(file) row \(row): an empty code or a level that is not a number"
    case .ambiguousSpelling(let list, let spelling):
      return id
        ? "daftar \(list): tulisan \"\(spelling)\" menunjuk lebih dari satu entri"
        : "list \(list): \"\(spelling)\" stands for more than one entry"
    case .unknownCodelist(let name):
      return id
        ? "daftar_kode: tidak ada daftar bernama \"\(name)\" (lihat `pipeline codelists`)"
        : "daftar_kode: there is no list named \"\(name)\" (see `pipeline codelists`)"
    case .unknownFieldType(let field, let type):
      return
        (id
        ? "domains.json: bidang \"\(field)\" berjenis \"\(type)\" yang tidak dikenal"
        : "domains.json: field \"\(field)\" has the unknown type \"\(type)\"") + reinstall
    case .badFieldKey(let field, let key, let detail):
      return
        (id
        ? "domains.json: kunci \"\(key)\" bidang \"\(field)\" tidak sesuai (\(detail))"
        : "domains.json: the \"\(key)\" key of field \"\(field)\" does not fit (\(detail))")
        + reinstall
    }
  }
}

/// Colours for the terminal: on only when the output is a terminal, `NO_COLOR`
/// is unset (https://no-color.org) and `TERM` is not `dumb`.
public struct TerminalStyle: Sendable {
  public let enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  /// The style for a stream, from the environment.
  public static func forStream(
    _ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    return TerminalStyle(
      enabled: isatty(fd) == 1 && !noColor && environment["TERM"] != "dumb")
  }

  public func bold(_ s: String) -> String { paint(s, "1") }

  /// A level's count coloured as the level: red, yellow, or plain for info.
  public func level(_ s: String, _ severity: Severity) -> String {
    switch severity {
    case .kesalahan: return paint(s, "1;31")
    case .peringatan: return paint(s, "33")
    case .info: return s
    }
  }

  private func paint(_ s: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }
}

extension ConsoleText {
  /// What under the inputs was left out, by reason (`berkas-dilewati`); empty
  /// when nothing was. Counts only: the names are in the findings.
  static func skippedLine(_ a: Architecture, lang: Language) -> String {
    var byReason: [SkipReason: Int] = [:]
    for f in a.findings where f.type == .berkasDilewati {
      byReason[SkipReason(rawValue: f.params["sebab"] ?? "") ?? .folderUnreadable, default: 0] += 1
    }
    guard !byReason.isEmpty else { return "" }
    let id = lang == .id
    let order: [SkipReason] = [
      .outputsFolder, .symlink, .notRegularFile, .nameTooLong, .folderUnreadable, .nestedZip,
      .unsafeName, .mergedCopy,
    ]
    let parts = order.compactMap { r -> String? in
      guard let n = byReason[r] else { return nil }
      let name: String
      switch r {
      case .outputsFolder: name = id ? "folder keluaran" : "outputs folder"
      case .symlink: name = id ? "tautan" : (n == 1 ? "symlink" : "symlinks")
      case .notRegularFile: name = id ? "bukan berkas biasa" : "not a regular file"
      case .nameTooLong: name = id ? "jalur terlalu panjang" : "path too long"
      case .folderUnreadable: name = id ? "folder tak terbuka" : "folder not opened"
      case .nestedZip: name = id ? "zip bersarang" : "nested zip"
      case .unsafeName: name = id ? "nama tak aman" : "unsafe name"
      case .mergedCopy: name = id ? "salinan gabungan" : "merged copy"
      }
      return "\(name) \(n)"
    }
    let total = byReason.values.reduce(0, +)
    return id
      ? "  \(total) entri di folder masukan dilewati (\(parts.joined(separator: ", "))); lihat temuan berkas-dilewati\n"
      : "  \(total) \(total == 1 ? "entry" : "entries") in the inputs folder skipped (\(parts.joined(separator: ", "))); see the berkas-dilewati findings\n"
  }

  /// The end-of-run summary (SPEC §6): files, a compact table of rows accepted
  /// and rejected per domain, findings by level and the commonest types, the
  /// OPDs that sent nothing, where the outputs are and which to read first;
  /// `failsOnFindings` (exit 1) says the inputs, not the program, need fixing.
  public static func summary(
    _ a: Architecture, standard: Standard, written: [String], seconds: Double, lang: Language,
    failsOnFindings: Bool = false, style: TerminalStyle = TerminalStyle(enabled: false)
  ) -> String {
    let id = lang == .id
    let tables = a.sources.flatMap(\.tables)
    let skipped = skippedFiles(a)
    let failed = a.sources.filter { !$0.readable }.count - skipped.count
    let time = String(format: "%.2f", seconds)
    var s =
      id
      ? "\(a.sources.count) berkas (\(failed) gagal dibaca, \(skipped.count) dilewati), \(tables.count) tabel, \(time) detik\n"
      : "\(a.sources.count) files (\(failed) unreadable, \(skipped.count) skipped), \(tables.count) tables, \(time) s\n"
    s += unreadFiles(a, lang: lang)
    s += skippedLine(a, lang: lang)
    s += resubmissionLines(a, standard: standard, lang: lang)

    // Rows per domain, in the standard's order; the last line adds them up.
    let head =
      id ? ["Domain", "Baris", "Diterima", "Ditolak"] : ["Domain", "Rows", "Accepted", "Rejected"]
    var lines: [[String]] = []
    var total = (rows: 0, accepted: 0, rejected: 0, blank: 0)
    for domain in standard.domains {
      let t = tables.filter { $0.domain == domain.key }
      let rows = t.reduce(0) { $0 + $1.dataRows }
      let accepted = t.reduce(0) { $0 + $1.accepted }
      let rejected = t.reduce(0) { $0 + $1.rejected }
      total.rows += rows
      total.accepted += accepted
      total.rejected += rejected
      total.blank += t.reduce(0) { $0 + $1.blank }
      lines.append([
        id ? domain.label : domain.labelEnglish, "\(rows)", "\(accepted)", "\(rejected)",
      ])
    }
    lines.append([
      id ? "Jumlah" : "Total", "\(total.rows)", "\(total.accepted)", "\(total.rejected)",
    ])
    let widths = (0..<head.count).map { c in
      (lines + [head]).map { $0[c].count }.max() ?? 0
    }
    func row(_ cells: [String]) -> String {
      "  "
        + cells.enumerated().map { c, v in
          c == 0
            ? v.padding(toLength: widths[0], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: widths[c] - v.count) + v
        }.joined(separator: "  ")
    }
    s += style.bold(row(head)) + "\n"
    for (n, cells) in lines.enumerated() {
      var line = row(cells)
      if n == lines.count - 1 { line = style.bold(line) }
      s += line + "\n"
    }
    if total.blank > 0 {
      s +=
        id
        ? "  (\(total.blank) baris kosong dilewati)\n" : "  (\(total.blank) blank rows skipped)\n"
    }

    let level = a.findingCounts.byLevel
    let type = a.findingCounts.byType.mapValues { $0.values.reduce(0, +) }
    let counts = Severity.allCases.sorted(by: >).map { sev -> String in
      let n = level[sev] ?? 0
      let name: String
      switch sev {
      case .kesalahan: name = id ? "kesalahan" : (n == 1 ? "error" : "errors")
      case .peringatan: name = id ? "peringatan" : (n == 1 ? "warning" : "warnings")
      case .info: name = "info"
      }
      return n > 0 ? style.level("\(n) \(name)", sev) : "\(n) \(name)"
    }
    s += (id ? "Temuan: " : "Findings: ") + counts.joined(separator: ", ") + "\n"
    let top = type.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue
    }
    .prefix(3).map { "\($0.key.rawValue) \($0.value)" }
    if !top.isEmpty {
      s += (id ? "  terbanyak: " : "  most common: ") + top.joined(separator: ", ") + "\n"
    }
    let sent = Set(a.records.compactMap(\.opd))
    let all = standard.opds.offices.count
    s +=
      id
      ? "OPD: \(sent.count) dari \(all) mengirim data; \(all - sent.count) belum\n"
      : "OPDs: \(sent.count) of \(all) sent data; \(all - sent.count) did not\n"
    if a.analysis != .empty { s += AnalysisConsoleText.line(a.analysis, lang: lang) }
    if !written.isEmpty {
      s += (id ? "Keluaran: " : "Outputs: ") + written.joined(separator: ", ") + "\n"
    }
    if let report = written.first(where: { $0.hasSuffix("/laporan.html") || $0 == "laporan.html" })
    {
      s += (id ? "Mulai dari laporan: " : "Start with the report: ") + report + "\n"
    }
    if failsOnFindings {
      s +=
        id
        ? "Masukan berisi kesalahan yang perlu diperbaiki OPD (lihat laporan dan umpan balik); program berjalan dengan benar.\n"
        : "The inputs hold mistakes for the offices to fix (see the report and the feedback pages); the program ran correctly.\n"
    }
    return s
  }

  /// The files skipped for a format the tool does not read.
  static func skippedFiles(_ a: Architecture) -> Set<String> {
    Set(a.findings.filter { $0.type == .formatTidakDidukung }.map(\.location.file))
  }

  /// The files of a run that could not be read and those skipped for their
  /// format, each listed by name.
  static func unreadFiles(_ a: Architecture, lang: Language) -> String {
    let skipped = skippedFiles(a)
    let unread = a.sources.filter { !$0.readable }.map(\.path)
    var s = ""
    let failed = unread.filter { !skipped.contains($0) }
    let unsupported = unread.filter { skipped.contains($0) }
    if !failed.isEmpty {
      s +=
        (lang == .id ? "  gagal dibaca: " : "  unreadable: ") + failed.joined(separator: ", ")
        + "\n"
    }
    if !unsupported.isEmpty {
      s +=
        (lang == .id
          ? "  dilewati (format tidak didukung): " : "  skipped (format not supported): ")
        + unsupported.joined(separator: ", ") + "\n"
    }
    return s
  }
}
