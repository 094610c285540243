import Pipeline

/// Every text of the HTML pages and of `konsolidasi.xlsx`, one case each, in
/// Bahasa Indonesia and English side by side. `{…}` stands for a value given
/// when the text is used (a count already formatted for the language).
enum PageText: CaseIterable {
  /// Shared by the pages and the workbook.
  case summary
  case regionCode
  case period
  case files
  case file
  case inputFiles
  case sheet
  case row
  case rows
  case dataRows
  case column
  case value
  case values
  case type
  case level
  case message
  case findings
  case accepted
  case rejected
  case opd
  case opdCode
  case feedback
  case findingsByType
  case allFindings
  /// laporan.html.
  case reportTitle
  case generated
  case contents
  case tocCompleteness
  case tocTopFixes
  case unreadableCount
  case officesSending
  case ofOffices
  case tablesImported
  case blankRowsCount
  case errors
  case warnings
  case rowsPerDomain
  case acceptedLegend
  case rejectedLegend
  case rowsChartTitle
  case officesSentCaption
  case officesWithAccepted
  case noneYet
  case officesChartTitle
  case completenessHeading
  case completenessNote
  case shadeNoRows
  case shadeAllRejected
  case shadeUnderHalf
  case shadeMostly
  case shadeAllAccepted
  case total
  case rejectedCount
  case openLink
  case nothingSent
  case unknownOPDLead
  case seeTheirPage
  case topFixesHeading
  case topFixesNote
  case noErrorsOrWarnings
  case rowsCleared
  case exampleAndFix
  case moreGroups
  case noFindings
  case findingsByTypeAndLevel
  case status
  case sheetAndDomain
  case blank
  case fileRead
  case fileFailed
  case noTable
  case findingsOrderNote
  case findingsShownFirst
  case searchLabel
  case searchPlaceholder
  case levelFilter
  case typeFilter
  case allOption
  case shownCount
  case reportFooter
  /// The findings table of both kinds of page.
  case location
  case problemAndFix
  case rowNumber
  /// umpan-balik/*.html.
  case collectingOfficeUnnamed
  case unknownOPDTitle
  case feedbackEyebrow
  case checked
  case feedbackFooter
  case unknownOPDIntro
  case rowsAccepted
  case rowsRejected
  case cellsToFix
  case allAcceptedThanks
  case howToFix
  case fixStepOpen
  case fixStepChange
  case fixStepSend
  case filesSent
  case filesForDomain
  case unreadableSuffix
  case resultPerDomain
  case whatToFix
  case nothing
  case whatToFixNote
  case rowsShownFirst
  case rejectedRows
  case rejectedRowsNote
  case name
  case reason
  case notesHeading
  /// konsolidasi.xlsx.
  case workbookTitle
  case institution
  case generatedAt
  case tool
  case unreadableFiles
  case tables
  case blankRows
  case errorFindings
  case warningFindings
  case infoFindings
  case silentOffices
  case abbreviation
  case acceptedInAll
  case extraColumns
  case rowsDoNotFit
  case cell
  case field
  case fix
  /// umpan-balik/*.html: what is missing, and OPDs that sent nothing yet.
  case nothingReceived
  case missingDomainsHeading
  case missingDomainsLead
  case domainToSend
  case notSentIntro
  case expectedHeading
  case notSentStepTemplate
  case notSentStepFill
  case instructionSheetNote
  /// konsolidasi.xlsx and daftar-kirim.csv: who to send the feedback to.
  case sendListSheet
  case feedbackPage
  case contactName
  case contactPosition
  case contactInfo
  case contactDate
  case errorsToFix
  case domainsMissing
  case sendStatus
  /// konsolidasi.xlsx, the `Analisis …` sheets.
  case domain
  case amount
  case withoutAmount
  case records
  case applicationName
  case raaCode
  case applicationClass
  case commonApplication
  case migrationFor
  case hostingPlace
  case owner
  case users
  case nonUsers
  case userCount
  case migrationCandidates
  case group
  case sharedWords
  case gapKind
  case recordName
  case fromOPD
  case toOPD
  case dataName
  case applicationCount
  case recordID

  /// The text in Bahasa Indonesia and in English.
  var words: (id: String, en: String) {
    switch self {
    case .summary: return ("Ringkasan", "Summary")
    case .regionCode: return ("Kode wilayah", "Region code")
    case .period: return ("Periode", "Period")
    case .files: return ("Berkas", "Files")
    case .file: return ("Berkas", "File")
    case .inputFiles: return ("Berkas masukan", "Input files")
    case .sheet: return ("Lembar", "Sheet")
    case .row: return ("Baris", "Row")
    case .rows: return ("Baris", "Rows")
    case .dataRows: return ("Baris data", "Data rows")
    case .column: return ("Kolom", "Column")
    case .value: return ("Nilai", "Value")
    case .values: return ("Nilai", "Values")
    case .type: return ("Jenis", "Type")
    case .level: return ("Tingkat", "Level")
    case .message: return ("Pesan", "Message")
    case .findings: return ("Temuan", "Findings")
    case .accepted: return ("Diterima", "Accepted")
    case .rejected: return ("Ditolak", "Rejected")
    case .opd: return ("Perangkat Daerah", "OPD")
    case .opdCode: return ("Kode OPD", "OPD code")
    case .feedback: return ("Umpan balik", "Feedback")
    case .findingsByType: return ("Temuan per jenis", "Findings by type")
    case .allFindings: return ("Daftar temuan", "All findings")
    case .reportTitle: return ("Laporan Arsitektur SPBE", "SPBE Architecture Report")
    case .generated: return ("Dibuat", "Generated")
    case .contents: return ("Isi", "Contents")
    case .tocCompleteness: return ("Kelengkapan per OPD", "Completeness per OPD")
    case .tocTopFixes: return ("Perbaikan utama", "Top fixes")
    case .unreadableCount: return ("{n} gagal dibaca", "{n} unreadable")
    case .officesSending: return ("OPD mengirim", "OPDs that sent")
    case .ofOffices: return ("dari {n} OPD", "of {n} OPDs")
    case .tablesImported: return ("Tabel diimpor", "Tables imported")
    case .blankRowsCount: return ("{n} baris kosong", "{n} blank rows")
    case .errors: return ("Kesalahan", "Errors")
    case .warnings: return ("Peringatan", "Warnings")
    case .rowsPerDomain: return ("Baris per domain", "Rows per domain")
    case .acceptedLegend: return ("diterima", "accepted")
    case .rejectedLegend: return ("ditolak", "rejected")
    case .rowsChartTitle:
      return ("Baris diterima dan ditolak per domain", "Accepted and rejected rows per domain")
    case .officesSentCaption: return ("OPD yang sudah mengirim", "OPDs that have sent")
    case .officesWithAccepted: return ("OPD dengan data diterima", "OPDs with accepted rows")
    case .noneYet: return ("belum ada", "none yet")
    case .officesChartTitle:
      return ("OPD dengan data diterima per domain", "OPDs with accepted rows per domain")
    case .completenessHeading:
      return ("Kelengkapan per OPD dan domain", "Completeness per OPD and domain")
    case .completenessNote:
      return (
        "Setiap OPD dalam daftar ({n}), juga yang belum mengirim. Angka: baris diterima; di bawahnya baris yang ditolak. Warna: bagian baris yang diterima.",
        "Every OPD of the registry ({n}), including those that sent nothing. Number: accepted rows; below it, rejected rows. Colour: share of rows accepted."
      )
    case .shadeNoRows: return ("tidak ada baris", "no rows")
    case .shadeAllRejected: return ("semua ditolak", "all rejected")
    case .shadeUnderHalf: return ("< 50% diterima", "< 50% accepted")
    case .shadeMostly: return ("50–99% diterima", "50–99% accepted")
    case .shadeAllAccepted: return ("semua diterima", "all accepted")
    case .total: return ("Jumlah", "Total")
    case .rejectedCount: return ("{n} ditolak", "{n} rejected")
    case .openLink: return ("buka", "open")
    case .nothingSent: return ("belum mengirim", "nothing sent")
    case .unknownOPDLead:
      return (
        "Berkas atau baris yang OPD-nya tidak dikenali: ", "Files or rows whose OPD is unknown: "
      )
    case .seeTheirPage: return ("lihat halamannya", "see their page")
    case .topFixesHeading: return ("Perbaikan yang paling berdampak", "Fixes with the most effect")
    case .topFixesNote:
      return (
        "Temuan kesalahan dan peringatan dikelompokkan per jenis dan kolom. Urutan: berapa baris ditolak yang akan diterima bila kelompok itu saja diperbaiki, lalu jumlah temuan.",
        "Error and warning findings grouped by type and column, ordered by how many rejected rows that fix alone would let through, then by number of findings."
      )
    case .noErrorsOrWarnings:
      return ("Tidak ada kesalahan atau peringatan.", "No errors or warnings.")
    case .rowsCleared: return ("Baris diterima bila diperbaiki", "Rows cleared")
    case .exampleAndFix: return ("Contoh dan saran", "Example and fix")
    case .moreGroups:
      return (
        "{n} kelompok lain ada di daftar temuan di bawah.", "{n} more groups are in the list below."
      )
    case .noFindings: return ("Tidak ada temuan.", "No findings.")
    case .findingsByTypeAndLevel:
      return ("Jumlah temuan per jenis dan tingkat", "Findings by type and level")
    case .status: return ("Status", "Status")
    case .sheetAndDomain: return ("Lembar › domain", "Sheet › domain")
    case .blank: return ("Kosong", "Blank")
    case .fileRead: return ("terbaca", "read")
    case .fileFailed: return ("gagal", "failed")
    case .noTable: return ("tidak ada tabel", "no table")
    case .findingsOrderNote:
      return (
        "Urut per berkas, lembar, dan baris. Lokasi ditulis berkas › lembar › sel. Semua temuan juga ada di temuan.csv.",
        "Ordered by file, sheet and row. Locations read file › sheet › cell. Every finding is also in temuan.csv."
      )
    case .findingsShownFirst:
      return (
        "Ditampilkan {n} temuan pertama dari {total}; selengkapnya di temuan.csv dan halaman umpan balik per OPD.",
        "Showing the first {n} of {total} findings; all are in temuan.csv and the feedback page of each OPD."
      )
    case .searchLabel: return ("Cari ", "Search ")
    case .searchPlaceholder:
      return ("berkas, kolom, nilai, pesan…", "file, column, value, message…")
    case .levelFilter: return ("Tingkat ", "Level ")
    case .typeFilter: return ("Jenis ", "Type ")
    case .allOption: return ("semua", "all")
    case .shownCount: return (" ditampilkan", " shown")
    case .reportFooter:
      return (
        "Dibuat oleh pipeline {versi} dari berkas di folder masukan. Nomor yang berbentuk NIK (16 digit) atau NIP (18 digit) disamarkan di halaman ini; data lengkap ada di arsitektur-spbe.json.",
        "Generated by pipeline {versi} from the files in the inputs folder. Numbers shaped like a NIK (16 digits) or NIP (18 digits) are masked on this page; the full data is in arsitektur-spbe.json."
      )
    case .location: return ("Lokasi", "Location")
    case .problemAndFix: return ("Masalah dan saran", "Problem and fix")
    case .rowNumber: return ("baris {n}", "row {n}")
    case .collectingOfficeUnnamed: return ("pengelola SPBE", "the SPBE coordinator")
    case .unknownOPDTitle:
      return ("Berkas dan baris tanpa OPD yang dikenali", "Files and rows without a known OPD")
    case .feedbackEyebrow: return ("Umpan balik inventaris SPBE", "SPBE inventory feedback")
    case .checked: return ("Diperiksa", "Checked")
    case .feedbackFooter:
      return (
        "Halaman ini dibuat otomatis oleh pipeline {versi}. Nomor berbentuk NIK atau NIP disamarkan. Pertanyaan: hubungi {pengelola}.",
        "Generated by pipeline {versi}. Numbers shaped like a NIK or NIP are masked. Questions: contact {pengelola}."
      )
    case .unknownOPDIntro:
      return (
        "Untuk berkas dan baris di bawah, perangkat daerahnya tidak dapat ditentukan: tidak ada kolom Perangkat Daerah yang dikenali, lembar Identitas, atau nama berkas yang menyebut OPD. Isi kolom Perangkat Daerah atau lembar Identitas (Nama/Kode Perangkat Daerah sesuai daftar OPD), atau beri nama berkas dengan nama OPD, lalu kirim ulang.",
        "For the files and rows below no OPD could be found: no recognised Perangkat Daerah column, no Identitas sheet, no OPD in the file name. Fill in the Perangkat Daerah column or the Identitas sheet, or name the file after the OPD, and send it again."
      )
    case .rowsAccepted: return ("Baris diterima", "Rows accepted")
    case .rowsRejected: return ("Baris ditolak", "Rows rejected")
    case .cellsToFix: return ("Sel yang harus diperbaiki", "Cells to fix")
    case .allAcceptedThanks:
      return (
        "Terima kasih: semua baris diterima. Periksa peringatan di bawah bila ada.",
        "Thank you: every row was accepted. Check any warnings below."
      )
    case .howToFix: return ("Langkah perbaikan:", "How to fix:")
    case .fixStepOpen:
      return (
        "Buka berkas yang disebut, pada lembar dan sel yang tertulis (berkas › lembar › sel).",
        "Open the file named, at the sheet and cell given (file › sheet › cell)."
      )
    case .fixStepChange:
      return (
        "Ganti nilainya mengikuti saran; jangan mengubah judul kolom.",
        "Change the value as suggested; do not change the column headers."
      )
    case .fixStepSend:
      return (
        "Simpan sebagai .xlsx dan kirim kembali seluruh berkas ke {pengelola}.",
        "Save as .xlsx and send the whole file back to {pengelola}."
      )
    case .filesSent: return ("Berkas yang dikirim", "Files sent")
    case .filesForDomain:
      return (
        "OPD ini mengirim {jumlah} berkas untuk domain {domain}: {berkas}.",
        "This OPD sent {jumlah} files for the {domain} domain: {berkas}."
      )
    case .unreadableSuffix: return (" — tidak dapat dibaca", " — unreadable")
    case .resultPerDomain: return ("Hasil per domain", "Result per domain")
    case .whatToFix: return ("Yang perlu diperbaiki", "What to fix")
    case .nothing: return ("Tidak ada.", "Nothing.")
    case .whatToFixNote:
      return (
        "Kesalahan membuat barisnya ditolak; peringatan tidak, tetapi sebaiknya diperiksa. Urut per berkas, lembar, dan baris.",
        "Errors reject their row; warnings do not, but should be checked. Ordered by file, sheet and row."
      )
    case .rowsShownFirst:
      return (
        "Ditampilkan {n} pertama dari {total}; semuanya ada di temuan.csv.",
        "Showing the first {n} of {total}; all are in temuan.csv."
      )
    case .rejectedRows: return ("Baris yang ditolak", "Rejected rows")
    case .rejectedRowsNote:
      return (
        "Baris ini belum masuk ke arsitektur. Setelah selnya diperbaiki dan berkas dikirim ulang, baris akan diterima.",
        "These rows are not in the architecture yet. Once their cells are fixed and the file sent again, they will be accepted."
      )
    case .name: return ("Nama", "Name")
    case .reason: return ("Sebab", "Reason")
    case .notesHeading:
      return (
        "Catatan ({n}): hal yang diperbaiki otomatis atau sekadar diberitahukan",
        "Notes ({n}): things repaired automatically or worth knowing"
      )
    case .workbookTitle: return ("Konsolidasi arsitektur SPBE", "SPBE architecture consolidation")
    case .institution: return ("Instansi", "Institution")
    case .generatedAt: return ("Dibuat pada", "Generated")
    case .tool: return ("Alat", "Tool")
    case .unreadableFiles: return ("Berkas gagal dibaca", "Unreadable files")
    case .tables: return ("Tabel", "Tables")
    case .blankRows: return ("Baris kosong", "Blank rows")
    case .errorFindings: return ("Temuan kesalahan", "Error findings")
    case .warningFindings: return ("Temuan peringatan", "Warning findings")
    case .infoFindings: return ("Temuan info", "Info findings")
    case .silentOffices: return ("OPD tanpa kiriman", "OPDs that sent nothing")
    case .abbreviation: return ("Singkatan", "Abbreviation")
    case .acceptedInAll: return ("Jumlah diterima", "Accepted in all")
    case .extraColumns: return ("Kolom tambahan", "Extra columns")
    case .rowsDoNotFit:
      return (
        "{n} baris berikutnya tidak muat di lembar ini; semuanya ada di ",
        "{n} more rows do not fit on this sheet; all of them are in "
      )
    case .cell: return ("Sel", "Cell")
    case .field: return ("Bidang", "Field")
    case .fix: return ("Saran", "Fix")
    case .nothingReceived:
      return (
        "Belum ada baris yang diterima: berkas yang dikirim tidak berisi baris data. Isi lembar domain templat di bawah baris judul, lalu kirim lagi ke {pengelola}.",
        "Nothing was received yet: the files sent hold no data rows. Fill in the template's domain sheets below the header row and send them again to {pengelola}."
      )
    case .missingDomainsHeading: return ("Domain yang belum dikirim", "Domains not sent yet")
    case .missingDomainsLead:
      return (
        "Dari enam domain SPBE, OPD ini belum mengirim baris untuk domain berikut. Isi lembarnya di templat dan kirim ke {pengelola}:",
        "Of the six SPBE domains, this OPD has sent no rows for the ones below. Fill in their sheets of the template and send them to {pengelola}:"
      )
    case .domainToSend:
      return (
        "lembar «{lembar}», kolom wajib: {kolom}", "sheet «{lembar}», required columns: {kolom}"
      )
    case .notSentIntro:
      return (
        "Belum ada kiriman inventaris SPBE dari OPD ini untuk periode {periode}. Yang diharapkan: satu buku kerja berisi enam domain di bawah, dikirim ke {pengelola}.",
        "No SPBE inventory has been received from this OPD for the period {periode}. Expected: one workbook holding the six domains below, sent to {pengelola}."
      )
    case .expectedHeading: return ("Yang perlu dikirim", "What to send")
    case .notSentStepTemplate:
      return (
        "Minta templat buku kerja OPD ini (lembar Identitas sudah terisi) kepada {pengelola}.",
        "Ask {pengelola} for this OPD's template workbook (its Identitas sheet filled in)."
      )
    case .notSentStepFill:
      return (
        "Isi lembar Identitas (nama pengisi, jabatan, kontak) dan satu baris per objek di setiap lembar domain, lalu kirim sebagai .xlsx ke {pengelola}.",
        "Fill in the Identitas sheet (who filled it in, position, contact) and one row per item on every domain sheet, then send it as .xlsx to {pengelola}."
      )
    case .instructionSheetNote:
      return (
        "Lembar petunjuk tidak diimpor; tidak perlu diubah.",
        "Instruction sheets are not imported; nothing to change there."
      )
    case .sendListSheet: return ("Daftar Kirim", "Send list")
    case .feedbackPage: return ("Halaman umpan balik", "Feedback page")
    case .contactName: return ("Nama pengisi", "Filled in by")
    case .contactPosition: return ("Jabatan", "Position")
    case .contactInfo: return ("Kontak", "Contact")
    case .contactDate: return ("Tanggal pengisian", "Filled in on")
    case .errorsToFix: return ("Kesalahan yang harus diperbaiki", "Errors to fix")
    case .domainsMissing: return ("Domain belum dikirim", "Domains missing")
    case .sendStatus: return ("Status", "Status")
    case .domain: return ("Domain", "Domain")
    case .amount: return ("Jumlah (Rp)", "Amount (Rp)")
    case .withoutAmount: return ("Tanpa nilai", "Without amount")
    case .records: return ("Rekaman", "Records")
    case .applicationName: return ("Nama aplikasi", "Application name")
    case .raaCode: return ("Kode RAA", "RAA code")
    case .applicationClass: return ("Kelas", "Class")
    case .commonApplication: return ("Aplikasi Umum/nasional", "Common/national application")
    case .migrationFor: return ("Kandidat migrasi ke", "Migration candidate for")
    case .hostingPlace: return ("Lokasi hosting", "Hosting")
    case .owner: return ("Pemilik", "Owner")
    case .users: return ("OPD pengguna", "OPDs using it")
    case .nonUsers: return ("OPD bukan pengguna", "OPDs not using it")
    case .userCount: return ("Jumlah OPD pengguna", "OPDs using it (count)")
    case .migrationCandidates: return ("Kandidat migrasi", "Migration candidates")
    case .group: return ("Kelompok", "Group")
    case .sharedWords: return ("Kata yang sama", "Shared words")
    case .gapKind: return ("Jenis celah", "Gap")
    case .recordName: return ("Nama", "Name")
    case .fromOPD: return ("Dari OPD", "From OPD")
    case .toOPD: return ("Ke OPD", "To OPD")
    case .dataName: return ("Nama data", "Data name")
    case .applicationCount: return ("Jumlah aplikasi", "Applications")
    case .recordID: return ("ID", "ID")
    }
  }

  /// The text in `lang`, its placeholders filled from `values`.
  func callAsFunction(_ lang: Language, _ values: [String: String] = [:]) -> String {
    let w = words
    let text = lang == .en ? w.en : w.id
    return values.isEmpty ? text : fill(text, values)
  }
}
