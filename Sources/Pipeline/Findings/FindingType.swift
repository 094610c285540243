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
  case kolomTidakBerlaku = "kolom-tidak-berlaku"
  case berkasKosong = "berkas-kosong"

  /// The level the catalog gives this type.
  public var defaultSeverity: Severity { Catalog.entry(self).level }
}
