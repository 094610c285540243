import Spreadsheet

/// The one catalog of what the tool says about findings, in Bahasa Indonesia
/// and English. A message names the problem; `saran` says how to fix it.
public enum Catalog {
  /// How many other OPDs a `duplikat-lintas-opd` message names before it counts the rest.
  public static let namedOthers = 5

  struct Entry {
    let id: String
    let en: String
    let fixID: String?
    let fixEN: String?
  }

  /// `pesan` and `saran` of a finding in `lang`.
  public static func render(_ f: Finding, lang: Language) -> (message: String, fix: String?) {
    // The finding's own fields fill the common placeholders; `kolom` may also
    // be a parameter of its own.
    let p: (String) -> String? = { name in
      switch name {
      case "kolom": return f.params["kolom"] ?? f.columnLabel ?? f.field ?? ""
      case "nilai": return f.value ?? ""
      case "berkas": return f.location.file
      case "lembar": return f.location.sheet ?? ""
      case "sel": return f.location.cell ?? ""
      case "saran": return f.suggestions.joined(separator: lang == .id ? " atau " : " or ")
      default: return f.params[name]
      }
    }
    let e = entry(f)
    let message = fill(lang == .id ? e.id : e.en, p)
    var fix = (lang == .id ? e.fixID : e.fixEN).map { fill($0, p) }
    if fix == nil, !f.suggestions.isEmpty {
      fix = fill(lang == .id ? "Mungkin maksudnya: {saran}." : "Did you mean: {saran}?", p)
    }
    return (message, fix)
  }

  /// A file refused by a safety limit: which limit, where, and the
  /// `pipeline.yml` key that raises it (the message uses `{bagian}`).
  static func limitEntry(_ kind: String, key: String?) -> Entry {
    let what: (String, String)
    switch LimitKind(rawValue: kind) {
    case .partSize?: what = ("ukuran bagian arsip", "size of an archive part")
    case .compressionRatio?: what = ("rasio kompresi", "compression ratio")
    case .xmlDepth?: what = ("kedalaman XML", "XML depth")
    case .entityExpansion?: what = ("deklarasi entitas XML", "XML entity declarations")
    case .sharedStrings?: what = ("jumlah teks bersama", "number of shared strings")
    case .csvSize?: what = ("ukuran berkas CSV", "CSV file size")
    case .csvField?: what = ("ukuran satu sel CSV", "size of one CSV cell")
    case .sheetCells?: what = ("jumlah sel satu lembar", "number of cells in one sheet")
    case nil: what = (kind, kind)
    }
    let resave = (
      "minta pengirim membuka berkas di Excel atau LibreOffice, menyimpannya ulang sebagai .xlsx, lalu mengirim kembali",
      "ask the sender to open the file in Excel or LibreOffice, save it again as .xlsx and send it again"
    )
    return Entry(
      id: "Berkas ditolak karena melampaui batas keamanan (\(what.0)) di {bagian}.",
      en: "The file was refused because it exceeds a safety limit (\(what.1)) in {bagian}.",
      fixID: key.map {
        "Jika berkas ini memang sah, naikkan \($0) di pipeline.yml; jika tidak, \(resave.0)."
      }
        ?? "Excel tidak pernah menulis deklarasi entitas; \(resave.0).",
      fixEN: key.map {
        "If the file is genuine, raise \($0) in pipeline.yml; otherwise \(resave.1)."
      }
        ?? "Excel never writes entity declarations; \(resave.1).")
  }

  static func entry(_ f: Finding) -> Entry {
    let hasSuggestions = !f.suggestions.isEmpty
    switch f.type {
    case .berkasTidakTerbaca:
      return ReadErrorMessages.entry(f.params)
    case .berkasTerenkripsi:
      return Entry(
        id: "Buku kerja dilindungi kata sandi sehingga isinya tidak dapat dibaca.",
        en: "The workbook is password-protected, so its content cannot be read.",
        fixID:
          "Hapus kata sandi (Berkas › Info › Lindungi Buku Kerja), simpan, lalu kirim kembali.",
        fixEN: "Remove the password (File › Info › Protect Workbook), save and send it again.")
    case .formatTidakDidukung:
      return Entry(
        id: "Format berkas (.{ekstensi}) tidak didukung; berkas ini dilewati.",
        en: "The file format (.{ekstensi}) is not supported; the file was skipped.",
        fixID: "Jika berisi inventaris SPBE, simpan ulang sebagai .xlsx atau .csv.",
        fixEN: "If it holds an SPBE inventory, save it again as .xlsx or .csv.")
    case .lembarTidakDikenal:
      return Entry(
        id: f.params["seri"] != nil
          ? "Lembar \"{lembar}\" cocok dengan lebih dari satu domain; lembar ini tidak diimpor."
          : "Lembar \"{lembar}\" tidak dikenali sebagai salah satu dari enam domain SPBE; lembar ini tidak diimpor.",
        en: f.params["seri"] != nil
          ? "Sheet \"{lembar}\" matches more than one domain; it was not imported."
          : "Sheet \"{lembar}\" is not recognized as one of the six SPBE domains; it was not imported.",
        fixID:
          "Beri nama lembar sesuai domainnya (Proses Bisnis, Layanan, Data dan Informasi, Aplikasi, Infrastruktur, Keamanan).",
        fixEN:
          "Name the sheet after its domain (Proses Bisnis, Layanan, Data dan Informasi, Aplikasi, Infrastruktur, Keamanan)."
      )
    case .headerTidakDitemukan:
      return Entry(
        id: "Baris judul kolom untuk domain {domain} tidak ditemukan dalam 30 baris pertama.",
        en: "No header row for the {domain} domain was found in the first 30 rows.",
        fixID:
          "Pastikan ada satu baris berisi judul kolom (mis. \"Nama Aplikasi\", \"Kode RAA\") di atas data.",
        fixEN:
          "Make sure one row above the data holds the column headers (e.g. \"Nama Aplikasi\", \"Kode RAA\")."
      )
    case .kolomWajibTidakAda:
      return Entry(
        id: "Kolom wajib \"{kolom}\" tidak ada di lembar {domain}; semua barisnya ditolak.",
        en:
          "The required column \"{kolom}\" is missing from the {domain} sheet; all its rows are rejected.",
        fixID: "Tambahkan kolom \"{kolom}\" dan isi untuk setiap baris.",
        fixEN: "Add a \"{kolom}\" column and fill it in for every row.")
    case .kolomTidakDikenal:
      return Entry(
        id: "Kolom \"{kolom}\" tidak termasuk standar; isinya disimpan sebagai data tambahan.",
        en: "Column \"{kolom}\" is not part of the standard; its values are kept as extra data.",
        fixID: nil, fixEN: nil)
    case .kolomGanda:
      return Entry(
        id:
          "Kolom \"{kolom}\" mengisi bidang yang sama dengan kolom sebelumnya; nilainya disimpan sebagai data tambahan.",
        en:
          "Column \"{kolom}\" maps to the same field as an earlier column; its values are kept as extra data.",
        fixID: "Hapus atau ganti nama salah satu kolom.",
        fixEN: "Remove or rename one of the columns.")
    case .wajibDiisi:
      return Entry(
        id: "Kolom \"{kolom}\" wajib diisi.", en: "Column \"{kolom}\" is required.",
        fixID: "Isi sel {sel}.", fixEN: "Fill in cell {sel}.")
    case .tipeTidakSesuai:
      let kind = f.params["tipe"] ?? ""
      let (expectID, expectEN): (String, String)
      switch kind {
      case "tanggal":
        (expectID, expectEN) = (
          "tanggal (mis. 17/08/2024 atau 17 Agustus 2024)",
          "a date (e.g. 17/08/2024 or 17 Agustus 2024)"
        )
      case "tahun":
        (expectID, expectEN) = ("tahun empat angka (mis. 2024)", "a four-digit year (e.g. 2024)")
      case "url":
        (expectID, expectEN) = (
          "alamat web (mis. https://serangkab.go.id)",
          "a web address (e.g. https://serangkab.go.id)"
        )
      case "rupiah":
        (expectID, expectEN) = (
          "jumlah rupiah (mis. 1.500.000)", "an amount in rupiah (e.g. 1.500.000)"
        )
      case "bilangan-bulat": (expectID, expectEN) = ("bilangan bulat", "a whole number")
      default: (expectID, expectEN) = ("angka (mis. 12,5)", "a number (e.g. 12,5)")
      }
      return Entry(
        id: "Nilai \"{nilai}\" pada kolom \"{kolom}\" tidak dapat dibaca sebagai \(expectID).",
        en: "Value \"{nilai}\" in column \"{kolom}\" cannot be read as \(expectEN).",
        fixID: "Tulis ulang sel {sel} sebagai \(expectID).",
        fixEN: "Rewrite cell {sel} as \(expectEN).")
    case .diLuarRentang:
      let range = (f.params["min"], f.params["max"])
      let (rid, ren): (String, String)
      switch range {
      case (let lo?, let hi?): (rid, ren) = ("antara \(lo) dan \(hi)", "between \(lo) and \(hi)")
      case (let lo?, nil): (rid, ren) = ("paling kecil \(lo)", "at least \(lo)")
      case (nil, let hi?): (rid, ren) = ("paling besar \(hi)", "at most \(hi)")
      default: (rid, ren) = ("antara tahun 1950 dan 2100", "between the years 1950 and 2100")
      }
      return Entry(
        id: "Nilai \"{nilai}\" pada kolom \"{kolom}\" di luar rentang yang diizinkan (\(rid)).",
        en: "Value \"{nilai}\" in column \"{kolom}\" is out of range (\(ren)).",
        fixID: "Perbaiki sel {sel}.", fixEN: "Correct cell {sel}.")
    case .nilaiGalatExcel:
      return Entry(
        id: "Sel berisi galat Excel {galat}.", en: "The cell holds the Excel error {galat}.",
        fixID: "Perbaiki rumus di sel {sel} atau ganti dengan nilainya.",
        fixEN: "Fix the formula in cell {sel} or replace it with its value.")
    case .formulaTanpaNilai:
      return Entry(
        id: "Sel berisi rumus tanpa nilai tersimpan; sel dianggap kosong.",
        en: "The cell holds a formula with no stored value; it is treated as empty.",
        fixID: "Buka dan simpan ulang berkas di Excel atau LibreOffice agar nilainya terhitung.",
        fixEN: "Open and save the file in Excel or LibreOffice so the value is computed.")
    case .kodeTidakDikenal:
      return Entry(
        id: "Kode \"{nilai}\" tidak ada dalam daftar {daftar}.",
        en: "Code \"{nilai}\" is not in the {daftar} list.",
        fixID: hasSuggestions
          ? "Mungkin maksudnya: {saran}."
          : "Periksa kode pada daftar {daftar} (pipeline codelists {daftar}).",
        fixEN: hasSuggestions
          ? "Did you mean: {saran}?"
          : "Look the code up in the {daftar} list (pipeline codelists {daftar}).")
    case .kodeTingkatTidakSesuai:
      return Entry(
        id:
          "Kode {kode} adalah kode tingkat {tingkat}; kolom ini meminta kode tingkat {tingkat_diminta}.",
        en:
          "Code {kode} is a level-{tingkat} code; this column takes level-{tingkat_diminta} codes.",
        fixID: hasSuggestions
          ? "Pilih kode turunannya, mis. {saran}." : "Pilih kode tingkat {tingkat_diminta}.",
        fixEN: hasSuggestions
          ? "Choose one of its children, e.g. {saran}." : "Choose a level-{tingkat_diminta} code.")
    case .kodeIndukTidakKonsisten:
      return Entry(
        id: "Kode induk {induk} pada kolom \"{kolom}\" tidak sesuai dengan kode {kode}.",
        en: "Parent code {induk} in column \"{kolom}\" does not agree with code {kode}.",
        fixID: "Samakan kolom tingkat atas dengan kode {kode}.",
        fixEN: "Make the upper-level columns agree with code {kode}.")
    case .pilihanTidakDikenal:
      if f.params["ganda"] != nil {
        return Entry(
          id: "Sel \"{kolom}\" berisi lebih dari satu pilihan; hanya satu yang diizinkan.",
          en: "Cell \"{kolom}\" holds more than one choice; only one is allowed.",
          fixID: "Pilih satu saja: {saran}.", fixEN: "Choose one only: {saran}.")
      }
      return Entry(
        id: "Nilai \"{nilai}\" bukan pilihan yang sah untuk kolom \"{kolom}\".",
        en: "Value \"{nilai}\" is not a valid choice for column \"{kolom}\".",
        fixID: hasSuggestions
          ? "Mungkin maksudnya: {saran}. Pilihan yang sah: {pilihan}."
          : "Pilihan yang sah: {pilihan}.",
        fixEN: hasSuggestions
          ? "Did you mean: {saran}? Valid choices: {pilihan}." : "Valid choices: {pilihan}.")
    case .opdTidakDikenal:
      if f.params["sebab"] == "tanpa-sumber" {
        return Entry(
          id:
            "Perangkat daerah baris-baris ini tidak diketahui: tidak ada kolom Perangkat Daerah, lembar Identitas, atau nama berkas yang menyebutkannya.",
          en:
            "The OPD of these rows is unknown: no Perangkat Daerah column, Identitas sheet or file name names it.",
          fixID: "Tambahkan lembar Identitas (Nama Perangkat Daerah) atau kolom Perangkat Daerah.",
          fixEN: "Add an Identitas sheet (Nama Perangkat Daerah) or a Perangkat Daerah column.")
      }
      return Entry(
        id: "Perangkat daerah \"{nilai}\" tidak dikenal.", en: "OPD \"{nilai}\" is not known.",
        fixID: hasSuggestions
          ? "Mungkin maksudnya: {saran}."
          : "Tulis nama, singkatan, atau kode sesuai daftar OPD (pipeline codelists opd).",
        fixEN: hasSuggestions
          ? "Did you mean: {saran}?"
          : "Write the name, abbreviation or code from the OPD list (pipeline codelists opd).")
    case .idGanda:
      return Entry(
        id: "ID \"{nilai}\" sudah dipakai baris lain pada perangkat daerah dan domain yang sama"
          + (f.params["pertama"] != nil ? " (pertama di {pertama})." : "."),
        en: "Id \"{nilai}\" is already used by another row of the same OPD and domain"
          + (f.params["pertama"] != nil ? " (first at {pertama})." : "."),
        fixID: "Beri ID yang unik pada sel {sel}, atau kosongkan agar dibuat otomatis.",
        fixEN: "Give cell {sel} a unique id, or leave it empty to have one assigned.")
    case .idDibuat:
      return Entry(
        id: "ID kosong; dibuat ID {id}.", en: "Empty id; id {id} was assigned.",
        fixID: nil, fixEN: nil)
    case .referensiTidakDitemukan:
      return Entry(
        id: "Referensi \"{nilai}\" tidak ditemukan di antara ID {domain} perangkat daerah ini.",
        en: "Reference \"{nilai}\" is not among this OPD's {domain} ids.",
        fixID: "Periksa ID yang dirujuk di sel {sel}.",
        fixEN: "Check the id referred to in cell {sel}.")
    case .duplikatLintasOpd:
      // Past `namedOthers` OPDs the rest are counted, not named.
      let rest = (Int(f.params["jumlah_opd_lain"] ?? "") ?? 0) - namedOthers
      return Entry(
        id: "Aplikasi \"{nilai}\" juga dilaporkan oleh: {opd_lain}"
          + (rest > 0 ? " dan \(rest) OPD lain." : "."),
        en: "Application \"{nilai}\" is also reported by: {opd_lain}"
          + (rest > 0 ? " and \(rest) other \(rest == 1 ? "OPD" : "OPDs")." : "."),
        fixID: "Pastikan hanya pengelola aplikasi yang melaporkannya; OPD lain cukup merujuknya.",
        fixEN:
          "Make sure only the office that runs the application reports it; others may refer to it.")
    case .nilaiDinormalisasi:
      return Entry(
        id: f.params["cara"] == "serial"
          ? "Angka \"{nilai}\" dibaca sebagai tanggal {menjadi}."
          : "Nilai \"{nilai}\" dibaca sebagai {menjadi}.",
        en: f.params["cara"] == "serial"
          ? "Number \"{nilai}\" was read as the date {menjadi}."
          : "Value \"{nilai}\" was read as {menjadi}.",
        fixID: nil, fixEN: nil)
    case .barisTersembunyi:
      return Entry(
        id: "Baris tersembunyi ini ikut diimpor.", en: "This hidden row was imported.",
        fixID: "Hapus baris jika tidak dimaksudkan sebagai data.",
        fixEN: "Delete the row if it is not meant as data.")
    case .catatanDiabaikan:
      return Entry(
        id: "{jumlah} baris catatan di bawah tabel (mulai \"{nilai}\") tidak diimpor.",
        en: "{jumlah} note rows below the table (from \"{nilai}\") were not imported.",
        fixID: nil, fixEN: nil)
    case .berkasDilewati:
      let copy = (
        "Jika berisi lembar kerja, salin sebagai berkas biasa ke folder masukan.",
        "If it holds a spreadsheet, copy it as a regular file into the inputs folder."
      )
      let why: (String, String)
      var fix: (String, String)? = copy
      switch SkipReason(rawValue: f.params["sebab"] ?? "") {
      case .outputsFolder?:
        why = (
          "ini folder keluaran, yang tidak pernah dibaca sebagai masukan",
          "it is the outputs folder, which is never read as input"
        )
        fix = nil
      case .symlink?:
        why = (
          "ini tautan simbolik; tautan di dalam folder masukan tidak diikuti",
          "it is a symbolic link; links inside the inputs folder are not followed"
        )
      case .notRegularFile?:
        why = (
          "ini bukan berkas biasa (pipa, perangkat, soket, atau berkas sistem)",
          "it is not a regular file (a pipe, a device, a socket or a system file)"
        )
      case .nameTooLong?:
        why = (
          "jalurnya lebih panjang dari yang dapat dibuka sistem",
          "its path is longer than the system can open"
        )
        fix = (
          "Pindahkan berkas ke folder yang jalurnya lebih pendek.",
          "Move the file to a folder with a shorter path."
        )
      case .nestedZip?:
        why = (
          "ini zip di dalam zip; zip bersarang tidak dibuka",
          "it is a zip inside the zip; nested zips are not opened"
        )
        fix = (
          "Kirim isinya sebagai berkas tersendiri atau dalam paket zip biasa.",
          "Send its contents as separate files or in a plain zip paket."
        )
      case .unsafeName?:
        why = (
          "namanya keluar dari zip (..) atau sama dengan anggota lain",
          "its name climbs out of the zip (..) or repeats another member's"
        )
        fix = (
          "Buat ulang zip dari folder berisi buku kerja saja.",
          "Make the zip again from a folder holding only the workbooks."
        )
      case .mergedCopy?:
        why = (
          "ini salinan gabungan dari anggota paket lainnya",
          "it is a merged copy of the paket's other members"
        )
        fix = nil
      case .folderUnreadable?, nil:
        why = ("folder ini tidak dapat dibuka", "the folder cannot be opened")
        fix = ("Periksa hak akses folder itu.", "Check the folder's permissions.")
      }
      return Entry(
        id: "\"{berkas}\" dilewati: \(why.0).", en: "\"{berkas}\" was skipped: \(why.1).",
        fixID: fix?.0, fixEN: fix?.1)
    case .templatKedaluwarsa:
      return Entry(
        id: "Buku kerja dibuat dari templat versi {versi}; versi terbaru {versi_kini}.",
        en:
          "The workbook was made from template version {versi}; the current version is {versi_kini}.",
        fixID: "Gunakan templat terbaru (pipeline template).",
        fixEN: "Use the current template (pipeline template).")
    case .berkasGanda:
      return Entry(
        id: "Berkas ini sama persis dengan \"{berkas_asli}\"; hanya \"{berkas_asli}\" yang dibaca.",
        en: "This file is identical to \"{berkas_asli}\"; only \"{berkas_asli}\" was read.",
        fixID: "Hapus salinan ini dari folder masukan.",
        fixEN: "Remove this copy from the inputs folder.")
    case .namaGanda:
      return Entry(
        id: "\"{nilai}\" sudah dilaporkan OPD ini untuk domain yang sama di {lain}.",
        en: "\"{nilai}\" was already reported by this OPD for the same domain at {lain}.",
        fixID: "Jika salah satu berkas adalah kiriman lama, hapus berkas itu dari folder masukan.",
        fixEN: "If one of the files is an older submission, remove it from the inputs folder.")
    }
  }
}
