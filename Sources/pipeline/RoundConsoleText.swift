import Emit
import Foundation
import Pipeline

/// What the terminal says about rounds (`run` recording one, `pipeline
/// riwayat`), Bahasa Indonesia and English side by side.
enum RoundConsoleText {
  static func failure(_ e: History.Failure, lang: Language) -> String {
    let id = lang == .id
    switch e {
    case .insideOutputs(let history, let outputs):
      return id
        ? "folder riwayat \(history) berada di dalam folder keluaran \(outputs), yang diganti utuh setiap run; pilih folder lain (riwayat: di pipeline.yml)"
        : "the history folder \(history) is inside the outputs folder \(outputs), which every run replaces whole; choose another folder (riwayat: in pipeline.yml)"
    case .unwritable(let path, let code):
      let why: (String, String)
      switch code {
      case ENOSPC, EDQUOT:
        why = ("disk penuh", "the disk is full")
      case EACCES, EPERM, EROFS:
        why = ("tidak ada izin menulis", "no permission to write")
      default:
        let detail = String(cString: strerror(code))
        why = ("galat sistem (\(detail))", "system error (\(detail))")
      }
      return id
        ? "riwayat putaran tidak dapat ditulis ke \(path): \(why.0). Tidak ada yang ditulis; pilih folder lain (riwayat: di pipeline.yml) atau jalankan dengan --tanpa-riwayat."
        : "cannot write the history of rounds to \(path): \(why.1). Nothing was written; choose another folder (riwayat: in pipeline.yml) or run with --tanpa-riwayat."
    case .noRound(let n):
      return id
        ? "putaran \(n) tidak ada dalam riwayat folder keluaran ini (lihat: pipeline riwayat)"
        : "round \(n) is not in this outputs folder's history (see: pipeline riwayat)"
    }
  }

  static func recorded(_ n: Int, folder: String, base: Int?, lang: Language) -> String {
    let id = lang == .id
    let compared =
      base.map { id ? ", dibandingkan dengan putaran \($0)" : ", compared with round \($0)" }
      ?? (id ? ", putaran pertama" : ", the first round")
    return id
      ? "Putaran \(n) tercatat di \(folder)\(compared).\n"
      : "Round \(n) recorded in \(folder)\(compared).\n"
  }

  static func noRounds(outputs: String, folder: String, lang: Language) -> String {
    lang == .id
      ? "belum ada putaran tercatat untuk folder keluaran \(outputs) (riwayat: \(folder))"
      : "no rounds recorded yet for the outputs folder \(outputs) (history: \(folder))"
  }

  /// One round on one line, starting with its number.
  static func line(_ n: Int, _ s: [String: Any], lang: Language) -> String {
    let id = lang == .id
    let totals = s["jumlah"] as? [String: Any] ?? [:]
    let findings = totals["temuan"] as? [String: Any] ?? [:]
    let count = { (v: Any?) in String((v as? Int) ?? 0) }
    return [
      String(n),
      time(s["waktu"], lang: lang),
      (id ? "berkas " : "files ") + count(totals["berkas"]),
      (id ? "diterima " : "accepted ") + count(totals["diterima"]),
      (id ? "ditolak " : "rejected ") + count(totals["ditolak"]),
      (id ? "kesalahan " : "errors ") + count(findings["kesalahan"]),
    ].joined(separator: "  ")
  }

  /// What round `n` held.
  static func detail(_ n: Int, _ s: [String: Any], path: String, lang: Language) -> String {
    let id = lang == .id
    let totals = s["jumlah"] as? [String: Any] ?? [:]
    let findings = totals["temuan"] as? [String: Any] ?? [:]
    let count = { (v: Any?) in String((v as? Int) ?? 0) }
    var out = [
      (id ? "Putaran " : "Round ") + String(n),
      (id ? "waktu: " : "time: ") + time(s["waktu"], lang: lang),
      (id ? "keluaran: " : "outputs: ") + (s["keluaran"] as? String ?? ""),
      (id ? "dibandingkan dengan putaran: " : "compared with round: ")
        + ((s["banding"] as? Int).map(String.init) ?? "—"),
      (id ? "diterima " : "accepted ") + count(totals["diterima"]) + ", "
        + (id ? "ditolak " : "rejected ") + count(totals["ditolak"]) + "; "
        + (id ? "temuan: kesalahan " : "findings: errors ") + count(findings["kesalahan"]) + ", "
        + (id ? "peringatan " : "warnings ") + count(findings["peringatan"]) + ", info "
        + count(findings["info"]),
      (id ? "dokumen: " : "document: ")
        + (path as NSString).appendingPathComponent(History.documentName),
    ]
    let files = s["berkas"] as? [[String: Any]] ?? []
    out.append(
      (id ? "berkas masukan (" : "input files (") + count(totals["berkas"])
        + (id ? ", gagal dibaca " : ", unreadable ") + count(totals["berkas_gagal"]) + "):")
    for f in files {
      out.append(
        "  " + ((f["sha256"] as? String) ?? String(repeating: "-", count: 64)) + "  "
          + (f["berkas"] as? String ?? ""))
    }
    return out.map(InputText.neutralised).joined(separator: "\n") + "\n"
  }

  private static func time(_ v: Any?, lang: Language) -> String {
    let f = ISO8601DateFormatter()
    guard let s = v as? String, let d = f.date(from: s) else { return (v as? String) ?? "—" }
    return ShownTime.wib(d, lang: lang)
  }
}
