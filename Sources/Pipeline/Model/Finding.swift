import Spreadsheet

public enum Severity: String, Sendable, CaseIterable, Comparable {
  case kesalahan, peringatan, info

  var rank: Int {
    switch self {
    case .kesalahan: return 2
    case .peringatan: return 1
    case .info: return 0
    }
  }
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The stable ids of SPEC §5.
public enum FindingType: String, Sendable, CaseIterable {
  case berkasTidakTerbaca = "berkas-tidak-terbaca"
  case berkasTerenkripsi = "berkas-terenkripsi"
  case formatTidakDidukung = "format-tidak-didukung"
  case lembarTidakDikenal = "lembar-tidak-dikenal"
  case headerTidakDitemukan = "header-tidak-ditemukan"
  case kolomWajibTidakAda = "kolom-wajib-tidak-ada"
  case kolomTidakDikenal = "kolom-tidak-dikenal"
  case kolomGanda = "kolom-ganda"
  case wajibDiisi = "wajib-diisi"
  case tipeTidakSesuai = "tipe-tidak-sesuai"
  case diLuarRentang = "di-luar-rentang"
  case nilaiGalatExcel = "nilai-galat-excel"
  case formulaTanpaNilai = "formula-tanpa-nilai"
  case kodeTidakDikenal = "kode-tidak-dikenal"
  case kodeTingkatTidakSesuai = "kode-tingkat-tidak-sesuai"
  case kodeIndukTidakKonsisten = "kode-induk-tidak-konsisten"
  case pilihanTidakDikenal = "pilihan-tidak-dikenal"
  case opdTidakDikenal = "opd-tidak-dikenal"
  case idGanda = "id-ganda"
  case idDibuat = "id-dibuat"
  case referensiTidakDitemukan = "referensi-tidak-ditemukan"
  case duplikatLintasOpd = "duplikat-lintas-opd"
  case nilaiDinormalisasi = "nilai-dinormalisasi"
  case barisTersembunyi = "baris-tersembunyi"
  case catatanDiabaikan = "catatan-diabaikan"
  case templatKedaluwarsa = "templat-kedaluwarsa"
  case berkasDilewati = "berkas-dilewati"
  case berkasGanda = "berkas-ganda"
  case namaGanda = "nama-ganda"

  public var defaultSeverity: Severity {
    switch self {
    case .formatTidakDidukung, .lembarTidakDikenal, .kolomGanda, .formulaTanpaNilai,
      .kodeIndukTidakKonsisten, .referensiTidakDitemukan, .duplikatLintasOpd, .templatKedaluwarsa,
      .berkasGanda, .namaGanda:
      return .peringatan
    case .kolomTidakDikenal, .idDibuat, .nilaiDinormalisasi, .barisTersembunyi,
      .catatanDiabaikan, .berkasDilewati:
      return .info
    default:
      return .kesalahan
    }
  }
}

/// Where a finding points: a file, maybe a sheet, maybe a row and a column.
public struct Location: Sendable, Hashable {
  /// Path relative to the inputs folder.
  public var file: String
  /// `nil` for a CSV or for the file as a whole.
  public var sheet: String?
  public var row: Int?
  /// 1-based column, when the finding is about one cell.
  public var column: Int?

  public init(file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
    self.file = file
    self.sheet = sheet
    self.row = row
    self.column = column
  }

  /// The cell as a spreadsheet program shows it (also for a CSV opened in one).
  public var cell: String? {
    guard let row, let column else { return nil }
    return CellAddress.a1(row: row, column: column)
  }
}

/// A problem found in the inputs: a typed value; its message is rendered from
/// the catalog in the user's language when it is emitted.
public struct Finding: Sendable {
  public var type: FindingType
  public var severity: Severity
  public var location: Location
  /// The header as the user wrote it.
  public var columnLabel: String?
  /// The field key of the standard.
  public var field: String?
  /// The raw value as written.
  public var value: String?
  /// Values the message template names (`{domain}`, `{kode}` …).
  public var params: [String: String]
  /// Suggested spellings ("did you mean").
  public var suggestions: [String]
  /// Position of the sheet in its workbook, for ordering by file, sheet and row.
  public var sheetIndex: Int

  public init(
    _ type: FindingType, at location: Location, sheetIndex: Int = 0, severity: Severity? = nil,
    column: String? = nil, field: String? = nil, value: String? = nil,
    params: [String: String] = [:], suggestions: [String] = []
  ) {
    self.type = type
    self.severity = severity ?? type.defaultSeverity
    self.location = location
    self.columnLabel = column
    self.field = field
    self.value = value
    self.params = params
    self.suggestions = suggestions
    self.sheetIndex = sheetIndex
  }
}
