import Pipeline

/// The texts about rounds on the pages and in `konsolidasi.xlsx` (what changed
/// since the round compared with), Bahasa Indonesia and English side by side,
/// as `PageText`.
enum RoundText: CaseIterable {
  case key
  case changesHeading
  case changesHeadingFirst
  case changesLead
  case firstRound
  case nothingChanged
  case unchangedOffices
  case filesNew
  case filesChanged
  case filesGone
  case recordsAdded
  case recordsRemoved
  case recordsChanged
  case findingsFixed
  case findingsNew
  case findingsOpen
  case noOPD
  case sinceRound
  case sinceRoundDetail
  case added
  case removed
  case changed
  case notRecorded

  var words: (id: String, en: String) {
    switch self {
    case .key: return ("Kunci", "Key")
    case .changesHeading: return ("Perubahan sejak putaran {n}", "Changes since round {n}")
    case .changesHeadingFirst: return ("Perubahan", "Changes")
    case .changesLead:
      return (
        "Per OPD: berkas baru, berubah, hilang; rekaman ditambah, dihapus, diubah; temuan "
          + "diperbaiki, baru, dan yang masih ada (dikenali dari kuncinya). Rinciannya di perubahan.json.",
        "Per OPD: files new, changed, gone; records added, removed, changed; findings fixed, "
          + "new, and still open (told apart by their key). The details are in perubahan.json."
      )
    case .firstRound:
      return (
        "Putaran pertama: belum ada putaran sebelumnya untuk dibandingkan.",
        "First round: there is no earlier round to compare with."
      )
    case .nothingChanged:
      return ("Tidak ada yang berubah sejak putaran {n}.", "Nothing changed since round {n}.")
    case .unchangedOffices:
      return ("{n} OPD lain tidak berubah.", "{n} other OPDs did not change.")
    case .filesNew: return ("Berkas baru", "New files")
    case .filesChanged: return ("Berkas berubah", "Changed files")
    case .filesGone: return ("Berkas hilang", "Files gone")
    case .recordsAdded: return ("Rekaman ditambah", "Records added")
    case .recordsRemoved: return ("Rekaman dihapus", "Records removed")
    case .recordsChanged: return ("Rekaman diubah", "Records changed")
    case .findingsFixed: return ("Temuan diperbaiki", "Findings fixed")
    case .findingsNew: return ("Temuan baru", "New findings")
    case .findingsOpen: return ("Masih ada", "Still open")
    case .noOPD: return ("(tanpa OPD)", "(no OPD)")
    case .sinceRound:
      return (
        "Sejak putaran {n}: {diperbaiki} masalah diperbaiki, {baru} baru, {tersisa} masih ada.",
        "Since round {n}: {diperbaiki} problems fixed, {baru} new, {tersisa} still open."
      )
    case .sinceRoundDetail:
      return (
        "Rekaman: {ditambah} ditambah, {dihapus} dihapus, {diubah} diubah. "
          + "Berkas: {baru} baru, {berubah} berubah, {hilang} hilang.",
        "Records: {ditambah} added, {dihapus} removed, {diubah} changed. "
          + "Files: {baru} new, {berubah} changed, {hilang} gone."
      )
    case .added: return ("Ditambah", "Added")
    case .removed: return ("Dihapus", "Removed")
    case .changed: return ("Diubah", "Changed")
    case .notRecorded:
      return (
        "Putaran ini tidak dicatat dalam riwayat (--tanpa-riwayat).",
        "This run was not recorded in the history (--tanpa-riwayat)."
      )
    }
  }

  /// The text in `lang`, its placeholders filled from `values`.
  func text(_ lang: Language, _ values: [String: String] = [:]) -> String {
    let w = words
    let t = lang == .en ? w.en : w.id
    return values.isEmpty ? t : fill(t, values)
  }
}
