import Spreadsheet

/// The one catalog of what the tool says about findings, in Bahasa Indonesia
/// and English: one entry per finding type (`entry(_:)`), each with its level,
/// a title, and its texts by named variant. A message names the problem; the
/// fix (`saran`) says how to mend it. Which variant a finding takes is decided
/// in `variant(of:)` alone.
///
/// A new finding type adds a case to `FindingType`, an entry here (level,
/// title, at least `.plain`), and, when its wording depends on the finding, a
/// line in `variant(of:)`.
public enum Catalog {
  /// How many other OPDs a `duplikat-lintas-opd` message names before it counts the rest.
  public static let namedOthers = 5

  /// A text in both languages, with `{…}` placeholders.
  struct Words: Sendable {
    let id: String
    let en: String
    init(_ id: String, _ en: String) {
      self.id = id
      self.en = en
    }
    func callAsFunction(_ lang: Language) -> String { lang == .id ? id : en }
  }

  /// What one variant of a finding says.
  struct Text: Sendable {
    let message: Words
    let fix: Words?
    init(_ message: Words, fix: Words? = nil) {
      self.message = message
      self.fix = fix
    }
  }

  /// One finding type in the catalog. Its `.plain` variant is the text of a
  /// finding no other variant fits.
  struct Entry: Sendable {
    let level: Severity
    let title: Words
    let variants: [Variant: Text]
  }

  /// The ways one finding type may be worded. Parameters a finding stores
  /// (`seri`, `ganda`, `cara`, `sebab`, `batas`, …) choose one in `variant(of:)`.
  enum Variant: Sendable {
    case plain
    /// A suggestion ("did you mean") is offered.
    case suggested
    /// lembar-tidak-dikenal: the sheet's name fits two domains equally (`seri`).
    case ambiguousSheet
    /// pilihan-tidak-dikenal: several choices in one cell (`ganda`).
    case severalChoices
    /// opd-tidak-dikenal: nothing names the OPD (`sebab: tanpa-sumber`).
    case noSource
    /// nilai-dinormalisasi: an Excel serial number read as a date (`cara: serial`).
    case excelSerial
    /// di-luar-rentang: which bounds the field has (`min`, `max`; none: a year).
    case between, atLeast, atMost
    /// duplikat-lintas-opd: some other OPDs counted rather than named.
    case oneMoreCounted, moreCounted
    /// berkas-dilewati: why (`sebab`, a `SkipReason`).
    case outputsFolder, symlink, notRegularFile, nameTooLong, folderUnreadable
    case nestedZip, unsafeName, mergedCopy
    /// id-ganda: where the id was used first (`pertama`).
    case firstNamed
    /// berkas-tidak-terbaca: why (`sebab`, a `ReadErrorMessages.Reason`; `batas`).
    case notFound, noPermission, ioFailure, unsupportedFormat, encrypted, notASpreadsheet
    case corruptArchive, corruptArchiveInPart, missingPart, malformedXML, malformedXMLAtLine
    case invalidCellReference, noSuchSheet, noSuchSheetListed
    /// berkas-tidak-terbaca: a safety limit that `pipeline.yml` raises, or one it cannot.
    case limitRaisable, limitFixed
    /// di-luar-rentang: a date before the date it may not precede (`sebelum`).
    case beforeStart
  }

  /// The fix of a finding whose text has none, when suggestions are offered.
  static let didYouMean = Words("Mungkin maksudnya: {saran}.", "Did you mean: {saran}?")

  /// `pesan` and `saran` of a finding in `lang`.
  public static func render(_ f: Finding, lang: Language) -> (message: String, fix: String?) {
    let p = placeholders(f, lang: lang)
    let t = text(f)
    let message = fill(t.message(lang), p)
    var fix = t.fix.map { fill($0(lang), p) }
    if fix == nil, !f.suggestions.isEmpty { fix = fill(didYouMean(lang), p) }
    return (message, fix)
  }

  /// The title of a finding type, as a list or a chart names it.
  public static func title(_ type: FindingType, lang: Language) -> String {
    entry(type).title(lang)
  }

  static func text(_ f: Finding) -> Text {
    let variants = entry(f.type).variants
    return variants[variant(of: f)] ?? variants[.plain]!
  }

  /// The finding's own fields fill the common placeholders; the catalog's
  /// terms fill the words it derives from parameters.
  static func placeholders(_ f: Finding, lang: Language) -> (String) -> String? {
    { name in
      switch name {
      case "kolom": return f.params["kolom"] ?? f.columnLabel ?? f.field ?? ""
      case "nilai": return f.value ?? ""
      case "berkas": return f.location.file
      case "lembar": return f.location.sheet ?? ""
      case "sel": return f.location.cell ?? ""
      case "saran": return f.suggestions.joined(separator: lang == .id ? " atau " : " or ")
      case "sisa": return String(othersCounted(f))
      case "harapan": return expectedKind(f.params["tipe"] ?? "")(lang)
      case "batas_nama":
        let kind = f.params["batas"] ?? ""
        return LimitKind(rawValue: kind).map { limitName($0)(lang) } ?? kind
      case "format_nama":
        return formatName(UnsupportedFormat(rawValue: f.params["format"] ?? ""))(lang)
      case "opd_lain": return f.otherOPDs.prefix(namedOthers).joined(separator: ", ")
      default: return f.params[name]
      }
    }
  }

  /// How many other OPDs a `duplikat-lintas-opd` message counts rather than names.
  static func othersCounted(_ f: Finding) -> Int {
    f.otherOPDs.count - namedOthers
  }

  /// The one place where a finding's parameters choose its wording.
  static func variant(of f: Finding) -> Variant {
    let suggested: Variant = f.suggestions.isEmpty ? .plain : .suggested
    switch f.type {
    case .berkasTidakTerbaca: return ReadErrorMessages.variant(f.params)
    case .lembarTidakDikenal: return f.params["seri"] != nil ? .ambiguousSheet : .plain
    case .pilihanTidakDikenal: return f.params["ganda"] != nil ? .severalChoices : suggested
    case .opdTidakDikenal: return f.params["sebab"] == "tanpa-sumber" ? .noSource : suggested
    case .kodeTidakDikenal, .kodeTingkatTidakSesuai: return suggested
    case .nilaiDinormalisasi: return f.params["cara"] == "serial" ? .excelSerial : .plain
    case .diLuarRentang:
      if f.params["sebelum"] != nil { return .beforeStart }
      switch (f.params["min"], f.params["max"]) {
      case (_?, _?): return .between
      case (_?, nil): return .atLeast
      case (nil, _?): return .atMost
      default: return .plain
      }
    case .duplikatLintasOpd:
      let rest = othersCounted(f)
      return rest > 1 ? .moreCounted : rest == 1 ? .oneMoreCounted : .plain
    case .berkasDilewati:
      switch SkipReason(rawValue: f.params["sebab"] ?? "") {
      case .outputsFolder?: return .outputsFolder
      case .symlink?: return .symlink
      case .notRegularFile?: return .notRegularFile
      case .nameTooLong?: return .nameTooLong
      case .folderUnreadable?: return .folderUnreadable
      case .nestedZip?: return .nestedZip
      case .unsafeName?: return .unsafeName
      case .mergedCopy?: return .mergedCopy
      case nil: return .plain
      }
    case .idGanda: return f.params["pertama"] != nil ? .firstNamed : .plain
    default: return .plain
    }
  }

  // MARK: - Terms the texts are filled with

  /// `{harapan}` of `tipe-tidak-sesuai`: what the column takes (`tipe`).
  static func expectedKind(_ type: String) -> Words {
    switch type {
    case "tanggal":
      return Words(
        "tanggal (mis. 17/08/2024 atau 17 Agustus 2024)",
        "a date (e.g. 17/08/2024 or 17 Agustus 2024)")
    case "tahun": return Words("tahun empat angka (mis. 2024)", "a four-digit year (e.g. 2024)")
    case "url":
      return Words(
        "alamat web (mis. https://contoh.go.id)", "a web address (e.g. https://contoh.go.id)")
    case "rupiah":
      return Words("jumlah rupiah (mis. 1.500.000)", "an amount in rupiah (e.g. 1.500.000)")
    case "bilangan-bulat": return Words("bilangan bulat", "a whole number")
    default: return Words("angka (mis. 12,5)", "a number (e.g. 12,5)")
    }
  }

  /// The kinds `tipe` of `tipe-tidak-sesuai` takes.
  static let expectedKinds = ["tanggal", "tahun", "url", "rupiah", "bilangan-bulat", "bilangan"]

  /// `{batas_nama}`: the safety limit a file exceeds.
  static func limitName(_ kind: LimitKind) -> Words {
    switch kind {
    case .partSize: return Words("ukuran bagian arsip", "size of an archive part")
    case .compressionRatio: return Words("rasio kompresi", "compression ratio")
    case .xmlDepth: return Words("kedalaman XML", "XML depth")
    case .entityExpansion: return Words("deklarasi entitas XML", "XML entity declarations")
    case .sharedStrings: return Words("jumlah teks bersama", "number of shared strings")
    case .csvSize: return Words("ukuran berkas CSV", "CSV file size")
    case .csvField: return Words("ukuran satu sel CSV", "size of one CSV cell")
    case .sheetCells: return Words("jumlah sel satu lembar", "number of cells in one sheet")
    }
  }

  /// `{format_nama}`: the format of a file that is not supported.
  static func formatName(_ format: UnsupportedFormat?) -> Words {
    switch format {
    case .xls?: return Words("format Excel lama (.xls)", "the legacy Excel format (.xls)")
    case .xlsb?: return Words("format Excel biner (.xlsb)", "the binary Excel format (.xlsb)")
    case .ods?: return Words("format OpenDocument (.ods)", "the OpenDocument format (.ods)")
    case .numbers?: return Words("format Apple Numbers", "the Apple Numbers format")
    case nil: return Words("format yang tidak dikenal", "an unknown format")
    }
  }

  // MARK: - The entries

  /// Every finding type's entry, made once.
  static let entries: [FindingType: Entry] = Dictionary(
    uniqueKeysWithValues: FindingType.allCases.map { ($0, define($0)) })

  static func entry(_ type: FindingType) -> Entry { entries[type]! }

  /// The level, title and texts of each finding type.
  private static func define(_ type: FindingType) -> Entry {
    switch type {
    case .berkasTidakTerbaca:
      return Entry(
        level: .kesalahan, title: Words("Berkas tidak terbaca", "File cannot be read"),
        variants: ReadErrorMessages.texts)
    case .berkasTerenkripsi:
      return Entry(
        level: .kesalahan, title: Words("Berkas terenkripsi", "Encrypted file"),
        variants: [
          .plain: Text(
            Words(
              "Buku kerja dilindungi kata sandi sehingga isinya tidak dapat dibaca.",
              "The workbook is password-protected, so its content cannot be read."),
            fix: Words(
              "Hapus kata sandi (Berkas › Info › Lindungi Buku Kerja), simpan, lalu kirim kembali.",
              "Remove the password (File › Info › Protect Workbook), save and send it again."))
        ])
    case .formatTidakDidukung:
      return Entry(
        level: .peringatan, title: Words("Format tidak didukung", "Format not supported"),
        variants: [
          .plain: Text(
            Words(
              "Format berkas (.{ekstensi}) tidak didukung; berkas ini dilewati.",
              "The file format (.{ekstensi}) is not supported; the file was skipped."),
            fix: Words(
              "Jika berisi inventaris SPBE, simpan ulang sebagai .xlsx atau .csv.",
              "If it holds an SPBE inventory, save it again as .xlsx or .csv."))
        ])
    case .lembarTidakDikenal:
      let fix = Words(
        "Beri nama lembar sesuai domainnya (Proses Bisnis, Layanan, Data dan Informasi, Aplikasi, Infrastruktur, Keamanan).",
        "Name the sheet after its domain (Proses Bisnis, Layanan, Data dan Informasi, Aplikasi, Infrastruktur, Keamanan)."
      )
      return Entry(
        level: .peringatan, title: Words("Lembar tidak dikenal", "Sheet not recognized"),
        variants: [
          .plain: Text(
            Words(
              "Lembar \"{lembar}\" tidak dikenali sebagai salah satu dari enam domain SPBE; lembar ini tidak diimpor.",
              "Sheet \"{lembar}\" is not recognized as one of the six SPBE domains; it was not imported."
            ), fix: fix),
          .ambiguousSheet: Text(
            Words(
              "Lembar \"{lembar}\" cocok dengan lebih dari satu domain; lembar ini tidak diimpor.",
              "Sheet \"{lembar}\" matches more than one domain; it was not imported."), fix: fix),
        ])
    case .headerTidakDitemukan:
      return Entry(
        level: .kesalahan, title: Words("Judul kolom tidak ditemukan", "Header row not found"),
        variants: [
          .plain: Text(
            Words(
              "Baris judul kolom untuk domain {domain} tidak ditemukan dalam 30 baris pertama.",
              "No header row for the {domain} domain was found in the first 30 rows."),
            fix: Words(
              "Pastikan ada satu baris berisi judul kolom (mis. \"Nama Aplikasi\", \"Kode RAA\") di atas data.",
              "Make sure one row above the data holds the column headers (e.g. \"Nama Aplikasi\", \"Kode RAA\")."
            ))
        ])
    case .kolomWajibTidakAda:
      return Entry(
        level: .kesalahan, title: Words("Kolom wajib tidak ada", "Required column missing"),
        variants: [
          .plain: Text(
            Words(
              "Kolom wajib \"{kolom}\" tidak ada di lembar {domain}; semua barisnya ditolak.",
              "The required column \"{kolom}\" is missing from the {domain} sheet; all its rows are rejected."
            ),
            fix: Words(
              "Tambahkan kolom \"{kolom}\" dan isi untuk setiap baris.",
              "Add a \"{kolom}\" column and fill it in for every row."))
        ])
    case .kolomTidakDikenal:
      return Entry(
        level: .info, title: Words("Kolom tidak dikenal", "Column not recognized"),
        variants: [
          .plain: Text(
            Words(
              "Kolom \"{kolom}\" tidak termasuk standar; isinya disimpan sebagai data tambahan.",
              "Column \"{kolom}\" is not part of the standard; its values are kept as extra data."))
        ])
    case .kolomGanda:
      return Entry(
        level: .peringatan, title: Words("Kolom ganda", "Duplicate column"),
        variants: [
          .plain: Text(
            Words(
              "Kolom \"{kolom}\" mengisi bidang yang sama dengan kolom sebelumnya; nilainya disimpan sebagai data tambahan.",
              "Column \"{kolom}\" maps to the same field as an earlier column; its values are kept as extra data."
            ),
            fix: Words(
              "Hapus atau ganti nama salah satu kolom.", "Remove or rename one of the columns."))
        ])
    case .wajibDiisi:
      return Entry(
        level: .kesalahan, title: Words("Wajib diisi", "Required value missing"),
        variants: [
          .plain: Text(
            Words("Kolom \"{kolom}\" wajib diisi.", "Column \"{kolom}\" is required."),
            fix: Words("Isi sel {sel}.", "Fill in cell {sel}."))
        ])
    case .tipeTidakSesuai:
      return Entry(
        level: .kesalahan, title: Words("Jenis isian tidak sesuai", "Value of the wrong type"),
        variants: [
          .plain: Text(
            Words(
              "Nilai \"{nilai}\" pada kolom \"{kolom}\" tidak dapat dibaca sebagai {harapan}.",
              "Value \"{nilai}\" in column \"{kolom}\" cannot be read as {harapan}."),
            fix: Words(
              "Tulis ulang sel {sel} sebagai {harapan}.", "Rewrite cell {sel} as {harapan}."))
        ])
    case .diLuarRentang:
      func range(_ id: String, _ en: String) -> Text {
        Text(
          Words(
            "Nilai \"{nilai}\" pada kolom \"{kolom}\" di luar rentang yang diizinkan (\(id)).",
            "Value \"{nilai}\" in column \"{kolom}\" is out of range (\(en))."),
          fix: Words("Perbaiki sel {sel}.", "Correct cell {sel}."))
      }
      return Entry(
        level: .kesalahan, title: Words("Di luar rentang", "Out of range"),
        variants: [
          .between: range("antara {min} dan {max}", "between {min} and {max}"),
          .atLeast: range("paling kecil {min}", "at least {min}"),
          .atMost: range("paling besar {max}", "at most {max}"),
          .plain: range("antara tahun 1950 dan 2100", "between the years 1950 and 2100"),
          .beforeStart: Text(
            Words(
              "Tanggal \"{nilai}\" pada kolom \"{kolom}\" lebih awal dari {sebelum} ({mulai}).",
              "Date \"{nilai}\" in column \"{kolom}\" is earlier than {sebelum} ({mulai})."),
            fix: Words(
              "Periksa sel {sel}: tanggal akhir tidak boleh sebelum {sebelum}.",
              "Check cell {sel}: the end date may not lie before {sebelum}.")),
        ])
    case .nilaiGalatExcel:
      return Entry(
        level: .kesalahan, title: Words("Galat Excel", "Excel error"),
        variants: [
          .plain: Text(
            Words("Sel berisi galat Excel {galat}.", "The cell holds the Excel error {galat}."),
            fix: Words(
              "Perbaiki rumus di sel {sel} atau ganti dengan nilainya.",
              "Fix the formula in cell {sel} or replace it with its value."))
        ])
    case .formulaTanpaNilai:
      return Entry(
        level: .peringatan, title: Words("Rumus tanpa nilai", "Formula without a value"),
        variants: [
          .plain: Text(
            Words(
              "Sel berisi rumus tanpa nilai tersimpan; sel dianggap kosong.",
              "The cell holds a formula with no stored value; it is treated as empty."),
            fix: Words(
              "Buka dan simpan ulang berkas di Excel atau LibreOffice agar nilainya terhitung.",
              "Open and save the file in Excel or LibreOffice so the value is computed."))
        ])
    case .kodeTidakDikenal:
      let message = Words(
        "Kode \"{nilai}\" tidak ada dalam daftar {daftar}.",
        "Code \"{nilai}\" is not in the {daftar} list.")
      return Entry(
        level: .kesalahan, title: Words("Kode tidak dikenal", "Unknown code"),
        variants: [
          .plain: Text(
            message,
            fix: Words(
              "Periksa kode pada daftar {daftar} (pipeline codelists {daftar}).",
              "Look the code up in the {daftar} list (pipeline codelists {daftar}).")),
          .suggested: Text(message, fix: didYouMean),
        ])
    case .kodeTingkatTidakSesuai:
      let message = Words(
        "Kode {kode} adalah kode tingkat {tingkat}; kolom ini meminta kode tingkat {tingkat_diminta}.",
        "Code {kode} is a level-{tingkat} code; this column takes level-{tingkat_diminta} codes.")
      return Entry(
        level: .kesalahan, title: Words("Tingkat kode tidak sesuai", "Code of the wrong level"),
        variants: [
          .plain: Text(
            message,
            fix: Words(
              "Pilih kode tingkat {tingkat_diminta}.", "Choose a level-{tingkat_diminta} code.")),
          .suggested: Text(
            message,
            fix: Words(
              "Pilih kode turunannya, mis. {saran}.", "Choose one of its children, e.g. {saran}.")),
        ])
    case .kodeIndukTidakKonsisten:
      return Entry(
        level: .peringatan, title: Words("Kode induk tidak konsisten", "Parent code disagrees"),
        variants: [
          .plain: Text(
            Words(
              "Kode induk {induk} pada kolom \"{kolom}\" tidak sesuai dengan kode {kode}.",
              "Parent code {induk} in column \"{kolom}\" does not agree with code {kode}."),
            fix: Words(
              "Samakan kolom tingkat atas dengan kode {kode}.",
              "Make the upper-level columns agree with code {kode}."))
        ])
    case .pilihanTidakDikenal:
      let message = Words(
        "Nilai \"{nilai}\" bukan pilihan yang sah untuk kolom \"{kolom}\".",
        "Value \"{nilai}\" is not a valid choice for column \"{kolom}\".")
      return Entry(
        level: .kesalahan, title: Words("Pilihan tidak dikenal", "Unknown choice"),
        variants: [
          .plain: Text(
            message, fix: Words("Pilihan yang sah: {pilihan}.", "Valid choices: {pilihan}.")),
          .suggested: Text(
            message,
            fix: Words(
              "Mungkin maksudnya: {saran}. Pilihan yang sah: {pilihan}.",
              "Did you mean: {saran}? Valid choices: {pilihan}.")),
          .severalChoices: Text(
            Words(
              "Sel \"{kolom}\" berisi lebih dari satu pilihan; hanya satu yang diizinkan.",
              "Cell \"{kolom}\" holds more than one choice; only one is allowed."),
            fix: Words("Pilih satu saja: {saran}.", "Choose one only: {saran}.")),
        ])
    case .opdTidakDikenal:
      let message = Words(
        "Perangkat daerah \"{nilai}\" tidak dikenal.", "OPD \"{nilai}\" is not known.")
      return Entry(
        level: .kesalahan, title: Words("OPD tidak dikenal", "Unknown OPD"),
        variants: [
          .plain: Text(
            message,
            fix: Words(
              "Tulis nama, singkatan, atau kode sesuai daftar OPD (pipeline codelists opd).",
              "Write the name, abbreviation or code from the OPD list (pipeline codelists opd).")),
          .suggested: Text(message, fix: didYouMean),
          .noSource: Text(
            Words(
              "Perangkat daerah baris-baris ini tidak diketahui: tidak ada kolom Perangkat Daerah, lembar Identitas, atau nama berkas yang menyebutkannya.",
              "The OPD of these rows is unknown: no Perangkat Daerah column, Identitas sheet or file name names it."
            ),
            fix: Words(
              "Tambahkan lembar Identitas (Nama Perangkat Daerah) atau kolom Perangkat Daerah.",
              "Add an Identitas sheet (Nama Perangkat Daerah) or a Perangkat Daerah column.")),
        ])
    case .idGanda:
      let used = (
        "ID \"{nilai}\" sudah dipakai baris lain pada perangkat daerah dan domain yang sama",
        "Id \"{nilai}\" is already used by another row of the same OPD and domain"
      )
      let fix = Words(
        "Beri ID yang unik pada sel {sel}, atau kosongkan agar dibuat otomatis.",
        "Give cell {sel} a unique id, or leave it empty to have one assigned.")
      return Entry(
        level: .kesalahan, title: Words("ID ganda", "Duplicate id"),
        variants: [
          .plain: Text(Words(used.0 + ".", used.1 + "."), fix: fix),
          .firstNamed: Text(
            Words(used.0 + " (pertama di {pertama}).", used.1 + " (first at {pertama})."),
            fix: fix),
        ])
    case .idDibuat:
      return Entry(
        level: .info, title: Words("ID dibuat", "Id assigned"),
        variants: [
          .plain: Text(Words("ID kosong; dibuat ID {id}.", "Empty id; id {id} was assigned."))
        ])
    case .referensiTidakDitemukan:
      return Entry(
        level: .peringatan, title: Words("Referensi tidak ditemukan", "Reference not found"),
        variants: [
          .plain: Text(
            Words(
              "Referensi \"{nilai}\" tidak ditemukan di antara ID {domain} perangkat daerah ini.",
              "Reference \"{nilai}\" is not among this OPD's {domain} ids."),
            fix: Words(
              "Periksa ID yang dirujuk di sel {sel}.", "Check the id referred to in cell {sel}."))
        ])
    case .duplikatLintasOpd:
      let fix = Words(
        "Pastikan hanya pengelola aplikasi yang melaporkannya; OPD lain cukup merujuknya.",
        "Make sure only the office that runs the application reports it; others may refer to it.")
      let reported = (
        "Aplikasi \"{nilai}\" juga dilaporkan oleh: {opd_lain}",
        "Application \"{nilai}\" is also reported by: {opd_lain}"
      )
      return Entry(
        level: .peringatan, title: Words("Duplikat lintas OPD", "Reported by several OPDs"),
        variants: [
          .plain: Text(Words(reported.0 + ".", reported.1 + "."), fix: fix),
          .oneMoreCounted: Text(
            Words(reported.0 + " dan {sisa} OPD lain.", reported.1 + " and {sisa} other OPD."),
            fix: fix),
          .moreCounted: Text(
            Words(reported.0 + " dan {sisa} OPD lain.", reported.1 + " and {sisa} other OPDs."),
            fix: fix),
        ])
    case .nilaiDinormalisasi:
      return Entry(
        level: .info, title: Words("Nilai dinormalisasi", "Value normalized"),
        variants: [
          .plain: Text(
            Words(
              "Nilai \"{nilai}\" dibaca sebagai {menjadi}.",
              "Value \"{nilai}\" was read as {menjadi}.")),
          .excelSerial: Text(
            Words(
              "Angka \"{nilai}\" dibaca sebagai tanggal {menjadi}.",
              "Number \"{nilai}\" was read as the date {menjadi}.")),
        ])
    case .barisTersembunyi:
      return Entry(
        level: .info, title: Words("Baris tersembunyi", "Hidden row"),
        variants: [
          .plain: Text(
            Words("Baris tersembunyi ini ikut diimpor.", "This hidden row was imported."),
            fix: Words(
              "Hapus baris jika tidak dimaksudkan sebagai data.",
              "Delete the row if it is not meant as data."))
        ])
    case .catatanDiabaikan:
      return Entry(
        level: .info, title: Words("Catatan diabaikan", "Notes left out"),
        variants: [
          .plain: Text(
            Words(
              "{jumlah} baris catatan di bawah tabel (mulai \"{nilai}\") tidak diimpor.",
              "{jumlah} note rows below the table (from \"{nilai}\") were not imported."))
        ])
    case .templatKedaluwarsa:
      return Entry(
        level: .peringatan, title: Words("Templat kedaluwarsa", "Outdated template"),
        variants: [
          .plain: Text(
            Words(
              "Buku kerja dibuat dari templat versi {versi}; versi terbaru {versi_kini}.",
              "The workbook was made from template version {versi}; the current version is {versi_kini}."
            ),
            fix: Words(
              "Gunakan templat terbaru (pipeline template).",
              "Use the current template (pipeline template)."))
        ])
    case .berkasDilewati:
      func skipped(_ id: String, _ en: String, fix: Words?) -> Text {
        Text(
          Words("\"{berkas}\" dilewati: \(id).", "\"{berkas}\" was skipped: \(en)."), fix: fix)
      }
      let copy = Words(
        "Jika berisi lembar kerja, salin sebagai berkas biasa ke folder masukan.",
        "If it holds a spreadsheet, copy it as a regular file into the inputs folder.")
      let unreadable = skipped(
        "folder ini tidak dapat dibuka", "the folder cannot be opened",
        fix: Words("Periksa hak akses folder itu.", "Check the folder's permissions."))
      return Entry(
        level: .info, title: Words("Berkas dilewati", "Entry skipped"),
        variants: [
          .outputsFolder: skipped(
            "ini folder keluaran, yang tidak pernah dibaca sebagai masukan",
            "it is the outputs folder, which is never read as input", fix: nil),
          .symlink: skipped(
            "ini tautan simbolik; tautan di dalam folder masukan tidak diikuti",
            "it is a symbolic link; links inside the inputs folder are not followed", fix: copy),
          .notRegularFile: skipped(
            "ini bukan berkas biasa (pipa, perangkat, soket, atau berkas sistem)",
            "it is not a regular file (a pipe, a device, a socket or a system file)", fix: copy),
          .nameTooLong: skipped(
            "jalurnya lebih panjang dari yang dapat dibuka sistem",
            "its path is longer than the system can open",
            fix: Words(
              "Pindahkan berkas ke folder yang jalurnya lebih pendek.",
              "Move the file to a folder with a shorter path.")),
          .nestedZip: skipped(
            "ini zip di dalam zip; zip bersarang tidak dibuka",
            "it is a zip inside the zip; nested zips are not opened",
            fix: Words(
              "Kirim isinya sebagai berkas tersendiri atau dalam paket zip biasa.",
              "Send its contents as separate files or in a plain zip paket.")),
          .unsafeName: skipped(
            "namanya keluar dari zip (..) atau sama dengan anggota lain",
            "its name climbs out of the zip (..) or repeats another member's",
            fix: Words(
              "Buat ulang zip dari folder berisi buku kerja saja.",
              "Make the zip again from a folder holding only the workbooks.")),
          .mergedCopy: skipped(
            "ini salinan gabungan dari anggota paket lainnya",
            "it is a merged copy of the paket's other members", fix: nil),
          .folderUnreadable: unreadable,
          .plain: unreadable,
        ])
    case .berkasGanda:
      return Entry(
        level: .peringatan, title: Words("Berkas ganda", "Duplicate file"),
        variants: [
          .plain: Text(
            Words(
              "Berkas ini sama persis dengan \"{berkas_asli}\"; hanya \"{berkas_asli}\" yang dibaca.",
              "This file is identical to \"{berkas_asli}\"; only \"{berkas_asli}\" was read."),
            fix: Words(
              "Hapus salinan ini dari folder masukan.", "Remove this copy from the inputs folder."))
        ])
    case .namaGanda:
      return Entry(
        level: .peringatan, title: Words("Nama ganda", "Name given twice"),
        variants: [
          .plain: Text(
            Words(
              "\"{nilai}\" sudah dilaporkan OPD ini untuk domain yang sama di {lain}.",
              "\"{nilai}\" was already reported by this OPD for the same domain at {lain}."),
            fix: Words(
              "Jika salah satu berkas adalah kiriman lama, hapus berkas itu dari folder masukan.",
              "If one of the files is an older submission, remove it from the inputs folder."))
        ])
    case .kolomTidakBerlaku:
      return Entry(
        level: .info, title: Words("Kolom tidak berlaku", "Column does not apply"),
        variants: [
          .plain: Text(
            Words(
              "Kolom \"{kolom}\" tidak berlaku untuk {domain} berjenis {jenis} (hanya untuk {berlaku}); nilainya disimpan sebagai data tambahan.",
              "Column \"{kolom}\" does not apply to {domain} of type {jenis} (only to {berlaku}); its value is kept as extra data."
            ),
            fix: Words(
              "Periksa jenis baris ini, atau pindahkan nilainya ke lembar jenis yang memiliki kolom itu.",
              "Check this row's type, or move the value to the sheet of the type that has the column."
            ))
        ])
    case .berkasKosong:
      return Entry(
        level: .peringatan, title: Words("Berkas kosong", "Empty file"),
        variants: [
          .plain: Text(
            Words(
              "Berkas \"{berkas}\" tidak berisi satu pun baris data; tidak ada yang diterima darinya.",
              "File \"{berkas}\" holds no data rows; nothing was received from it."),
            fix: Words(
              "Isi baris di lembar domain templat (di bawah baris judul), simpan, lalu kirim lagi.",
              "Fill in rows on the template's domain sheets (below the header row), save, and send it again."
            ))
        ])
    }
  }
}
